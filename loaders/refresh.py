"""Nightly refresh: re-fetch every Sotkanet indicator in the store (and those a config file lists), publish once.

Each indicator is fetched through the live client (metadata, then every year its range has) and judged
on its own: new (nothing of it was stored), changed (values added or superseded), unchanged (the same
bytes were already loaded) or failed (with the reason). One failing indicator never stops the others;
the good ones are written together in one publish.
"""

from __future__ import annotations

from dataclasses import dataclass
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

    def line(self) -> str:
        reason = f" ({self.reason})" if self.reason else ""
        return f"sotkanet {self.indicator}: {self.status}{reason}, {self.rows} rows"


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
    """Fetch each indicator, then write every good one in one publish; one result per indicator."""
    before = set(stored_indicators(db_path))
    results, outcomes = [], {}
    for indicator in indicators:
        try:
            years = client.years(indicator)
            batches = [client.indicator_metadata(indicator), client.indicator_data(indicator, years)]
        except FetchError as error:
            results.append(Refreshed(indicator, "failed", str(error)[:200]))
            continue
        except LoadErrors as refused:
            problem = refused.problems[0] if refused.problems else None
            results.append(Refreshed(indicator, "failed", str(problem)[:200] if problem else "refused"))
            continue
        outcomes[indicator] = [Outcome(b.file_name, "checked", b.rows, b, warnings=b.warnings) for b in batches]
        results.append(Refreshed(indicator, "checked"))
    write([outcome for pair in outcomes.values() for outcome in pair], db_path)
    for result in results:
        if result.status == "failed":
            continue
        _meta, data = outcomes[result.indicator]
        result.rows = data.rows
        if data.status == "refused":
            result.status, result.reason = "failed", str(data.errors.problems[0])[:200]
        elif data.status == "already loaded":  # judged by the values: new metadata alone changes no value
            result.status = "unchanged"
        else:
            result.status = "changed" if result.indicator in before else "new"
    return results
