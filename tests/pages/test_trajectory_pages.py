"""Indikaattori, Alue, Selaa and Yleiskuva's comparison in AppTest on a copy of the demo store."""

from __future__ import annotations

import json
from pathlib import Path

from charts.theme import VERDICT_STYLE
from tests.helpers import as_read, run_page, tables, trace_names

NBSP = "\u00a0"


def test_indicator_page_marks_passed_targets_and_projects_only_to_the_target_ahead(app_reads: Path) -> None:
    at = run_page("pages/indicator.py", indicator="care_guarantee_7day_share", regions="18")
    assert not at.exception
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    names = [trace["name"] for trace in spec["data"]]
    assert {"Koko maa", "Keski-Pohjanmaa"} <= set(names)
    # December 2026: Q4/2025 has passed, so a milestone per area with its outcome in words
    milestones = [n for n in names if "määräaikaan" in n or "määräajalta" in n]
    assert [m.split(":")[0] for m in milestones] == ["Koko maa", "Keski-Pohjanmaa"]
    assert all(m.endswith("(Q4/2025)") for m in milestones)
    # the country has no target ahead: no projection; Keski-Pohjanmaa's own 85 % by Q4/2026 (demo) gets one
    projections = [trace for trace in spec["data"] if trace["name"].startswith("Ennuste")]
    assert [p["name"] for p in projections] == ["Ennuste: Keski-Pohjanmaa"]
    assert max(projections[0]["x"]).startswith("2026-12-31")
    [path] = [trace for trace in spec["data"] if trace["name"] == "Vaadittu kehitys"]
    assert path["y"] == [80.0, 85.0]
    assert f"Tavoite 80{NBSP}% Q4/2025<br>(3 asiakirjaa)" in names  # titles on hover, never codes
    summary = next(as_read(c.value) for c in at.caption if c.value.startswith("Kiireettömät"))
    assert summary.startswith("Kiireettömät käynnit 7 vrk:ssa. Keski-Pohjanmaa: Tavoite 80")
    assert f"Seuraava tavoite 85{NBSP}% (Q4/2026):" in summary
    assert any("välietappeja" in c.value for c in at.caption)


def test_the_related_real_measure_sits_beside_the_care_guarantee_with_its_caveat(app_reads: Path) -> None:
    at = run_page("pages/indicator.py", indicator="care_guarantee_7day_share", regions="18")
    programme, related = trace_names(at)
    assert not [n for n in programme if "yli 7" in n]  # never in the programme's chart
    assert related == ["Koko maa", "Keski-Pohjanmaa"]
    assert at.subheader[0].value.startswith("Liittyvä todellinen mittari")
    assert "ei ohjelman indikaattori" in at.info[0].value
    english = run_page("pages/region.py", region="18", lang="en")
    assert any("not the programme indicator" in box.value for box in english.info)


def test_national_remote_contact_says_the_last_value_met_the_target(app_reads: Path) -> None:
    at = run_page("pages/indicator.py", indicator="remote_contact_share", regions="18")
    assert not at.exception
    summary = next(as_read(c.value) for c in at.caption if c.value.startswith("Sähköinen"))
    assert f"Ei tietoa Q4/2025:ltä; viimeisin mittaus 2024 (41,9{NBSP}%) ylitti tavoitteen 35{NBSP}%" in summary
    assert "Ei arvioitavissa" not in summary and summary.index("Keski-Pohjanmaa:") < summary.index("Koko maa:")


def test_conflicting_targets_both_appear_with_their_sources(app_reads: Path) -> None:
    at = run_page("pages/indicator.py", indicator="remote_contact_share", regions="18")
    [names] = trace_names(at)
    # in the legend, a target's documents start a line of their own and wrap at spaces: a phone's chart holds them
    lines = {name: name.split("<br>") for name in names}
    assert all(len(line) <= 40 for name in names if name.startswith(("Tavoite", "Välitavoite")) for line in lines[name])
    read = [" ".join(parts) for parts in lines.values()]
    assert f"Tavoite 35{NBSP}% Q4/2025 (2 asiakirjaa)" in read
    assert f"Tavoite 45{NBSP}% Q4/2025 (Keski-Pohjanmaan tilannekatsaus 6/2025)" in read
    assert f"Välitavoite 30{NBSP}% Q4/2023 (Pohjois-Pohjanmaan hankesuunnitelma (POP-Digi-Hoitotakuu 2))" in read
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    [both] = [tr["hovertext"][0] for tr in spec["data"] if tr["name"].startswith(f"Tavoite 35{NBSP}%")]
    assert both.endswith(
        "Keski-Pohjanmaan tilannekatsaus 6/2025<br>Pohjois-Pohjanmaan hankesuunnitelma (POP-Digi-Hoitotakuu 2)"
    )


def test_events_come_from_the_data(app_reads: Path) -> None:
    at = run_page("pages/indicator.py", indicator="care_guarantee_7day_share", regions="18")
    layout = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]
    labels = [a["text"] for a in layout["annotations"]]
    assert "HE 74/2022 (2022)" in labels and any("YTHS" in label for label in labels)


def test_small_multiples_have_a_panel_per_area_grouped_by_yta(app_reads: Path) -> None:
    at = run_page("pages/indicator.py", mode="multiples")
    assert not at.exception
    layout = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]
    titles = [a["text"] for a in layout["annotations"]]
    assert len(titles) == 22
    ytas = [title.split("<sup>")[1].split(" ")[0] for title in titles]
    assert ytas == sorted(ytas)  # grouped by collaborative area


def test_region_page_shows_keski_pohjanmaa_scheduled_targets(app_reads: Path) -> None:
    at = run_page("pages/region.py", region="18")
    assert not at.exception
    assert "Kiireetön suun terveydenhuolto (vrk)" in " ".join(as_read(c.value) for c in at.caption)
    dental = [names for names in trace_names(at) if "Aikataulutetut tavoitteet" in names]
    assert dental, "scheduled targets drawn"


def test_overview_ranks_the_22_areas_while_the_target_is_ahead(app_reads: Path) -> None:
    at = run_page("pages/overview.py", indicator="care_guarantee_7day_share", asof="2025-09-30")
    assert not at.exception
    ranking = json.loads(at.get("plotly_chart")[3].proto.spec)
    areas = ranking["data"][0]["y"]
    labels = [a["text"].split("</b>")[1] for a in ranking["layout"]["annotations"]]
    assert len(areas) == 22 and all("%-yks." in label for label in labels)  # name and gap above each bar
    gaps = [float(label.split("%-yks.")[0].replace(",", ".").replace("\u2212", "-")) for label in labels]
    assert gaps == sorted(gaps)  # worst first
    table = tables(at)[3]
    assert list(table["Alue"]) == areas
    # Each bar says its verdict in words, the table twin says the same, and the bar has that verdict's colour.
    verdicts = [label.split("<br>")[-1].strip() for label in labels]
    assert verdicts == list(table["Arvio"]) and len(set(verdicts)) >= 2
    colour = {symbol: hex_ for symbol, hex_ in VERDICT_STYLE.values()}
    assert ranking["data"][0]["marker"]["color"] == [colour[verdict.split(" ")[0]] for verdict in verdicts]
    # "Saavutettu" exactly where the latest value is at or above the target.
    to_target = [
        float(v.split("%-yks.")[0].replace(",", ".").replace("\u2212", "-")) for v in table["Ero tavoitteeseen"]
    ]
    assert [v.startswith(("✔", "↘")) for v in verdicts] == [gap >= 0 for gap in to_target]


def test_overview_leads_with_the_reckoning_after_the_deadline(app_reads: Path) -> None:
    at = run_page("pages/overview.py", indicator="care_guarantee_7day_share")
    assert not at.exception
    assert at.header[0].value == "Määräajan tulos"
    reckoning = json.loads(at.get("plotly_chart")[3].proto.spec)
    # Each row's words above its markers ("<b>Area</b>  82 % → 75 %"); group headings are bold words alone.
    areas = [a["text"][3:].split("</b>")[0] for a in reckoning["layout"]["annotations"] if "</b>  " in a["text"]]
    assert len(areas) == 23 and areas[0] == "Koko maa"
    table = tables(at)[3]
    assert list(table.columns) == ["Alue", "Tavoite", "Arvo määräaikana", "Tulos määräaikana", "Viimeisin arvo",
                                   "Sen jälkeen"]  # fmt: skip
    assert table["Tulos määräaikana"].str.match(r"^[✔✖○] ").all()  # a shape with every word
    summary = next(as_read(c.value) for c in at.caption if "määräaika Q4/2025" in c.value)
    assert "/22 aluetta saavutti tavoitteen" in summary


def test_browse_finds_a_sotkanet_indicator_by_id(app_reads: Path) -> None:
    at = run_page("pages/browse.py", q="127")
    assert not at.exception
    assert len(at.get("plotly_chart")) == 1
    assert any("Sotkanet 127" in c.value for c in at.caption)


def test_pages_speak_swedish(app_reads: Path) -> None:
    at = run_page("pages/indicator.py", lang="sv", regions="18")
    assert at.title[0].value == "Indikator"
    names = trace_names(at)[0]
    assert {"Hela landet: ✔ Nått i tid (Q4/2025)", "Nödvändig utveckling", "Prognos: Mellersta Österbotten"} <= set(
        names
    )
