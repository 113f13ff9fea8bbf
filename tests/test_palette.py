"""palette.py: the one WCAG contrast formula, and the ink chosen for a filled cell."""

from __future__ import annotations

import pytest

from charts import theme
from exports import deck
from palette import AREA_COLOURS, SERIES, contrast, ink_on


@pytest.mark.parametrize(
    ("foreground", "background", "ratio"),
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#767676", "#ffffff", 4.54),
        ("#1f4e79", "#ffffff", 8.66),
    ],
)
def test_contrast_matches_wcag_examples(foreground: str, background: str, ratio: float) -> None:
    assert contrast(foreground, background) == pytest.approx(ratio, abs=0.01)


def test_contrast_is_symmetric() -> None:
    assert contrast("#a4262c", "#ffffff") == contrast("#ffffff", "#a4262c")


@pytest.mark.parametrize(("fill", "ink"), [("#2e7d32", "#ffffff"), ("#c62828", "#ffffff"), ("#ffd54f", "#000000")])
def test_ink_on_a_fill_is_the_more_readable_of_white_and_black(fill: str, ink: str) -> None:
    assert ink_on(fill) == ink


def test_screen_and_deck_draw_with_the_same_colours() -> None:
    assert deck.PALETTE is SERIES
    assert SERIES[:2] == (theme.ACTUAL, theme.TARGET) and set(SERIES[2:]) <= set(AREA_COLOURS)
