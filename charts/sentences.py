"""The sentence that explains a verdict, in fi/sv/en: what the trend says about the target."""

from __future__ import annotations

from i18n import fmt, t
from metrics.trajectory import Assessment, Goal, Verdict


def verdict_sentence(goal: Goal, assessment: Assessment, lang: str) -> str:
    """E.g. 'Nykyvauhdilla 78,4 % Q4/2025 – jää 1,6 %-yks. tavoitteesta (6 havaintoa, 1/2023–3/2025).'"""
    unit = "percent" if goal.is_share else "number"
    if assessment.verdict is Verdict.NOT_JUDGED:
        return t("verdict.sentence.not_judged", lang, needed=assessment.min_points, have=assessment.n_points)
    projection = assessment.projection
    values = {
        "latest": fmt.measure(assessment.latest_value, unit, lang),
        "latest_period": fmt.period(assessment.latest_period, lang),
        "target": fmt.measure(goal.target, unit, lang),
        "target_period": fmt.period(goal.target_period, lang),
        "gap": fmt.points(abs(assessment.gap_target), lang).lstrip("+"),
        "path_gap": fmt.points(abs(assessment.gap_path), lang).lstrip("+"),
        "projected": fmt.measure(projection.value_at_target, unit, lang) if projection else "–",
        "projected_gap": fmt.points(abs(projection.value_at_target - goal.target), lang).lstrip("+")
        if projection
        else "–",
        "n": projection.n_points if projection else assessment.n_points,
        "first": fmt.period(projection.first_period, lang) if projection else "–",
        "last": fmt.period(projection.last_period, lang) if projection else "–",
    }
    return t(f"verdict.sentence.{assessment.verdict.value}", lang, **values)
