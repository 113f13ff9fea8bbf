"""A load while five sessions read: nobody sees an error or a lock, and a rerun shows the new data.

Five browser pages (five Streamlit sessions) keep rerunning the overview while
`python -m loaders ingest` writes into the same DASHBOARD_DB; the load publishes by rename, so the
readers never wait and never fail. The loaded row is a national 7-day care guarantee value for
11/2026, which becomes the overview's latest value (79,5 %).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from config import ROOT
from tests.e2e.conftest import POLL_MS, fresh, recording, screenshot, start_server, warm_up

pytestmark = pytest.mark.e2e

SESSIONS = 5
NEW_ROW = "indicator,region,period,value\ncare_guarantee_7day_share,Koko maa,2026-11,79.5\n"
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


@pytest.fixture
def store(demo_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "dashboard.duckdb"
    shutil.copyfile(demo_db.resolve(), path)
    return path


@pytest.fixture
def pages(store: Path, tab: Page) -> Iterator[list[Page]]:
    """Five pages of the worker's browser context: five Streamlit sessions (each page its own connection).
    In the context that has loaded Streamlit's scripts before, a page does not compile them again: five
    contexts of their own cost the renderers 38 s of CPU, five pages of one context 15 s."""
    url, server = start_server(store)
    warm_up(url)  # as deploy/warm_up.py does after a start: the first session is not one of ours
    context = fresh(tab).context  # no cookies of an earlier test
    opened = []
    for _ in range(SESSIONS):
        page = recording(context.new_page())
        page.goto(url)
        opened.append(page)
    yield opened
    for page in opened:
        page.close()
    server.terminate()
    server.wait(timeout=10)


COUNT_RUNS = """() => {
    if (window.finishedRuns !== undefined) return;
    window.finishedRuns = 0;
    const app = document.querySelector("[data-testid='stApp']");
    new MutationObserver(() => {
        if (app.getAttribute("data-test-script-state") === "notRunning") window.finishedRuns += 1;
    }).observe(app, {attributes: true, attributeFilter: ["data-test-script-state"]});
}"""


def rerun_all(pages: list[Page]) -> list[str]:
    """Rerun every session at once, in place (Streamlit's R key: a fresh script run on the live store,
    without reloading the page); the first headline figure of each."""
    before = []
    for page in pages:
        page.evaluate(COUNT_RUNS)
        before.append(page.evaluate("window.finishedRuns"))
        page.evaluate("document.activeElement && document.activeElement.blur()")  # the key goes to the app
        page.keyboard.press("r")
    for page, runs in zip(pages, before, strict=True):
        page.wait_for_function("n => window.finishedRuns > n", arg=runs, timeout=90_000, polling=POLL_MS)
    return [settled(page) for page in pages]


def settled(page: Page) -> str:
    """The care guarantee's headline figure (the first card's) once the run has finished."""
    first_card = page.locator(".st-key-card-0 [data-testid='stMetricValue']")  # ui.widgets.card_row's keys
    first_card.wait_for(timeout=90_000)
    page.wait_for_selector(IDLE, timeout=90_000)
    assert page.locator("[data-testid='stException']").count() == 0, page.inner_text("body")[:2000]
    return first_card.inner_text().replace("\u00a0", " ")


def test_a_load_while_five_sessions_read_shows_no_error_and_then_the_new_value(
    pages: list[Page], store: Path, tmp_path: Path
) -> None:
    assert {settled(page) for page in pages} == {"81 %"}
    csv = tmp_path / "hoitotakuu_2025-06.csv"
    csv.write_text(NEW_ROW, encoding="utf-8")
    load = subprocess.Popen(
        [sys.executable, "-m", "loaders", "ingest", str(csv), "--db", str(store)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    seen: set[str] = set()
    rounds = 0
    while load.poll() is None:  # every session reruns while the load runs
        rounds += 1
        seen.update(rerun_all(pages))
        assert rounds < 30, "the load did not finish"
    output = load.communicate(timeout=60)[0]
    assert load.returncode == 0, output
    assert "hoitotakuu_2025-06.csv: loaded, 1 rows" in output
    assert rounds >= 1 and seen <= {"81 %", "79,5 %"}  # each rerun saw the old store or the new one

    assert rerun_all(pages) == ["79,5 %"] * SESSIONS  # the open sessions switch at their next rerun
    pages[0].reload()  # and a fresh page load shows it too
    assert settled(pages[0]) == "79,5 %"
    assert "Viimeisin 11/2026" in pages[0].inner_text("body")
    errors = [e for page in pages for e in page.console_errors]  # type: ignore[attr-defined]
    assert not [e for e in errors if "lock" in e.lower()], errors
    assert errors == []
    screenshot(pages[0], "concurrent-load-after", full_page=False)
    print(f"\nreruns of 5 sessions during the load: {rounds} rounds")
