"""Nightly refresh (issue 15 item 4): `python -m loaders refresh` over real HTTP against a local server.

The server replays recorded responses: the real REST CSV of indicator 127 (2009) and the real values of 6411
(data/demo, re-encoded). Sotkanet's /indicators/{id} payload is recorded only for other ids, so the test
serves the real payload of 186 with its id and range rewritten (made here, not committed).
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qs, urlparse

import pytest

from config import ROOT
from loaders.ingest import ingest_files
from tests.loaders.conftest import INDICATORS_2025, SOTKANET_CSV, rows_of

HVA_6411 = ROOT / "data" / "demo" / "sotkanet_rest_csv_ind6411_hva_2021_2025_reencoded.csv"


def metadata(indicator: int, start: int, end: int) -> bytes:
    payload = json.loads(INDICATORS_2025.read_bytes())["indicators"]["186"]
    return json.dumps({**payload, "id": indicator, "range": {"start": start, "end": end}}).encode()


class Sotkanet(BaseHTTPRequestHandler):
    """Routes on the path and the indicator parameter: (path, indicator) → (status, body, content type)."""

    routes: ClassVar[dict[tuple[str, str], tuple[int, bytes, str]]] = {}
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.seen.append(self.path)
        url = urlparse(self.path)
        indicator = parse_qs(url.query).get("indicator", [""])[0]
        status, body, kind = self.routes.get((url.path, indicator), (404, b"not found", "text/plain"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def sotkanet() -> Iterator[str]:
    Sotkanet.seen = []
    Sotkanet.routes = {
        ("/rest/1.1/indicators/127", ""): (200, metadata(127, 2009, 2009), "application/json"),
        ("/rest/1.1/csv", "127"): (200, SOTKANET_CSV.read_bytes(), "text/csv"),
        ("/rest/1.1/indicators/6411", ""): (200, metadata(6411, 2021, 2025), "application/json"),
        ("/rest/1.1/csv", "6411"): (200, HVA_6411.read_bytes(), "text/csv"),
        # 5527: its metadata answers, its data does not (404 after the client's retries)
        ("/rest/1.1/indicators/5527", ""): (200, metadata(5527, 2023, 2023), "application/json"),
    }
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Sotkanet)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/rest/1.1"
    httpd.shutdown()
    httpd.server_close()


def test_refresh_reports_each_indicator_and_fails_only_for_the_failing_one(
    store: Path, tmp_path: Path, sotkanet: str
) -> None:
    [loaded] = ingest_files([SOTKANET_CSV], store)  # 127 is already in the store, same bytes
    assert loaded.status == "loaded"
    config = tmp_path / "refresh.txt"
    config.write_text("# also fetch these\n6411\n5527  # withdrawn upstream\n", encoding="utf-8")
    env = {"SOTKANET_URL": sotkanet, "DASHBOARD_RAW": str(tmp_path / "raw"), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "loaders", "refresh", "--db", str(store), "--config", str(config)]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
    lines = run.stdout.splitlines()
    assert lines[0] == "sotkanet 127: unchanged, 466 rows"
    assert lines[1].startswith("sotkanet 5527: failed (") and "HTTP 404" in lines[1]
    assert lines[2] == "sotkanet 6411: new, 115 rows"
    assert run.returncode == 1, run.stderr  # something failed: non-zero, the others still written
    assert rows_of(
        store, "SELECT count(*) FROM observations JOIN series USING (series_id) WHERE indicator = '6411'"
    ) == [(115,)]
    assert "/rest/1.1/csv?indicator=6411&years=2021&years=2022&years=2023&years=2024&years=2025&genders=total" in (
        Sotkanet.seen
    )
    urls = rows_of(store, "SELECT url FROM ingests WHERE url LIKE '%indicator=6411%'")
    assert urls == [
        (f"{sotkanet}/csv?indicator=6411&years=2021&years=2022&years=2023&years=2024&years=2025&genders=total",)
    ]
    log = rows_of(store, "SELECT indicator, outcome, reason_kind, http_status, rows FROM refresh_log ORDER BY 1")
    assert log == [
        ("127", "unchanged", None, None, 466),
        ("5527", "failed", "http", 404, 0),
        ("6411", "new", None, None, 115),
    ]
    [[reason]] = rows_of(store, "SELECT reason FROM refresh_log WHERE indicator = '5527'")
    assert reason in lines[1]  # the log keeps what the command printed


def test_refresh_with_nothing_failing_exits_zero(store: Path, tmp_path: Path, sotkanet: str) -> None:
    ingest_files([SOTKANET_CSV], store)
    env = {"SOTKANET_URL": sotkanet, "DASHBOARD_RAW": str(tmp_path / "raw"), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "loaders", "refresh", "--db", str(store), "--config", str(tmp_path / "none")]
    (tmp_path / "none").write_text("", encoding="utf-8")
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
    assert (run.returncode, run.stdout) == (0, "sotkanet 127: unchanged, 466 rows\n"), run.stderr
