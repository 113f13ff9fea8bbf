"""Reading JSON files: UTF-8, and a located problem (line, column) when the text is not JSON.

Refused before any loader walks the document: nesting deeper than the parser's recursion limit,
integers of more than MAX_DIGITS digits, a key twice in one object, and strings holding a lone
UTF-16 surrogate ("\\ud800"), which no UTF-8 store can hold.
"""

from __future__ import annotations

import json
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from store.batch import LoadErrors, Problem

MAX_DIGITS = 30  # digits in one JSON number; a statistic or an id needs far fewer
_LONG_NUMBER = re.compile(rb"[0-9]{%d,}" % (MAX_DIGITS + 1))
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


class _Refused(ValueError):
    """Raised from the parser's hooks; carries the problem's key and what was found."""

    def __init__(self, key: str, found: str, found_key: str | None = None, **params: Any) -> None:
        super().__init__(key)
        self.key, self.found, self.found_key, self.params = key, found, found_key, params


def looks_like_json(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"[", b"{")


def _pairs(pairs: list[tuple[str, Any]]) -> dict:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        repeated = next(key for key, _ in pairs if key in seen or seen.add(key))
        raise _Refused("json_key_once", repeated)
    return found


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _Refused("json_number", str(len(text.lstrip("-"))), "digits", digits=MAX_DIGITS)
    return int(text)


def _parse(text: str) -> Any:
    return json.loads(text, object_pairs_hook=_pairs, parse_int=_int)


@lru_cache(maxsize=1)  # the format matchers look at the same bytes in turn
def peek(data: bytes) -> Any:
    """The parsed document for format detection, or None if the bytes are not JSON."""
    if not looks_like_json(data):
        return None
    try:
        return _parse(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None


def first_item(data: bytes) -> dict:
    """The first object of a JSON list (detection looks at its keys), else {}."""
    document = peek(data)
    item = document[0] if isinstance(document, list) and document else None
    return item if isinstance(item, dict) else {}


def _at(data: bytes, offset: int) -> tuple[int, str]:
    """Line and 'char N' of a byte offset, as an editor counts them."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, f"char {len(data[line_start:offset].decode('utf-8', 'replace')) + 1}"


def load(path: Path, data: bytes) -> Any:
    """The parsed document, or a refusal naming where the JSON breaks."""
    name = path.name
    try:
        document = _parse(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        row = data[: error.start].count(b"\n") + 1
        raise LoadErrors(name, [Problem(name, row, None, "utf8", found_key="undecodable")]) from None
    except json.JSONDecodeError as error:
        found = error.doc[error.pos : error.pos + 30]
        problem = Problem(name, error.lineno, f"char {error.colno}", "json", found, {"error": error.msg})
        raise LoadErrors(name, [problem]) from None
    except RecursionError:
        # The parser gives up at the interpreter's recursion limit: that is the bound, not the stack.
        problem = Problem(name, None, "$", "json_depth", "", {"depth": sys.getrecursionlimit()}, "deeper")
        raise LoadErrors(name, [problem]) from None
    except _Refused as refused:
        row, column = None, None
        if refused.key == "json_number" and (long := _LONG_NUMBER.search(data)):
            row, column = _at(data, long.start())
        problem = Problem(name, row, column, refused.key, refused.found, refused.params, refused.found_key)
        raise LoadErrors(name, [problem]) from None
    if _SURROGATE_ESCAPE.search(data):  # rare: only then walk every string
        _refuse_lone_surrogates(name, document)
    return document


def _refuse_lone_surrogates(name: str, document: Any) -> None:
    """Every string (keys too) that UTF-8 cannot encode, located by its JSON path."""
    problems: list[Problem] = []
    stack: list[tuple[str, Any]] = [("$", document)]
    while stack and len(problems) < 100:
        where, node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if not _encodable(key):
                    problems.append(Problem(name, None, where, "text", key))
                stack.append((f"{where}.{key}" if _encodable(key) else where, value))
        elif isinstance(node, list):
            stack.extend((f"{where}[{i}]", value) for i, value in enumerate(node))
        elif isinstance(node, str) and not _encodable(node):
            problems.append(Problem(name, _item_row(where), where, "text", node))
    if problems:
        raise LoadErrors(name, sorted(problems, key=lambda p: p.column or ""))


def _item_row(where: str) -> int | None:
    """$[12].title → 13: the item's 1-based position, as the loaders number JSON rows."""
    found = re.match(r"^\$\[(\d+)\]", where)
    return int(found.group(1)) + 1 if found else None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def text(value: Any) -> str:
    """A JSON scalar as the file writes it: numbers in JSON notation, null and missing as ''."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value, ensure_ascii=False)
    except (RecursionError, ValueError):
        return "[…]"
