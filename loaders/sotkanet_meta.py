"""Sotkanet metadata: /rest/1.1/indicators/{id} (or the /indicators list) and /rest/1.1/regions."""

from __future__ import annotations

import hashlib
import html
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from loaders import jsonfile
from loaders.checks import Checker
from loaders.reference import lookups
from store.batch import Batch
from store.tables import LOADER_COLUMNS


def is_regions(path: Path, data: bytes) -> bool:
    return {"id", "category", "memberOf"} <= set(jsonfile.first_item(data))


def is_indicators(path: Path, data: bytes) -> bool:
    payloads = _payloads(jsonfile.peek(data))
    first = payloads[0] if payloads else None
    return isinstance(first, dict) and {"id", "title"} <= set(first) and "category" not in first


def _title(item: dict, key: str, lang: str) -> str | None:
    titles = item.get(key)
    text = titles.get(lang) if isinstance(titles, dict) else None
    # The API writes some symbols as HTML entities (&#8805; is ≥).
    return html.unescape(text).strip() or None if isinstance(text, str) else None


def _payloads(document: Any) -> list[Any]:
    """One payload, a list of them, or a wrapper object holding them under 'indicators'."""
    if isinstance(document, dict) and "indicators" in document and "id" not in document:
        inner = document["indicators"]
        return list(inner.values()) if isinstance(inner, dict) else inner if isinstance(inner, list) else []
    return document if isinstance(document, list) else [document]


def _updated(check: Checker, row: int, text: Any) -> date | None:
    if text in (None, ""):
        return None
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        check.problem(row, f"$[{row - 1}].data-updated", "a date such as 2025-04-29", text)
        return None


def parse_indicators(path: Path, data: bytes) -> Batch:
    check = Checker(path.name)
    rows, seen = [], {}
    for index, item in enumerate(_payloads(jsonfile.load(path, data))):
        row, where = index + 1, f"$[{index}]"
        if not isinstance(item, dict) or not str(item.get("id", "")).isdigit():
            found = item.get("id") if isinstance(item, dict) else jsonfile.text(item)[:40]
            check.problem(row, f"{where}.id", "a Sotkanet indicator id (digits)", found)
            continue
        indicator = str(item["id"])
        check.unique(seen, (indicator,), row, f"{where}.id")
        decimals = item.get("decimals")
        if decimals is not None and not isinstance(decimals, int):
            check.problem(row, f"{where}.decimals", "a whole number", decimals)
            decimals = None
        value_type = item.get("primaryValueType")
        organization = item.get("organization") or {}
        rows.append(
            (
                "sotkanet",
                indicator,
                _title(item, "title", "fi"),
                _title(item, "title", "sv"),
                _title(item, "title", "en"),
                value_type.get("code") if isinstance(value_type, dict) else None,
                decimals,
                _title(organization, "title", "fi") if isinstance(organization, dict) else None,
                _title(item, "description", "fi"),
                _updated(check, row, item.get("data-updated")),
            )
        )
        if rows[-1][2] is None:
            check.problem(row, f"{where}.title.fi", "a Finnish title", "nothing")
    return _batch(path, data, check, "sotkanet_indicators", "source_indicators", rows)


def parse_regions(path: Path, data: bytes) -> Batch:
    check = Checker(path.name)
    document = jsonfile.load(path, data)
    if not isinstance(document, list):
        check.problem(None, "$", "a list of Sotkanet regions", type(document).__name__)
        document = []
    ours = lookups().sotkanet_regions
    rows, seen = [], {}
    for index, item in enumerate(document):
        row, where = index + 1, f"$[{index}]"
        if not isinstance(item, dict) or not str(item.get("id", "")).isdigit():
            found = item.get("id") if isinstance(item, dict) else jsonfile.text(item)[:40]
            check.problem(row, f"{where}.id", "a Sotkanet region id (digits)", found)
            continue
        region = str(item["id"])
        check.unique(seen, (region,), row, f"{where}.id")
        members = item.get("memberOf") or []
        if not isinstance(members, list) or not all(isinstance(m, int) for m in members):
            check.problem(row, f"{where}.memberOf", "a list of region ids", jsonfile.text(members)[:40])
            members = []
        rows.append(
            (
                "sotkanet",
                region,
                jsonfile.text(item.get("code")) or None,
                jsonfile.text(item.get("category")) or None,
                _title(item, "title", "fi"),
                _title(item, "title", "sv"),
                _title(item, "title", "en"),
                ",".join(map(str, members)) or None,
                ours.get(region),
            )
        )
    return _batch(path, data, check, "sotkanet_regions", "source_regions", rows)


def _batch(path: Path, data: bytes, check: Checker, fmt: str, table: str, rows: list[tuple]) -> Batch:
    if not rows and not check.problems:
        check.problem(None, "$", "at least one item", "an empty list")
    check.raise_if_any()
    frame = pd.DataFrame(rows, columns=list(LOADER_COLUMNS[table]), dtype=object)  # None stays None
    if table == "source_indicators":
        frame["decimals"] = frame["decimals"].astype("Int64")
    return Batch(path.name, hashlib.sha256(data).hexdigest(), fmt, {table: frame}, dataset="sotkanet")
