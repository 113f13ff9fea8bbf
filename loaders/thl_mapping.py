"""Which THL cube, measure and dimensions make which indicator, region and period (thl_mappings.csv)."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyarrow as pa

from domain import NATIONAL
from loaders.checks import Checker
from loaders.reference import lookups
from store.tables import LOADER_COLUMNS

MAPPINGS = Path(__file__).with_name("thl_mappings.csv")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SUPPRESSED = ".."  # THL's mark for a value withheld for privacy


# Typed columns, so a NULL stays NULL (never NaN text) on its way into the store.
_TYPES = {"value": pa.float64(), "source_row": pa.int64(), "is_demo": pa.bool_()}
OBSERVATIONS = pa.schema([(name, _TYPES.get(name, pa.string())) for name in LOADER_COLUMNS["observations"]])


def observation_table(rows: list[tuple]) -> pa.Table:
    """Rows in LOADER_COLUMNS["observations"] order → the observations table every loader hands the store."""
    return pa.Table.from_pylist([dict(zip(LOADER_COLUMNS["observations"], row, strict=True)) for row in rows],
                                schema=OBSERVATIONS)  # fmt: skip


@dataclass(frozen=True)
class Mapping:
    cube: str
    dimensions: frozenset[str]  # every dimension label of the export, val excluded
    filter: tuple[str, str] | None  # (dimension, label): keep only these rows
    region_dimension: str
    period_dimension: str
    whole_country: str  # the label that means all of Finland
    indicator: str  # stored as observations.indicator
    indicator_code: str | None  # ours, if this cube measures one of our indicators


@cache
def mappings(path: Path = MAPPINGS) -> tuple[Mapping, ...]:
    with open(path, encoding="utf-8") as f:
        return tuple(
            Mapping(
                row["cube"],
                frozenset(row["dimensions"].split("|")),
                tuple(row["filter"].split("=", 1)) if row["filter"] else None,
                row["region_dimension"],
                row["period_dimension"],
                row["whole_country"],
                row["indicator"],
                row["indicator_code"] or None,
            )
            for row in csv.DictReader(f)
        )


def choose(path: Path, dimensions: Iterable[str], check: Checker) -> Mapping | None:
    """The mapping onto one of our indicators: by cube name in the file name (fact_<cube>), else by its
    dimensions. None when no row maps this cube: it then loads as a source indicator (loaders.thl_cube)."""
    dimensions = frozenset(dimensions)
    named = [m for m in mappings() if f"fact_{m.cube}." in path.name and m.dimensions == dimensions]
    by_dimensions = [m for m in mappings() if m.dimensions == dimensions]
    found = named or by_dimensions
    if len(found) > 1:
        check.problem(1, None, "thl_cube_named", ", ".join(sorted(dimensions)))
    return found[0] if len(found) == 1 else None


# A long table row: (row number, {dimension label: category label}, value text, status, column label)
LongRow = tuple[int, dict[str, str], str, str | None, str]


def observations(check: Checker, mapping: Mapping, rows: Iterable[LongRow], label: Callable[[str], str]) -> pa.Table:
    """Apply a mapping to long rows; label(dimension) names a dimension's column in a problem."""
    ours = lookups()
    if mapping.indicator_code and mapping.indicator_code not in ours.indicators:
        codes = ", ".join(sorted(ours.indicators))
        check.problem(None, None, "indicator", mapping.indicator_code, codes=codes)
    percent = mapping.indicator_code in ours.percent_indicators
    out, seen, unmapped = [], {}, {}
    for row, cells, text, status, value_label in rows:
        if mapping.filter and cells.get(mapping.filter[0]) != mapping.filter[1]:
            continue
        region = cells[mapping.region_dimension]
        code = NATIONAL if region == mapping.whole_country else ours.regions.get(region.strip().lower())
        if code is None:
            unmapped.setdefault(region, [row, 0])[1] += 1
        raw_period = cells[mapping.period_dimension]
        if _DAY.match(raw_period.strip()):
            # canonical() would read 2020-01-01 as the month 2020-01; a daily cube must not pass as monthly.
            check.problem(row, label(mapping.period_dimension), "period_not_day", raw_period)
            period = None
        else:
            period = check.period(row, label(mapping.period_dimension), raw_period)
        raw = text
        if status is None and text.strip() == SUPPRESSED:
            status, text = SUPPRESSED, ""
        value = check.number(row, value_label, text)  # empty val means no data: NULL, never 0
        if percent:
            check.percent(row, value_label, value)
        if period is not None:
            check.unique(seen, (region, period), row, label(mapping.period_dimension))
        out.append(
            (
                "thl",
                mapping.indicator,
                mapping.indicator_code,
                region,
                code,
                period,
                None,
                value,
                status,
                raw,
                row,
                False,
                None,
            )
        )
    for region, (row, count) in unmapped.items():
        check.warn(row, label(mapping.region_dimension), "thl_area", region, count=count, found_key="with_rows")
    if not out:
        check.problem(None, None, "rows_for", indicator=mapping.indicator, found_key="none_after_filter")
    return observation_table(out)
