"""The coordinators' templates (status reports, progress, budgets) on the real demo files and broken copies."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import formats, template, template_reports, template_tables
from loaders.ingest import ingest_files
from store.batch import LoadErrors
from tests.conftest import DEMO_DIR
from tests.loaders.conftest import replace_line, rows_of, snapshot

STATUS = DEMO_DIR / "generated_status.csv"
PROGRESS = DEMO_DIR / "progress_documents.csv"
BUDGETS = DEMO_DIR / "budgets_documents.csv"


@pytest.mark.parametrize(
    ("path", "table"),
    [
        (STATUS, "status_reports"),
        (PROGRESS, "progress"),
        (BUDGETS, "budgets"),
        (DEMO_DIR / "generated_series.csv", "observations"),
        (DEMO_DIR / "targets_documents.csv", "targets"),
        (DEMO_DIR / "annotations.csv", "annotations"),
    ],
)
def test_detect_picks_the_right_table_for_each_header(path: Path, table: str) -> None:
    header = path.read_text(encoding="utf-8").split("\n", 1)[0].split(",")
    assert template_tables.detect(header) == table


def test_every_table_is_registered_in_one_place_and_importing_a_parser_changes_nothing() -> None:
    """template.py and template_reports.py declare their own tables; only template_tables combines them."""
    own = {"observations", "targets", "annotations"}
    reports = {"status_reports", "progress", "budgets"}
    assert set(template.COLUMNS) == set(template.PARSERS) == own
    assert set(template_reports.COLUMNS) == set(template_reports.PARSERS) == reports
    assert set(template_tables.COLUMNS) == set(template_tables.PARSERS) == own | reports


def test_status_words_and_dimensions_become_codes(tmp_path: Path) -> None:
    path = tmp_path / "lights.csv"
    path.write_text(
        "period,region,investment,dimension,status,comment\n"
        "Q3/2024,Keski-Pohjanmaa,P4I1,Aikataulu,Hanke etenee suunnitellusti,\n"
        "2024Q3,18,p4i1,KUSTANNUKSET,seurattava,hidas rekrytointi\n"
        "2024Q3,Mellersta Österbotten,P4I1,Risker,Kräver snabba åtgärder,\n"
        "2024Q3,Central Ostrobothnia,P4I1,benefits,Ei raportoitava,\n",
        encoding="utf-8",
    )
    frame = formats.parse(path).tables["status_reports"]
    assert frame[["period", "region_code", "pillar", "investment"]].drop_duplicates().values.tolist() == [
        ["2024Q3", "18", "P4", "P4I1"]
    ]
    assert frame["dimension"].tolist() == ["schedule", "costs", "risks", "benefits"]
    assert frame["status"].tolist() == ["on_track", "monitor", "quick_action", "not_reported"]
    assert frame["raw"].tolist()[1] == "seurattava" and frame["comment"].tolist()[1] == "hidas rekrytointi"


def test_demo_reports_load_with_their_sources(store: Path) -> None:
    outcomes = ingest_files([STATUS, PROGRESS, BUDGETS], store)
    assert [o.status for o in outcomes] == ["loaded", "loaded", "loaded"]
    [(percent, source, demo)] = rows_of(
        store,
        "SELECT percent, source_doc, is_demo FROM progress WHERE region_code = '18' AND investment = 'P4I1'",
    )
    assert (percent, source, demo) == (70.0, "003_60821df21df53ca5.txt", False)
    total = rows_of(store, "SELECT sum(budget_eur), count(*) FROM budgets WHERE region_code = '18'")
    assert total == [(6_636_000.0, 19)]  # 19 work packages, cost centres 12700–12717
    assert rows_of(store, "SELECT bool_and(is_demo), count(DISTINCT period) FROM status_reports") == [(True, 8)]


@pytest.mark.parametrize(
    ("src", "line", "new", "column", "expected", "found"),
    [
        (
            STATUS,
            3,
            "2023Q3,Itä-Uusimaa,P4I1,Kustannukset,Sinivihreä,yes",
            "status",
            "one of 'Hanke etenee",
            "Sinivihreä",
        ),
        (STATUS, 4, "2023Q3,Itä-Uusimaa,P4I1,Viestintä,Seurattava,yes", "dimension", "one of 'Aikataulu'", "Viestintä"),
        (
            PROGRESS,
            5,
            "2024Q3,Kainuu,P4,P4I1,120,003_60821df21df53ca5.txt,",
            "percent",
            "a percentage between 0 and 100",
            "120.0",
        ),
        (PROGRESS, 6, "2024-09,Kanta-Häme,P4,P4I1,50,003_60821df21df53ca5.txt,", "period", "a quarter", "2024-09"),
        (
            BUDGETS,
            2,
            "2025-04,Keski-Pohjanmaa,RRF2,P9I9,12700,IPS,313000,310661.43,000.txt,",
            "investment",
            "one of P4I1",
            "P9I9",
        ),
        (
            BUDGETS,
            3,
            "2025-04,Keski-Pohjanmaa,RRF2,P3,12700,Hankekoordinaatio,-6000,5514.30,000.txt,",
            "budget_eur",
            "an amount of euros, 0 or more",
            "-6000",
        ),
    ],
)
def test_bad_cell_names_file_row_and_column_and_keeps_the_store(
    store: Path, tmp_path: Path, src: Path, line: int, new: str, column: str, expected: str, found: str
) -> None:
    bad = replace_line(src, tmp_path / f"bad_{src.name}", line, new)
    before = snapshot(store)
    [outcome] = ingest_files([bad], store)
    assert outcome.status == "refused"
    [problem] = outcome.errors.problems
    assert (problem.file, problem.row, problem.column, problem.found) == (bad.name, line, column, found)
    assert problem.expected.startswith(expected)
    assert snapshot(store) == before  # store.queries.fingerprint and store.db.live_file unchanged
    assert rows_of(store, "SELECT count(*) FROM status_reports") == [(0,)]


def test_duplicate_light_is_refused_naming_both_rows(tmp_path: Path) -> None:
    lines = STATUS.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "twice.csv"
    path.write_text("\n".join([*lines[:3], lines[2].replace("Seurattava", "Hanke etenee suunnitellusti")]) + "\n")
    with pytest.raises(LoadErrors) as caught:
        formats.parse(path)
    [problem] = caught.value.problems
    assert (problem.row, problem.column) == (4, "dimension") and "row 3" in problem.expected


def test_cli_ingests_a_report_file(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from loaders.__main__ import main

    assert main(["ingest", str(PROGRESS), "--db", str(store)]) == 0
    assert "progress_documents.csv: loaded, 100 rows" in capsys.readouterr().out
