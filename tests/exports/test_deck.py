"""The PowerPoint deck from the demo store: native charts with the store's values, notes, alt text, footer."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Inches

from domain.periods import end
from export_cli.__main__ import main as cli
from exports import deck
from i18n import t
from store.db import connect_readonly
from store.reader import Reader
from tests.helpers import run_main, run_module
from views import registry

VIEW = "yleiskuva?lang=fi"


@pytest.fixture(scope="module")
def charts(demo_db: Path):
    con = connect_readonly(demo_db)
    # The three headline charts (the view also ranks the areas and maps them; tested below).
    yield [chart for chart in registry.build(VIEW, Reader(con)) if chart.key.startswith("headline-")]
    con.close()


@pytest.fixture(scope="module")
def built(charts) -> Presentation:
    return Presentation(io.BytesIO(deck.build(charts, "fi")))


def store_values(demo_db: Path, indicator: str) -> dict[int, float]:
    """Straight from the store, not through the views: the period's last day as a PowerPoint serial → value."""
    con = connect_readonly(demo_db)
    rows = con.execute(
        "SELECT period, value FROM observations_v WHERE indicator_code = $i AND region_code = '358'"
        " AND coalesce(gender, 'total') = 'total' AND value IS NOT NULL",
        {"i": indicator},
    ).fetchall()
    con.close()
    return {(end(period) - date(1899, 12, 30)).days: value for period, value in rows}


def graphic(slide):
    return next(s for s in slide.shapes if s.shape_type in (3, 13, 19) or getattr(s, "has_chart", False))


def test_title_slide_then_one_native_chart_per_view_chart(built: Presentation, charts) -> None:
    assert len(built.slides) == 1 + len(charts) == 4
    assert (built.slide_width, built.slide_height) == (Inches(13.333), Inches(7.5))
    for slide in list(built.slides)[1:]:
        shape = graphic(slide)
        assert shape.has_chart and shape.shape_type != 13  # a chart object, not a picture


def test_series_values_are_the_stores(built: Presentation, charts, demo_db: Path) -> None:
    for slide, chart in zip(list(built.slides)[1:], charts, strict=True):
        plot = graphic(slide).chart.plots[0]
        shown = {}
        for series in plot.series:  # on a time axis: each series has its own dates (real and example actuals)
            if series.name.startswith(t("chart.actual", "fi")):
                days = [int(float(v.text)) for v in series._element.xpath("./c:xVal//c:pt/c:v")]
                shown.update(zip(days, series.values, strict=True))
        assert shown == store_values(demo_db, chart.data["indicator_code"].iloc[0])
        assert slide.shapes.title.text == chart.title


def test_notes_alt_text_footer_and_demo_marker(built: Presentation, charts) -> None:
    notes = [s.notes_slide.notes_text_frame.text for s in list(built.slides)[1:]]
    assert charts[0].summary in notes[0] and "ei sisällä YTHS:ää" in notes[0]
    assert any(chart.is_demo for chart in charts) and not all(chart.is_demo for chart in charts)
    for slide, is_demo in zip(built.slides, [True] + [chart.is_demo for chart in charts], strict=True):
        for shape in slide.shapes:
            if shape.shape_type in (3, 13, 19) or getattr(shape, "has_chart", False):
                assert shape._element.xpath("./*[1]/p:cNvPr")[0].get("descr")
        footer = next(s for s in slide.shapes if s.name == "Footer").text_frame.text
        assert ("Esimerkkiaineisto" in footer) == is_demo  # marked exactly where demo rows are shown
        if slide != built.slides[0]:
            assert "Näkymä: Yleiskuva" in footer and "Tiedot ladattu" in footer and "?" not in footer
            link = next(s for s in slide.shapes if s.name == "Footer").text_frame.paragraphs[-1].runs[0].hyperlink
            assert "/yleiskuva?" in link.address and "lang=fi" in link.address


def test_without_demo_rows_there_is_no_demo_marker(charts) -> None:
    real = [
        chart.__class__(
            **{**chart.__dict__, "is_demo": False, "sources": tuple(s for s in chart.sources if "generated" not in s)}
        )
        for chart in charts[:1]
    ]
    text = " ".join(
        shape.text_frame.text
        for slide in Presentation(io.BytesIO(deck.build(real, "fi"))).slides
        for shape in slide.shapes
        if shape.has_text_frame
    )
    assert "Esimerkkiaineisto" not in text


def test_a_template_keeps_its_master_and_drops_its_slides(charts) -> None:
    template = Presentation()
    template.slide_layouts[5].name = "Kunnan otsikko"
    template.slides.add_slide(template.slide_layouts[0]).shapes.title.text = "vanha dia"
    buffer = io.BytesIO()
    template.save(buffer)
    made = Presentation(io.BytesIO(deck.build(charts[:1], "fi", template=buffer.getvalue())))
    assert len(made.slides) == 2
    assert "Kunnan otsikko" in [layout.name for layout in made.slide_layouts]
    assert all("vanha dia" not in (s.shapes.title.text if s.shapes.title else "") for s in made.slides)


def test_digest_slide_comes_after_the_title(charts) -> None:
    made = Presentation(io.BytesIO(deck.build(charts[:1], "sv", digest=["Område A: rött"])))
    assert len(made.slides) == 3
    assert "Område A: rött" in " ".join(s.text_frame.text for s in made.slides[1].shapes if s.has_text_frame)


@pytest.mark.slow  # the tile map goes in as a picture: kaleido starts Chromium
def test_cli_writes_the_default_deck_and_a_chart(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    run = run_main(cli, "deck", "--db", str(demo_db), "--out", str(out), "--view", VIEW)
    assert run.returncode == 0, run.stderr
    made = Presentation(out)
    # Title, three headline charts as native charts, the reckoning as a native table, the tile map as a picture.
    assert len(made.slides) == 6 and all(graphic(s).has_chart for s in list(made.slides)[1:4])
    assert graphic(made.slides[4]).has_table
    tiles = graphic(made.slides[5])
    assert tiles.shape_type == 13 and tiles._element.xpath("./*[1]/p:cNvPr")[0].get("descr")
    csv = tmp_path / "c.csv"
    args = ["chart", "--db", str(demo_db), "--view", "page=yleiskuva&lang=en", "--format", "csv", "--out", str(csv)]
    assert run_main(cli, *args).returncode == 0
    assert csv.read_bytes().startswith(b"\xef\xbb\xbfregion_code;period;value")


@pytest.mark.slow
def test_python_m_export_cli_runs_as_a_process(demo_db: Path, tmp_path: Path) -> None:
    csv = tmp_path / "c.csv"
    args = ["chart", "--db", str(demo_db), "--view", "page=yleiskuva&lang=en", "--format", "csv", "--out", str(csv)]
    run = run_module("export_cli", *args)
    assert run.returncode == 0 and f"wrote {csv}" in run.stdout, run.stderr
    assert csv.read_bytes().startswith(b"\xef\xbb\xbfregion_code;period;value")


def test_an_unknown_view_is_named(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.pptx"
    run = run_main(cli, "deck", "--db", str(demo_db), "--out", str(out), "--view", "eiole?lang=fi")
    assert run.returncode == 2 and "'eiole'" in run.stderr and not out.exists()


@pytest.mark.parametrize(
    ("view", "page", "params"),
    [
        ("yleiskuva?lang=fi", "yleiskuva", {"lang": "fi"}),
        ("page=yleiskuva&lang=fi", "yleiskuva", {"lang": "fi"}),
        ("http://host:8501/alue?region=02", "alue", {"region": "02"}),
        ("lang=sv", "yleiskuva", {"lang": "sv"}),
    ],
)
def test_view_addresses_parse_both_ways(view: str, page: str, params: dict) -> None:
    assert registry.parse(view) == (page, params)


@pytest.mark.slow  # the tile map as a picture: kaleido starts Chromium
def test_grid_is_a_native_table_and_a_tile_map_a_picture(charts) -> None:
    import plotly.graph_objects as go

    from exports.native import NativeTable

    base = charts[0]
    grid = base.__class__(**{**base.__dict__, "key": "grid", "native": NativeTable(
        ("Alue", "Q1/2025"), (("Keski-Uusimaa", "● Edistyy"),), (("#ffffff", "#2e7d32"),))})  # fmt: skip
    tiles = base.__class__(**{**base.__dict__, "key": "tiles", "native": None, "figure": go.Figure(go.Scatter(x=[1]))})
    made = Presentation(io.BytesIO(deck.build([grid, tiles], "fi")))
    table, picture = graphic(made.slides[1]), graphic(made.slides[2])
    assert table.has_table and table.table.cell(1, 1).text == "● Edistyy"
    assert picture.shape_type == 13
    for shape in (table, picture):
        assert shape._element.xpath("./*[1]/p:cNvPr")[0].get("descr").startswith(base.title)


@pytest.mark.parametrize(
    ("view", "target"),
    [
        ("indicator=care_guarantee_7day_share&regions=18&lang=fi", "Tavoite 80\u00a0% Q4/2025 (3 asiakirjaa)"),
        # wrapped at spaces only: broken after "POP-", the slide read "POP- Digi"
        (
            "indicator=remote_contact_share&regions=18&lang=sv",
            "Delmål 30\u00a0% Q4/2023 (Norra Österbottens projektplan (POP-Digi-Hoitotakuu 2))",
        ),
    ],
)
def test_a_legend_on_a_slide_is_plain_text(demo_db: Path, view: str, target: str) -> None:
    """The screen's legend breaks a target's documents onto lines of their own (<br>) and escapes what a
    title holds; a slide's legend is plain text and shows neither markup nor escapes."""
    con = connect_readonly(demo_db)
    charts = registry.build(f"indikaattori?{view}", Reader(con))
    con.close()
    shown = [trace.name for trace in charts[0].figure.data if trace.name and "<br>" in trace.name]
    assert shown  # the target markers' names, on screen
    slide = list(Presentation(io.BytesIO(deck.build(charts[:1], view[-2:]))).slides)[1]
    names = [series.name for series in graphic(slide).chart.plots[0].series]
    assert target in names
    assert [name for name in names if "<" in name or "&" in name] == []
