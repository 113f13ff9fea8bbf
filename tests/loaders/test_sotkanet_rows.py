"""loaders.sotkanet_rows reads ids and years straight from their bytes where it can; where it cannot (a
character that is no digit, another string type, a NULL) it checks text by text. Both ways give the same
ids, years, keys and problems."""

from __future__ import annotations

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import sotkanet_rows, text_bytes
from loaders.checks import Checker


def _locate(index: int, column: str) -> tuple[int, str]:
    return index + 2, column


def _ids(texts: list[str | None], kind: pa.DataType) -> tuple[list, list | None, list]:
    check = Checker("t.csv", 1000)
    canonical, numbers = sotkanet_rows._ids(check, pa.chunked_array([pa.array(texts, kind)]), "region", _locate, "id")
    found = [(p.row, p.key, p.found) for p in check.problems]
    return canonical.to_pylist(), None if numbers is None else numbers.tolist(), found


_ID_TEXTS = st.lists(st.text(st.sampled_from([*"0123456789", "0", "0", "+", " ", "١"]), max_size=11), max_size=30)


@settings(max_examples=300, deadline=None)
@given(texts=_ID_TEXTS)
def test_ids_read_from_their_bytes_are_those_checked_text_by_text(texts: list[str]) -> None:
    fast = _ids(texts, pa.string())
    slow = _ids(texts, pa.large_string())  # another type: never read from the bytes
    assert fast[0] == slow[0] and fast[2] == slow[2]
    assert fast[1] == slow[1]


def test_a_padded_id_is_rewritten_and_a_long_or_signed_one_is_a_problem() -> None:
    assert _ids(["0127", "5", "0", "00"], pa.string()) == (["127", "5", "0", "0"], [127, 5, 0, 0], [])
    _, numbers, found = _ids(["5", "+5", ""], pa.string())
    assert numbers is None and [(row, key) for row, key, _ in found] == [(3, "id"), (4, "id")]
    _, numbers, found = _ids(["5", "1234567890"], pa.string())
    assert numbers is None and [(row, key) for row, key, _ in found] == [(3, "sotkanet_id_size")]


@pytest.mark.parametrize(
    ("years", "expected"),
    [(["2020", "1999"], [2020, 1999]), (["2020", "202"], None), (["2020", "20x9"], None), (["2020", "+202"], None),
     (["٢٠٢٠"], None), (["2020", None], None), ([], [])],
)  # fmt: skip
def test_years_are_read_from_their_bytes_only_when_each_is_four_ascii_digits(
    years: list, expected: list | None
) -> None:
    found = text_bytes.four_digit_numbers(pa.chunked_array([pa.array(years, pa.string())], pa.string()))
    assert (None if found is None else found.tolist()) == expected


def test_a_year_sliced_out_of_a_longer_buffer_reads_its_own_bytes() -> None:
    years = pa.array(["1990", "2020", "2021", "2024"], pa.string()).slice(1, 2)
    assert text_bytes.four_digit_numbers(years).tolist() == [2020, 2021]
