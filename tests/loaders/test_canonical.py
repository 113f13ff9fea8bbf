"""loaders.canonical decides from a few bytes what store.observation_sql.SURELY_CANONICAL decides with a
regular expression: the two give the same answer for every text, in any chunking, with or without a sign."""

from __future__ import annotations

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import sotkanet_rows
from loaders.canonical import by_regex, surely_canonical
from loaders.checks import Checker

# Mostly the bytes of numbers, so that many texts parse and many take the byte path; now and then a byte
# that sends its chunk to the regular expression.
_NUMBERISH = st.text("0123456789.-", max_size=18)
_DIGITS = st.text("00123456789", max_size=9)
_ZEROS_FIRST = st.builds("{}{}".format, st.text("0", max_size=6), _DIGITS)
_DECIMAL = st.builds(  # 12.0, 0.0007, -81.50, 0.00001
    "{}{}.{}".format, st.sampled_from(["", "-"]), st.one_of(st.just("0"), _DIGITS), st.one_of(_ZEROS_FIRST, _DIGITS)
)
_ANY = st.text(st.sampled_from([*"0123456789.-", "0", "0", ".", "e", "+", " ", ",", "ä"]), max_size=18)
_TEXTS = st.lists(st.one_of(_DECIMAL, _DECIMAL, _NUMBERISH, _ANY), max_size=60)


def _parsed(texts: pa.ChunkedArray) -> pa.ChunkedArray:
    """The values as the loader parses them (NULL where a text is no number: a problem, the file refused)."""
    return sotkanet_rows._values(Checker("t.csv", 1000), texts, lambda index, column: (index, column))


def _both(texts: pa.ChunkedArray) -> tuple[list, list]:
    expected = pa.chunked_array([by_regex(chunk) for chunk in texts.chunks], pa.bool_())
    return surely_canonical(texts, _parsed(texts)).to_pylist(), expected.to_pylist()


@settings(max_examples=400, deadline=None)
@given(texts=_TEXTS, cut=st.integers(0, 60), skip=st.integers(0, 3))
def test_the_bytes_decide_as_the_pattern_does(texts: list[str], cut: int, skip: int) -> None:
    whole = pa.array(texts, pa.string())
    cut = min(cut, len(texts))
    # Two chunks, the second a slice that starts inside its buffers: offsets that do not start at 0.
    chunks = pa.chunked_array([whole.slice(0, cut), pa.array(["x"] * skip + texts[cut:], pa.string()).slice(skip)])
    ours, pattern = _both(chunks)
    assert ours == pattern


@pytest.mark.parametrize(
    ("text", "canonical"),
    [("81.5", True), ("-81.5", True), ("12.0", True), ("0.25", True), ("0.0007", True), ("-0.0001", True),
     ("12345678901234.5", True), ("0.00105", True), ("0.0001005", True),
     ("81.50", False), ("081.5", False), ("81", False), ("0.00001", False), ("0.0", False), ("-0.0", False),
     ("81.", False), (".5", False), ("-.5", False), ("1.2.3", False), ("5-3", False), ("--5.5", False),
     ("123456789012345.6", False), ("", False), ("1e5", False)],
)  # fmt: skip
def test_each_shape_alone_and_among_numbers_that_take_the_byte_path(text: str, canonical: bool) -> None:
    texts = pa.chunked_array([pa.array(["81.5", text, "0.5"], pa.string())])
    ours, pattern = _both(texts)
    assert ours == pattern == [True, canonical, True]


def test_a_null_text_stays_null_as_the_pattern_leaves_it() -> None:
    texts = pa.chunked_array([pa.array(["81.5", None, "7"], pa.string())])
    ours, pattern = _both(texts)
    assert ours == pattern == [True, None, False]


def test_a_long_chunk_is_decided_part_by_part_with_the_same_answer() -> None:
    texts = pa.chunked_array([pa.array(["81.5", "0.00001", "-3.0", "12", ""] * 20_000, pa.string())])
    ours, pattern = _both(texts)
    assert ours == pattern and ours[:5] == [True, False, True, False, False]
