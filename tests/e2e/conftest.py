"""A real `streamlit run` server on a free port and Debian's headless Chromium driven by Playwright."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import urllib.request
import zlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from config import ROOT, settings
from deploy.warm_up import wait_healthy
from deploy.warm_up import warm_up as run_entry_page

SHOTS = ROOT / "artifacts" / "screenshots"
VIEWPORT = {"width": 1400, "height": 1000}
# wait_for_function checks every 100 ms, not on every animation frame (Playwright's default): checking 60 times
# a second while Plotly draws cost the renderer ~15 % more CPU on a page visit.
POLL_MS = 100
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
    # The browser reaches this machine only: every other host name fails to resolve, at once and without a
    # network (no request leaves the machine; a page that needs another host fails the test that opens it).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers(base: str) -> bool:
    """Does the server at base answer its health check now?"""
    try:
        with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def wait_for_health(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    try:
        wait_healthy(url, timeout, process)
    except TimeoutError:
        process.terminate()
        output = process.communicate(timeout=10)[0]
        pytest.fail(f"streamlit did not become healthy at {url}:\n{output}")


# Every server a test starts listens on its worker's own port while that port is free, so that the browser
# sees one origin and keeps Streamlit's scripts compiled: the first page of a new origin cost Chromium ~10 s
# of CPU more than the next (it fetches and compiles them again). The ports lie below the kernel's ephemeral
# ones (32768-60999), so free_port() never hands one out, and depend on the run, so that two runs on one
# machine do not take turns on one port.
OWN_PORTS, RUNS, WORKERS = 20_000, 1_500, 8


def is_free(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Tornado binds: TIME_WAIT does not count
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def own_port() -> int:
    """The worker's own port in this run if it is free now, else any free port."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID") or str(os.getpid())  # pytest-xdist's id of the run
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    port = OWN_PORTS + zlib.crc32(run.encode()) % RUNS * WORKERS + worker % WORKERS
    return port if is_free(port) else free_port()


def start_server(db_path: Path, *options: str, port: int | None = None, **env: str) -> tuple[str, subprocess.Popen]:
    """`streamlit run app.py` on db_path; options are extra command-line settings (`--secrets.files`, …)."""
    port = port or own_port()
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
def server(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db_path = tmp_path_factory.mktemp("e2e") / "dashboard.duckdb"
    shutil.copyfile(demo_db.resolve(), db_path)
    url, process = start_server(db_path, port=free_port())  # for the whole run: the worker's own port stays free
    warm_up(url)
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


def warm_up(url: str) -> None:
    """Run the entry page once, as deploy/warm_up.py does after a start. Streamlit's first session after a
    start cannot resolve a deep link (it shows "Page not found" and runs the main page; streamlit/streamlit#9624),
    so tests start warm. Over Streamlit's own protocol: a browser page would cost a renderer of its own."""
    try:  # in a thread of its own: Playwright's sync API holds this thread's event loop
        with ThreadPoolExecutor(1) as pool:
            pool.submit(run_entry_page, url, 90).result()
    except (TimeoutError, ConnectionError, OSError) as error:
        pytest.fail(f"the warm-up run at {url} failed: {error}")


def _record(page: Page, message: ConsoleMessage) -> None:
    """Console errors, less two benign ones: on a page's own URL the Streamlit client first asks
    /<page>/_stcore/health and /host-config (404) before the root ones; and a request of the page an earlier
    test left, to that test's server, stopped by now (`leave`), failing after this test's page has opened
    (one CI run: ERR_CONNECTION_REFUSED under the upload test). That page is a health answer, whose one
    request is the browser's own for /favicon.ico; the next server may listen on the same port (`own_port`),
    so such a request can fail on this test's port too. Any other failure still counts."""
    failed = message.text.startswith("Failed to load resource")
    source, now = urlsplit(message.location.get("url", "")), urlsplit(page.url)
    probe = failed and "/_stcore/" in source.path
    local = source.hostname == now.hostname == "127.0.0.1"
    stale = failed and local and (source.port != now.port or source.path == "/favicon.ico")
    if message.type == "error" and not (probe or stale):  # a failed load says which resource failed
        page.console_errors.append(f"{message.text} ({source.geturl()})" if failed else message.text)  # type: ignore[attr-defined]


def recording(page: Page) -> Page:
    """The page, its console errors kept in page.console_errors (less the benign ones `_record` skips)."""
    page.console_errors = []  # type: ignore[attr-defined]
    page.on("console", lambda message: _record(page, message))
    return page


@pytest.fixture(scope="session")
def tab(browser: Browser) -> Iterator[Page]:
    """One browser page per worker, reused by every test (`fresh` clears its cookies). A page that has drawn
    Streamlit and Plotly keeps their compiled scripts: each next test's page costs ~2 s of CPU instead of the
    ~7 s a fresh page spends compiling them again, and a suite opens a few hundred. Tests that need more
    sessions at once open more pages of its context: the compiled scripts are cached per context (a page of
    a new context compiles them again) and per origin (`own_port`), and not at all where requests are routed."""
    context = browser.new_context(viewport=VIEWPORT, locale="fi-FI", accept_downloads=True)
    page = recording(context.new_page())
    yield page
    context.close()


def fresh(tab: Page, viewport: dict[str, int] = VIEWPORT) -> Page:
    """The worker's page, ready for a test: no console errors recorded, no cookies, the given size, and no
    navigation of the test before still under way."""
    with contextlib.suppress(PlaywrightError):
        tab.wait_for_load_state()
    tab.console_errors = []  # type: ignore[attr-defined]
    tab.context.clear_cookies()
    tab.set_viewport_size(viewport)
    return tab


def leave(page: Page) -> None:
    """A test is done with the page: its Streamlit session ends. The page moves to the server's health answer,
    on the same site, so the renderer stays; if the test stopped its server, to a blank page (a navigation to
    a stopped server would commit its error page later, under the next test's first navigation)."""
    origin = urlsplit(page.url)
    base = f"http://{origin.netloc}"
    local = origin.scheme == "http" and origin.hostname == "127.0.0.1"
    with contextlib.suppress(PlaywrightError):
        page.goto(f"{base}/_stcore/health" if local and answers(base) else "about:blank")


@pytest.fixture
def page(tab: Page) -> Iterator[Page]:
    """The worker's page for one test (see `tab`)."""
    yield fresh(tab)
    leave(tab)


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
            polling=POLL_MS,
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
