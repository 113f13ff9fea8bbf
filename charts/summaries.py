"""One-sentence summaries of charts: shown as captions, reused as alt text and slide notes."""

from __future__ import annotations

from i18n import fmt, t
from metrics.headline import Headline


def headline_summary(name: str, head: Headline, lang: str) -> str:
    if head.baseline is None or head.target is None:
        return name
    values = {
        "name": name,
        "baseline": fmt.percent(head.baseline.value, lang),
        "baseline_period": fmt.period(head.baseline.period, lang),
        "target": fmt.percent(head.target.value, lang),
        "target_period": fmt.period(head.target.period, lang),
    }
    if head.latest is None:
        return t("overview.chart_summary_none", lang, **values)
    return t(
        "overview.chart_summary",
        lang,
        latest=fmt.percent(head.latest.value, lang),
        period=fmt.period(head.latest.period, lang),
        **values,
    )
