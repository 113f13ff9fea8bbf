"""THL JSON-stat 2.0 cube (fact_<cube>.json): id, size, dimension.*.category, value, status."""

from __future__ import annotations

import hashlib
import math
import re
from pathlib import Path
from typing import Any

from loaders import jsonfile, thl_mapping
from loaders.checks import Checker
from loaders.limits import DEFAULT, Limits
from store.batch import Batch

_POSITION = re.compile(r"^(0|[1-9][0-9]{0,17})$", re.ASCII)


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
        check.problem(None, where, "category_object", jsonfile.text(category)[:40])
        return []
    index, labels = category.get("index"), category.get("label") or {}
    if isinstance(index, list):
        codes = index
    elif isinstance(index, dict):
        positions = list(index.values())
        if not all(isinstance(p, int) and not isinstance(p, bool) for p in positions) or sorted(positions) != list(
            range(len(index))
        ):
            check.problem(None, f"{where}.index", "category_positions", jsonfile.text(index)[:60])
            return []
        codes = sorted(index, key=lambda code: index[code])
    elif isinstance(labels, dict) and len(labels) == 1:
        codes = list(labels)  # a single category may omit index
    else:
        check.problem(None, f"{where}.index", "category_codes", jsonfile.text(index)[:40])
        return []
    if not all(isinstance(code, str) for code in codes):
        check.problem(None, f"{where}.index", "category_codes", jsonfile.text(index)[:40])
        return []
    return [str(labels.get(code, code)) if isinstance(labels, dict) else code for code in codes]


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
        check.problem(None, "$", "jsonstat_dataset", jsonfile.text(document)[:60])
        return None
    return document


def _cells(check: Checker, dataset: dict, limits: Limits) -> tuple[list[str], list[list[str]], int]:
    ids, sizes = dataset["id"], dataset["size"]
    if not isinstance(ids, list) or not isinstance(sizes, list) or len(ids) != len(sizes):
        check.problem(None, "$.size", "size_per_id", f"{jsonfile.text(ids)[:60]} / {jsonfile.text(sizes)[:60]}")
        return [], [], 0
    if not all(isinstance(dim_id, str) for dim_id in ids) or len(set(ids)) != len(ids):
        check.problem(None, "$.id", "size_per_id", jsonfile.text(ids)[:60])
        return [], [], 0
    names, categories = [], []
    for dim_id, size in zip(ids, sizes, strict=True):
        dimension = dataset["dimension"].get(dim_id) if isinstance(dataset["dimension"], dict) else None
        labels = _categories(check, dim_id, dimension)
        if labels and len(labels) != size:
            at = f"$.size[{ids.index(dim_id)}]"
            check.problem(None, at, "size_categories", jsonfile.text(size), categories=len(labels), dimension=dim_id)
        names.append(str(dimension.get("label", dim_id)) if isinstance(dimension, dict) else str(dim_id))
        categories.append(labels)
    total = math.prod(len(labels) for labels in categories)
    if total > limits.cube_cells:  # before one row per cell is made: a sparse value can claim billions
        check.problem(None, "$.size", "cube_size", total, limit=limits.cube_cells, found_key="cells_count")
        return names, categories, 0
    values = dataset["value"]
    if isinstance(values, list) and len(values) != total:
        check.problem(None, "$.value", "value_count", len(values), total=total, found_key="values_found")
    elif isinstance(values, dict):
        for key in values:  # canonical positions only: "01" and "١" must not alias 1
            if not (_POSITION.match(key) and int(key) < total):
                check.problem(None, f"$.value.{key}", "value_position", key, last=total - 1)
                if check.full():
                    break
    elif not isinstance(values, list):
        check.problem(None, "$.value", "value_container", jsonfile.text(values)[:40])
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
            check.problem(position + 1, f"$.value[{position}]", "number_or_null", jsonfile.text(value)[:40])
            value = None
        elif isinstance(value, float) and not math.isfinite(value):  # 1e400 parses as +inf
            check.problem(position + 1, f"$.value[{position}]", "finite_number", jsonfile.text(value))
            value = None
        mark = _at(status, position, total)
        yield (
            position + 1,
            cells,
            jsonfile.text(value),
            str(mark) if mark is not None else None,
            f"$.value[{position}]",
        )


def parse(path: Path, data: bytes, limits: Limits = DEFAULT) -> Batch:
    check = Checker(path.name, limits.problems)
    dataset = _dataset(check, jsonfile.load(path, data))
    check.raise_if_any()
    names, categories, total = _cells(check, dataset, limits)
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
