"""The words every export carries: its sources by title, data date, demo marker, and the view it came from.

A reader sees document titles ("Keski-Pohjanmaan tilannekatsaus 6/2025"), never a file name, hash or
code, and the view in words ("Indikaattori · Kiireettömät käynnit 7 vrk:ssa · Keski-Pohjanmaa") with
the full address as a link behind it, never a query string as text.
"""

from __future__ import annotations

from config import settings
from exports.spec import ChartExport
from i18n import t

MAX_TITLES = 4  # a footer is one or two lines; the data sheet of the XLSX lists every source


def source_line(chart: ChartExport, lang: str | None = None) -> str:
    """'Lähteet: Keski-Pohjanmaan tilannekatsaus 6/2025; … · Tiedot ladattu 23.11.2026 · Esimerkkiaineisto …'."""
    lang = lang or chart.lang
    parts = []
    shown = chart.source_titles(lang, short=True)
    if shown:
        key = "exports.sources" if len(shown) > 1 else "exports.source"
        more = f"; +{len(shown) - MAX_TITLES}" if len(shown) > MAX_TITLES else ""
        parts.append(f"{t(key, lang)}: {'; '.join(shown[:MAX_TITLES])}{more}")
    if chart.data_date:
        parts.append(t("exports.loaded", lang, date=chart.data_date))
    if chart.is_demo:
        parts.append(t("exports.demo", lang))
    return " · ".join(parts)


def view_text(chart: ChartExport, lang: str | None = None) -> str:
    """'Näkymä: Indikaattori · Kiireettömät käynnit 7 vrk:ssa · Keski-Pohjanmaa': the words the link sits on."""
    if not chart.permalink:
        return ""
    return f"{t('exports.permalink', lang or chart.lang)}: {chart.extra.get('view') or chart.title}"


def view_url(chart: ChartExport) -> str:
    """The full address of the view, for a hyperlink: 'http://…/indikaattori?indicator=…&regions=18'."""
    return f"{settings().public_url}/{chart.permalink.lstrip('/')}" if chart.permalink else ""


def permalink_line(chart: ChartExport, lang: str | None = None) -> str:
    """The view line as plain text (PNG and data files cannot hold a link): the words only."""
    return view_text(chart, lang)
