"""deploy/warm_up.py: after it, a new server's first visitor on a deep link sees the page, not "Page not found".

Streamlit's first session after a start runs in its pages-folder mode and cannot resolve /talous; a
cold server is shown to do so here, so that the test fails if the warm-up stops doing its job or if
a Streamlit upgrade fixes the cause (then the warm-up is only a cache warmer, and this test says so).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page

from config import ROOT
from tests.e2e.conftest import start_server

pytestmark = pytest.mark.e2e
NOT_FOUND = "Page not found"


def first_visit(page: Page, url: str) -> tuple[bool, str]:
    """The server's first session (the worker's browser page may have seen other servers: that is the browser)."""
    page.goto(f"{url}/talous?lang=fi")
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)
    page.get_by_role("heading", name="Talous").first.wait_for(timeout=30_000)
    page.wait_for_timeout(1500)  # the dialog, when it comes, comes with the first run's messages
    shown = page.get_by_text(NOT_FOUND).count() > 0
    title = page.get_by_role("heading", level=1).first.inner_text()
    return shown, title


@pytest.mark.parametrize("warmed", [False, True], ids=["cold", "warmed"])
def test_a_deep_link_after_a_start(page: Page, demo_db: Path, tmp_path: Path, warmed: bool) -> None:
    db_path = tmp_path / "dashboard.duckdb"
    shutil.copyfile(demo_db.resolve(), db_path)
    url, process = start_server(db_path, DASHBOARD_EXPORT_WARM_UP="0")
    try:
        if warmed:
            port = url.rsplit(":", 1)[1]
            done = subprocess.run(
                [sys.executable, "deploy/warm_up.py", "--port", port], cwd=ROOT, capture_output=True, text=True
            )
            assert done.returncode == 0, done.stderr
            assert "first run finished in" in done.stdout
        shown, title = first_visit(page, url)
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert title == "Talous"  # the right page either way
    assert shown is (not warmed), "cold: Streamlit's dialog (the cause the warm-up exists for); warmed: none"
