"""Indikaattori, Alue, Selaa and Yleiskuva's comparison in AppTest on a copy of the demo store."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import as_read, run_page, tables, trace_names

NBSP = "\u00a0"


def test_indicator_page_draws_path_target_projection_and_sentence(app_env: Path) -> None:
    at = run_page("pages/indicator.py", indicator="care_guarantee_7day_share", regions="18")
    assert not at.exception
    [names] = trace_names(at)
    assert {"Vaadittu kehitys", "Koko maa", "Keski-Pohjanmaa", "Ennuste: Keski-Pohjanmaa"} <= set(names)
    assert f"Tavoite 80{NBSP}% Q4/2025 (000, 001, 002)" in names or f"Tavoite 80{NBSP}% Q4/2025 (000, 002)" in names
    summary = next(as_read(c.value) for c in at.caption if c.value.startswith("Kiireettömät"))
    assert "Keski-Pohjanmaa:" in summary and "havaintoa" in summary


def test_conflicting_targets_both_appear_with_their_sources(app_env: Path) -> None:
    at = run_page("pages/indicator.py", indicator="remote_contact_share", regions="18")
    [names] = trace_names(at)
    assert f"Tavoite 35{NBSP}% Q4/2025 (000, 002)" in names
    assert f"Tavoite 45{NBSP}% Q4/2025 (000)" in names
    assert f"Välitavoite 30{NBSP}% Q4/2023 (002)" in names


def test_events_come_from_the_data(app_env: Path) -> None:
    at = run_page("pages/indicator.py", indicator="care_guarantee_7day_share", regions="18")
    layout = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]
    labels = [a["text"] for a in layout["annotations"]]
    assert "HE 74/2022 (2022)" in labels and any("YTHS" in label for label in labels)


def test_small_multiples_have_a_panel_per_area_grouped_by_yta(app_env: Path) -> None:
    at = run_page("pages/indicator.py", mode="multiples")
    assert not at.exception
    layout = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]
    titles = [a["text"] for a in layout["annotations"]]
    assert len(titles) == 22
    ytas = [title.split("<sup>")[1].split(" ")[0] for title in titles]
    assert ytas == sorted(ytas)  # grouped by collaborative area


def test_region_page_shows_keski_pohjanmaa_scheduled_targets(app_env: Path) -> None:
    at = run_page("pages/region.py", region="18")
    assert not at.exception
    assert "Kiireetön suun terveydenhuolto (vrk)" in " ".join(as_read(c.value) for c in at.caption)
    dental = [names for names in trace_names(at) if "Aikataulutetut tavoitteet" in names]
    assert dental, "scheduled targets drawn"


def test_overview_ranks_the_22_areas_while_the_target_is_ahead(app_env: Path) -> None:
    at = run_page("pages/overview.py", indicator="care_guarantee_7day_share", asof="2025-09-30")
    assert not at.exception
    ranking = json.loads(at.get("plotly_chart")[3].proto.spec)
    areas = ranking["data"][0]["y"]
    labels = [a["text"] for a in ranking["layout"]["annotations"]]
    assert len(areas) == 22 and all("%-yks." in label for label in labels)
    gaps = [float(label.split("%-yks.")[0].replace(",", ".").replace("\u2212", "-")) for label in labels]
    assert gaps == sorted(gaps)  # worst first
    table = tables(at)[3]
    assert list(table["Alue"]) == areas


def test_overview_leads_with_the_reckoning_after_the_deadline(app_env: Path) -> None:
    at = run_page("pages/overview.py", indicator="care_guarantee_7day_share")
    assert not at.exception
    assert at.header[0].value == "Määräajan tulos"
    reckoning = json.loads(at.get("plotly_chart")[3].proto.spec)
    areas = reckoning["data"][1]["y"][1]  # grouped categories: [group, area]
    assert len(areas) == 23 and areas[0] == "Koko maa"
    table = tables(at)[3]
    assert list(table.columns) == ["Alue", "Tavoite", "Arvo määräaikana", "Tulos määräaikana", "Viimeisin arvo",
                                   "Sen jälkeen"]  # fmt: skip
    assert table["Tulos määräaikana"].str.match(r"^[✔✖○] ").all()  # a shape with every word
    summary = next(as_read(c.value) for c in at.caption if "määräaika Q4/2025" in c.value)
    assert "/22 aluetta saavutti tavoitteen" in summary


def test_browse_finds_a_sotkanet_indicator_by_id(app_env: Path) -> None:
    at = run_page("pages/browse.py", q="127")
    assert not at.exception
    assert len(at.get("plotly_chart")) == 1
    assert any("Sotkanet 127" in c.value for c in at.caption)


def test_pages_speak_swedish(app_env: Path) -> None:
    at = run_page("pages/indicator.py", lang="sv", regions="18")
    assert at.title[0].value == "Indikator"
    [names] = trace_names(at)
    assert "Nödvändig utveckling" in names
