"""Sotkanet REST JSON (/rest/1.1/json): a list of {indicator, region, year, gender, value, absValue}."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pyarrow as pa

from loaders import jsonfile, sotkanet_rows
from loaders.checks import Checker
from loaders.limits import DEFAULT, Limits
from store.batch import Batch

FIELDS = sotkanet_rows.COLUMNS  # the API names them as we do; absValue is not kept


def matches(path: Path, data: bytes) -> bool:
    return {"indicator", "region", "year"} <= set(jsonfile.first_item(data))


def parse(path: Path, data: bytes, limits: Limits = DEFAULT) -> Batch:
    document = jsonfile.load(path, data)
    check = Checker(path.name, limits.problems)
    if not isinstance(document, list) or not document:
        check.problem(None, "$", "sotkanet_rows_list", type(document).__name__ if document else "[]")
        check.raise_if_any()
    columns: dict[str, list[str]] = {name: [] for name in FIELDS}
    for index, item in enumerate(document):
        if not isinstance(item, dict):
            check.problem(index + 1, f"$[{index}]", "object", jsonfile.text(item)[:40])
            item = {}
        for name in FIELDS:
            value = item.get(name)
            if name == "value" and isinstance(value, str):
                # The API writes numbers; a string here (even "1.5") is a different producer's file.
                check.problem(index + 1, f"$[{index}].value", "json_number_or_null", value)
                value = None
            elif name not in item and name != "value":
                check.problem(index + 1, f"$[{index}].{name}", "field", name=name, found_key="nothing")
            elif isinstance(value, dict | list | bool):
                check.problem(index + 1, f"$[{index}].{name}", "number_or_text", jsonfile.text(value)[:40])
                value = None
            columns[name].append(jsonfile.text(value))
    table = pa.table({name: pa.array(values, pa.string()) for name, values in columns.items()})
    rows = np.arange(1, len(document) + 1, dtype=np.int64)  # the item's 1-based position
    frame = sotkanet_rows.observations(check, table, rows, lambda index, column: f"$[{index}].{column}")
    check.raise_if_any()
    return Batch(
        path.name,
        hashlib.sha256(data).hexdigest(),
        "sotkanet_json",
        {"observations": frame},
        dataset="sotkanet",
        warnings=tuple(check.warnings),
    )
