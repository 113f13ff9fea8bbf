"""Nightly refresh: re-fetch every Sotkanet indicator in the store (and those a config file lists), publish once.

Each indicator is fetched through the live client (metadata, then every year its range has) and judged
on its own: new (nothing of it was stored), changed (values added or superseded), unchanged (the same
bytes were already loaded) or failed (with the reason). One failing indicator never stops the others;
the good ones are written together in one publish. Each run is also logged in the store (refresh_log:
time, outcome and reason per indicator) in that same publish, so the app can say when each source was
last refreshed and what failed; a run in which everything failed publishes its log alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from loaders.ingest import Outcome, write
from loaders.sotkanet_client import FetchError, SotkanetClient
from store import db, queries
from store.batch import LoadErrors

MAX_CONFIG_LINES = 10_000  # a list of indicator ids, not a data file


@dataclass
class Refreshed:
    indicator: int
    status: str  # new | changed | unchanged | failed
    reason: str = ""
    rows: int = 0
    reason_kind: str | None = None  # failed: http | unreachable | no_range | refused
    http_status: int | None = None
    at: datetime = field(default_factory=datetime.now)  # when it was fetched

    def line(self) -> str:
        reason = f" ({self.reason})" if self.reason else ""
        return f"sotkanet {self.indicator}: {self.status}{reason}, {self.rows} rows"

    def fail(self, kind: str, reason: str, status: int | None = None) -> Refreshed:
        self.status, self.reason_kind, self.reason, self.http_status = "failed", kind, reason[:200], status
        return self

    def log_row(self, run_at: datetime) -> dict:
        """Its row of store.tables.REFRESH_LOG_COLUMNS."""
        return {
            "run_at": run_at,
            "refreshed_at": self.at,
            "dataset": "sotkanet",
            "indicator": str(self.indicator),
            "outcome": self.status,
            "reason_kind": self.reason_kind,
            "http_status": self.http_status,
            "reason": self.reason or None,
            "rows": self.rows,
        }


def stored_indicators(db_path: Path) -> list[int]:
    """Sotkanet indicator ids with values in the store (none when there is no store yet)."""
    try:
        with db.connect_readonly(db_path) as con:
            catalog = queries.source_catalog(con)
    except (db.StoreMissing, db.LiveLinkMissing):
        return []
    ids = catalog.loc[catalog["dataset"] == "sotkanet", "indicator"]
    return sorted({int(i) for i in ids if str(i).isdigit()})


def configured_indicators(path: Path | None) -> list[int]:
    """Ids listed in the config file, one per line; '#' starts a comment. ValueError names a bad line."""
    if path is None:
        return []
    ids = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if number > MAX_CONFIG_LINES:
                raise ValueError(f"{path.name}: more than {MAX_CONFIG_LINES} lines")
            text = line.split("#", 1)[0].strip()
            if not text:
                continue
            if not (text.isascii() and text.isdigit()):
                raise ValueError(f"{path.name}:{number}: expected a Sotkanet indicator id, found {text[:40]!r}")
            ids.append(int(text))
    return ids


def refresh(db_path: Path, client: SotkanetClient, indicators: list[int]) -> list[Refreshed]:
    """Fetch each indicator, then write every good one and the run's log in one publish; one result each."""
    run_at = datetime.now()
    before = set(stored_indicators(db_path))
    results, outcomes = [], {}
    for indicator in indicators:
        try:
            years = client.years(indicator)
            batches = [client.indicator_metadata(indicator), client.indicator_data(indicator, years)]
        except FetchError as error:
            results.append(Refreshed(indicator, "checked").fail(error.kind, str(error), error.status))
            continue
        except LoadErrors as refused:
            problem = refused.problems[0] if refused.problems else None
            results.append(Refreshed(indicator, "checked").fail("refused", str(problem) if problem else "refused"))
            continue
        outcomes[indicator] = [Outcome(b.file_name, "checked", b.rows, b, warnings=b.warnings) for b in batches]
        results.append(Refreshed(indicator, "checked"))

    def judge_and_log(store: db.Writer) -> None:  # in the publish, once every batch is written or refused
        _judge(results, outcomes, before)
        store.log_refresh([result.log_row(run_at) for result in results])

    write([outcome for pair in outcomes.values() for outcome in pair], db_path, then=judge_and_log)
    return results


def _judge(results: list[Refreshed], outcomes: dict[int, list[Outcome]], before: set[int]) -> None:
    for result in results:
        if result.status == "failed":
            continue
        _meta, data = outcomes[result.indicator]
        result.rows = data.rows
        if data.status == "refused":
            result.rows = 0
            result.fail("refused", str(data.errors.problems[0]))
        elif data.status == "already loaded":  # judged by the values: new metadata alone changes no value
            result.status = "unchanged"
        else:
            result.status = "changed" if result.indicator in before else "new"
