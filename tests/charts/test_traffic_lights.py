"""The traffic-light grid reads without colour: every cell has a shape and a word; colours pass 3:1."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from charts.traffic_lights import (
    BACKGROUND,
    COLOURS,
    MISSING_COLOUR,
    SYMBOLS,
    cell_text,
    grid_table,
    legend_lines,
    traffic_light_figure,
)
from domain.programme import Status
from palette import contrast


@pytest.mark.parametrize("colour", [*COLOURS.values(), MISSING_COLOUR])
def test_every_status_colour_has_at_least_3_to_1_against_the_background(colour: str) -> None:
    assert contrast(colour, BACKGROUND) >= 3.0


def test_shapes_differ_for_every_status() -> None:
    assert len(set(SYMBOLS.values())) == len(Status)


CELLS = pd.DataFrame(
    {
        "row": ["18", "18", "18", "19"],
        "col": ["schedule", "costs", "risks", "schedule"],
        "status": ["on_track", "monitor", "quick_action", "not_reported"],
        "change": [None, "worse", None, "other"],
        "streak": [0, 1, 3, 0],
    }
)
ROWS = [("18", "Keski-Pohjanmaa"), ("19", "Pohjois-Pohjanmaa")]
COLS = [("schedule", "Aikataulu"), ("costs", "Kustannukset"), ("risks", "Riskit")]


def test_grid_table_gives_symbol_and_word_in_every_cell() -> None:
    table = grid_table(CELLS, ROWS, COLS, "Alue", "fi")
    assert table.to_dict("records") == [
        {
            "Alue": "Keski-Pohjanmaa",
            "Aikataulu": "● Etenee",
            "Kustannukset": "▲ Seurattava ↓",
            "Riskit": "■ Nopeat toimet (3)",
        },
        {
            "Alue": "Pohjois-Pohjanmaa",
            "Aikataulu": "○ Ei raport. ↔",
            "Kustannukset": "– puuttuu",
            "Riskit": "– puuttuu",
        },
    ]


def test_blank_cells_are_empty_not_missing() -> None:
    table = grid_table(CELLS, ROWS, COLS, "Area", "en", blank={("19", "risks")})
    assert table.loc[1, "Riskit"] == "" and table.loc[1, "Kustannukset"] == "– missing"


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_figure_cells_carry_shape_word_and_colour(lang: str) -> None:
    spec = json.loads(traffic_light_figure(CELLS, ROWS, COLS, lang).to_json())
    texts = [
        (text, colour)
        for trace in spec["data"]
        if trace.get("mode") == "text"
        for text, colour in zip(trace["text"], trace["textfont"]["color"], strict=True)
    ]
    assert len(texts) == len(ROWS) * len(COLS)
    for text, colour in texts:
        symbol, word = text.split(" ", 1)
        assert symbol in {*SYMBOLS.values(), "–"} and word.strip()
        assert contrast(colour) >= 3.0
    legend = [trace["name"] for trace in spec["data"] if trace.get("mode") == "markers"]
    assert len(legend) == 5


def test_cell_text_in_english_and_legend_lines() -> None:
    assert cell_text("quick_action", "worse", 2, lang="en") == "■ Act now (2) ↓"
    assert legend_lines("fi")[2] == "■ Edellyttää nopeita toimenpiteitä"


def test_a_long_row_label_goes_on_two_lines_that_fit_the_margin() -> None:
    """'Resultatens omfattning' (sv) ran out of the 135 px left margin; short labels stay on one line."""
    rows = [("18", "Resultatens omfattning"), ("19", "Nytta & risk")]
    spec = json.loads(traffic_light_figure(CELLS, rows, COLS, "sv").to_json())
    labels = spec["layout"]["yaxis"]["ticktext"]
    assert labels == ["Resultatens<br>omfattning", "Nytta &amp; risk"]  # escaped, an escape never split
    assert spec["layout"]["height"] == 130 + 40 * len(rows)  # two lines need the taller rows
    short = json.loads(traffic_light_figure(CELLS, ROWS, COLS, "sv").to_json())
    assert short["layout"]["yaxis"]["ticktext"] == ["Keski-Pohjanmaa", "Pohjois-Pohjanmaa"]
