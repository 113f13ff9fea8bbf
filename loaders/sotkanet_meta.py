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
from loaders.limits import DEFAULT, Limits
from loaders.reference import lookups
from loaders.sotkanet_rows import MAX_ID_DIGITS
from store.batch import Batch
from store.tables import LOADER_COLUMNS

MAX_DECIMALS = 10  # Sotkanet shows at most a few decimals


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
        check.problem(row, f"$[{row - 1}].data-updated", "date_iso", text)
        return None


def _id(check: Checker, row: int, where: str, item: Any, key: str) -> str | None:
    """A Sotkanet id as canonical digits ('0127' is 127), or None after a located problem."""
    found = item.get("id") if isinstance(item, dict) else jsonfile.text(item)[:40]
    text = jsonfile.text(found) if not isinstance(found, str) else found
    if not (isinstance(found, int | str) and not isinstance(found, bool) and text.isascii() and text.isdigit()):
        check.problem(row, f"{where}.id", key, text)
        return None
    if len(text) > MAX_ID_DIGITS:
        check.problem(row, f"{where}.id", "sotkanet_id_size", text, digits=MAX_ID_DIGITS)
        return None
    return str(int(text))


def parse_indicators(path: Path, data: bytes, limits: Limits = DEFAULT) -> Batch:
    check = Checker(path.name, limits.problems)
    rows, seen = [], {}
    for index, item in enumerate(_payloads(jsonfile.load(path, data))):
        row, where = index + 1, f"$[{index}]"
        indicator = _id(check, row, where, item, "sotkanet_indicator_id")
        if indicator is None:
            continue
        check.unique(seen, (indicator,), row, f"{where}.id")
        decimals = item.get("decimals")
        if decimals is not None and (isinstance(decimals, bool) or not isinstance(decimals, int)):
            check.problem(row, f"{where}.decimals", "whole_number", jsonfile.text(decimals))
            decimals = None
        elif decimals is not None and not 0 <= decimals <= MAX_DECIMALS:  # 10**20 would not fit the store
            check.problem(row, f"{where}.decimals", "decimals", decimals, max=MAX_DECIMALS)
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
            check.problem(row, f"{where}.title.fi", "finnish_title", found_key="nothing")
    return _batch(path, data, check, "sotkanet_indicators", "source_indicators", rows)


def parse_regions(path: Path, data: bytes, limits: Limits = DEFAULT) -> Batch:
    check = Checker(path.name, limits.problems)
    document = jsonfile.load(path, data)
    if not isinstance(document, list):
        check.problem(None, "$", "regions_list", type(document).__name__)
        document = []
    ours = lookups().sotkanet_regions
    rows, seen = [], {}
    for index, item in enumerate(document):
        row, where = index + 1, f"$[{index}]"
        region = _id(check, row, where, item, "sotkanet_region_id")
        if region is None:
            continue
        check.unique(seen, (region,), row, f"{where}.id")
        members = item.get("memberOf") or []
        if not isinstance(members, list) or not all(isinstance(m, int) for m in members):
            check.problem(row, f"{where}.memberOf", "region_ids", jsonfile.text(members)[:40])
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
        check.problem(None, "$", "at_least_one", found_key="empty_list")
    check.raise_if_any()
    frame = pd.DataFrame(rows, columns=list(LOADER_COLUMNS[table]), dtype=object)  # None stays None
    if table == "source_indicators":
        frame["decimals"] = frame["decimals"].astype("Int64")
    return Batch(path.name, hashlib.sha256(data).hexdigest(), fmt, {table: frame}, dataset="sotkanet")
