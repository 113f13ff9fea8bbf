"""Reading JSON files: UTF-8, and a located problem (line, column) when the text is not JSON."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from store.batch import LoadErrors, Problem


def looks_like_json(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"[", b"{")


@lru_cache(maxsize=1)  # the format matchers look at the same bytes in turn
def peek(data: bytes) -> Any:
    """The parsed document for format detection, or None if the bytes are not JSON."""
    if not looks_like_json(data):
        return None
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None


def first_item(data: bytes) -> dict:
    """The first object of a JSON list (detection looks at its keys), else {}."""
    document = peek(data)
    item = document[0] if isinstance(document, list) and document else None
    return item if isinstance(item, dict) else {}


def load(path: Path, data: bytes) -> Any:
    """The parsed document, or a refusal naming where the JSON breaks."""
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        row = data[: error.start].count(b"\n") + 1
        raise LoadErrors(path.name, [Problem(path.name, row, None, "UTF-8 text", "undecodable bytes")]) from None
    except json.JSONDecodeError as error:
        found = error.doc[error.pos : error.pos + 30]
        problem = Problem(path.name, error.lineno, f"char {error.colno}", f"valid JSON ({error.msg})", found)
        raise LoadErrors(path.name, [problem]) from None


def text(value: Any) -> str:
    """A JSON scalar as the file writes it: numbers in JSON notation, null and missing as ''."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
