"""A real `streamlit run` server on a free port and Debian's headless Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright

from config import ROOT, settings

SHOTS = ROOT / "artifacts" / "screenshots"
# Screenshots are for people, so they are taken only when asked: E2E_SCREENSHOTS=1 (.ci/run asks).
SCREENSHOTS = os.environ.get("E2E_SCREENSHOTS", "") == "1"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_health(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    process.terminate()
    output = process.communicate(timeout=10)[0]
    pytest.fail(f"streamlit did not become healthy at {url}:\n{output}")


def start_server(db_path: Path, *options: str, port: int | None = None, **env: str) -> tuple[str, subprocess.Popen]:
    """`streamlit run app.py` on db_path; options are extra command-line settings (`--secrets.files`, …)."""
    port = port or free_port()
    environment = {**os.environ, "DASHBOARD_DB": str(db_path), **env}
    environment.pop("DASHBOARD_ADMIN_PASSWORD", None) if "DASHBOARD_ADMIN_PASSWORD" not in env else None
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            *options,
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    wait_for_health(url, process)
    return url, process


@pytest.fixture(scope="session")
def server(demo_db: Path, tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[str]:
    db_path = tmp_path_factory.mktemp("e2e") / "dashboard.duckdb"
    shutil.copyfile(demo_db.resolve(), db_path)
    url, process = start_server(db_path)
    warm_up(browser, url)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = settings().browser_path
    if not Path(executable).exists():
        pytest.fail(f"Chromium not found at {executable}: install Debian's package (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def warm_up(browser: Browser, url: str) -> None:
    """Run the entry page once. Streamlit's first session after a start cannot resolve a deep link
    (it shows "Page not found" and runs the main page; streamlit/streamlit#9624), so tests start warm."""
    page = browser.new_page()
    page.goto(url)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)
    page.close()


def _record(page: Page, message: ConsoleMessage) -> None:
    """Console errors, less one benign probe: on a page's own URL the Streamlit client first asks
    /<page>/_stcore/health and /host-config (404) before the root ones."""
    probe = "/_stcore/" in message.location.get("url", "") and message.text.startswith("Failed to load resource")
    if message.type == "error" and not probe:
        page.console_errors.append(message.text)  # type: ignore[attr-defined]


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fi-FI")
    page = context.new_page()
    page.console_errors = []  # type: ignore[attr-defined]
    page.on("console", lambda message: _record(page, message))
    yield page
    context.close()


def wait_until_drawn(page: Page, charts: int = 0) -> None:
    """The script has run, and at least `charts` Plotly charts have drawn their SVG. "notRunning" also holds
    before a page's first run starts: every page's title (h1) proves its run began."""
    page.wait_for_selector("[data-testid='stMain'] h1", timeout=60_000)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)
    if charts:
        page.wait_for_function(  # charts with their SVG drawn (one chart holds several svg.main-svg layers)
            "n => [...document.querySelectorAll(\"[data-testid='stPlotlyChart']\")]"
            "  .filter(chart => chart.querySelector('svg.main-svg')).length >= n",
            arg=charts,
            timeout=30_000,
        )
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)


def open_page(page: Page, url: str, shot: str | None = None, charts: int = 0) -> Page:
    """Go to url, wait until the script has finished and the charts are drawn; fail on any error box."""
    page.goto(url)
    wait_until_drawn(page, charts)
    assert page.locator("[data-testid='stException']").count() == 0, page.inner_text("body")[:2000]
    assert page.console_errors == []  # type: ignore[attr-defined]
    if shot:
        screenshot(page, shot)
    return page


def screenshot(page: Page, name: str, full_page: bool = True) -> None:
    """artifacts/screenshots/<name>.png when screenshots are asked for (E2E_SCREENSHOTS=1), else nothing."""
    if SCREENSHOTS:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SHOTS / f"{name}.png", full_page=full_page)
