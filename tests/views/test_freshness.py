"""What readers see of the nightly refresh (views/freshness.py): a line per source and one per indicator,
after a real refresh against the local replay server in which one indicator fails and two succeed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from loaders import refresh
from loaders.ingest import ingest_files
from loaders.sotkanet_client import SotkanetClient
from store import db
from store.reader import Reader
from tests.loaders.conftest import SOTKANET_CSV
from tests.loaders.conftest import store as store  # fixture: a store with reference data
from tests.loaders.test_refresh import sotkanet as sotkanet  # fixture: the replay server
from views.freshness import indicator_line, source_lines


@pytest.fixture
def refreshed(store: Path, tmp_path: Path, sotkanet: str) -> Path:
    """127 already stored (unchanged tonight), 5527 failing with HTTP 404, 6411 new."""
    ingest_files([SOTKANET_CSV], store)
    refresh.refresh(store, SotkanetClient(base_url=sotkanet, raw_dir=tmp_path / "raw"), [127, 5527, 6411])
    return store


@pytest.fixture
def data(refreshed: Path) -> Iterator[Reader]:
    with db.connect_readonly(refreshed) as con:
        yield Reader(con)


def test_the_source_line_marks_the_failure_with_shape_and_word_and_names_it(data: Reader) -> None:
    [fi] = source_lines(data, "fi")
    assert fi.failed
    assert fi.head.startswith("Sotkanet päivitetty viimeksi ") and " klo " in fi.head
    assert fi.mark == "✖ epäonnistui: 1/3 indikaattoria"
    assert fi.tail.startswith("Sotkanet 5527 (Sotkanet vastasi virheellä 404). Näkyvät arvot ovat edellisestä")
    [sv] = source_lines(data, "sv")
    assert sv.head.startswith("Sotkanet senast uppdaterat ") and " kl. " in sv.head
    assert sv.mark == "✖ misslyckades: 1/3 indikatorer"
    assert sv.tail.startswith("Sotkanet 5527 (Sotkanet svarade med felet 404). Värdena som visas")


def test_each_indicator_line_says_its_own_outcome(data: Reader) -> None:
    failed = indicator_line(data, "sotkanet", "5527", "fi")
    assert failed is not None and failed.failed and failed.mark == "✖ epäonnistui"
    assert failed.tail.startswith("Sotkanet vastasi virheellä 404.")
    new = indicator_line(data, "sotkanet", "6411", "sv")
    assert new is not None and not new.failed
    assert (new.mark, new.tail) == ("✔ lyckades", "ny indikator inläst.")
    unchanged = indicator_line(data, "sotkanet", "127", "fi")
    assert unchanged is not None and (unchanged.mark, unchanged.tail) == ("✔ onnistui", "ei muutoksia.")
    assert indicator_line(data, "thl", "fact_x", "fi") is None  # never refreshed: no line at all


def test_a_source_whose_run_all_succeeded_says_so(store: Path, tmp_path: Path, sotkanet: str) -> None:
    ingest_files([SOTKANET_CSV], store)
    refresh.refresh(store, SotkanetClient(base_url=sotkanet, raw_dir=tmp_path / "raw"), [127, 6411])
    with db.connect_readonly(store) as con:
        [line] = source_lines(Reader(con), "en")
    assert not line.failed
    assert (line.mark, line.tail) == ("✔ succeeded", "(2 indicators).")


def test_no_refresh_yet_means_no_line(store: Path) -> None:
    with db.connect_readonly(store) as con:
        assert source_lines(Reader(con), "fi") == []
