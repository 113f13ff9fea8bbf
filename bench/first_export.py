"""The first PNG after a server start against a warm one, with and without the background export browser.

    python bench/first_export.py [--rounds 3] [--pause 5]

Each round starts two fresh `streamlit run` servers on the demo store, one with DASHBOARD_EXPORT_WARM_UP=0
(the browser starts on the first click, as before issue 16) and one with the default (it starts in the
background after the first page run). On each, a real Chromium opens Yleiskuva (the first page's time to
chart), waits `--pause` seconds (a user reading the page before opening "Lataa"), then downloads the first
chart's PNG: that is the first PNG. Three more downloads give the warm one. The same first PNG clicked the
moment the chart is drawn is measured too, as the worst case. Returns {figure: {value, floor, ratio, unit}}.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import page  # noqa: E402
from loaders.demo import build_demo  # noqa: E402

CHARTS = page.PAGES[""]


def download_png(tab: Page) -> float:
    """Open the first chart's "Lataa" menu, click PNG; seconds until the file has arrived."""
    tab.locator("[data-testid='stPopover'] button").first.click()
    button = tab.get_by_role("button", name="PNG", exact=True).first
    button.wait_for(timeout=30_000)
    started = time.perf_counter()
    with tab.expect_download(timeout=120_000) as download:
        button.click()
    download.value.path()  # waits until the whole file is written
    seconds = time.perf_counter() - started
    tab.keyboard.press("Escape")  # close the menu
    return seconds


def one_server(browser: Browser, db: Path, warm_up: bool, pause_s: float) -> dict[str, float]:
    url, server = page.serve(ROOT / "app.py", {"DASHBOARD_DB": str(db), "DASHBOARD_EXPORT_WARM_UP": str(int(warm_up))})
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fi-FI", accept_downloads=True)
        tab = context.new_page()
        started = time.perf_counter()
        tab.goto(url)
        tab.wait_for_function(page.DRAWN, arg=CHARTS, timeout=120_000)
        first_page = time.perf_counter() - started
        tab.wait_for_selector(page.IDLE, timeout=60_000)
        time.sleep(pause_s)
        first = download_png(tab)
        warm = statistics.median(download_png(tab) for _ in range(3))
        context.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"page_s": first_page, "first_ms": first * 1000, "warm_ms": warm * 1000}


def measure(db: Path, rounds: int, pause_s: float) -> dict[str, dict]:
    runs: dict[tuple[bool, float], list[dict[str, float]]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=page.CHROMIUM, args=page.CHROMIUM_ARGS)
        one_server(browser, db, False, 0)  # this machine's first Streamlit and Chromium starts are not the app's
        for _ in range(rounds):  # interleaved, so both sides see the same machine state
            for warm_up in (False, True):
                for pause in (pause_s, 0.0):
                    runs.setdefault((warm_up, pause), []).append(one_server(browser, db, warm_up, pause))
        browser.close()

    def median(warm_up: bool, pause: float, key: str) -> float:
        return statistics.median(run[key] for run in runs[(warm_up, pause)])

    def figure(warm_up: bool, pause: float, note: str) -> dict:
        first, warm = median(warm_up, pause, "first_ms"), median(warm_up, pause, "warm_ms")
        return {"value": first, "floor": warm, "ratio": first / warm, "unit": "ms", "note": note}

    page_on = statistics.median(run["page_s"] for key, rs in runs.items() if key[0] for run in rs)
    page_off = statistics.median(run["page_s"] for key, rs in runs.items() if not key[0] for run in rs)
    return {
        "export_png_first_ms": figure(
            True, pause_s, f"fresh server, PNG {pause_s:g} s after Yleiskuva is drawn vs warm; median of {rounds}",
        ),
        "export_png_first_at_once_ms": figure(True, 0.0, "the same, clicked the moment the chart is drawn"),
        "export_png_first_cold_ms": figure(
            False, pause_s, f"before: DASHBOARD_EXPORT_WARM_UP=0, clicked after {pause_s:g} s (browser starts on click)"
        ),
        "export_first_page_s": {
            "value": page_on, "floor": page_off, "ratio": page_on / page_off, "unit": "s",
            "note": f"first page's time to chart on a fresh server, warm-up on vs off; median of {2 * rounds}",
        },
    }  # fmt: skip


def main(argv: list[str] | None = None) -> dict[str, dict]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pause", type=float, default=5.0, help="seconds between the chart drawn and the click")
    args = parser.parse_args(argv)
    if not 1 <= args.rounds <= 20 or not 0 <= args.pause <= 60:
        raise SystemExit("--rounds 1..20, --pause 0..60")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "dashboard.duckdb"
        build_demo(db, ROOT / "data" / "demo")
        results = measure(db, args.rounds, args.pause)
    for name, r in results.items():
        unit = r["unit"]
        print(
            f"{name:28} {r['value']:8.2f} {unit}  floor {r['floor']:8.2f} {unit}  ratio {r['ratio']:5.2f}  {r['note']}"
        )
    return results


if __name__ == "__main__":
    main()
