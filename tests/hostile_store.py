"""A store whose every text column holds Markdown, HTML, LaTeX and link syntax, built through the real loaders.

The demo files are copied with each free-text cell (names, titles, notes, quotes, caveats, documents,
projects, work packages, comments, labels) replaced by hostile(tag) + the original, so keys stay distinct
and every page still has its data. File names (ingests.file_name) carry hostile text too. Regions and
indicators are written from hostile copies of data/reference through store.db.writer, and the Sotkanet
regions and indicator metadata files get hostile titles. `tag` is "table.column", so a leak names its column.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from config import ROOT
from loaders import reference
from loaders.demo import LOAD_DATES, build_demo
from loaders.template_tables import COLUMNS, detect
from store import db

DEMO = ROOT / "data" / "demo"
METADATA = ROOT / "tests" / "fixtures" / "sotkanet_rest_indicator_metadata_6ind_2025_wrapped.json"
EVIL = "https://evil.example"
# Free-text columns of the templates; ids, codes, periods, numbers and status words stay as they are.
TEXT_COLUMNS = {"source_doc", "note", "quote", "caveat", "project", "work_package", "cost_centre", "comment",
                "label_fi", "label_sv", "label_en"}  # fmt: skip
REFERENCE_TEXT = {"name_fi", "name_sv", "name_en", "short_fi", "short_sv", "short_en", "caveat_fi", "caveat_sv",
                  "caveat_en"}  # fmt: skip
# In a file name: no "/" (so no closing tag and a link without one), nothing else left out.
FILE_TAG = "[tiedosto](http:evil.example) **lihavatiedosto** :red[punainentiedosto] $f^2$ <b>btiedosto"


def hostile(tag: str) -> str:
    """One line of every markup the dashboard's renderers know, marked with its column."""
    # HTML first: hover texts keep the first 120 characters of a note.
    return (
        f"{tag} <b>b{tag}</b> <a href='{EVIL}/a/{tag}'>a{tag}</a> [Kirjaudu uudelleen]({EVIL}/{tag}) "
        f"**lihava{tag}** :red[punainen{tag}] $x^2{tag}$ www.evil.example phish@evil.example"
    )


def _rewrite_csv(source: Path, target: Path) -> None:
    text = source.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    table = detect(header)
    if table is None:  # a Sotkanet extract: ids and numbers only
        target.write_text(text, encoding="utf-8")
        return
    missing = [c for c in COLUMNS[table][1] if c in TEXT_COLUMNS and c not in header]
    header = header + missing
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in body:
        row = row + [""] * len(missing)
        writer.writerow(
            f"{hostile(f'{table}.{name}')} {value}".strip() if name in TEXT_COLUMNS else value
            for name, value in zip(header, row, strict=True)
        )
    target.write_text(out.getvalue(), encoding="utf-8")


def _hostile_titles(node: dict, tag: str) -> None:
    node["title"] = {lang: f"{hostile(f'{tag}.title_{lang}')} {title}" for lang, title in node["title"].items()}


def _hostile_name(name: str) -> str:
    path = Path(name)
    return f"{path.stem} {FILE_TAG}{path.suffix}"


def _hostile_files(directory: Path) -> None:
    for source in sorted(DEMO.iterdir()):
        target = directory / _hostile_name(source.name)
        if source.name == LOAD_DATES:  # the demo's load days, for the files under their hostile names
            with open(source, encoding="utf-8", newline="") as f:
                rows = [{**row, "file": _hostile_name(row["file"])} for row in csv.DictReader(f)]
            with open(directory / LOAD_DATES, "w", encoding="utf-8", newline="") as f:
                writer = csv.DictWriter(f, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
        elif source.suffix == ".csv":
            _rewrite_csv(source, target)
        elif source.name.startswith("sotkanet_rest_regions"):
            regions = json.loads(source.read_text(encoding="utf-8"))
            for region in regions:
                _hostile_titles(region, "source_regions")
            target.write_text(json.dumps(regions, ensure_ascii=False), encoding="utf-8")
        elif source.suffix in {".json", ".xlsx"}:
            shutil.copyfile(source, target)
    # The one demo Sotkanet indicator (127) gets metadata, so source_indicators has a title to show.
    metadata = json.loads(METADATA.read_text(encoding="utf-8"))
    entry = next(iter(metadata["indicators"].values()))
    entry = {**entry, "id": "127", "indicator_id": "127"}
    _hostile_titles(entry, "source_indicators")
    metadata["indicators"], metadata["indicator_count"] = {"127": entry}, 1
    (directory / f"sotkanet_metadata {FILE_TAG}.json").write_text(json.dumps(metadata, ensure_ascii=False), "utf-8")


def _hostile_reference(directory: Path) -> Path:
    directory.mkdir()
    for table, name in reference.FILES.items():
        with open(reference.REFERENCE_DIR / name, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        for row in rows:
            for column in REFERENCE_TEXT & set(row):
                row[column] = f"{hostile(f'{table}.{column}')} {row[column]}".strip()
        with open(directory / name, "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return directory


def build_hostile_store(db_path: Path, work: Path) -> None:
    """The demo store with hostile text in every text column, written through the loaders and the writer."""
    files = work / "files"
    files.mkdir(parents=True)
    _hostile_files(files)
    build_demo(db_path, files)
    with db.writer(db_path) as store:
        store.ingest(reference.batch(_hostile_reference(work / "reference")))
