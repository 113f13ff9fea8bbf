"""The export browser: started in the background after the first page where asked, never where not.

A server with DASHBOARD_EXPORT_WARM_UP=1 (the default outside tests) has a Chromium under it after its
first page, before anyone clicks an export; with 0 (what tests/conftest.py sets) it has none until the
first PNG is asked for, and that PNG still arrives.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page

from exports import images
from tests.e2e.conftest import open_page, start_server

pytestmark = pytest.mark.e2e


def chromium_under(pid: int) -> list[int]:
    """Chromium processes among the descendants of pid (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], list(children.get(pid, []))
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        try:
            if "chrom" in Path(f"/proc/{current}/comm").read_text():
                found.append(current)
        except OSError:
            continue
    return found


def serve(demo_db: Path, tmp_path: Path, warm_up: str) -> tuple[str, object]:
    db = tmp_path / "dashboard.duckdb"
    shutil.copyfile(demo_db.resolve(), db)
    return start_server(db, DASHBOARD_EXPORT_WARM_UP=warm_up)


def stop(server: subprocess.Popen) -> None:
    """Stop the server and the export browser under it. Once, under a full clean-clone suite, a server still
    ran 30 s after SIGTERM while its export browser was starting: then it and its browser are killed."""
    children = chromium_under(server.pid)
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        for pid in [server.pid, *children, *chromium_under(server.pid)]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        server.wait(timeout=10)


def test_the_first_page_starts_the_export_browser_in_the_background(demo_db: Path, tmp_path: Path, page: Page) -> None:
    url, server = serve(demo_db, tmp_path, "1")
    try:
        assert chromium_under(server.pid) == []  # nothing before the first page
        open_page(page, url, charts=3)
        deadline = time.monotonic() + 60
        while not chromium_under(server.pid) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert chromium_under(server.pid), "no export browser under the server a minute after the first page"
    finally:
        stop(server)


def test_without_warm_up_no_browser_starts_until_the_first_png(demo_db: Path, tmp_path: Path, page: Page) -> None:
    url, server = serve(demo_db, tmp_path, "0")
    try:
        open_page(page, url, charts=3)
        time.sleep(2 * images.WARM_UP_DELAY_S + 2)  # past the point where a background start would have begun
        assert chromium_under(server.pid) == []
        page.locator("[data-testid='stPopover'] button").first.click()
        with page.expect_download(timeout=120_000) as download:
            page.get_by_role("button", name="PNG", exact=True).first.click()
        assert download.value.path().read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert chromium_under(server.pid)
    finally:
        stop(server)
