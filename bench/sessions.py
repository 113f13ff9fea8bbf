"""Many sessions at once: what the server does with them, apart from what browsers do on this machine.

    python bench/sessions.py [--rows 10000000] [--sessions 20] [--dir /tmp/rrp-bench]

A browser session is a websocket speaking Streamlit's protocol: it asks for a script run and
receives the page's elements. `protocol_session` does exactly that without a browser, so 20 of
them load the server like 20 users without 20 Chromiums competing with it for this machine's two
cores (each Chromium page load costs more CPU than the server's run for it; bench/page.py measures
all-browser sessions too). Time to chart here is until the server has delivered the page's charts
and finished the run. A real browser's time to chart is also measured while the server is that
loaded: one browser session among the sessions started together, against the same browser alone.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import websockets
from playwright.async_api import async_playwright
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import page, query  # noqa: E402

FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_EARLY_FOR_RERUN}


async def protocol_session(url: str, charts: int, path: str = "") -> float:
    """Seconds from connecting until `charts` Plotly charts have arrived and the run has finished."""
    started = time.perf_counter()
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(ws_url, subprotocols=["streamlit"], origin=url, max_size=None) as ws:
        rerun = BackMsg()
        rerun.rerun_script.query_string = ""
        rerun.rerun_script.page_name = path
        await ws.send(rerun.SerializeToString())
        seen = 0
        async for raw in ws:
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                seen += msg.delta.new_element.WhichOneof("type") == "plotly_chart"
            elif kind == "script_finished" and msg.script_finished in FINISHED:
                if seen < charts:
                    raise RuntimeError(f"run finished with {seen} of {charts} charts")
                return time.perf_counter() - started
    raise RuntimeError("the server closed the session before the run finished")


async def browser_session(browser, url: str, charts: int) -> float:
    """A real Chromium session: navigation until `charts` Plotly SVGs are drawn."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fi-FI")
    tab = await context.new_page()
    started = time.perf_counter()
    await tab.goto(url, timeout=240_000)
    await tab.wait_for_function(page.DRAWN, arg=charts, timeout=240_000)
    seconds = time.perf_counter() - started
    await context.close()
    return seconds


async def measure(url: str, sessions: int, charts: int, rounds: int = 5) -> dict[str, dict]:
    alone = [await protocol_session(url, charts) for _ in range(rounds)]
    together = await asyncio.gather(*(protocol_session(url, charts) for _ in range(sessions)))
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=page.CHROMIUM, args=page.CHROMIUM_ARGS)
        await browser_session(browser, url, charts)  # the browser's own first start is not the server's
        browser_alone = [await browser_session(browser, url, charts) for _ in range(rounds)]
        browser_loaded = []
        for _ in range(rounds):  # one browser among `sessions` sessions started together
            *_, seconds = await asyncio.gather(
                *(protocol_session(url, charts) for _ in range(sessions - 1)), browser_session(browser, url, charts)
            )
            browser_loaded.append(seconds)
        await browser.close()
    single, worst = statistics.median(alone), page.p95(together)
    seen_alone, seen_loaded = statistics.median(browser_alone), page.p95(browser_loaded)
    return {
        "sessions_server_p95_s": {
            "value": worst, "floor": single, "ratio": worst / single, "unit": "s",
            "note": f"{sessions} protocol sessions at once on Yleiskuva ({charts} charts delivered, run finished)"
            f" vs one alone (median of {rounds}); runs share the GIL, so this grows with the count",
            "all": sorted(together),
        },
        "sessions_browser_p95_s": {
            "value": seen_loaded, "floor": seen_alone, "ratio": seen_loaded / seen_alone, "unit": "s",
            "note": f"a real browser's time to chart with {sessions - 1} other sessions started with it "
            f"(p95 of {rounds}) vs alone (median of {rounds})",
            "all": sorted(browser_loaded),
        },
    }  # fmt: skip


def main(argv: list[str] | None = None) -> dict[str, dict]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "rrp-bench")
    args = parser.parse_args(argv)
    if not 2 <= args.sessions <= 50:
        raise SystemExit("--sessions: 2 to 50 (one machine, loopback only)")
    url, app = page.serve(ROOT / "app.py", {"DASHBOARD_DB": str(query.store(args.rows, args.dir))})
    try:
        asyncio.run(protocol_session(url, page.PAGES[""]))  # a fresh server's first run fills the caches
        results = asyncio.run(asyncio.wait_for(measure(url, args.sessions, page.PAGES[""]), timeout=900))
    finally:
        app.terminate()
        app.wait(timeout=20)
    for name, r in results.items():
        print(f"{name:28} {r['value']:6.2f} s  floor {r['floor']:5.2f} s  ratio {r['ratio']:5.2f}  {r['note']}")
    return results


if __name__ == "__main__":
    main()
