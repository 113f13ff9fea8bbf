"""The words every export carries: source line, data date, demo marker and permalink."""

from __future__ import annotations

from exports.spec import ChartExport
from i18n import t


def source_line(chart: ChartExport, lang: str | None = None) -> str:
    """'Lähde: a.csv · Tiedot ladattu 23.11.2026 · Esimerkkiaineisto — ei virallista dataa'."""
    lang = lang or chart.lang
    parts = []
    cited = chart.source_titles(lang)
    if cited:
        key = "exports.sources" if len(cited) > 1 else "exports.source"
        parts.append(f"{t(key, lang)}: {'; '.join(cited)}")
    if chart.data_date:
        parts.append(t("exports.loaded", lang, date=chart.data_date))
    if chart.is_demo:
        parts.append(t("exports.demo", lang))
    return " · ".join(parts)


def permalink_line(chart: ChartExport, lang: str | None = None) -> str:
    return f"{t('exports.permalink', lang or chart.lang)}: {chart.permalink}" if chart.permalink else ""
