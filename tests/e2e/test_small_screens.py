"""Phones (390×844) and small laptops (1024×768): the page never scrolls sideways and no two chart texts overlap.

Each chart's text boxes (annotations, tick labels, legend entries, text inside bars) are measured in the browser:
two that intersect, or one that runs out of its chart, is text a reader cannot read."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import fresh, leave, open_page

pytestmark = pytest.mark.e2e

SIZES = [(390, 844), (1024, 768)]
# path, Plotly charts on it, which of them to measure
PAGES = [
    ("", 5, (0, 1, 2, 3, 4)),  # Yleiskuva, the default page: headline charts, the reckoning, its tile map
    ("?indicator=care_guarantee_7day_share&asof=2025-09-30", 5, (0, 1, 2, 3, 4)),  # ranking bars, tile map
    ("liikennevalot?period=2025Q2&investment=P4I1", 0, ()),
    ("raportointi?period=2025Q2", 0, ()),
]

TEXT_BOXES = """chart => {
  const svg = chart.querySelector('svg.main-svg').getBoundingClientRect();
  const selector = 'text.annotation-text, text.bartext, .xtick text, .ytick text, text.legendtext';
  const boxes = [...chart.querySelectorAll(selector)]
    .filter(e => e.textContent.trim() && getComputedStyle(e).display !== 'none' && e.getAttribute('opacity') !== '0')
    .map(e => { const r = e.getBoundingClientRect();
                return {text: e.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom}; })
    .filter(b => b.right > b.left);
  return {svg: {left: svg.left, right: svg.right}, boxes};
}"""


def overlaps(boxes: list[dict], slack: float = 1.5) -> list[tuple[str, str]]:
    """Pairs of text boxes that intersect by more than `slack` px both ways (glyph boxes touch at their edges)."""
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            wide = min(a["right"], b["right"]) - max(a["left"], b["left"])
            high = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            if wide > slack and high > slack:
                found.append((a["text"], b["text"]))
    return found


@pytest.fixture
def sized(tab: Page, request: pytest.FixtureRequest) -> Iterator[Page]:
    width, height = request.param
    yield fresh(tab, {"width": width, "height": height})
    leave(tab)


@pytest.mark.parametrize("sized", SIZES, indirect=True, ids=lambda s: f"{s[0]}px")
@pytest.mark.parametrize(("path", "charts", "measured"), PAGES, ids=["overview", "ranking", "lights", "reporting"])
def test_page_fits_the_screen_and_no_text_overlaps(
    server: str, sized: Page, path: str, charts: int, measured: tuple[int, ...]
) -> None:
    page = sized
    width = page.viewport_size["width"]
    shot = f"small-{path.split('?')[0] or 'yleiskuva'}-{'asof-' if 'asof' in path else ''}{width}"
    open_page(page, f"{server}/{path}", shot=shot, charts=charts)  # a screenshot when asked (E2E_SCREENSHOTS=1)
    main = page.locator("[data-testid='stMain']")
    sideways = main.evaluate("m => [m.scrollWidth, m.clientWidth, document.documentElement.scrollWidth]")
    assert sideways[0] <= sideways[1] + 1 and sideways[2] <= width + 1, f"the page scrolls sideways: {sideways}"
    plots = page.locator("[data-testid='stPlotlyChart']")
    assert plots.count() == charts
    for index in measured:
        found = plots.nth(index).evaluate(TEXT_BOXES)
        assert found["boxes"], f"chart {index}: no text measured"
        assert overlaps(found["boxes"]) == [], f"chart {index} at {width} px: overlapping texts"
        svg = found["svg"]
        cut = [b["text"] for b in found["boxes"] if b["left"] < svg["left"] - 1 or b["right"] > svg["right"] + 1]
        assert cut == [], f"chart {index} at {width} px: texts run out of the chart"
    if charts == 0:  # a coordinators' grid: a data grid that scrolls by itself, the area column pinned
        grid = page.locator("[data-testid='stDataFrame']").first
        grid.wait_for(timeout=30_000)  # the grid draws after the script run (its data arrive separately)
        assert grid.is_visible()
