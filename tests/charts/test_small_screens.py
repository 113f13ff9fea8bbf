"""Charts that must read on a 390 px phone as well as on a 1400 px screen: no fixed label columns, text that fits."""

from __future__ import annotations

import pandas as pd
import pytest

from charts.ranking import ranking_figure
from charts.theme import VERDICT_STYLE
from charts.tile_map import VERDICT_CHARS, tile_map_figure, tile_text
from i18n import t

LONGEST = "met_but_falling"  # "Saavutettu, mutta laskussa": the label that was cut on a phone


def ranked() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "name": ["Pohjois-Pohjanmaa", "Mellersta Österbotten", "Lappi"],
            "verdict": ["off_track", LONGEST, "met"],
            "gap_path": [-4.2, 0.1, 3.0],
            "sentence": ["a", "b", "c"],
        }
    )


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_ranking_labels_sit_above_the_bars_not_in_margins(lang: str) -> None:
    fig = ranking_figure(ranked(), lang)
    margin = fig.layout.margin
    assert margin.l <= 16 and margin.r <= 16  # a margin is fixed pixels: on a phone it ate the bars
    labels = [a.text for a in fig.layout.annotations]
    assert labels[0].startswith("<b>Pohjois-Pohjanmaa</b>") and "4,2" in labels[0].replace(".", ",")
    verdict = f"{VERDICT_STYLE[LONGEST][0]} {t('verdict.name.' + LONGEST, lang)}"
    assert labels[1].endswith(f"<br>{verdict}")  # whole, on its own line, never cut
    assert all(a.xref == "paper" and a.x == 0 and a.xanchor == "left" and a.yshift > 0 for a in fig.layout.annotations)


def test_tile_text_wraps_at_word_and_hyphen_boundaries_only() -> None:
    text = tile_text("Pohjois-Pohjanmaa", "↘", "Saavutettu, mutta laskussa", "+1,2 %-yks.")
    assert text == "<b>Pohjois-</b><br><b>Pohjanmaa</b><br>↘ Saavutettu,<br>mutta laskussa<br>+1,2 %-yks."
    lines = tile_text("Lappi", "●", "Pysynyt tavoitteessa", "✔ Q4/2025").split("<br>")
    assert lines == ["<b>Lappi</b>", "● Pysynyt", "tavoitteessa", "✔ Q4/2025"]
    assert all(len(line) <= VERDICT_CHARS for line in lines[1:3])


def test_tile_map_text_shrinks_to_its_tile() -> None:
    tiles = pd.DataFrame(
        {
            "name": ["Lappi", "Etelä-Pohjanmaa"],
            "grid_row": [0, 3],
            "grid_col": [3, 1],
            "verdict": ["met", "off_track"],
            "verdict_name": ["Saavutettu", "Ei saavuteta"],
            "gap_text": ["+1,0", "−2,0"],
            "hover": ["x", "y"],
        }
    )
    fig = tile_map_figure(tiles, "fi")
    [tile_bars] = fig.data
    # Text inside a bar is scaled down until it fits: the same figure reads at 1400 px and at 390 px.
    assert tile_bars.type == "bar" and tile_bars.textposition == "inside" and tile_bars.textangle == 0
    assert fig.layout.uniformtext.mode == "show" and fig.layout.uniformtext.minsize >= 7
    assert not fig.layout.annotations  # fixed-size annotations overlapped their neighbours on a phone
    assert list(tile_bars.marker.color) == [VERDICT_STYLE["met"][1], VERDICT_STYLE["off_track"][1]]
