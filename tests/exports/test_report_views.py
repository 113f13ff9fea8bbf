"""The coordinators' views as exports: the traffic-light grid as a native table, progress as a native chart,
every page registered, and the leadership deck ending with the grid after the "what changed" digest."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pptx import Presentation

from export_cli.__main__ import main as cli
from exports import deck
from exports.native import NativeChart, NativeTable
from store.db import connect_readonly
from store.reader import Reader
from tests.helpers import run_main
from views import registry

CELL = re.compile(r"^[●▲■○–] \w")  # a shape (or the missing dash), then a word
PAGES = ("liikennevalot", "edistyminen", "talous", "investointi", "raportointi", "muutokset")
GRAPHICS = (3, 13, 19)  # chart, picture, table


@pytest.fixture(scope="module")
def data(demo_db: Path):
    con = connect_readonly(demo_db)
    yield Reader(con)
    con.close()


def graphic(slide):
    return next(s for s in slide.shapes if s.shape_type in GRAPHICS or s.has_chart)


def descr(shape) -> str | None:
    return shape._element.xpath("./*[1]/p:cNvPr")[0].get("descr")


def test_the_grid_is_a_native_table_with_a_shape_and_a_word_in_every_cell(data) -> None:
    [grid] = registry.build("liikennevalot?lang=fi", data)
    assert isinstance(grid.native, NativeTable)
    assert grid.native.header[:2] == ("Alue", "Aikataulu") and len(grid.native.rows) == 22
    for row in grid.native.rows:
        assert all(CELL.match(cell) for cell in row[1:]), row
    # The default is what the page shows by default: the latest quarter, the first investment.
    assert grid.key == f"lights-{data.status_periods()[-1]}-P4I1"
    assert grid.sources == ("generated_status.csv",) and grid.is_demo and grid.data_date
    assert {"source_file", "source_row", "region_code", "dimension"} <= set(grid.data.columns)


def test_the_deck_holds_the_grid_as_a_table_with_the_same_texts(data) -> None:
    [grid] = registry.build("liikennevalot?lang=fi", data)
    made = Presentation(io.BytesIO(deck.build([grid], "fi")))
    shape = graphic(made.slides[1])
    assert shape.has_table and descr(shape).startswith(grid.title)
    table = shape.table
    texts = [tuple(table.cell(r, c).text for c in range(len(grid.native.header))) for r in range(len(table.rows))]
    assert texts == [grid.native.header, *grid.native.rows]


def test_progress_values_are_the_stores(data, demo_db: Path) -> None:
    [chart] = registry.build("edistyminen?investment=P4I2&lang=fi", data)
    assert isinstance(chart.native, NativeChart) and chart.native.percent
    con = connect_readonly(demo_db)
    latest = con.execute("SELECT max(period) FROM progress WHERE investment = 'P4I2'").fetchone()[0]
    stored = dict(
        con.execute(
            "SELECT r.name_fi, p.percent FROM progress p JOIN regions r USING (region_code)"
            " WHERE p.investment = 'P4I2' AND p.period = $period",
            {"period": latest},
        ).fetchall()
    )
    con.close()
    name, values = chart.native.series[0]
    assert latest[-1] in name and dict(zip(chart.native.categories, values, strict=True)) == stored


@pytest.mark.parametrize("page", PAGES)
def test_every_coordinator_page_exports_with_words_and_origin(data, page: str) -> None:
    charts = registry.build(f"{page}?lang=sv", data)
    assert charts
    for chart in charts:
        assert chart.title and chart.summary and chart.sources and chart.data_date
        assert chart.native is not None and chart.permalink.startswith(f"{page}?") and chart.lang == "sv"


def test_the_digest_is_offered_for_decks(data) -> None:
    lines = registry.DIGESTS["muutokset"](data, "fi")
    assert lines[0] == "Q2/2025 verrattuna neljännekseen Q1/2025, tärkein ensin."
    assert lines[1].startswith("Kaikkiaan") and "Etelä-Savo ei raportoinut" in lines[2]


@pytest.mark.slow  # the tile map goes in as a picture: kaleido starts Chromium
def test_cli_default_deck_opens_with_the_digest_and_ends_with_the_grid(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    run = run_main(cli, "deck", "--db", str(demo_db), "--out", str(out))
    assert run.returncode == 0, run.stderr
    slides = list(Presentation(out).slides)
    # Title, the digest, three headline charts, the reckoning table, its tile map, the traffic-light grid.
    assert len(slides) == 8
    assert slides[1].shapes.title.text == "Mitä muuttui edellisestä kaudesta"
    assert "Q2/2025 verrattuna" in " ".join(s.text_frame.text for s in slides[1].shapes if s.has_text_frame)
    shapes = [graphic(slide) for slide in slides[2:]]
    assert all(shape.has_chart for shape in shapes[:3]) and shapes[3].has_table
    assert "tulos Q4/2025 ja sen jälkeen" in slides[5].shapes.title.text
    assert shapes[4].shape_type == 13  # the tile map as a picture
    assert shapes[5].has_table and slides[7].shapes.title.text.startswith("Liikennevalot Q2/2025")
    assert all(descr(shape) for shape in shapes)
