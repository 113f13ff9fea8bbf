"""The live Sotkanet client over real HTTP against a local server replaying recorded responses."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from loaders.sotkanet_client import FetchError, SotkanetClient, session
from store.batch import LoadErrors
from tests.loaders.conftest import INDICATORS_2025, SOTKANET_CSV


class Replay(BaseHTTPRequestHandler):
    """Serves scripted responses per path: a list of (status, body, headers, delay) used in turn."""

    script: ClassVar[dict[str, list[tuple[int, bytes, dict, float]]]] = {}
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.seen.append(self.path)
        path = self.path.split("?")[0]
        steps = self.script.get(path) or [(404, b"not found", {}, 0.0)]
        status, body, headers, delay = steps.pop(0) if len(steps) > 1 else steps[0]
        time.sleep(delay)
        self.send_response(status)
        for key, value in {"Content-Length": str(len(body)), **headers}.items():
            self.send_header(key, value)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError):  # the client gave up (the timeout test)
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    Replay.script, Replay.seen = {}, []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Replay)
    # shutdown() waits for the loop's next poll: 0.05 s instead of the default half second per test
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/rest/1.1"
    httpd.shutdown()
    httpd.server_close()


def client(base: str, tmp_path: Path, timeout: float = 5.0) -> SotkanetClient:
    return SotkanetClient(base, tmp_path / "raw", http=session(retries=3, backoff=0.01), timeout=(2.0, timeout))


CSV = (200, SOTKANET_CSV.read_bytes(), {"Content-Type": "text/csv"}, 0.0)


def test_a_500_is_retried_and_the_saved_file_carries_its_url(server: str, tmp_path: Path) -> None:
    Replay.script["/rest/1.1/csv"] = [(500, b"oops", {}, 0.0), CSV]
    batch = client(server, tmp_path).indicator_data(127, [2009])
    assert batch.rows == 466 and batch.format == "sotkanet_csv"
    assert batch.url == f"{server}/csv?indicator=127&years=2009&genders=total"
    assert batch.retrieved_at is not None
    assert Replay.seen == ["/rest/1.1/csv?indicator=127&years=2009&genders=total"] * 2
    [saved] = (tmp_path / "raw" / "sotkanet").glob("data_127_*.csv")
    assert saved.read_bytes() == SOTKANET_CSV.read_bytes()


def test_429_with_retry_after_then_200(server: str, tmp_path: Path) -> None:
    Replay.script["/rest/1.1/indicators/186"] = [
        (429, b"slow down", {"Retry-After": "1"}, 0.0),
        (200, INDICATORS_2025.read_bytes(), {"Content-Type": "application/json"}, 0.0),
    ]
    batch = client(server, tmp_path).indicator_metadata(186)
    assert len(Replay.seen) == 2 and batch.tables["source_indicators"].shape[0] == 6


def test_a_second_fetch_within_a_day_comes_from_the_cache(server: str, tmp_path: Path) -> None:
    Replay.script["/rest/1.1/csv"] = [CSV]
    c = client(server, tmp_path)
    first = c.fetch(c.data_url(127, [2009]), "data")
    second = c.fetch(c.data_url(127, [2009]), "data")
    assert (first.from_cache, second.from_cache, len(Replay.seen)) == (False, True, 1)
    assert second.path == first.path


def test_a_timeout_is_a_fetch_error(server: str, tmp_path: Path) -> None:
    Replay.script["/rest/1.1/csv"] = [(200, b"late", {}, 1.5)]
    with pytest.raises(FetchError, match=r"Timeout|timed out"):
        client(server, tmp_path, timeout=0.3).indicator_data(127, [2009])


def test_an_invalid_body_is_saved_and_refused(server: str, tmp_path: Path) -> None:
    Replay.script["/rest/1.1/csv"] = [(200, b"<html>maintenance</html>", {"Content-Type": "text/html"}, 0.0)]
    with pytest.raises(LoadErrors) as caught:
        client(server, tmp_path).indicator_data(127, [2009])
    assert "accepted formats" in caught.value.problems[0].expected
    [saved] = [p for p in (tmp_path / "raw" / "sotkanet").glob("data_127_*") if not p.name.endswith(".meta.json")]
    assert saved.read_bytes() == b"<html>maintenance</html>"


def test_persistent_503_reports_the_status(server: str, tmp_path: Path) -> None:
    Replay.script["/rest/1.1/regions"] = [(503, b"down", {}, 0.0)]
    with pytest.raises(FetchError, match="503"):
        client(server, tmp_path).regions()
    assert len(Replay.seen) == 4  # the first try and three retries
