"""The upload page in a real browser: sign in, preview, Tallenna; a bad file names its row and column."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.conftest import _record, start_server, wait_until_drawn, warm_up
from tests.e2e.conftest import screenshot as shot

pytestmark = pytest.mark.e2e

PASSWORD = "selain-testi-42"  # noqa: S105  (this test's own admin secret)
GOOD = "indicator,region,period,value\ncare_guarantee_7day_share,Koko maa,2025-06,79.5\n"
BAD = (
    "indicator,region,period,value\ncare_guarantee_7day_share,18,2025-06,79.5\ncare_guarantee_7day_share,18,2025-07,x\n"
)


@pytest.fixture
def admin_url(demo_db: Path, tmp_path: Path, browser: Browser) -> Iterator[str]:
    store = tmp_path / "dashboard.duckdb"
    shutil.copyfile(demo_db.resolve(), store)
    url, server = start_server(store, DASHBOARD_ADMIN_PASSWORD=PASSWORD)
    warm_up(browser, url)
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def admin_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fi-FI")
    page = context.new_page()
    page.console_errors = []  # type: ignore[attr-defined]
    page.on("console", lambda message: _record(page, message))
    yield page
    context.close()


def grid_cells(page: Page) -> str:
    """The dataframes' cells as text: the grid draws on a canvas and, once focused, fills the canvas
    with an accessible table (for screen readers) that holds the same text."""
    texts = []
    for canvas in page.locator("[data-testid='data-grid-canvas']").all():
        canvas.focus()
        cells = canvas.locator("td")
        cells.first.wait_for(state="attached", timeout=10_000)
        texts.append(" ".join(cells.all_text_contents()))
    return " | ".join(texts)


def grid_text(page: Page, expected: str) -> str:
    """Grid text once it holds `expected` (grids draw after the script run; a previous one may linger)."""
    for _ in range(40):
        text = grid_cells(page)
        if expected in text:
            break
        page.wait_for_timeout(250)
    return text


def upload(page: Page, path: Path, summary: str) -> None:
    """Choose one file and wait for its preview (the summary line; an earlier preview may still show)."""
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(path))
    page.get_by_text(summary).wait_for(timeout=60_000)
    wait_until_drawn(page)
    page.locator("[data-testid='data-grid-canvas']").first.wait_for(timeout=30_000)


def test_sign_in_preview_save_and_a_refused_file(admin_url: str, admin_page: Page, tmp_path: Path) -> None:
    page = admin_page
    page.goto(f"{admin_url}/lataa")
    wait_until_drawn(page)
    assert page.locator("[data-testid='stFileUploader']").count() == 0
    page.get_by_label("Ylläpitäjän salasana").fill("väärä")
    page.get_by_role("button", name="Kirjaudu").click()
    page.get_by_text("Väärä salasana.").wait_for(timeout=30_000)
    page.get_by_label("Ylläpitäjän salasana").fill(PASSWORD)
    page.get_by_role("button", name="Kirjaudu").click()
    page.locator("[data-testid='stFileUploader']").wait_for(timeout=30_000)
    shot(page, "upload-signed-in")

    good = tmp_path / "hoitotakuu_2025-06.csv"
    good.write_text(GOOD, encoding="utf-8")
    upload(page, good, "Tarkistetut tiedostot: 1 · kelpaa 1 · hylätty 0")
    shot(page, "upload-preview")  # before grid_text: its focus would highlight a cell
    cells = grid_text(page, "hoitotakuu_2025-06.csv kelpaa")
    assert "hoitotakuu_2025-06.csv kelpaa 1 care_guarantee_7day_share 358 2025-06" in cells, cells
    page.get_by_role("button", name="Tallenna").click()
    page.get_by_text("Tallennettu. Uudet tiedot näkyvät kaikilla sivuilla.").wait_for(timeout=60_000)
    wait_until_drawn(page)
    shot(page, "upload-saved")
    assert "hoitotakuu_2025-06.csv tallennettu 1" in grid_text(page, "tallennettu")

    bad = tmp_path / "huono.csv"
    bad.write_text(BAD, encoding="utf-8")
    page.locator("[data-testid='stFileChipDeleteBtn']").first.click()
    wait_until_drawn(page)
    upload(page, bad, "Tarkistetut tiedostot: 1 · kelpaa 0 · hylätty 1")
    shot(page, "upload-refused")
    cells = grid_text(page, "huono.csv")
    assert "virhe huono.csv 3 value luku x" in cells, cells  # row 3, column value, expected "luku" (Finnish), found x
    assert page.get_by_role("button", name="Tallenna").count() == 0
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.console_errors == []  # type: ignore[attr-defined]
