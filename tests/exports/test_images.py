"""PNG and SVG through the shared headless Chromium: 2× pixels, parseable SVG, decorations on a copy."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

import pandas as pd
import plotly.graph_objects as go
import pytest

from config import settings
from exports import images
from views.chart_export import ChartExport


@pytest.fixture(scope="module")
def chart() -> ChartExport:
    fig = go.Figure(go.Scatter(x=[1, 2, 3], y=[70, 75, 81], name="Toteuma"))
    fig.update_layout(height=320, margin={"l": 56, "r": 24, "t": 24, "b": 48})
    return ChartExport(
        key="k", title="Kiireettömät käynnit 7 vrk:ssa", summary="s", figure=fig, data=pd.DataFrame(), lang="fi",
        sources=("a.csv",), data_date="23.11.2026", is_demo=True, permalink="yleiskuva?lang=fi",
    )  # fmt: skip


def test_png_is_twice_the_decorated_figure(chart: ChartExport) -> None:
    data = images.png(chart, settings().browser_path)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    layout = images.decorated(chart).layout
    assert (width, height) == (2 * layout.width, 2 * layout.height)


def test_svg_parses_and_carries_title_source_and_permalink(chart: ChartExport) -> None:
    root = ET.fromstring(images.svg(chart, settings().browser_path))  # noqa: S314  (our own output)
    text = " ".join(root.itertext())
    assert "Kiireettömät käynnit" in text and "Esimerkkiaineisto" in text and "Näkymä: " in text
    # The source by title, the view in words; the address only behind the link, never as text.
    assert "a.csv" not in text and "?" not in text
    links = [a.get("{http://www.w3.org/1999/xlink}href") or a.get("href") for a in root.findall(".//{*}a")]
    assert f"{settings().public_url}/yleiskuva?lang=fi" in links


def test_decorating_leaves_the_screen_figure_alone(chart: ChartExport) -> None:
    before = chart.figure.to_json()
    images.decorated(chart)
    assert chart.figure.to_json() == before


def test_a_missing_browser_says_how_to_install_one(tmp_path) -> None:
    images.stop()
    with pytest.raises(images.BrowserMissing, match="apt-get install chromium"):
        images.start(str(tmp_path / "no-chromium"))


def test_kaleido_private_is_running_still_answers() -> None:
    """images.server_running() is our one use of kaleido's private `_global_server`: if an upgrade moves
    or renames it, this fails here, not in a user's first export."""
    images.stop()
    assert images.server_running() is False, "kaleido._global_server.is_running() changed: see exports/images.py"
    images.start(settings().browser_path)
    assert images.server_running() is True, "kaleido._global_server.is_running() changed: see exports/images.py"


def test_the_background_start_leaves_a_warm_browser_once(monkeypatch: pytest.MonkeyPatch) -> None:
    images.stop()
    monkeypatch.setattr(images, "_warm_up", None)
    assert images.start_in_background(settings().browser_path, delay_s=0) is True
    assert images.start_in_background(settings().browser_path, delay_s=0) is False  # once per process
    assert images.warmed_up(timeout_s=120) is True


def test_no_background_start_without_a_browser(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    images.stop()
    monkeypatch.setattr(images, "_warm_up", None)
    assert images.start_in_background(str(tmp_path / "no-chromium"), delay_s=0) is False
    assert images._warm_up is None and not images.server_running()


def test_the_legend_gets_a_row_per_row_it_fills_and_a_table_none() -> None:
    """Entries of a legend group stack in one column; a target's documents take a line each; a table has no legend."""
    one = go.Figure([go.Scatter(name="Toteuma"), go.Scatter(name="Tavoite 80 % Q4/2025")])
    grouped = go.Figure([*one.data, go.Scatter(name="Koko maa (kuukausiarvo)", legendgroup="country")])
    grouped.data[0].legendgroup = "country"
    documents = go.Figure([*one.data, go.Scatter(name="Tavoite 85 %<br>(Pohjois-Pohjanmaan hankesuunnitelma)")])
    crowded = go.Figure([go.Scatter(name=f"Alue {n} hyvinvointialue") for n in range(12)])
    base = images.legend_height(one, 900)
    assert images.legend_height(grouped, 900) > base and images.legend_height(documents, 900) > base
    assert images.legend_height(crowded, 900) > images.legend_height(crowded, 3000)  # rows wrap at the width
    table = go.Figure(go.Table(header={"values": ["a"]}, cells={"values": [[1]]}))
    assert images.legend_height(table, 900) == images.LEGEND_HEIGHT
