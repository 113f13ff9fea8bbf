"""Command line: python -m loaders ingest PATH… [--db FILE] [--dry-run] [--lang en|fi|sv]
[--map ROLE=COLUMN… (--indicator ID | --map indicator=COL) [--dataset NAME] [--region-ids sotkanet] [--sheet S]]
[--recipe NAME] [--save-recipe NAME [--replace-recipe]]
| fetch-sotkanet --indicator ID
[--years Y…] [--db FILE] | refresh [--db FILE] [--config FILE]
| demo [--db FILE] [--if-missing | --fresh] | relink [--db FILE] | upgrade [--db FILE]."""

from __future__ import annotations

import os

# Arrow's allocator for a loading process, chosen once when pyarrow is first imported, so before any import
# below: jemalloc, where pyarrow has it. With pyarrow's default (mimalloc) a 10 M-row load took ~10 % longer,
# much of it the kernel zeroing pages mimalloc had handed back (perf record: clear_page_erms). bench/ingest.py
# measures loads with the same setting.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "jemalloc")

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from config import ROOT, settings
from i18n import LANGUAGES, t
from loaders import column_guess, column_map, formats, mapped, recipes, refresh
from loaders.demo import build_demo
from loaders.ingest import Outcome, ingest_files, write
from loaders.sotkanet_client import FetchError, SotkanetClient
from store import db
from store.batch import MAX_LISTED, LoadErrors, Problem, display


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


REFRESH_CONFIG = ROOT / "data" / "refresh_indicators.txt"
REFRESH_CACHE_SECONDS = 600  # reuse a response within one run (years, then metadata), never the last night's


def _refresh(config: Path | None, db_path: Path) -> int:
    config = config or (REFRESH_CONFIG if REFRESH_CONFIG.exists() else None)
    try:
        listed = refresh.configured_indicators(config)
    except (OSError, ValueError) as error:
        _stderr(f"refused: {error}")
        return 1
    indicators = sorted(set(refresh.stored_indicators(db_path)) | set(listed))
    client = SotkanetClient(cache_seconds=REFRESH_CACHE_SECONDS)
    results = refresh.refresh(db_path, client, indicators)
    for result in results:
        print(result.line())
    return 1 if any(result.status == "failed" for result in results) else 0


def _ingest_mapped(args: argparse.Namespace, db_path: Path) -> int:
    """Files read through a column mapping (--map, or a saved --recipe) instead of format detection."""
    try:
        columns = column_map.parse_maps(args.map)
        recipe = recipes.load(settings().recipes_dir, args.recipe) if args.recipe else None
        save_as = recipes.clean_name(args.save_recipe) if args.save_recipe else None
    except recipes.RecipeError as error:
        _stderr(error.text(args.lang))
        return 2
    except ValueError as error:
        _stderr(str(error))
        return 2
    base = recipe.mapping if recipe else column_map.ColumnMap({})
    mapping = column_map.ColumnMap(
        {**base.columns, **columns},
        args.indicator or base.indicator,
        args.dataset or base.dataset,
        args.region_ids or base.region_ids,
        args.sheet or base.sheet,
    )
    outcomes, header = [], None
    for path in args.paths:
        head = None
        try:
            data = formats.read(path)
            head = column_guess.read_head(path, data, mapping.sheet)
            if recipe and head:  # a column the recipe names and the file lacks: say which recipe
                recipes.mapping_for(replace(recipe, mapping=mapping), path.name, head.header)
            outcome = mapped.check(path, data, mapping)
        except LoadErrors as refused:
            outcome = Outcome(display(path.name), "refused", errors=refused)
        except OSError as error:  # missing or unreadable: that file's refusal
            refused = LoadErrors(path.name, [Problem(path.name, None, None, "readable_file", str(error))])
            outcome = Outcome(display(path.name), "refused", errors=refused)
        header = header or (head.header if outcome.batch is not None and head else None)  # the first good file's
        outcomes.append(outcome)
    if save_as and header:
        try:
            saved = recipes.save(settings().recipes_dir, recipes.Recipe(save_as, header, mapping), args.replace_recipe)
        except recipes.RecipeError as error:  # a different recipe of that name: nothing is written
            _stderr(f"{error.text(args.lang)} (--replace-recipe)")
            return 1
        print(t("upload.mapping.recipe.saved_cli", args.lang, name=save_as, path=saved))
    return _report(outcomes if args.dry_run else write(outcomes, db_path, _stderr), args.lang)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser("ingest", help="validate files and load them into the store")
    ingest.add_argument("paths", nargs="+", type=Path)
    ingest.add_argument("--db", type=Path, help="store file (default: DASHBOARD_DB)")
    ingest.add_argument("--dry-run", action="store_true", help="validate and report, write nothing")
    ingest.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the report (default: en)")
    own = ingest.add_argument_group("a long table of your own (region, period, value) through a column mapping")
    own.add_argument("--map", action="append", default=[], metavar="ROLE=COLUMN", help=f"roles: {column_map.ROLES}")
    own.add_argument("--indicator", help="one indicator id for every row (instead of --map indicator=COL)")
    own.add_argument("--dataset", help="dataset name stored with the values (default: manual)")
    own.add_argument("--region-ids", choices=["sotkanet"], help="the region column holds Sotkanet ids")
    own.add_argument("--sheet", help="XLSX: the sheet to read (default: the first)")
    own.add_argument("--recipe", metavar="NAME", help="a saved mapping (--map, --indicator … given too override it)")
    own.add_argument("--save-recipe", metavar="NAME", help="save this mapping under NAME for files with this header")
    own.add_argument("--replace-recipe", action="store_true", help="--save-recipe may replace a different one")
    fetch = commands.add_parser("fetch-sotkanet", help="download one Sotkanet indicator (SOTKANET_URL) and load it")
    fetch.add_argument("--indicator", type=int, required=True, help="Sotkanet indicator id, e.g. 127")
    fetch.add_argument("--years", type=int, nargs="*", default=[], help="years to fetch, e.g. 2023 2024")
    fetch.add_argument("--db", type=Path)
    nightly = commands.add_parser("refresh", help="re-fetch every stored Sotkanet indicator (and the config's)")
    nightly.add_argument("--db", type=Path)
    nightly.add_argument("--config", type=Path, help=f"indicator ids, one a line (default: {REFRESH_CONFIG})")
    demo = commands.add_parser("demo", help="build the demo store from data/demo/")
    demo.add_argument("--db", type=Path)
    demo.add_argument("--if-missing", action="store_true", help="do nothing if the store exists")
    demo.add_argument("--fresh", action="store_true", help="start over, only if the store holds demo loads alone")
    relink = commands.add_parser("relink", help="restore a missing live link to the newest published version")
    relink.add_argument("--db", type=Path)
    upgrade = commands.add_parser("upgrade", help="publish a copy of the store brought up to this code's schema")
    upgrade.add_argument("--db", type=Path)
    args = parser.parse_args(argv)

    db_path = args.db or settings().db_path
    try:
        return _run(args, db_path)
    except (db.LiveLinkMissing, db.StoreMissing, FileExistsError, db.StoreWriteFailed, db.HoldsRealData) as error:
        _stderr(f"refused: {error}")
        return 1


def _run(args: argparse.Namespace, db_path: Path) -> int:
    if args.command == "relink":
        print(f"{db_path} now points at {db.relink(db_path).name}")
        return 0
    if args.command == "upgrade":  # after installing new code, before (re)starting the app
        upgraded = db.upgrade(db_path)
        print(f"{db_path}: " + (f"upgraded, now {db_path.resolve().name}" if upgraded else "already up to date"))
        return 0
    if args.command == "ingest" and args.save_recipe and not (args.map or args.recipe):
        _stderr("--save-recipe saves a mapping: give it with --map (or start from --recipe)")
        return 2
    if args.command == "ingest" and (args.map or args.recipe):
        return _ingest_mapped(args, db_path)
    if args.command == "ingest":
        # A missing path or a directory is that file's refusal; the other files still load.
        outcomes = ingest_files(args.paths, db_path, dry_run=args.dry_run, progress=_stderr)
        return _report(outcomes, args.lang)
    if args.command == "refresh":
        return _refresh(args.config, db_path)
    if args.command == "fetch-sotkanet":
        return _fetch(args.indicator, args.years, db_path)
    if args.if_missing and db_path.exists():
        print(f"store exists: {db_path}")
        return 0
    if args.fresh:
        db.delete_demo_store(db_path)
    return _report(build_demo(db_path, settings().data_dir))


if __name__ == "__main__":
    sys.exit(main())
