"""The scorecard view: exact rows as data, a readable fi/sv/en twin, a native table per target in the deck;
and related real measures beside the programme indicator, never in its line."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pptx import Presentation

from domain.related import is_related_measure, related_measures
from exports import deck
from metrics.milestones import SCORECARD_COLUMNS
from store.db import connect_readonly
from store.reader import Reader
from tests.story_store import CARE, DENTAL, build_story_store
from views import related as related_view
from views.scorecard import scorecard_chart, scorecard_charts, scorecard_frame, scorecard_table
from views.trajectory import indicator_charts, trajectories

NBSP = "\u00a0"
DAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Reader:
    con = connect_readonly(build_story_store(tmp_path_factory.mktemp("story")))
    yield Reader(con)
    con.close()


def test_the_chart_data_is_exactly_the_scorecard_rows(story: Reader) -> None:
    chart = scorecard_chart(story, "fi", CARE, DAY)
    assert tuple(chart.data.columns) == SCORECARD_COLUMNS
    assert chart.data.equals(scorecard_frame(story, CARE, DAY))
    assert list(chart.data["region_code"][:3]) == ["358", "11", "16"]  # the whole country first, areas by name
    assert chart.summary == (
        "Kiireettömät käynnit 7 vrk:ssa: 24 aluetta ja ohitettua tavoitetta; 3 saavutti tavoitteen määräaikana, "
        "2 ei saavuttanut, 19 ilman tietoa määräajalta."
    )


@pytest.mark.parametrize(
    ("lang", "area", "outcome", "since", "at"),
    [
        ("fi", "Koko maa", "✔ Saavutettu määräaikaan", "▼ Pudonnut tavoitteesta", f"82{NBSP}% (Q4/2025)"),
        ("sv", "Hela landet", "✔ Nått i tid", "▼ Fallit tillbaka", f"82{NBSP}% (Q4/2025)"),
        ("en", "Whole country", "✔ Met at the deadline", "▼ Slipped since", "82% (Q4 2025)"),
    ],
)
def test_the_twin_reads_in_each_language(story: Reader, lang: str, area: str, outcome: str, since: str, at: str):
    table = scorecard_table(scorecard_frame(story, CARE, DAY), story, lang)
    first = table.iloc[0].tolist()
    assert first[0] == area and first[2] == at and first[3] == outcome and first[5] == since
    assert len(table.columns) == 6  # one indicator: no indicator column


def test_all_headline_indicators_get_an_indicator_column(demo_db: Path) -> None:
    con = connect_readonly(demo_db)
    chart = scorecard_chart(Reader(con), "en", as_of=DAY)
    con.close()
    assert chart.native.header[0] == "Indicator" and chart.title == "Outcomes at the target deadlines"
    assert set(chart.data["indicator_code"]) == {
        CARE,
        "care_guarantee_realtime_monitoring_coverage",
        "remote_contact_share",
    }


def test_the_deck_gets_one_native_table_per_target(story: Reader) -> None:
    charts = scorecard_charts(story, "fi", CARE, DAY)
    assert [c.key for c in charts] == [f"scorecard-{CARE}-2024Q4", f"scorecard-{CARE}-2025Q4"]
    prs = Presentation(io.BytesIO(deck.build(charts, "fi")))
    tables = [shape.table for slide in prs.slides for shape in slide.shapes if shape.has_table]
    assert len(tables) == 2
    last = tables[1]
    assert len(last.rows) == 24  # header, the country and 22 areas
    assert last.cell(1, 0).text == "Koko maa" and last.cell(1, 3).text == "✔ Saavutettu määräaikaan"


def test_lower_is_better_reads_as_days(story: Reader) -> None:
    table = scorecard_table(scorecard_frame(story, DENTAL, DAY), story, "fi")
    assert table.iloc[1].tolist()[1:4] == ["90 2025", "92 (2025)", "✖ Ei saavutettu määräaikaan"]


def test_the_related_measure_is_named_in_the_reference_data() -> None:
    assert related_measures()["care_guarantee_7day_share"] == ("physician_visit_wait_over_7d_share",)
    assert is_related_measure("physician_visit_wait_over_7d_share") and not is_related_measure(CARE)


def test_a_related_measure_is_its_own_chart_with_its_caveat(story: Reader, monkeypatch: pytest.MonkeyPatch) -> None:
    # the story store has no Sotkanet 6411: relate Keski-Pohjanmaa's dental days, a real loaded measure, instead
    monkeypatch.setattr(related_view, "related_measures", lambda: {CARE: (DENTAL, "not_loaded")})
    tr = trajectories(story, CARE, "fi", DAY)
    programme, other = indicator_charts(tr, ["18"], story, "fi")
    assert set(programme.data["indicator_code"]) == {CARE}  # never mixed into the programme's line
    assert set(other.data["indicator_code"]) == {DENTAL} and other.extra == {"related_to": CARE}
    assert other.caveats == ("Keski-Pohjanmaan hankesuunnitelman oma mittari.",)  # in the reader's language
    assert other.summary.startswith("Kiireetön suun terveydenhuolto (vrk) (ei ohjelman mittari; pienempi on parempi)")
    assert "Keski-Pohjanmaa 92 (2025)" in other.summary
    assert [trace.name for trace in other.figure.data] == ["Keski-Pohjanmaa"]
