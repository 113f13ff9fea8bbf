"""Command line: python -m loaders ingest PATH… [--db FILE] [--dry-run] [--lang en|fi|sv]
| fetch-sotkanet --indicator ID
[--years Y…] [--db FILE] | demo [--db FILE] [--if-missing] | relink [--db FILE]."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from config import settings
from i18n import LANGUAGES, t
from loaders.demo import build_demo
from loaders.ingest import Outcome, ingest_files, write
from loaders.sotkanet_client import FetchError, SotkanetClient
from store import db
from store.batch import MAX_LISTED, LoadErrors, display


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _report(outcomes: list[Outcome], lang: str = "en") -> int:
    for outcome in outcomes:
        if outcome.errors:
            _stderr(outcome.errors.report(lang=lang))
            continue
        status = t(f"problem.status.{outcome.status}", lang)
        print(t("problem.outcome", lang, file=outcome.file, status=status, rows=outcome.rows))
        for earlier, count in outcome.replaced.items():
            print(t("problem.replaced", lang, count=count, earlier=display(earlier)))
        for warning in outcome.warnings[:MAX_LISTED]:
            _stderr(t("problem.warning", lang, problem=warning.text(lang)))
        if len(outcome.warnings) > MAX_LISTED:
            _stderr(t("problem.more_warnings", lang, count=len(outcome.warnings) - MAX_LISTED))
    return 1 if any(outcome.errors for outcome in outcomes) else 0


def _fetch(indicator: int, years: list[int], db_path: Path) -> int:
    client = SotkanetClient()
    outcomes = []
    steps = (
        ("metadata", lambda: client.indicator_metadata(indicator)),
        ("data", lambda: client.indicator_data(indicator, years or client.years(indicator))),
    )
    for label, get in steps:
        try:
            batch = get()
        except FetchError as error:
            _stderr(f"fetch failed ({label}): {error}")
            return 1
        except LoadErrors as refused:
            outcomes.append(Outcome(refused.file, "refused", errors=refused))
            continue
        outcomes.append(Outcome(batch.file_name, "checked", batch.rows, batch, warnings=batch.warnings))
    return _report(write(outcomes, db_path, _stderr))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser("ingest", help="validate files and load them into the store")
    ingest.add_argument("paths", nargs="+", type=Path)
    ingest.add_argument("--db", type=Path, help="store file (default: DASHBOARD_DB)")
    ingest.add_argument("--dry-run", action="store_true", help="validate and report, write nothing")
    ingest.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the report (default: en)")
    fetch = commands.add_parser("fetch-sotkanet", help="download one Sotkanet indicator (SOTKANET_URL) and load it")
    fetch.add_argument("--indicator", type=int, required=True, help="Sotkanet indicator id, e.g. 127")
    fetch.add_argument("--years", type=int, nargs="*", default=[], help="years to fetch, e.g. 2023 2024")
    fetch.add_argument("--db", type=Path)
    demo = commands.add_parser("demo", help="build the demo store from data/demo/")
    demo.add_argument("--db", type=Path)
    demo.add_argument("--if-missing", action="store_true", help="do nothing if the store exists")
    relink = commands.add_parser("relink", help="restore a missing live link to the newest published version")
    relink.add_argument("--db", type=Path)
    args = parser.parse_args(argv)

    db_path = args.db or settings().db_path
    try:
        return _run(args, db_path)
    except (db.LiveLinkMissing, db.StoreMissing, FileExistsError, db.StoreWriteFailed) as error:
        _stderr(f"refused: {error}")
        return 1


def _run(args: argparse.Namespace, db_path: Path) -> int:
    if args.command == "relink":
        print(f"{db_path} now points at {db.relink(db_path).name}")
        return 0
    if args.command == "ingest":
        # A missing path or a directory is that file's refusal; the other files still load.
        outcomes = ingest_files(args.paths, db_path, dry_run=args.dry_run, progress=_stderr)
        return _report(outcomes, args.lang)
    if args.command == "fetch-sotkanet":
        return _fetch(args.indicator, args.years, db_path)
    if args.if_missing and db_path.exists():
        print(f"store exists: {db_path}")
        return 0
    return _report(build_demo(db_path, settings().data_dir))


if __name__ == "__main__":
    sys.exit(main())
