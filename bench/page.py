"""Pages in a real browser, on a 10 M-row store: time to chart, widget redraw, memory, 20 sessions at once.

    python bench/page.py [--rows 10000000] [--rounds 7] [--sessions 20] [--dir /tmp/rrp-bench]

Both sides are `streamlit run` servers on free loopback ports, driven by Debian's Chromium through
Playwright: Indikaattori on the bench store (bench/query.py builds it) against a minimal one-chart
Streamlit app. Prints a table and returns {name: {value, floor, ratio, unit}} for bench/results.json.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.async_api import async_playwright
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import query  # noqa: E402
from tests.e2e.every_page import CHARTS, open_another_option  # noqa: E402
from views.pages import PAGES as TABLE  # noqa: E402

CHROMIUM = os.environ.get("BROWSER_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"]
SERVER_FLAGS = ["--server.headless", "true", "--server.address", "127.0.0.1"]  # loopback only
DRAWN = "n => document.querySelectorAll(\"[data-testid='stPlotlyChart'] svg.main-svg\").length >= n"
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
PAGES = {  # url_path → charts drawn on the demo store (the page table; the admin-only upload page is left out)
    ("" if spec.default else spec.url_path): CHARTS[spec.url_path] for spec in TABLE if spec.audience != "admin"
}
MINIMAL_APP = '''"""The floor: one Plotly line chart, nothing else."""
import plotly.graph_objects as go
import streamlit as st

st.plotly_chart(go.Figure(go.Scatter(x=list(range(2019, 2026)), y=[67, 69, 70, 72, 74, 77, 79])))
'''
CHART_STATE = """() => {
    const chart = document.querySelector("[data-testid='stPlotlyChart']");
    const idle = document.querySelector("[data-testid='stApp']").dataset.testScriptState === 'notRunning';
    return {idle, svg: chart ? chart.innerHTML.length + ':' + chart.textContent : ''};
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(script: Path, env: dict[str, str]) -> tuple[str, subprocess.Popen]:
    """`streamlit run` on a free loopback port; returns once /_stcore/health answers."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), *SERVER_FLAGS, "--server.port", str(port)],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):  # noqa: S310 - our loopback URL
                return url, process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"streamlit did not start for {script}")


def rss_mb(pid: int) -> float:
    """Memory of a process and all its descendants (from /proc), in MB: each one's proportional set size
    (PSS: a page shared by n processes counts 1/n in each), so the export browser's many Chromium
    processes, which share most of their pages, are not counted many times over as summed RSS did.
    VmRSS where smaps_rollup cannot be read."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        total += _kb(current, "smaps_rollup", "Pss:") or _kb(current, "status", "VmRSS:")
    return total / 1024


def _kb(pid: int, name: str, field: str) -> int:
    try:
        text = Path(f"/proc/{pid}/{name}").read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in text.splitlines() if line.startswith(field)), 0)


def time_to_chart(browser: Browser, url: str, charts: int = 1) -> float:
    """A fresh session (context): navigation until `charts` Plotly SVGs are drawn."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fi-FI")
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_function(DRAWN, arg=charts, timeout=120_000)
    seconds = time.perf_counter() - started
    context.close()
    return seconds


def redraw_after_change(page: Page) -> float:
    """Pick another indicator in Indikaattori's first selectbox; seconds until the chart is redrawn."""
    before = page.evaluate(CHART_STATE)["svg"]
    other = open_another_option(page)
    started = time.perf_counter()
    other.click()
    page.wait_for_function(
        f"before => {{ const s = ({CHART_STATE})(); return s.idle && s.svg && s.svg !== before; }}",
        arg=before,
        timeout=60_000,
        polling=20,
    )
    return time.perf_counter() - started


async def sessions_at_once(url: str, count: int, charts: int, limit_s: float) -> tuple[list[float], list[float]]:
    """One session alone (5 times), then `count` sessions started together; time to chart of each."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        async def one() -> float:
            context = await browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fi-FI")
            page = await context.new_page()
            started = time.perf_counter()
            await page.goto(url, timeout=limit_s * 1000)
            await page.wait_for_function(DRAWN, arg=charts, timeout=limit_s * 1000)
            seconds = time.perf_counter() - started
            await context.close()
            return seconds

        alone = [await one() for _ in range(5)]
        together = await asyncio.wait_for(asyncio.gather(*(one() for _ in range(count))), timeout=limit_s)
        await browser.close()
    return alone, list(together)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]  # nearest rank


def measure(db: Path, rounds: int, sessions: int) -> dict[str, dict]:
    app_env = {"DASHBOARD_DB": str(db)}
    with tempfile.TemporaryDirectory() as tmp:
        minimal = Path(tmp) / "one_chart.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        app_url, app = serve(ROOT / "app.py", app_env)
        floor_url, floor_app = serve(minimal, {})
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                # Warm both: the first session of a fresh server cannot open a deep link (app.py's note),
                # and every page once, so caches hold what a running app holds.
                rss_pages = {}
                for path, charts in PAGES.items():
                    time_to_chart(browser, f"{app_url}/{path}", charts) if charts else None
                    rss_pages[path or "yleiskuva"] = rss_mb(app.pid)
                time_to_chart(browser, floor_url)
                floor_rss = rss_mb(floor_app.pid)
                ours, bare = [], []
                for _ in range(rounds):  # interleaved, a fresh context each time
                    ours.append(time_to_chart(browser, f"{app_url}/indikaattori"))
                    bare.append(time_to_chart(browser, floor_url))
                context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fi-FI")
                page = context.new_page()
                page.goto(f"{app_url}/indikaattori")
                page.wait_for_function(DRAWN, arg=1, timeout=120_000)
                page.wait_for_selector(IDLE)
                redraws = [redraw_after_change(page) for _ in range(rounds)]
                context.close()
                browser.close()
            alone, together = asyncio.run(sessions_at_once(app_url, sessions, PAGES[""], limit_s=240))
            rss_after = rss_mb(app.pid)
            own = _kb(app.pid, "smaps_rollup", "Pss:") / 1024  # the server alone, without the export browser
        finally:
            for process in (app, floor_app):
                process.terminate()
                process.wait(timeout=20)
    chart, floor = statistics.median(ours), statistics.median(bare)
    redraw = statistics.median(redraws)
    rss = max(*rss_pages.values(), rss_after)
    single, worst = statistics.median(alone), p95(together)
    return {
        "page_chart_indikaattori_s": {"value": chart, "floor": floor, "ratio": chart / floor, "unit": "s",
                                      "note": f"median of {rounds}, fresh session each, vs minimal one-chart app"},
        "page_widget_redraw_s": {"value": redraw, "floor": None, "ratio": None, "unit": "s",
                                 "note": f"Indikaattori: other indicator picked → new chart, median of {rounds}"},
        "app_rss_mb": {"value": rss, "floor": floor_rss, "ratio": rss / floor_rss, "unit": "MB",
                       "note": f"PSS of streamlit + children (the export browser) after every page and the sessions;"
                       f" the server alone {own:.0f} MB; floor: minimal app",
                       "per_page": rss_pages, "after_sessions": rss_after, "server_alone": own},
        "sessions_all_browsers_p95_s": {"value": worst, "floor": single, "ratio": worst / single, "unit": "s",
                           "note": f"{sessions} Chromium sessions at once on Yleiskuva (3 charts), all on this"
                           " machine's cores with the server, vs one alone (median of 5); bench/sessions.py splits it",
                           "all": sorted(together)},
    }  # fmt: skip


def main(argv: list[str] | None = None) -> dict[str, dict]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "rrp-bench")
    args = parser.parse_args(argv)
    if not 1 <= args.sessions <= 50:
        raise SystemExit("--sessions: 1 to 50 (one machine, loopback only)")
    results = measure(query.store(args.rows, args.dir), args.rounds, args.sessions)
    print(f"{'measure':48} {'value':>9} {'floor':>9} {'ratio':>6}")
    for name, r in results.items():
        floor = f"{r['floor']:>7.2f}{r['unit']:>2}" if r["floor"] is not None else f"{'–':>9}"
        ratio = f"{r['ratio']:>6.2f}" if r["ratio"] is not None else f"{'–':>6}"
        print(f"{name:48} {r['value']:>7.2f}{r['unit']:>2} {floor} {ratio}  {r['note']}")
    return results


if __name__ == "__main__":
    main()
