"""Arrow string columns read straight from their buffers: a few numpy passes over the bytes instead of a
call per text. Each helper answers only for plain chunks (type string, no NULL) and says when it cannot;
the caller then checks the texts one by one with Arrow's kernels, which also name the bad cells."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

Column = pa.Array | pa.ChunkedArray


def chunks(strings: Column) -> list[pa.Array]:
    return strings.chunks if isinstance(strings, pa.ChunkedArray) else [strings]


def plain(chunk: pa.Array) -> bool:
    return chunk.type == pa.string() and not chunk.null_count


def offsets(chunk: pa.Array) -> np.ndarray:
    """Where each text starts in the data buffer, and where the last one ends (a plain chunk's)."""
    return np.frombuffer(chunk.buffers()[1], np.int32, len(chunk) + 1, chunk.offset * 4)


def used(chunk: pa.Array) -> bytes:
    """The bytes of a plain chunk's texts, one after another."""
    at = offsets(chunk)
    return bytes(memoryview(chunk.buffers()[2])[at[0] : at[-1]])


def digits_only(strings: Column) -> bool:
    """Every text plain, not empty, and every byte an ASCII digit."""
    for chunk in chunks(strings):
        if not plain(chunk) or not (np.diff(offsets(chunk)) > 0).all():
            return False
        if used(chunk).translate(None, b"0123456789"):
            return False
    return True


def four_digit_numbers(strings: Column) -> np.ndarray | None:
    """Each text's number if every text is four ASCII digits (a year; a third of what a cast costs),
    else None."""
    numbers = []
    for chunk in chunks(strings):
        if not plain(chunk) or not (np.diff(offsets(chunk)) == 4).all():
            return None
        digits = np.frombuffer(used(chunk), np.uint8).reshape(-1, 4) - ord("0")
        if (digits > 9).any():  # below '0' wraps round to above 9
            return None
        digits = digits.astype(np.int16)
        numbers.append(digits[:, 0] * 1000 + digits[:, 1] * 100 + digits[:, 2] * 10 + digits[:, 3])
    return np.concatenate(numbers) if numbers else np.zeros(0, np.int16)
