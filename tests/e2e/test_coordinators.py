"""The coordinators' pages in a real browser, with screenshots for people; one in grayscale."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.conftest import SHOTS, open_page, wait_until_drawn

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module", autouse=True)
def warm_server(server: str, browser: Browser) -> None:
    """Visit the root once. On a cold server the very first deep link is answered with Streamlit's
    "page not found, running the main page" (st.navigation has not registered the url_paths yet)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fi-FI")
    page = context.new_page()
    page.goto(server)
    wait_until_drawn(page)
    context.close()


@pytest.mark.parametrize(
    ("path", "charts", "expected"),
    [
        ("liikennevalot?period=2025Q2&investment=P4I1", 0, "▲ Seurattava"),
        ("liikennevalot?mode=history&investment=P4I1&dimension=costs", 0, "keltainen 6. neljännestä peräkkäin"),
        ("edistyminen?investment=P4I1&period=2024Q3", 1, "Hankeaikaa kulunut 58,3 %"),
        ("talous", 1, "6 636 000 €"),
        ("investointi?area=18&investment=P4I1", 3, "Liikennevalot neljänneksittäin"),
        ("raportointi?period=2025Q2", 0, "2 aluetta ei raportoinut lainkaan"),
        ("muutokset?period=2025Q2", 0, "Etelä-Savo ei raportoinut"),
    ],
)
def test_coordinator_page_draws(server: str, page: Page, path: str, charts: int, expected: str) -> None:
    shot = "coordinators-" + path.split("?")[0] + ("-history" if "history" in path else "")
    open_page(page, f"{server}/{path}", shot=shot, charts=charts)
    text = page.inner_text("body").replace("\u00a0", " ")
    assert expected in text
    assert "Esimerkkiaineisto" in text or path.startswith("talous")


def test_traffic_lights_read_in_grayscale(server: str, page: Page) -> None:
    """The same grid with every colour removed: shapes and words must still tell the statuses apart."""
    open_page(page, f"{server}/liikennevalot?period=2025Q2&investment=P4I1")
    page.add_style_tag(content="html { filter: grayscale(1); }")
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.scroll_into_view_if_needed()
    SHOTS.mkdir(parents=True, exist_ok=True)
    grid.screenshot(path=SHOTS / "coordinators-liikennevalot-grayscale.png")
    # The data grid draws on a canvas; its accessible twin holds the cells' texts.
    cells = grid.locator("[role='gridcell']").evaluate_all("els => els.map(e => e.textContent)")
    assert {cell.split(" ")[0] for cell in cells} >= {"●", "▲", "■", "–"}
