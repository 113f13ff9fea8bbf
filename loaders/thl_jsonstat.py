"""THL JSON-stat 2.0 cube (fact_<cube>.json): id, size, dimension.*.category, value, status."""

from __future__ import annotations

import hashlib
import math
from pathlib import Path
from typing import Any

from loaders import jsonfile, thl_mapping
from loaders.checks import Checker
from store.batch import Batch


def matches(path: Path, data: bytes) -> bool:
    document = jsonfile.peek(data)
    if isinstance(document, dict) and "dimension" not in document and len(document) == 1:
        document = next(iter(document.values()))  # JSON-stat 1.0 bundle: {"dataset": {...}}
    return isinstance(document, dict) and (document.get("class") == "dataset" or "dimension" in document)


def _categories(check: Checker, dim_id: str, dimension: Any) -> list[str]:
    """Category labels in index order (the spec allows index as a list or an object, or none)."""
    where = f"$.dimension.{dim_id}.category"
    category = dimension.get("category") if isinstance(dimension, dict) else None
    if not isinstance(category, dict):
        check.problem(None, where, "a category object", jsonfile.text(category)[:40])
        return []
    index, labels = category.get("index"), category.get("label") or {}
    if isinstance(index, list):
        codes = index
    elif isinstance(index, dict):
        codes = sorted(index, key=lambda code: index[code])
        if sorted(index.values()) != list(range(len(index))):
            check.problem(None, f"{where}.index", "positions 0…n-1, each once", jsonfile.text(index)[:60])
    elif isinstance(labels, dict) and len(labels) == 1:
        codes = list(labels)  # a single category may omit index
    else:
        check.problem(None, f"{where}.index", "a list or object of category codes", jsonfile.text(index)[:40])
        return []
    return [str(labels.get(code, code)) if isinstance(labels, dict) else str(code) for code in codes]


def _at(container: Any, position: int, total: int) -> Any:
    """A value or status at a position: array, sparse object keyed by position, or one for all."""
    if isinstance(container, list):
        return container[position] if position < len(container) else None
    if isinstance(container, dict):
        return container.get(str(position))
    return container


def _dataset(check: Checker, document: Any) -> dict | None:
    if isinstance(document, dict) and "dimension" not in document and len(document) == 1:
        document = next(iter(document.values()))  # JSON-stat 1.0 bundle: {"dataset": {...}}
    if not isinstance(document, dict) or not all(key in document for key in ("id", "size", "dimension", "value")):
        check.problem(None, "$", "a JSON-stat dataset with id, size, dimension and value", jsonfile.text(document)[:60])
        return None
    return document


def _cells(check: Checker, dataset: dict) -> tuple[list[str], list[list[str]], int]:
    ids, sizes = dataset["id"], dataset["size"]
    if not isinstance(ids, list) or not isinstance(sizes, list) or len(ids) != len(sizes):
        check.problem(None, "$.size", "one size per id", f"{jsonfile.text(ids)} / {jsonfile.text(sizes)}")
        return [], [], 0
    names, categories = [], []
    for dim_id, size in zip(ids, sizes, strict=True):
        dimension = dataset["dimension"].get(dim_id) if isinstance(dataset["dimension"], dict) else None
        labels = _categories(check, dim_id, dimension)
        if labels and len(labels) != size:
            check.problem(None, f"$.size[{ids.index(dim_id)}]", f"{len(labels)} (the categories of {dim_id})", size)
        names.append(str(dimension.get("label", dim_id)) if isinstance(dimension, dict) else str(dim_id))
        categories.append(labels)
    total = math.prod(len(labels) for labels in categories)
    values = dataset["value"]
    if isinstance(values, list) and len(values) != total:
        check.problem(None, "$.value", f"{total} values (the product of size)", f"{len(values)} values")
    elif isinstance(values, dict):
        for key in values:
            if not (key.isdigit() and int(key) < total):
                check.problem(None, f"$.value.{key}", f"a position 0…{total - 1}", key)
    elif not isinstance(values, list):
        check.problem(None, "$.value", "an array or object of values", jsonfile.text(values)[:40])
    return names, categories, total


def _long_rows(check: Checker, dataset: dict, names: list[str], categories: list[list[str]], total: int):
    status = dataset.get("status")
    for position in range(total):
        cells, rest = {}, position
        for name, labels in zip(reversed(names), reversed(categories), strict=True):
            rest, i = divmod(rest, len(labels))  # row-major: the last dimension varies fastest
            cells[name] = labels[i]
        value = _at(dataset["value"], position, total)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            check.problem(position + 1, f"$.value[{position}]", "a number or null", jsonfile.text(value))
            value = None
        mark = _at(status, position, total)
        yield (
            position + 1,
            cells,
            jsonfile.text(value),
            str(mark) if mark is not None else None,
            f"$.value[{position}]",
        )


def parse(path: Path, data: bytes) -> Batch:
    check = Checker(path.name)
    dataset = _dataset(check, jsonfile.load(path, data))
    check.raise_if_any()
    names, categories, total = _cells(check, dataset)
    check.raise_if_any()
    mapping = thl_mapping.choose(path, names, check)
    check.raise_if_any()
    by_label = dict(zip(names, dataset["id"], strict=True))
    rows = _long_rows(check, dataset, names, categories, total)
    observations = thl_mapping.observations(check, mapping, rows, lambda name: f"$.dimension.{by_label[name]}")
    check.raise_if_any()
    return Batch(
        path.name,
        hashlib.sha256(data).hexdigest(),
        f"thl_jsonstat:{mapping.cube}",
        {"observations": observations},
        dataset="thl",
        warnings=tuple(check.warnings),
    )
