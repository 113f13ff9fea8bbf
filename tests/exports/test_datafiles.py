"""CSV and XLSX of a chart's data: formulas neutralised, numbers round-trip, Finnish Excel gets its BOM."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import plotly.graph_objects as go
import pytest

from exports import datafiles
from views.chart_export import ChartExport

DANGEROUS = ["=1+1", "+CMD", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def chart(data: pd.DataFrame) -> ChartExport:
    return ChartExport(
        key="test", title="Osuus", summary="Yhteenveto.", figure=go.Figure(), data=data, lang="fi",
        caveats=("ei sisällä YTHS:ää",), sources=("a.csv",), data_date="23.11.2026", is_demo=True,
        permalink="yleiskuva?lang=fi", extra={"retrieved": "1.11.2026"},
    )  # fmt: skip


@pytest.fixture
def sample() -> ChartExport:
    return chart(
        pd.DataFrame({"period": ["2025Q1"] * 6, "value": [81.5, -1.25, 0.0, 1234567.0, None, 3.0], "note": DANGEROUS})
    )


@pytest.mark.parametrize("text", DANGEROUS)
def test_text_that_would_run_as_a_formula_is_neutralised(text: str) -> None:
    assert datafiles.neutralise(text) == "'" + text


def test_numbers_and_plain_text_stay_as_they_are() -> None:
    assert datafiles.neutralise(-1.5) == -1.5
    assert datafiles.neutralise("Q4/2025") == "Q4/2025"


def test_finnish_csv_has_bom_semicolons_comma_decimals_and_no_formula(sample: ChartExport) -> None:
    raw = datafiles.csv_fi(sample)
    assert raw.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(raw), sep=";", decimal=",", encoding="utf-8-sig")
    assert back["value"].tolist()[:4] == [81.5, -1.25, 0.0, 1234567.0]
    assert back["note"][0] == "'=1+1" and back["note"][2] == "'-2+3"
    assert "81,5" in raw.decode("utf-8-sig")


def test_plain_csv_round_trips_numbers(sample: ChartExport) -> None:
    raw = datafiles.csv_plain(sample)
    assert not raw.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(raw))
    pd.testing.assert_series_equal(back["value"], sample.data["value"])
    assert back["note"][3] == "'@SUM(A1)"


def test_xlsx_has_numbers_as_numbers_and_a_metadata_sheet(sample: ChartExport) -> None:
    book = openpyxl.load_workbook(io.BytesIO(datafiles.xlsx(sample)))
    data, meta = book.worksheets
    assert (data.title, meta.title) == ("Tiedot", "Metatiedot")
    values = [row[1] for row in data.iter_rows(min_row=2, values_only=True)]
    assert values == [81.5, -1.25, 0, 1234567, None, 3]
    notes = [row[2] for row in data.iter_rows(min_row=2, values_only=True)]
    assert notes[0] == "'=1+1" and all(n.startswith("'") for n in notes)
    fields = {row[0]: row[1] for row in meta.iter_rows(min_row=2, values_only=True)}
    assert fields["Lähteet"] == "Käyttäjän lataama tiedosto"  # a title, never the file name
    assert fields["Haettu lähteestä"] == "1.11.2026" and fields["Ladattu tietokantaan"] == "23.11.2026"
    assert fields["Näkymän osoite"] == "yleiskuva?lang=fi"
    assert fields["Huomiot"] == "ei sisällä YTHS:ää" and fields["Esimerkkiaineisto"] == "kyllä"
