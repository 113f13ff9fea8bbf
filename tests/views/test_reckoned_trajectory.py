"""Indikaattori and Alue after the deadline: milestones, the path only to the target ahead, outcome sentences."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import plotly.graph_objects as go
import pytest

from charts.trajectory import LEGEND_LINE_PX, LEGEND_LINES_FREE
from domain.periods import end
from store.db import connect_readonly
from store.reader import Reader
from tests.story_store import CARE, build_story_store
from views.region import region_charts
from views.trajectory import trajectories, trajectory_chart

NBSP = "\u00a0"
DAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Reader:
    con = connect_readonly(build_story_store(tmp_path_factory.mktemp("story")))
    yield Reader(con)
    con.close()


def traces(chart) -> dict[str, dict]:
    return {trace.name: trace.to_plotly_json() for trace in chart.figure.data}


def test_a_passed_target_is_a_milestone_and_the_path_runs_to_the_target_ahead(story: Reader) -> None:
    chart = trajectory_chart(trajectories(story, CARE, "fi", DAY), ["18"], story, "fi")
    drawn = traces(chart)
    # Keski-Pohjanmaa missed 80 % at Q4/2025 (78 %): a milestone with the outcome's shape and word
    milestone = drawn["Keski-Pohjanmaa: ✖ Ei saavutettu määräaikaan (Q4/2025)"]
    assert milestone["marker"]["symbol"] == "x" and milestone["text"] == ["✖ Ei saavutettu määräaikaan"]
    assert list(milestone["y"]) == [78.0]
    assert drawn["Koko maa: ✔ Saavutettu määräaikaan (Q4/2025)"]["marker"]["symbol"] == "star"
    # the path starts at the passed target and ends at the area's own 85 % by Q4/2026; none for the country
    [path] = [trace for name, trace in drawn.items() if name.startswith("Vaadittu kehitys")]
    assert list(path["x"]) == [end("2025Q4"), end("2026Q4")] and list(path["y"]) == [80.0, 85.0]
    assert path["name"] == "Vaadittu kehitys"
    # only the target ahead has a projection, and it stops there
    [projection] = [trace for name, trace in drawn.items() if name.startswith("Ennuste")]
    assert projection["name"] == "Ennuste: Keski-Pohjanmaa" and max(projection["x"]) == end("2026Q4")
    assert chart.summary == (
        f"Kiireettömät käynnit 7 vrk:ssa. Keski-Pohjanmaa: Tavoitetta 80{NBSP}% ei saavutettu Q4/2025 (78{NBSP}%; "
        f"2,0{NBSP}%-yks. alle tavoitteen); myöhemmin saavutettu: 84{NBSP}% Q3/2026. Seuraava tavoite 85{NBSP}% "
        f"(Q4/2026): Nykyvauhdilla 85,5{NBSP}% Q4/2026 – tavoite 85{NBSP}% saavutetaan (5 havaintoa, Q3/2025–Q3/2026). "
        f"Koko maa: Tavoite 80{NBSP}% saavutettiin Q4/2025 (82{NBSP}%); sen jälkeen laskenut: 75{NBSP}% Q3/2026, "
        f"5,0{NBSP}%-yks. alle tavoitteen."
    )


def test_when_every_target_has_passed_there_is_no_path_and_no_projection(story: Reader) -> None:
    chart = trajectory_chart(trajectories(story, CARE, "en", DAY), [], story, "en")
    names = [trace.name for trace in chart.figure.data]
    assert not [n for n in names if n.startswith(("Required", "Projection"))]
    assert chart.summary == (
        "Non-urgent visits within 7 days. Whole country: The target 80% was met by Q4 2025 (82%); "
        f"since then it has fallen: 75% in Q3 2026, 5.0{NBSP}pp below the target."
    )


def test_before_the_deadline_the_verdict_and_projection_stay(story: Reader) -> None:
    chart = trajectory_chart(trajectories(story, CARE, "fi", date(2025, 9, 30)), ["18"], story, "fi")
    names = [trace.name for trace in chart.figure.data]
    assert "Ennuste: Keski-Pohjanmaa" in names and "Ennuste: Koko maa" in names
    assert not [n for n in names if "määräaikaan" in n]  # nothing has passed yet
    # today's verdict sentence (this store holds later values too: it was loaded after that day)
    assert chart.summary == (
        f"Kiireettömät käynnit 7 vrk:ssa. Keski-Pohjanmaa: Tavoite 80{NBSP}% on saavutettu: 84{NBSP}% (Q3/2026), "
        "ja suunta pitää (5 havaintoa, Q3/2025–Q3/2026). Koko maa: " + chart.summary.split("Koko maa: ", 1)[1]
    )


def test_finer_and_coarser_values_name_their_period(story: Reader) -> None:
    tr = trajectories(story, CARE, "fi", DAY)
    pohjanmaa = trajectory_chart(tr, ["17"], story, "fi").summary
    assert f"79{NBSP}%, mittaus 12/2025" in pohjanmaa and "ei vieläkään saavutettu" in pohjanmaa
    north = trajectory_chart(tr, ["19"], story, "fi").summary
    assert f"81{NBSP}%, mittaus 2025" in north and "uudempaa tietoa ei ole" in north


def test_region_page_reckons_on_the_day_it_is_given(story: Reader) -> None:
    [care, *_] = region_charts(story, "18", "sv", as_of=DAY)
    assert "Mellersta Österbotten" in care.summary and "Nästa mål 85" in care.summary
    [early, *_] = region_charts(story, "18", "sv", as_of=date(2025, 9, 30))
    assert "Nästa mål" not in early.summary


def test_national_remote_contact_names_the_last_value_not_too_few_points(demo_db: Path) -> None:
    con = connect_readonly(demo_db)
    data = Reader(con)
    for lang, wanted in (
        ("fi", f"Ei tietoa Q4/2025:ltä; viimeisin mittaus 2024 (41,9{NBSP}%) ylitti tavoitteen 35{NBSP}%"),
        ("en", "No data for Q4 2025; the last measurement, 2024 (41.9%), exceeded the target 35%"),
    ):
        summary = trajectory_chart(trajectories(data, "remote_contact_share", lang, DAY), [], data, lang).summary
        assert wanted in summary
        assert "Ei arvioitavissa" not in summary and "Cannot be judged" not in summary
    con.close()


def test_a_longer_legend_makes_a_taller_chart_so_a_phone_keeps_a_plot(story: Reader) -> None:
    """The legend's room comes out of the plot; past a few lines the chart grows by a line's height each."""
    tr = trajectories(story, CARE, "fi", DAY)
    for regions in ([], ["18"], ["18", "19"]):
        fig = trajectory_chart(tr, regions, story, "fi").figure
        lines = sum(t.name.count("<br>") + 1 for t in fig.data if t.showlegend is not False and t.name)
        assert fig.layout.height == 480 + LEGEND_LINE_PX * max(0, lines - LEGEND_LINES_FREE), regions
    assert trajectory_chart(tr, ["18", "19"], story, "fi").figure.layout.height > 480


def _remote_contact_with_keski_pohjanmaa(demo_db: Path) -> go.Figure:
    """The demo store's remote-contact chart of Keski-Pohjanmaa: the country and the area judged at Q4/2023 and
    Q4/2025, at different heights."""
    con = connect_readonly(demo_db)
    try:
        data = Reader(con)
        return trajectory_chart(trajectories(data, "remote_contact_share", "fi", DAY), ["18"], data, "fi").figure
    finally:
        con.close()


def test_two_milestones_of_one_deadline_keep_their_words_apart(demo_db: Path) -> None:
    """The higher marker's words above it, the lower one's below: the other way round '✖ Ei saavutettu
    määräaikaan' and '○ Ei tietoa määräajalta' met between the two (the country and Keski-Pohjanmaa, Q4/2025)."""
    fig = _remote_contact_with_keski_pohjanmaa(demo_db)
    labelled = [trace for trace in fig.data if trace.mode == "markers+text"]
    by_deadline: dict[object, list] = {}
    for trace in labelled:
        by_deadline.setdefault(trace.x[0], []).append(trace)
    shared = [traces for traces in by_deadline.values() if len(traces) == 2 and traces[0].y[0] != traces[1].y[0]]
    assert shared, "the demo store has the country and the area judged at one deadline"
    for traces in shared:
        low, high = sorted(traces, key=lambda trace: trace.y[0])
        assert high.textposition.startswith("top") and low.textposition.startswith("bottom")


def test_a_milestone_early_on_the_time_axis_has_its_words_on_its_right(demo_db: Path) -> None:
    """Left of a Q4/2023 marker, '✔ Saavutettu määräaikaan' ran off the edge of Alue's 422 px card."""
    fig = _remote_contact_with_keski_pohjanmaa(demo_db)
    sides = {str(trace.x[0]): trace.textposition.split()[1] for trace in fig.data if trace.mode == "markers+text"}
    assert sides == {"2023-12-31": "right", "2025-12-31": "left"}
