"""After the deadline, for the trajectory views: the day targets are reckoned on, and one area's sentence."""

from __future__ import annotations

from datetime import date

from charts.outcome_sentences import outcome_sentence
from charts.sentences import verdict_sentence
from i18n import fmt, t
from metrics.milestones import Reckoning
from views import Data


def reckoning_day(data: Data, as_of: date | None = None) -> date:
    """The day to reckon on: the one asked for, else the store's as-of day, else today."""
    return as_of or getattr(data, "as_of", None) or date.today()


def area_sentence(reckoning: Reckoning, lang: str, is_share: bool = True) -> str:
    """What a reader needs about one area: the latest passed target's outcome and what happened since,
    then the verdict towards the target ahead (the projection sentence), whichever apply."""
    parts = []
    if reckoning.passed:
        parts.append(outcome_sentence(reckoning.passed[-1].outcome, lang, is_share))
    if reckoning.goal is not None and reckoning.assessment is not None:
        verdict = verdict_sentence(reckoning.goal, reckoning.assessment, lang)
        if reckoning.passed:  # after a milestone, say which target the verdict is about
            target = fmt.percent(reckoning.goal.target, lang) if is_share else fmt.number(reckoning.goal.target, lang)
            period = fmt.period(reckoning.goal.target_period, lang)
            verdict = f"{t('milestone.next', lang, target=target, period=period)} {verdict}"
        parts.append(verdict)
    return " ".join(parts)
