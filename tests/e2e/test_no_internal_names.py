"""No reader ever sees a seed file name, a path or a bare document code: pages (tables open), data files, decks.

The pages are checked on tests/e2e/every_page.py's one visit per page and language (with every table's
expander open, after axe); this file holds the pattern and the exports' words."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from store.db import connect_readonly
from store.reader import Reader
from views.pages import PAGES
from views.registry import build

pytestmark = pytest.mark.e2e

INTERNAL = re.compile(
    r"\b\d{3}_[0-9a-f]{16}\.txt"  # a seed document's file name
    r"|\bshared/|\bdata/(?:demo|reference)|\b\w+\.py\b"  # a path of the repository
    r"|\b[\w-]+\.(?:csv|json|xlsx|txt)\b"  # a loaded file's name
    r"|\(\s*00[0-4](?:\s*,\s*00[0-4])*\s*\)|\b00[0-4],\s*00[0-4]\b"  # bare document codes: (000), 000, 002
)
READER_PAGES = [spec.url_path for spec in PAGES if spec.audience != "admin"]


def found(text: str) -> list[str]:
    return sorted({match.group(0) for match in INTERNAL.finditer(text)})


def test_the_pattern_catches_what_it_must() -> None:
    sample = "Lähde: 000_1000f12d482e814f.txt (000, 002) shared/domain/README.md generated_series.csv"
    assert found(sample) == ["(000, 002)", "000_1000f12d482e814f.txt", "generated_series.csv", "shared/"]
    assert found("Keski-Pohjanmaan tilannekatsaus 6/2025; 81 % 3/2025; Q4/2025") == []


def test_exports_name_no_file(demo_db: Path) -> None:
    """Titles, summaries, caveats, footers and the XLSX metadata sheet; the data sheet keeps its
    source_file column on purpose (provenance for analysts, next to the readable source)."""
    from openpyxl import load_workbook

    from exports import datafiles

    with connect_readonly(demo_db) as con:
        data = Reader(con)
        charts = [chart for path in READER_PAGES if path != "esitys" for chart in build(f"{path}?lang=fi", data)]
    assert len(charts) >= 10
    for chart in charts:
        shown = " ".join([chart.title, chart.summary, *chart.caveats, chart.source_line()])
        assert found(shown) == [], chart.key
        book = load_workbook(io.BytesIO(datafiles.xlsx(chart)), read_only=True)
        metadata = " ".join(str(cell) for row in book.worksheets[-1].iter_rows(values_only=True) for cell in row)
        assert found(metadata) == [], chart.key
