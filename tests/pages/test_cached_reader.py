"""The one cached reader answers from the version it names: a load publishing mid-run cannot mix versions."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from store import db
from store.batch import Batch
from ui import cache


def load_value(path: Path, value: float, name: str) -> None:
    row = {
        "dataset": "sotkanet", "indicator": "127", "indicator_code": None, "region": "658", "region_code": "358",
        "period": "2030", "gender": "total", "value": value, "status": None, "raw": str(value), "source_row": 2,
        "is_demo": False, "note": None,
    }  # fmt: skip
    with db.writer(path) as w:
        w.ingest(Batch(name, f"sha-{name}", "test", {"observations": pd.DataFrame([row])}, dataset="sotkanet"))


def value_2030(reader: cache.CachedReader) -> list[float]:
    rows = reader.source_series("sotkanet", "127")
    return rows.loc[rows["period"] == "2030", "value"].tolist()


@pytest.fixture
def live_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "dashboard.duckdb"
    load_value(path, 1.0, "first.csv")
    monkeypatch.setenv("DASHBOARD_DB", str(path))
    return path


def test_a_load_during_a_run_does_not_reach_the_runs_version(live_store: Path) -> None:
    run = cache.reader()  # a page run starts on the live version
    load_value(live_store, 2.0, "second.csv")  # another process publishes mid-run
    assert value_2030(run) == [1.0]  # the run keeps asking its own version (before the fix: 2.0, cached as v1)
    assert value_2030(cache.reader()) == [2.0]  # the next run sees the new version
    assert value_2030(run) == [1.0]  # and the old key still holds the old answer


def test_a_pruned_version_says_reload(live_store: Path) -> None:
    run = cache.reader()
    for i in range(db.KEEP_VERSIONS + 1):
        load_value(live_store, 3.0 + i, f"later{i}.csv")
    with pytest.raises(db.StoreMissing, match="reload"):
        run.regions()


def test_views_are_cached_without_the_permalink(live_store: Path) -> None:
    data = cache.reader()
    first = cache.view(data, "selaa", {"q": "127", "lang": "fi"}, "fi")
    again = cache.view(data, "selaa", {"q": "127", "source": "sotkanet:127", "lang": "sv"}, "fi")
    assert first is again  # the same choices resolve to one cached view, whatever else the URL holds
