"""Every page in a real browser: drawn, its main widget changed, drawn again, no error box, no console error.

The upload page (lataa) exists only with an admin secret and is left out here (tests/pages/test_upload.py).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.e2e.conftest import SHOTS, open_page, wait_until_drawn
from views.pages import PAGES as TABLE

pytestmark = pytest.mark.e2e

# The Plotly charts each page of the page table draws on the demo store (the default page at "").
# Liikennevalot and Raportointi show their grids as data grids (the Plotly picture is for exports).
CHARTS = {"yleiskuva": 3, "indikaattori": 1, "alue": 4, "liikennevalot": 0, "edistyminen": 1, "talous": 1,
          "investointi": 3, "raportointi": 0, "muutokset": 0, "selaa": 1, "esitys": 0}  # fmt: skip
PAGES = {("" if spec.default else spec.url_path): CHARTS[spec.url_path] for spec in TABLE if spec.audience != "admin"}


def test_every_page_of_the_table_is_counted() -> None:
    assert set(CHARTS) == {spec.url_path for spec in TABLE if spec.audience != "admin"}


FIRST_SELECTBOX = "[data-testid='stMain'] [data-testid='stSelectbox']"


def pick_another_option(page: Page) -> str:
    """Open the page's first selectbox and click an option that is not the current one; its text.

    Right after a run the combobox can re-render under the click and its list closes again, so the
    opening is retried a bounded number of times.
    """
    other = page.locator("[role='option'][aria-selected='false']").first
    for _ in range(5):
        page.locator(FIRST_SELECTBOX).first.get_by_role("button", name="Open").click()
        try:
            other.wait_for(timeout=3_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    label = other.inner_text()
    before = page.url
    other.click()
    page.wait_for_function("before => location.href !== before", arg=before, timeout=30_000)  # the URL keeps the view
    return label


def search_by_id(page: Page) -> str:
    """Selaa: the demo store holds one source indicator, so the main widget is the search box."""
    before = page.url
    page.get_by_label("Hae nimellä").fill("127")
    page.keyboard.press("Enter")
    page.wait_for_function("before => location.href !== before", arg=before, timeout=30_000)
    return "Sotkanet 127"


def assert_clean(page: Page) -> None:
    assert page.locator("[data-testid='stException']").count() == 0, page.inner_text("body")[:2000]
    assert page.console_errors == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", list(PAGES), ids=[p or "yleiskuva" for p in PAGES])
def test_page_draws_and_its_main_widget_redraws_it(server: str, page: Page, path: str) -> None:
    name = path or "yleiskuva"
    open_page(page, f"{server}/{path}", shot=f"every-page-{name}", charts=PAGES[path])
    if page.locator(FIRST_SELECTBOX).count() == 0:
        # Esitys without a basket: only the "empty" note; the filled deck is tests/e2e/test_exports.py.
        assert path == "esitys", f"{name} has no selectbox to exercise"
        assert page.locator("[data-testid='stAlert']").count() >= 1
        return
    label = search_by_id(page) if path == "selaa" else pick_another_option(page)
    wait_until_drawn(page, PAGES[path])
    assert_clean(page)
    assert page.locator(FIRST_SELECTBOX).first.get_by_role("combobox").input_value() == label.strip()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"every-page-{name}-changed.png", full_page=True)
