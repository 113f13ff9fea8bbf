"""Issue 17's hostile classes, one file each, checked in-process (the fast lane): every one is refused
with a located problem, never a traceback or a hang; and the behaviours around them (isolation,
display names, replaced values, a full disk, translated problems)."""

from __future__ import annotations

import os
import re
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from config import ROOT
from loaders import ingest
from loaders.__main__ import main
from loaders.limits import DEFAULT
from store.batch import LoadErrors, display
from tests.loaders.broken_files import Case
from tests.loaders.conftest import SOTKANET_CSV, rows_of, snapshot
from tests.loaders.hostile_files import DAYS, HOSTILE, OBS, template_csv


def place(folder: Path, case: Case) -> Path:
    """The case's path: bytes written, or a directory, a FIFO, or nothing at all."""
    path = folder / case.name
    built = case.build()
    if built is None:
        path.mkdir()
    elif built == "fifo":
        os.mkfifo(path)
    elif built != "missing":
        path.write_bytes(built)
    return path


def where(case: Case) -> str:
    parts = [re.escape(display(case.name))]
    parts += [str(case.row)] if case.row is not None else []
    parts += [re.escape(case.column)] if case.column is not None else []
    return ":".join(parts) + " —"


@pytest.mark.parametrize("case", HOSTILE, ids=[display(case.name) for case in HOSTILE])
def test_each_hostile_file_is_refused_where_it_breaks(tmp_path: Path, case: Case) -> None:
    path = place(tmp_path, case)
    with pytest.raises(LoadErrors) as refused:
        ingest.check_file(path, case.limits or DEFAULT)
    report = refused.value.report()
    assert re.search(rf"(?m)^  {where(case)}.*{case.says}", report, re.IGNORECASE), report[:1500]


def test_one_bad_file_does_not_sink_the_good_one(store: Path, tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    outcomes = ingest.ingest_files([SOTKANET_CSV, deep, tmp_path / "missing.csv", tmp_path], store)
    assert [o.status for o in outcomes] == ["loaded", "refused", "refused", "refused"]
    assert rows_of(
        store, "SELECT count(*) FROM observations JOIN series USING (series_id) WHERE dataset = 'sotkanet'"
    ) == [(466,)]


def test_a_file_name_with_bidi_and_control_characters_is_shown_and_stored_escaped(store: Path, tmp_path: Path) -> None:
    path = tmp_path / "raportti\u202egpj\x1b[31m.csv"
    path.write_bytes(template_csv(OBS, f"{DAYS},18,2024Q1,5"))
    [outcome] = ingest.ingest_files([path], store)
    assert outcome.file == "raportti\\u202egpj\\u001b[31m.csv"
    assert rows_of(store, "SELECT file_name FROM ingests WHERE format LIKE 'template%'") == [(outcome.file,)]


def test_replacing_values_says_how_many_and_from_which_file(store: Path, tmp_path: Path, capsys) -> None:
    first, second = tmp_path / "kevat.csv", tmp_path / "syksy.csv"
    first.write_bytes(template_csv(OBS, f"{DAYS},18,2024Q1,5", f"{DAYS},18,2024Q2,6"))
    second.write_bytes(template_csv(OBS, f"{DAYS},18,2024Q1,7", f"{DAYS},18,2024Q2,6", f"{DAYS},18,2024Q3,8"))
    assert main(["ingest", str(first), "--db", str(store)]) == 0
    assert main(["ingest", str(second), "--db", str(store), "--lang", "fi"]) == 0
    out = capsys.readouterr().out
    assert "syksy.csv: ladattu, 3 riviä" in out
    assert "korvasi 1 voimassa olevaa arvoa, jotka oli ladattu aiemmin tiedostosta kevat.csv" in out


def test_problems_are_shown_in_the_language_asked_for(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "huono.csv"
    bad.write_bytes(template_csv(OBS, f"{DAYS},18,2024Q1,x"))
    assert main(["ingest", str(bad), "--db", str(tmp_path / "s.duckdb"), "--dry-run", "--lang", "sv"]) == 1
    err = capsys.readouterr().err
    assert "Inläsningen avvisades: huono.csv" in err and "huono.csv:2:value — väntade: ett tal; hittade: 'x'" in err
    assert main(["ingest", str(bad), "--db", str(tmp_path / "s.duckdb"), "--dry-run"]) == 1
    assert "huono.csv:2:value — expected a number, found 'x'" in capsys.readouterr().err


def test_no_problem_text_names_a_file_of_the_program() -> None:
    from i18n import LANGUAGES, catalog

    for lang in LANGUAGES:
        texts = [text for key, text in catalog(lang).items() if key.startswith("problem.")]
        assert not [text for text in texts if re.search(r"\w+/\w+\.(csv|py|toml)|loaders/|data/reference", text)]


def _file_size_limit(limit: int):
    def apply() -> None:  # in the child: a write past `limit` bytes fails with EFBIG, as a full disk would
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_full_disk_ends_in_a_message_and_the_store_is_intact(store: Path, tmp_path: Path) -> None:
    before = snapshot(store)
    big = tmp_path / "big.csv"
    rows = [f"127;{r};{y};total;{r}.5;" for r in range(1, 400) for y in range(1990, 2025)]
    big.write_bytes(SOTKANET_CSV.read_bytes().split(b"\r\n", 1)[0] + b"\r\n" + "\r\n".join(rows).encode() + b"\r\n")
    limit = before[0].stat().st_size + 64 * 1024  # the copy fits; the new rows do not
    run = subprocess.run(
        [sys.executable, "-m", "loaders", "ingest", str(big), "--db", str(store)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, preexec_fn=_file_size_limit(limit),
    )  # fmt: skip
    assert run.returncode == 1
    assert "Traceback" not in run.stderr and "Nothing was changed" in run.stderr, run.stderr[-2000:]
    assert snapshot(store) == before
