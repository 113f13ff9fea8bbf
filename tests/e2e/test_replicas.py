"""Two replicas behind nginx on one store: a load publishes while sessions read through the proxy.

Debian's nginx runs the deploy site (deploy/nginx_site.py, as in deploy/rrp-dashboard.nginx.conf) with this
run's ports, in front of two `streamlit run app.py` on the same DASHBOARD_DB. Twelve sessions speak Streamlit's
websocket protocol through the proxy and keep rerunning Yleiskuva while `python -m loaders ingest`
publishes a new national 7-day care guarantee value. Every run must show exactly the old headline
figure (81 %) or the new one (79,5 %), never an error; at the next rerun after the load, every session
on either replica shows the new one. A real Chromium goes through the same proxy too.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import websockets
from playwright.sync_api import Page
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.replicas import nginx, port_of, replicas
from config import ROOT
from tests.e2e.conftest import POLL_MS, SHOTS, open_page

pytestmark = pytest.mark.e2e

SESSIONS = 12  # opened one after another: the proxy gives each to the replica with fewer open sessions
OLD, NEW = "81 %", "79,5 %"
NEW_ROW = "indicator,region,period,value\ncare_guarantee_7day_share,Koko maa,2026-11,79.5\n"
FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_EARLY_FOR_RERUN}


async def headline(ws: websockets.ClientConnection) -> str:
    """One script run of Yleiskuva on an open session: its first headline figure, or what went wrong."""
    rerun = BackMsg()
    rerun.rerun_script.query_string = ""
    rerun.rerun_script.page_name = ""
    await ws.send(rerun.SerializeToString())
    figure = None
    async for raw in ws:
        msg = ForwardMsg()
        msg.ParseFromString(raw)
        kind = msg.WhichOneof("type")
        if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            if element.WhichOneof("type") == "exception":
                return f"error: {element.exception.type}: {element.exception.message}"
            if element.WhichOneof("type") == "alert" and element.alert.format == element.alert.ERROR:
                return f"error box: {element.alert.body}"
            if element.WhichOneof("type") == "metric" and figure is None:
                figure = element.metric.body.replace("\u00a0", " ")
        elif kind == "script_finished":
            if msg.script_finished not in FINISHED:
                return f"error: run ended with {msg.script_finished}"
            return figure or "error: no headline figure"
    return "error: the session was closed"


async def connect(url: str) -> websockets.ClientConnection:
    return await websockets.connect(
        url.replace("http://", "ws://") + "/_stcore/stream", subprotocols=["streamlit"], origin=url, max_size=None
    )


async def load_while_reading(proxy: str, store: Path, csv: Path) -> tuple[list[str], list[str], list[str], str]:
    sessions = [await connect(proxy) for _ in range(SESSIONS)]
    try:
        before = list(await asyncio.gather(*(headline(ws) for ws in sessions)))
        load = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "loaders", "ingest", str(csv), "--db", str(store), cwd=ROOT,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        )  # fmt: skip
        output = asyncio.ensure_future(load.communicate())
        during: list[str] = []
        while not output.done():  # every session reruns while the load runs
            during += await asyncio.gather(*(headline(ws) for ws in sessions))
        after = list(await asyncio.gather(*(headline(ws) for ws in sessions)))
        return before, during, after, (await output)[0].decode()
    finally:
        for ws in sessions:
            await ws.close()


def test_two_replicas_behind_nginx_see_the_old_or_the_new_value_and_then_the_new(
    demo_db: Path, tmp_path: Path, page: Page
) -> None:
    store = tmp_path / "dashboard.duckdb"
    shutil.copyfile(demo_db.resolve(), store)
    csv = tmp_path / "hoitotakuu_2025-06.csv"
    csv.write_text(NEW_ROW, encoding="utf-8")
    with replicas(2, store) as served, nginx([port_of(url) for url, _ in served], tmp_path / "nginx") as (proxy, log):
        open_page(page, proxy, charts=3)  # a real browser: page, assets and websocket through the proxy
        assert page.locator("[data-testid='stMetricValue']").first.inner_text().replace("\u00a0", " ") == OLD
        assert any(cookie["name"] == "rrp_replica" for cookie in page.context.cookies())

        reading = asyncio.wait_for(load_while_reading(proxy, store, csv), 240)
        with ThreadPoolExecutor(1) as thread:  # Playwright's sync API holds this thread's event loop
            before, during, after, output = thread.submit(asyncio.run, reading).result()
        assert "hoitotakuu_2025-06.csv: loaded, 1 rows" in output, output
        assert before == [OLD] * SESSIONS
        assert during and set(during) <= {OLD, NEW}, sorted(set(during))  # never an error, never a third value
        assert after == [NEW] * SESSIONS  # each session's next rerun, on either replica

        page.evaluate("document.activeElement && document.activeElement.blur()")  # the key goes to the app
        page.keyboard.press("r")  # the browser's session reruns in place, through the proxy
        page.wait_for_function(
            "v => document.querySelector(\"[data-testid='stMetricValue']\").innerText.replace(/\\u00a0/g, ' ') === v",
            arg=NEW,
            polling=POLL_MS,
            timeout=60_000,
        )
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SHOTS / "replicas-after-load.png")
    # "$upstream_addr $status $cookie $uri"; after a retry nginx lists every replica it tried ("a, b").
    logged = [(line.rsplit(" ", 3)[0].split(", "), *line.rsplit(" ", 3)[1:]) for line in log.read_text().splitlines()]
    streams = Counter(tried[-1] for tried, _, _, uri in logged if uri == "/_stcore/stream")
    assert set(streams) == {f"127.0.0.1:{port_of(url)}" for url, _ in served}
    assert max(streams.values()) - min(streams.values()) <= 2, streams  # balanced (the browser's tab is one more)
    # Sticky: every request that carried the cookie (the browser's assets, websocket, health probes)
    # went first to the replica it names (a retry may then reach its backup), unless nginx had found that
    # replica failing: then the backup takes over, as it should, and nginx's error log says why. A cookie
    # ignored by the configuration would send requests astray with no such line.
    pinned = [(tried[0], cookie) for tried, _, cookie, _ in logged if cookie != "-"]
    astray = [(first, cookie) for first, cookie in pinned if first != f"127.0.0.1:{cookie}"]
    errors = (log.parent / "error.log").read_text()
    unexplained = [(first, cookie) for first, cookie in astray if f'upstream: "http://127.0.0.1:{cookie}' not in errors]
    assert pinned and unexplained == [], (unexplained, log.read_text()[-3000:], errors[-2000:])
    print(f"\n{len(during)} runs during the load, {len(set(during))} values seen: {sorted(set(during))}")
