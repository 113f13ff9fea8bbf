"""Numbers, percentages, percentage points, euros, dates and periods in fi/sv/en (babel, CLDR)."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date
from babel.numbers import format_decimal

NBSP = "\u00a0"
MINUS = "\u2212"  # typographic minus, as CLDR uses for fi and sv
LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}
PP_UNIT = {"fi": "%-yks.", "sv": "%-enh.", "en": "pp"}

# Plotly's layout.separators: decimal mark, then thousands separator.
PLOTLY_SEPARATORS = {"fi": ",\u00a0", "sv": ",\u00a0", "en": ".,"}


def number(value: float | None, lang: str = "fi", decimals: int | None = None) -> str:
    """81.5 → '81,5' (fi); a missing value is an en dash."""
    if value is None or value != value:  # NaN check without numpy
        return "–"
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    text = format_decimal(round(value, decimals), format=pattern, locale=LOCALES[lang])
    return text.replace("-", MINUS).replace("\u202f", NBSP)


def percent(value: float | None, lang: str = "fi", decimals: int | None = None) -> str:
    """A share already in 0–100: 81.5 → '81,5 %' (no-break space) in fi/sv, '81.5%' in en."""
    if value is None or value != value:
        return "–"
    sep = "" if lang == "en" else NBSP
    return f"{number(value, lang, decimals)}{sep}%"


def points(value: float | None, lang: str = "fi", decimals: int = 1) -> str:
    """A difference of percentages, signed: -1.6 → '−1,6 %-yks.'; +2 → '+2,0 %-yks.'."""
    if value is None or value != value:
        return "–"
    sign = "+" if value > 0 else ""
    return f"{sign}{number(value, lang, decimals)}{NBSP}{PP_UNIT[lang]}"


def euros(value: float | None, lang: str = "fi") -> str:
    """6636000 → '6 636 000 €' (fi/sv), '€6,636,000' (en)."""
    if value is None or value != value:
        return "–"
    amount = number(value, lang, 0)
    return f"€{amount}" if lang == "en" else f"{amount}{NBSP}€"


def day(value: date, lang: str = "fi") -> str:
    """date(2023, 1, 1) → '1.1.2023' (fi), '1.1.2023' (sv), '1 Jan 2023' (en)."""
    pattern = "d MMM y" if lang == "en" else "d.M.y"
    return format_date(value, pattern, locale=LOCALES[lang])


def moment(value: datetime, lang: str = "fi") -> str:
    """A load or refresh time: '2.12.2026 klo 2.30' (fi), '2.12.2026 kl. 2.30' (sv), '2 Dec 2026, 02:30' (en)."""
    if lang == "en":
        return f"{day(value.date(), lang)}, {value:%H:%M}"
    return f"{day(value.date(), lang)} {'klo' if lang == 'fi' else 'kl.'} {value.hour}.{value:%M}"


def period(canonical: str, lang: str = "fi") -> str:
    """Canonical period → display: '2025-03' → '3/2025', '2025Q4' → 'Q4/2025', '2024' → '2024'.

    A quarter is never written '4/2025', which reads as April. Weeks and days of source series:
    '2020W12' → 'vk 12/2020' ('v. 12/2020', 'W12 2020'), '2020-03-15' → '15.3.2020' ('2020-03-15' in en).
    """
    if "W" in canonical:
        year, week = canonical.split("W")
        return {"fi": f"vk {int(week)}/{year}", "sv": f"v. {int(week)}/{year}"}.get(lang, f"W{week} {year}")
    if canonical.count("-") == 2:
        year, month, day = canonical.split("-")
        return canonical if lang == "en" else f"{int(day)}.{int(month)}.{year}"
    if "Q" in canonical:
        year, quarter = canonical.split("Q")
        return f"Q{quarter} {year}" if lang == "en" else f"Q{quarter}/{year}"
    if "-" in canonical:
        year, month = canonical.split("-")
        return f"{int(month)}/{year}"
    return canonical


def measure(value: float | None, unit: str, lang: str = "fi") -> str:
    """A value in its indicator's unit: shares as percentages, anything else as a plain number."""
    return percent(value, lang) if unit == "percent" else number(value, lang)
