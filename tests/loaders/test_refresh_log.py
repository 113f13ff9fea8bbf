"""The refresh's log (issue 15 item 4): each run records per indicator its time and outcome in the store.

In-process against the same local replay server as test_refresh.py (real HTTP on 127.0.0.1, no process),
so these stay in the fast lane; the CLI's own lines are tested there.
"""

from __future__ import annotations

from pathlib import Path

from loaders import refresh
from loaders.ingest import ingest_files
from loaders.sotkanet_client import SotkanetClient
from store import db
from store.reader import Reader
from tests.loaders.conftest import SOTKANET_CSV, rows_of, snapshot
from tests.loaders.test_refresh import Sotkanet, sotkanet  # noqa: F401 (the replay server fixture)


def client(base: str, tmp_path: Path) -> SotkanetClient:
    return SotkanetClient(base_url=base, raw_dir=tmp_path / "raw", cache_seconds=0)  # every run asks the server


def test_one_failing_indicator_is_logged_failed_with_its_reason_the_others_ok(
    store: Path,
    tmp_path: Path,
    sotkanet: str,  # noqa: F811
) -> None:
    ingest_files([SOTKANET_CSV], store)
    results = refresh.refresh(store, client(sotkanet, tmp_path), [127, 5527, 6411])
    assert [(r.indicator, r.status) for r in results] == [(127, "unchanged"), (5527, "failed"), (6411, "new")]
    with db.connect_readonly(store) as con:
        log = Reader(con).refreshes()
    assert list(log["indicator"]) == ["127", "5527", "6411"]
    assert list(log["outcome"]) == ["unchanged", "failed", "new"]
    failed = log.set_index("indicator").loc["5527"]
    assert (failed["reason_kind"], failed["http_status"], failed["rows"]) == ("http", 404, 0)
    assert "HTTP 404" in failed["reason"] and "/csv?indicator=5527" in failed["reason"]
    assert log["reason"].isna().tolist() == [True, False, True]
    assert log["run_at"].nunique() == 1 and (log["refreshed_at"] >= log["run_at"]).all()
    assert log.set_index("indicator").loc["6411", "rows"] == 115


def test_a_night_where_everything_fails_publishes_its_log_and_keeps_every_value(
    store: Path,
    tmp_path: Path,
    sotkanet: str,  # noqa: F811
) -> None:
    ingest_files([SOTKANET_CSV], store)
    del Sotkanet.routes[("/rest/1.1/csv", "127")]  # Sotkanet answers 404 for 127's values tonight
    live, before = snapshot(store)
    [result] = refresh.refresh(store, client(sotkanet, tmp_path), [127])
    assert (result.status, result.http_status) == ("failed", 404)
    after_live, after = snapshot(store)
    assert after_live != live  # published: a new version holds the log
    assert {k: v for k, v in after.items() if k != "refresh_log"} == {
        k: v for k, v in before.items() if k != "refresh_log"
    }
    assert rows_of(store, "SELECT indicator, outcome, reason_kind FROM refresh_log") == [("127", "failed", "http")]
    assert rows_of(
        store, "SELECT count(*) FROM observations JOIN series USING (series_id) WHERE indicator = '127'"
    ) == [(466,)]


def test_the_latest_run_is_what_the_log_answers_and_an_earlier_day_sees_the_earlier_one(
    store: Path,
    tmp_path: Path,
    sotkanet: str,  # noqa: F811
) -> None:
    ingest_files([SOTKANET_CSV], store)
    [first] = refresh.refresh(store, client(sotkanet, tmp_path), [127])
    assert first.status == "unchanged"
    with db.writer(store) as w:  # the first run, moved to yesterday (the log has no other writer)
        w.con.execute(
            "UPDATE refresh_log SET run_at = run_at - INTERVAL 1 DAY, refreshed_at = refreshed_at - INTERVAL 1 DAY"
        )
        w.changed = True
    del Sotkanet.routes[("/rest/1.1/csv", "127")]
    refresh.refresh(store, client(sotkanet, tmp_path), [127])
    with db.connect_readonly(store) as con:
        now = Reader(con).refreshes()
        [[yesterday]] = con.execute("SELECT CAST(min(refreshed_at) AS DATE) FROM refresh_log").fetchall()
        then = Reader(con, as_of=yesterday).refreshes()
    assert list(now["outcome"]) == ["failed"]
    assert list(then["outcome"]) == ["unchanged"]
