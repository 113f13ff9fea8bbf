"""The sentence and short labels for a passed target in fi/sv/en: the outcome at the deadline and since.

'Tavoite 80 % saavutettiin Q4/2025 (82 %); sen jälkeen laskenut: 75 % Q3/2026, 5,0 %-yks. alle tavoitteen.'
Built from parts joined by semicolons, each part a whole clause in the catalog (i18n/*/outcome.toml).
"""

from __future__ import annotations

from charts.theme import OUTCOME_STYLE, SINCE_STYLE
from i18n import fmt, t
from metrics.outcome import DeadlineOutcome, Outcome, Reading, SinceDeadline
from metrics.trajectory import TOLERANCE


def outcome_sentence(found: Outcome, lang: str, is_share: bool = True) -> str:
    """The deadline, the last value before it when there was none at it, and what happened since."""
    parts = [_deadline(found, lang, is_share)]
    if found.deadline is DeadlineOutcome.NO_DATA and found.before is not None:
        parts.append(_before(found, found.before, lang, is_share))
    parts.append(_since(found, lang, is_share))
    return "; ".join(parts) + "."


def deadline_label(found: Outcome, lang: str) -> str:
    """Symbol and word for the outcome at the deadline, e.g. '✔ Saavutettu määräaikaan'."""
    return f"{OUTCOME_STYLE[found.deadline][0]} {t(f'outcome.name.{found.deadline}', lang)}"


def since_label(found: Outcome, lang: str) -> str:
    """Symbol and word for what happened since, e.g. '▼ Pudonnut tavoitteesta'."""
    return f"{SINCE_STYLE[found.since][0]} {t(f'outcome.since_name.{found.since}', lang)}"


def _side(found: Outcome) -> str:
    """Which way a miss lies: below the target when higher is better, above it when lower is."""
    return "higher" if found.higher_is_better else "lower"


def _measure(value: float | None, lang: str, is_share: bool) -> str:
    return fmt.percent(value, lang) if is_share else fmt.number(value, lang)


def _distance(gap: float | None, lang: str, is_share: bool) -> str:
    """Unsigned size of a gap: the words ('alle', 'yli') say which way."""
    if gap is None:
        return "–"
    return fmt.points(abs(gap), lang).lstrip("+") if is_share else fmt.number(abs(gap), lang)


def _deadline(found: Outcome, lang: str, is_share: bool) -> str:
    target = _measure(found.target, lang, is_share)
    period = fmt.period(found.target_period, lang)
    at = found.at_deadline
    if at is None:
        key = "no_data" if found.before is not None else "no_data_ever"
        return t(f"outcome.deadline.{key}", lang, target=target, target_period=period)
    value = _measure(at.value, lang, is_share)
    if at.period != found.target_period:  # always say which period the value is from
        value = t("outcome.deadline.measured", lang, value=value, period=fmt.period(at.period, lang))
    key = "met" if found.deadline is DeadlineOutcome.MET else f"missed_{_side(found)}"
    gap = _distance(found.gap_at_deadline, lang, is_share)
    return t(f"outcome.deadline.{key}", lang, target=target, target_period=period, value=value, gap=gap)


def _before(found: Outcome, before: Reading, lang: str, is_share: bool) -> str:
    if abs(before.value - found.target) <= TOLERANCE:
        key = "at"
    elif found.higher_is_better:
        key = "above_met" if found.before_met else "below_missed"
    else:
        key = "below_met" if found.before_met else "above_missed"
    return t(
        f"outcome.before.{key}",
        lang,
        period=fmt.period(before.period, lang),
        value=_measure(before.value, lang, is_share),
        target=_measure(found.target, lang, is_share),
    )


def _since(found: Outcome, lang: str, is_share: bool) -> str:
    since = found.since
    if since is SinceDeadline.NO_LATER_DATA or found.latest is None:
        return t("outcome.since.no_later_data", lang)
    key = since.value
    if since in (SinceDeadline.SLIPPED, SinceDeadline.STILL_SHORT):
        key = f"{since.value}_{_side(found)}"
    return t(
        f"outcome.since.{key}",
        lang,
        latest=_measure(found.latest.value, lang, is_share),
        latest_period=fmt.period(found.latest.period, lang),
        gap=_distance(found.gap_latest, lang, is_share),
    )
