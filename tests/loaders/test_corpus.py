"""The one malformed- and hostile-file corpus (issues 9 and 17): broken_files.py and hostile_files.py.

Every file is made from a good fixture in tmp_path (nothing broken is committed) and refused by the CLI
with exit code 1, its report naming the file, and the row and column where one applies; the store's
fingerprint and live file stay as they were. Cases with smaller limits (standing in for the upload's
50 MB and the zip-bomb ratio) go through the same ingest with those limits. The per-case fast checks are
in test_hostile.py; what each format decides about quirks that are not errors is at the end.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from config import ROOT
from exports.datafiles import neutralise
from loaders import formats, ingest
from loaders.workbook import parse as parse_workbook
from store import db, queries
from store.batch import LoadErrors, display
from tests.loaders.broken_files import (
    BOM,
    CASES,
    GOOD_OBS,
    MORE_CASES,
    OBS,
    SOTKANET_CSV,
    SOTKANET_JSON,
    Case,
    bomb,
    jsonstat,
    sotkanet,
    template_csv,
    thl,
    thl_row,
)
from tests.loaders.hostile_files import HOSTILE
from tests.loaders.test_hostile import place, where

CORPUS = [*CASES, *MORE_CASES, *HOSTILE]


def reports_by_file(stderr: str) -> dict[str, str]:
    """The CLI's stderr, one block per refused file."""
    blocks = re.split(r"(?m)^Ingest refused: ", stderr)
    return {block.split(" (", 1)[0]: block for block in blocks[1:]}


@pytest.fixture(scope="module")
def corpus(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, dict]:
    """One CLI call over every case with the CLI's limits (files are independent), then the cases with
    smaller limits in-process, on a published copy of the demo store."""
    folder = tmp_path_factory.mktemp("corpus")
    store = folder / "store" / "dashboard.duckdb"
    store.parent.mkdir()
    store.write_bytes(demo_db.resolve().read_bytes())
    with db.writer(store):  # publish it as a versioned store, as a live one is
        pass
    paths = {case.name: place(folder, case) for case in CORPUS}
    with db.connect_readonly(store) as con:
        before = (queries.fingerprint(con), db.live_file(store))
    plain = [str(paths[case.name]) for case in CORPUS if case.limits is None]
    run = subprocess.run(
        [sys.executable, "-m", "loaders", "ingest", *plain, "--db", str(store)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    limited = [
        outcome.errors.report()
        for case in CORPUS
        if case.limits is not None
        for outcome in ingest.ingest_files([paths[case.name]], store, limits=case.limits)
        if outcome.errors
    ]
    stderr = run.stderr + "\n".join(limited) + "\n"
    with db.connect_readonly(store) as con:
        after = (queries.fingerprint(con), db.live_file(store))
    return run, {"before": before, "after": after, "stderr": stderr}


def test_the_corpus_counts_its_cases_and_their_names_are_distinct() -> None:
    names = [case.name for case in CORPUS]
    assert len(set(names)) == len(names)
    assert (len(CASES) + len(MORE_CASES), len(HOSTILE)) == (86, 37)  # malformed, hostile


def test_the_cli_refuses_the_corpus_and_the_store_is_unchanged(corpus) -> None:
    run, state = corpus
    assert run.returncode == 1
    assert run.stdout == "", run.stdout  # nothing loaded, not even "already loaded"
    assert "Traceback" not in state["stderr"]
    assert state["after"] == state["before"]


@pytest.mark.parametrize("case", CORPUS, ids=[display(case.name) for case in CORPUS])
def test_each_refusal_names_file_row_and_column(corpus, case: Case) -> None:
    _, state = corpus
    report = reports_by_file(state["stderr"]).get(display(case.name))
    assert report is not None, f"{case.name} was not refused:\n{state['stderr'][-2000:]}"
    pattern = rf"(?m)^  {where(case)}.*{case.says}"
    assert re.search(pattern, report, re.IGNORECASE), f"/{pattern}/ not in:\n{report[:1500]}"


# ---------------------------------------------------------------- decided: not errors by themselves


def load(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return formats.parse(path)


def test_a_bom_on_a_valid_utf8_file_is_allowed(tmp_path: Path) -> None:
    """Excel writes a BOM on 'CSV UTF-8'; it is not part of the first header cell."""
    plain = load(tmp_path, "plain.csv", SOTKANET_CSV)
    with_bom = load(tmp_path, "bom.csv", BOM + SOTKANET_CSV)
    assert with_bom.rows == plain.rows and with_bom.sha256 != plain.sha256
    assert load(tmp_path, "bom_tpl.csv", BOM + template_csv(OBS, GOOD_OBS)).rows == 1
    assert load(tmp_path, "bom.json", BOM + SOTKANET_JSON).rows == len(json.loads(SOTKANET_JSON))


def test_thl_suppressed_cells_load_as_no_value_with_their_mark(tmp_path: Path) -> None:
    """'..' is THL's mark for a value withheld for privacy: NULL with status '..', never 0 or a refusal."""
    batch = load(tmp_path, "thl.csv", thl(thl_row(value=".."), thl_row(year="2024")))
    table = batch.tables["observations"].to_pydict()
    assert (table["value"], table["status"], table["raw"]) == ([None, 81.5], ["..", None], ["..", "81.5"])
    stat = load(
        tmp_path,
        "fact_constructed_access.json",
        jsonstat(lambda d: d.update(status={"0": ".."}) or d["value"].__setitem__(0, None)),
    )
    first = stat.tables["observations"].to_pydict()
    assert (first["value"][0], first["status"][0]) == (None, "..")


def test_an_unknown_sotkanet_region_is_kept_with_a_warning(tmp_path: Path) -> None:
    batch = load(tmp_path, "unknown_region.csv", sotkanet(2, 1, "999999"))
    [warning] = [w for w in batch.warnings if w.found.startswith("999999")]
    assert (warning.row, warning.column) == (2, "region")


def test_formula_text_is_kept_as_data_and_neutralised_on_export(tmp_path: Path) -> None:
    """A note is text: the store keeps what the file says; exports prefix ' so a spreadsheet will not run it."""
    formula = '=HYPERLINK("http://example.invalid","x")'
    batch = load(
        tmp_path, "note.csv", template_csv(OBS + ",note", f'{GOOD_OBS},"{formula.replace(chr(34), 2 * chr(34))}"')
    )
    [note] = batch.tables["observations"]["note"].tolist()
    assert note == formula
    assert neutralise(note) == "'" + formula


def test_a_zip_bomb_named_xlsx_is_refused_before_openpyxl_opens_it(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "report.xlsx"
    path.write_bytes(bomb())
    monkeypatch.setattr("loaders.workbook.load_workbook", lambda *a, **k: pytest.fail("openpyxl was reached"))
    with pytest.raises(LoadErrors) as refused:
        parse_workbook(path, path.read_bytes())
    assert any("compression ratio" in p.expected for p in refused.value.problems)


def test_openpyxl_reads_xml_through_defusedxml() -> None:
    assert openpyxl.DEFUSEDXML is True
