"""Command line: python -m loaders ingest PATH… [--db FILE] [--dry-run] | demo [--db FILE] [--if-missing]."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from config import settings
from loaders.demo import build_demo
from loaders.ingest import Outcome, ingest_files


def _report(outcomes: list[Outcome]) -> int:
    for outcome in outcomes:
        if outcome.errors:
            print(outcome.errors.report(), file=sys.stderr)
            continue
        print(f"{outcome.file}: {outcome.status}, {outcome.rows} rows")
        for warning in outcome.warnings:
            print(f"  warning: {warning}", file=sys.stderr)
    return 1 if any(outcome.errors for outcome in outcomes) else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser("ingest", help="validate files and load them into the store")
    ingest.add_argument("paths", nargs="+", type=Path)
    ingest.add_argument("--db", type=Path, help="store file (default: DASHBOARD_DB)")
    ingest.add_argument("--dry-run", action="store_true", help="validate and report, write nothing")
    demo = commands.add_parser("demo", help="build the demo store from data/demo/")
    demo.add_argument("--db", type=Path)
    demo.add_argument("--if-missing", action="store_true", help="do nothing if the store exists")
    args = parser.parse_args(argv)

    db_path = args.db or settings().db_path
    if args.command == "ingest":
        missing = [str(p) for p in args.paths if not p.is_file()]
        if missing:
            print(f"no such file: {', '.join(missing)}", file=sys.stderr)
            return 1
        return _report(ingest_files(args.paths, db_path, dry_run=args.dry_run))
    if args.if_missing and db_path.exists():
        print(f"store exists: {db_path}")
        return 0
    return _report(build_demo(db_path, settings().data_dir))


if __name__ == "__main__":
    sys.exit(main())
