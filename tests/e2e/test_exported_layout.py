"""An exported picture read as a reader reads it: the decorated SVG laid out by Chromium, no two texts over
each other and none off the image. Before, the title was drawn over a trajectory's event labels (one ran off
the image) and over a traffic-light grid's column heads, a three-row legend hid the year ticks, and a headline
card's legend lay over the sources."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from config import settings
from exports import images
from store.db import connect_readonly
from store.reader import Reader
from tests.e2e.test_small_screens import overlaps
from views import registry

pytestmark = pytest.mark.e2e  # kaleido's Chromium draws the SVG, the suite's lays it out

TEXTS = """() => [...document.querySelectorAll('text')].filter(e => e.textContent.trim())
  .map(e => { const r = e.getBoundingClientRect();
              return {text: e.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom}; })
  .filter(b => b.right > b.left)"""
VIEWS = [
    ("yleiskuva", "sv", None),  # a headline card: its axes pushed their own margins, the footer moved under the legend
    ("alue?region=18", "fi", None),  # event labels above, a target's documents in the legend
    ("investointi?area=19&investment=P4I1", "sv", "investment-lights-19-P4I1"),  # column heads on top
]


@pytest.mark.parametrize(("view", "lang", "key"), VIEWS, ids=["headline", "trajectory", "lights"])
def test_an_exported_chart_has_no_text_over_another(
    app_reads: Path, browser: Browser, view: str, lang: str, key: str | None
) -> None:
    con = connect_readonly(app_reads)
    try:
        charts = registry.build(view, Reader(con), lang)
    finally:
        con.close()
    chart = next(c for c in charts if key in (None, c.key))
    svg = images.svg(chart, settings().browser_path).decode()
    page = browser.new_page()  # the suite's browser: a second sync Playwright in one process is refused
    try:
        page.set_content(svg)
        boxes = page.evaluate(TEXTS)
        size = page.evaluate("() => document.querySelector('svg').getBoundingClientRect().toJSON()")
    finally:
        page.close()
    assert len(boxes) > 10, boxes  # the title, ticks, legend and footer at least
    assert overlaps(boxes) == []
    outside = [b["text"] for b in boxes if b["left"] < -1 or b["top"] < -1 or b["right"] > size["right"] + 1]
    assert outside == []
    assert all(b["bottom"] <= size["bottom"] + 1 for b in boxes)
