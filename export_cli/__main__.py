"""CLI: python -m export_cli deck|chart|scorecard — rebuild views from their URL query strings and write files.

    python -m export_cli scorecard [--db FILE] [--indicator CODE] [--as-of YYYY-MM-DD] [--lang fi|sv|en]
                                   --format csv|xlsx --out FILE

writes the scorecard (one row per indicator, area and passed target; header SCORECARD_COLUMNS): the CSV is
plain (`,`, `.` decimals, UTF-8), a contract scripts rely on. `--as-of` reads the store as it stood at the
end of that day and reckons the targets on it (default: the store now, reckoned today).

A composition root, above views and the store (tests/test_architecture.py): it opens the store, builds
views and hands their charts to the writers in exports/, which never import views or the store themselves.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from config import settings
from exports import datafiles, deck, images
from i18n import LANGUAGES
from store.db import StoreMissing, connect_readonly
from store.reader import Reader
from views import registry
from views.chart_export import ChartExport
from views.scorecard import UnknownIndicator, scorecard_chart, scorecard_charts

WRITERS = {
    "png": lambda c: images.png(c, settings().browser_path),
    "svg": lambda c: images.svg(c, settings().browser_path),
    "csv": datafiles.csv_fi,  # the Finnish-Excel variant: what analysts open
    "csv-plain": datafiles.csv_plain,
    "xlsx": datafiles.xlsx,
}
SCORECARD_WRITERS = {"csv": datafiles.csv_plain, "xlsx": datafiles.xlsx}  # csv: the plain, scriptable one


def day(text: str) -> date:
    """--as-of YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m export_cli", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    deck_cmd = commands.add_parser("deck", help="one .pptx from views (default: the leadership deck)")
    deck_cmd.add_argument("--out", type=Path, required=True)
    deck_cmd.add_argument("--view", action="append", default=[], help="a page URL query, e.g. 'yleiskuva?lang=fi'")
    deck_cmd.add_argument("--template", type=Path, help="a county's .pptx whose slide master is used")
    deck_cmd.add_argument(
        "--digest",
        action=argparse.BooleanOptionalAction,
        help="'what changed since the last period' as the first slide (default: on for the leadership deck)",
    )
    chart_cmd = commands.add_parser("chart", help="one chart as png, svg, csv (Finnish Excel), csv-plain or xlsx")
    chart_cmd.add_argument("--view", required=True)
    chart_cmd.add_argument("--key", help="which chart of the view (default: the first)")
    chart_cmd.add_argument("--format", choices=sorted(WRITERS), required=True)
    chart_cmd.add_argument("--out", type=Path, required=True)
    deck_cmd.add_argument("--scorecard", action="store_true", help="add the scorecard: one slide per target")
    score_cmd = commands.add_parser("scorecard", help="outcomes at every passed target, per area, as csv or xlsx")
    score_cmd.add_argument("--indicator", help="one indicator code (default: every headline indicator)")
    score_cmd.add_argument("--format", choices=sorted(SCORECARD_WRITERS), required=True)
    score_cmd.add_argument("--out", type=Path, required=True)
    for command in (deck_cmd, chart_cmd, score_cmd):
        command.add_argument("--db", type=Path, help="store file (default: DASHBOARD_DB or data/dashboard.duckdb)")
        command.add_argument("--lang", choices=LANGUAGES)
        command.add_argument(
            "--as-of", type=day, help="the store as it stood at the end of this day, YYYY-MM-DD (default: now)"
        )
    return parser.parse_args(argv)


def collect(views: list[str], data: registry.Data, lang: str | None) -> list[ChartExport]:
    """Charts of every view in order; without views the leadership deck, skipping pages not registered."""
    charts: list[ChartExport] = []
    for view in views or list(registry.DEFAULT_DECK):
        try:
            charts += registry.build(view, data, lang)
        except registry.UnknownView as missing:
            if views:
                raise
            print(f"note: skipped {view!r} in the default deck: {missing}", file=sys.stderr)
    return charts


def digest_lines(wanted: bool | None, views: list[str], data: registry.Data, lang: str) -> list[str]:
    """The registered digest's bullets when asked for, or by default for the leadership deck (no --view)."""
    if not (wanted if wanted is not None else not views) or not registry.DIGESTS:
        return []
    return next(iter(registry.DIGESTS.values()))(data, lang)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        con = connect_readonly(args.db or settings().db_path)
    except StoreMissing as missing:
        print(f"error: {missing}", file=sys.stderr)
        return 2
    data = Reader(con, as_of=args.as_of)
    try:
        if args.command == "scorecard":
            charts = [scorecard_chart(data, args.lang or "fi", args.indicator, args.as_of)]
            payload = SCORECARD_WRITERS[args.format](charts[0])
        elif args.command == "deck":
            charts = collect(args.view, data, args.lang)
            if args.scorecard:
                charts += scorecard_charts(data, args.lang or "fi", as_of=args.as_of)
            template = args.template.read_bytes() if args.template else None
            lang = args.lang or (charts[0].lang if charts else "fi")
            digest = digest_lines(args.digest, args.view, data, lang)
            payload = deck.build(charts, lang, digest=digest, template=template, browser_path=settings().browser_path)
        else:
            charts = registry.build(args.view, data, args.lang)
            chosen = next((c for c in charts if c.key == args.key), None) if args.key else next(iter(charts), None)
            if chosen is None:
                keys = ", ".join(c.key for c in charts)
                print(f"error: no chart {args.key!r} in {args.view!r}; charts: {keys}", file=sys.stderr)
                return 2
            payload = WRITERS[args.format](chosen)
    except (registry.UnknownView, UnknownIndicator) as missing:
        print(f"error: {missing}", file=sys.stderr)
        return 2
    except images.BrowserMissing as missing:
        print(f"error: {missing}", file=sys.stderr)
        return 3
    finally:
        con.close()
    args.out.write_bytes(payload)
    what = f"{len(charts[0].data)} row(s)" if args.command == "scorecard" else f"{len(charts)} chart(s)"
    print(f"wrote {args.out} ({len(payload):,} bytes, {what})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
