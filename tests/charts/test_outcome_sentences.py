"""The sentence and labels for a passed target in fi/sv/en: every state, both directions, written out by hand."""

from __future__ import annotations

from string import Formatter

import pytest

from charts.outcome_sentences import deadline_label, outcome_sentence, since_label
from charts.theme import OUTCOME_STYLE, SINCE_STYLE
from i18n import LANGUAGES, catalog, t
from metrics.outcome import DeadlineOutcome, SinceDeadline, outcome
from palette import contrast

N = "\u00a0"  # fmt puts a no-break space before % and the pp unit
KP = [("2025Q3", 84.0), ("2025Q4", 82.0), ("2026Q1", 78.0), ("2026Q2", 76.0), ("2026Q3", 75.0)]

# fmt: off
STORIES = [
    ("fi", f"Tavoite 80{N}% saavutettiin Q4/2025 (82{N}%); sen jälkeen laskenut: 75{N}% Q3/2026, "
           f"5,0{N}%-yks. alle tavoitteen."),
    ("sv", f"Målet 80{N}% nåddes till Q4/2025 (82{N}%); värdet har sedan dess sjunkit: 75{N}% Q3/2026, "
           f"5,0{N}%-enh. under målet."),
    ("en", "The target 80% was met by Q4 2025 (82%); since then it has fallen: 75% in Q3 2026, "
           f"5.0{N}pp below the target."),
]
REMOTE = [
    ("fi", f"Ei tietoa Q4/2025:ltä; viimeisin mittaus 2024 (41,9{N}%) ylitti tavoitteen 35{N}%; "
           "uudempaa tietoa ei ole."),
    ("sv", f"Inga uppgifter för Q4/2025; den senaste mätningen 2024 (41,9{N}%) översteg målet 35{N}%; "
           "inga senare uppgifter."),
    ("en", "No data for Q4 2025; the last measurement, 2024 (41.9%), exceeded the target 35%; no later data."),
]
# fmt: on


@pytest.mark.parametrize(("lang", "expected"), STORIES)
def test_the_issue_story_met_then_slipped(lang: str, expected: str) -> None:
    assert outcome_sentence(outcome(80, "2025Q4", KP), lang) == expected


@pytest.mark.parametrize(("lang", "expected"), REMOTE)
def test_the_issue_story_no_data_but_the_last_value_met_it(lang: str, expected: str) -> None:
    assert outcome_sentence(outcome(35, "2025Q4", [("2024", 41.9)]), lang) == expected


# target, target period, actuals, higher is better, language → sentence
# fmt: off
SENTENCES = [
    pytest.param(80, "2025Q4", [("2025Q4", 82), ("2026Q3", 81)], True, "fi",
                 f"Tavoite 80{N}% saavutettiin Q4/2025 (82{N}%); sen jälkeen pysynyt tavoitteessa: 81{N}% Q3/2026.",
                 id="met-held"),
    pytest.param(80, "2025Q4", [("2025-12", 82)], True, "fi",
                 f"Tavoite 80{N}% saavutettiin Q4/2025 (82{N}%, mittaus 12/2025); uudempaa tietoa ei ole.",
                 id="met-finer-no-later"),
    pytest.param(80, "2025Q4", [("2025-12", 82)], True, "en",
                 "The target 80% was met by Q4 2025 (82%, measured in 12/2025); no later data.",
                 id="met-finer-no-later-en"),
    pytest.param(80, "2025Q4", [("2025", 78), ("2026Q2", 81)], True, "fi",
                 f"Tavoitetta 80{N}% ei saavutettu Q4/2025 (78{N}%, mittaus 2025; 2,0{N}%-yks. alle tavoitteen); "
                 f"myöhemmin saavutettu: 81{N}% Q2/2026.", id="missed-coarser-reached-later"),
    pytest.param(80, "2025Q4", [("2025", 78), ("2026Q2", 81)], True, "sv",
                 f"Målet 80{N}% nåddes inte till Q4/2025 (78{N}%, mätt 2025; 2,0{N}%-enh. under målet); "
                 f"målet nåddes senare: 81{N}% Q2/2026.", id="missed-coarser-reached-later-sv"),
    pytest.param(80, "2025Q4", [("2025Q4", 78), ("2026Q2", 79)], True, "fi",
                 f"Tavoitetta 80{N}% ei saavutettu Q4/2025 (78{N}%; 2,0{N}%-yks. alle tavoitteen); "
                 f"ei vieläkään saavutettu: 79{N}% Q2/2026, 1,0{N}%-yks. alle tavoitteen.", id="missed-still-short"),
    pytest.param(80, "2025Q4", [("2025Q4", 78), ("2026Q2", 79)], True, "en",
                 f"The target 80% was not met by Q4 2025 (78%; 2.0{N}pp below it); "
                 f"still not met: 79% in Q2 2026, 1.0{N}pp below the target.", id="missed-still-short-en"),
    pytest.param(80, "2025Q4", [("2025Q4", 80.0)], True, "fi",
                 f"Tavoite 80{N}% saavutettiin Q4/2025 (80{N}%); uudempaa tietoa ei ole.", id="exactly-at-target"),
    pytest.param(35, "2025Q4", [("2024", 30), ("2026Q1", 36)], True, "fi",
                 f"Ei tietoa Q4/2025:ltä; viimeisin mittaus 2024 (30{N}%) jäi alle tavoitteen 35{N}%; "
                 f"myöhemmin saavutettu: 36{N}% Q1/2026.", id="no-data-reached-later"),
    pytest.param(35, "2025Q4", [("2024", 30), ("2026Q1", 34)], True, "sv",
                 f"Inga uppgifter för Q4/2025; den senaste mätningen 2024 (30{N}%) låg under målet 35{N}%; "
                 f"målet är fortfarande inte nått: 34{N}% Q1/2026, 1,0{N}%-enh. under målet.",
                 id="no-data-still-short-sv"),
    pytest.param(35, "2025Q4", [("2024", 35)], True, "fi",
                 f"Ei tietoa Q4/2025:ltä; viimeisin mittaus 2024 (35{N}%) oli tavoitteen 35{N}% tasolla; "
                 "uudempaa tietoa ei ole.", id="no-data-last-exactly-at"),
    pytest.param(35, "2025Q4", [], True, "fi",
                 f"Ei tietoa Q4/2025:ltä eikä sitä aiemmalta ajalta (tavoite 35{N}%); uudempaa tietoa ei ole.",
                 id="nothing-at-all"),
    pytest.param(35, "2025Q4", [], True, "en", "No data for Q4 2025 or earlier (target 35%); no later data.",
                 id="nothing-at-all-en"),
    # Lower is better, days are not shares: plain numbers, the miss lies above the target.
    pytest.param(90, "2025", [("2025", 88), ("2026", 95)], False, "fi",
                 "Tavoite 90 saavutettiin 2025 (88); sen jälkeen noussut: 95 2026, 5 yli tavoitteen.",
                 id="lower-slipped"),
    pytest.param(90, "2025", [("2025", 88), ("2026", 95)], False, "en",
                 "The target 90 was met by 2025 (88); since then it has risen: 95 in 2026, 5 above the target.",
                 id="lower-slipped-en"),
    pytest.param(90, "2025", [("2025", 95), ("2026", 92)], False, "fi",
                 "Tavoitetta 90 ei saavutettu 2025 (95; 5 yli tavoitteen); ei vieläkään saavutettu: 92 2026, "
                 "2 yli tavoitteen.", id="lower-still-short"),
    pytest.param(90, "2025", [("2025", 95), ("2026", 92)], False, "sv",
                 "Målet 90 nåddes inte till 2025 (95; 5 över målet); målet är fortfarande inte nått: 92 2026, "
                 "2 över målet.", id="lower-still-short-sv"),
    pytest.param(90, "2025", [("2024", 85)], False, "fi",
                 "Ei tietoa 2025:ltä; viimeisin mittaus 2024 (85) alitti tavoitteen 90; uudempaa tietoa ei ole.",
                 id="lower-no-data-last-met"),
    pytest.param(90, "2025", [("2024", 95), ("2026", 80)], False, "en",
                 "No data for 2025; the last measurement, 2024 (95), was above the target 90; "
                 "it was reached later: 80 in 2026.", id="lower-no-data-last-missed-en"),
]
# fmt: on


@pytest.mark.parametrize(("target", "period", "actuals", "higher", "lang", "expected"), SENTENCES)
def test_sentence(target: float, period: str, actuals: list, higher: bool, lang: str, expected: str) -> None:
    assert outcome_sentence(outcome(target, period, actuals, higher), lang, is_share=higher) == expected


# One series per reachable (deadline, since) pair, for a higher-is-better share against 80 % by Q4/2025.
EVERY_STATE = {
    (DeadlineOutcome.MET, SinceDeadline.HELD): [("2025Q4", 82), ("2026Q1", 81)],
    (DeadlineOutcome.MET, SinceDeadline.SLIPPED): [("2025Q4", 82), ("2026Q1", 79)],
    (DeadlineOutcome.MET, SinceDeadline.NO_LATER_DATA): [("2025Q4", 82)],
    (DeadlineOutcome.MISSED, SinceDeadline.REACHED_LATER): [("2025Q4", 78), ("2026Q1", 81)],
    (DeadlineOutcome.MISSED, SinceDeadline.STILL_SHORT): [("2025Q4", 78), ("2026Q1", 79)],
    (DeadlineOutcome.MISSED, SinceDeadline.NO_LATER_DATA): [("2025Q4", 78)],
    (DeadlineOutcome.NO_DATA, SinceDeadline.REACHED_LATER): [("2024", 70), ("2026Q1", 81)],
    (DeadlineOutcome.NO_DATA, SinceDeadline.STILL_SHORT): [("2024", 70), ("2026Q1", 79)],
    (DeadlineOutcome.NO_DATA, SinceDeadline.NO_LATER_DATA): [("2024", 70)],
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("higher", [True, False])
@pytest.mark.parametrize("state", list(EVERY_STATE), ids=lambda s: f"{s[0]}-{s[1]}")
def test_every_state_and_direction_reads_in_every_language(state: tuple, higher: bool, lang: str) -> None:
    sign = 1 if higher else -1  # lower is better: mirror the values and the target, the states stay the same
    found = outcome(80 * sign, "2025Q4", [(p, v * sign) for p, v in EVERY_STATE[state]], higher)
    assert (found.deadline, found.since) == state
    sentence = outcome_sentence(found, lang)
    assert sentence.endswith(".") and "{" not in sentence and "None" not in sentence
    assert sentence == outcome_sentence(found, lang)  # same input, same words
    words = t(f"outcome.since.{found.since}" + ("" if found.since in _NO_SIDE else f"_{_side(higher)}"), lang)
    assert words.split("{")[0].strip() in sentence


_NO_SIDE = {SinceDeadline.HELD, SinceDeadline.REACHED_LATER, SinceDeadline.NO_LATER_DATA}


def _side(higher: bool) -> str:
    return "higher" if higher else "lower"


def _fields(lang: str) -> dict[str, set[str]]:
    own = {key: text for key, text in catalog(lang).items() if key.startswith("outcome.")}
    return {key: {field for _, field, _, _ in Formatter().parse(text) if field} for key, text in own.items()}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_translations_have_the_same_keys_and_placeholders_as_finnish(lang: str) -> None:
    assert _fields(lang) == _fields("fi")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_state_has_its_own_short_label(lang: str) -> None:
    deadline = [t(f"outcome.name.{state}", lang) for state in DeadlineOutcome]
    since = [t(f"outcome.since_name.{state}", lang) for state in SinceDeadline]
    assert len(set(deadline)) == len(DeadlineOutcome) and len(set(since)) == len(SinceDeadline)
    found = outcome(80, "2025Q4", KP)
    assert deadline_label(found, lang) == f"✔ {t('outcome.name.met', lang)}"
    assert since_label(found, lang) == f"▼ {t('outcome.since_name.slipped', lang)}"


def test_the_finnish_labels() -> None:
    found = outcome(80, "2025Q4", KP)
    assert deadline_label(found, "fi") == "✔ Saavutettu määräaikaan"
    assert since_label(found, "fi") == "▼ Pudonnut tavoitteesta"


@pytest.mark.parametrize(("styles", "states"), [(OUTCOME_STYLE, DeadlineOutcome), (SINCE_STYLE, SinceDeadline)])
def test_every_state_has_a_shape_of_its_own_and_a_readable_colour(styles: dict, states: type) -> None:
    assert set(styles) == {state.value for state in states}
    assert len({symbol for symbol, _ in styles.values()}) == len(styles)  # never told apart by colour alone
    assert all(contrast(colour) >= 4.5 for _, colour in styles.values())  # white text on the tile
