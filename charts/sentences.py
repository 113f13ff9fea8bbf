"""The sentence that explains a verdict, in fi/sv/en: what the trend says about the target."""

from __future__ import annotations

from domain.periods import end
from i18n import fmt, t
from metrics.trajectory import Assessment, Goal, Verdict


def verdict_sentence(goal: Goal, assessment: Assessment, lang: str) -> str:
    """E.g. 'Nykyvauhdilla 78,4 % Q4/2025 – jää 1,6 %-yks. tavoitteesta (6 havaintoa, 1/2023–3/2025).'"""
    if assessment.verdict is Verdict.NOT_JUDGED:
        if assessment.n_points >= assessment.min_points:  # enough points, but all at one time: no slope
            return t("verdict.sentence.not_judged_one_time", lang, have=assessment.n_points)
        return t("verdict.sentence.not_judged", lang, needed=assessment.min_points, have=assessment.n_points)
    return t(f"verdict.sentence.{_sentence_kind(goal, assessment)}", lang, **_values(goal, assessment, lang))


def _sentence_kind(goal: Goal, assessment: Assessment) -> str:
    """The catalog key: the verdict, refined where one wording would be wrong for some cases."""
    verdict = assessment.verdict
    if verdict is Verdict.MET and assessment.projection is None:
        return "met_no_trend"
    if verdict is Verdict.MET_BUT_FALLING and not goal.higher_is_better:
        return "met_but_rising"  # worse means up when lower is better (waiting days)
    if verdict is Verdict.OFF_TRACK and end(assessment.latest_period) >= end(goal.target_period):
        return "off_track_missed"  # the target date is past: say it was missed, not where a trend leads
    return verdict.value


def _values(goal: Goal, assessment: Assessment, lang: str) -> dict[str, object]:
    projection = assessment.projection
    values: dict[str, object] = {
        "latest": _measure(goal, assessment.latest_value, lang),
        "latest_period": fmt.period(assessment.latest_period, lang),
        "target": _measure(goal, goal.target, lang),
        "target_period": fmt.period(goal.target_period, lang),
        "gap": _distance(goal, assessment.gap_target, lang),
        "path_gap": _distance(goal, assessment.gap_path, lang),
    }
    if projection is not None:
        values |= {
            "projected": _measure(goal, projection.value_at_target, lang),
            "projected_gap": _distance(goal, projection.value_at_target - goal.target, lang),
            "n": projection.n_points,
            "first": fmt.period(projection.first_period, lang),
            "last": fmt.period(projection.last_period, lang),
        }
    return values


def _measure(goal: Goal, value: float | None, lang: str) -> str:
    return fmt.percent(value, lang) if goal.is_share else fmt.number(value, lang)


def _distance(goal: Goal, gap: float | None, lang: str) -> str:
    """Unsigned size of a gap: the sentence's words ('jää', 'jäljessä') already say which way."""
    if gap is None:
        return "–"
    return fmt.points(abs(gap), lang).lstrip("+") if goal.is_share else fmt.number(abs(gap), lang)
