"""Any THL cube without a mapping row: time found by its values, area by our region names, the rest in the key.

A cube is a set of dimensions (label → category labels) and a value per cell. The time dimension is
the one whose every category is a period (years, quarters, months, ISO weeks, days); the area
dimension the one whose categories are our regions by name (fi/sv/en) or code, or whose total is an
area total ("Kaikki Alueet", "Alla områden"). Every other dimension (a measure, a gender) becomes part
of the source indicator's id and title, so each combination is one series Selaa can browse.
A cube without an area dimension loads as a national series, and says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from domain import NATIONAL
from domain.periods import canonical_fine
from loaders import region_names
from loaders.checks import Checker, year_ok
from loaders.thl_mapping import SUPPRESSED, LongRow, observation_table
from store.tables import LOADER_COLUMNS

# Totals THL writes: of the area dimension (the whole country) and of any other dimension.
AREA_TOTALS = {"kaikki alueet", "alla områden", "all areas", "koko maa", "hela landet", "whole country"}
TOTALS = AREA_TOTALS | {"yhteensä", "totalt", "total", "kaikki", "alla", "all", "summa"}
# Dimension labels that name an area, for a cube of areas that are not ours (hospital districts).
AREA_LABELS = {
    "alue",
    "område",
    "area",
    "hyvinvointialue",
    "välfärdsområde",
    "kunta",
    "kommun",
    "municipality",
    "maakunta",
    "landskap",
    "region",
    "sairaanhoitopiiri",
    "sjukvårdsdistrikt",
    "hospital district",
}
# Dimension labels that name time: such a dimension without periods holds only its total over time.
TIME_LABELS = {"aika", "tid", "time", "vuosi", "år", "year", "kuukausi", "månad", "month", "viikko", "vecka", "week"}
# Words of each language in dimension and total labels: which title column the file's labels fill.
_WORDS = {
    "fi": {"alue", "aika", "vuosi", "viikko", "päivä", "kuukausi", "mittari", "kunta", "yhteensä", "kaikki alueet"},
    "sv": {"område", "tid", "år", "vecka", "dag", "månad", "mått", "kommun", "totalt", "alla områden"},
    "en": {"area", "time", "year", "week", "day", "month", "measure", "municipality", "total", "all areas"},
}


@dataclass(frozen=True)
class Shape:
    """What a cube's dimensions are: found from their values, never from a mapping file."""

    time: str
    area: str | None  # None: a national series
    rest: tuple[str, ...]  # in the file's order: part of the indicator's id and title
    language: str  # fi | sv | en: the title column the file's own labels go to


def _is_total(label: str) -> bool:
    return label.strip().lower() in TOTALS


def _time_share(labels: Sequence[str]) -> float:
    """The share of a dimension's categories (totals aside) that are periods."""
    periods = [label for label in labels if not _is_total(label)]
    return sum(canonical_fine(label) is not None for label in periods) / len(periods) if periods else 0.0


def _area_score(name: str, labels: Sequence[str]) -> int:
    ours = sum(region_names.region_code(label) is not None for label in labels)
    totals = sum(label.strip().lower() in AREA_TOTALS for label in labels)
    named = name.strip().lower() in AREA_LABELS
    return ours * 2 + totals * 2 + named


def _language(names: Iterable[str], labels: Iterable[str]) -> str:
    words = {text.strip().lower() for text in (*names, *labels)}
    scores = {lang: len(words & vocabulary) for lang, vocabulary in _WORDS.items()}
    return max(scores, key=lambda lang: (scores[lang], lang == "fi"))


def shape(check: Checker, dimensions: dict[str, Sequence[str]], roles: dict[str, str] | None = None) -> Shape | None:
    """The time, area and other dimensions of a cube (dimension label → its distinct category labels).

    roles: JSON-stat's own role.time / role.geo, when the file says which is which."""
    roles = roles or {}
    names = list(dimensions)
    # Mostly periods is enough: a mistyped one then becomes a located problem, not "no time dimension".
    shares = {name: _time_share(dimensions[name]) for name in names}
    times = [name for name in names if roles.get(name) == "time"] or [
        name for name in sorted(names, key=shares.get, reverse=True) if shares[name] >= 0.5
    ]
    if not times:
        totals_only = [name for name in names if name.strip().lower() in TIME_LABELS]
        if totals_only:  # time was exported as its total ("Kaikki ajat"): say which, and what to choose
            name = totals_only[0]
            found = f"{name}: {', '.join(dimensions[name][:5])}"
            check.problem(1, name, "thl_cube_periods", found, found_key="cube_time_total")
        else:
            check.problem(1, None, "thl_cube_time", ", ".join(names), found_key="cube_dimensions")
        return None
    time = times[0]
    others = [name for name in names if name != time]
    scored = {name: _area_score(name, dimensions[name]) for name in others}
    geo = [name for name in others if roles.get(name) == "geo"]
    area = geo[0] if geo else max(others, key=scored.get, default=None)
    if area is not None and not geo and scored[area] == 0:
        area = None
    if area is None:
        check.warn(1, None, "thl_cube_national", ", ".join(names), found_key="cube_dimensions")
    rest = tuple(name for name in others if name != area)
    labels = [label for name in names for label in dimensions[name][:50]]
    return Shape(time, area, rest, _language(names, labels))


def _indicator(cube: str, title: str, shape: Shape, cells: dict[str, str]) -> tuple[str, str]:
    """The source indicator's id and title: the cube and the categories of its other dimensions."""
    if not shape.rest:
        return cube, title
    parts = [f"{name}={cells[name]}" for name in shape.rest]
    return f"{cube}|" + "|".join(parts), f"{title}: " + ", ".join(cells[name] for name in shape.rest)


def observations(
    check: Checker, cube: str, title: str, shape: Shape, rows: Iterable[LongRow], label
) -> dict[str, object]:
    """Long rows of a cube → the observations and source_indicators tables of its batch.

    label(dimension) names a dimension's column in a problem (CSV: the label; JSON-stat: a path)."""
    out, seen, titles, unmapped, skipped = [], {}, {}, {}, {}
    for row, cells, text, status, value_label in rows:
        raw_period = cells[shape.time]
        if _is_total(raw_period):  # a total over time is no period: skipped, and said so
            skipped.setdefault(raw_period, [row, 0])[1] += 1
            continue
        period = canonical_fine(raw_period)
        if period is None or not year_ok(period):
            check.problem(row, label(shape.time), "period_fine", raw_period)
            period = None
        region = cells[shape.area] if shape.area else NATIONAL
        # Any total of the area dimension ("Kaikki Alueet", "Yhteensä", "Totalt") is the whole country.
        code = NATIONAL if not shape.area or _is_total(region) else region_names.region_code(region)
        if code is None:
            unmapped.setdefault(region, [row, 0])[1] += 1
        indicator, series_title = _indicator(cube, title, shape, cells)
        titles.setdefault(indicator, series_title)
        raw = text
        if status is None and text.strip() == SUPPRESSED:
            status, text = SUPPRESSED, ""
        value = check.number(row, value_label, text)  # empty val means no data: NULL, never 0
        if period is not None:
            check.unique(seen, (indicator, region, period), row, label(shape.time))
        out.append(("thl", indicator, None, region, code, period, None, value, status, raw, row, False, None))
        if check.full():
            break
    for region, (row, count) in unmapped.items():
        check.warn(row, label(shape.area), "thl_area", region, count=count, found_key="with_rows")
    for total, (row, count) in skipped.items():
        check.warn(row, label(shape.time), "thl_time_total", total, count=count, found_key="with_rows")
    if not out:
        check.problem(None, None, "rows_for", indicator=cube, found_key="nothing")
    observations = observation_table(out)
    return {"observations": observations, "source_indicators": _source_indicators(titles, shape.language)}


def _source_indicators(titles: dict[str, str], language: str) -> pd.DataFrame:
    """One row per series, its title in the file's language only (the others stay empty)."""
    rows = [
        {
            **dict.fromkeys(LOADER_COLUMNS["source_indicators"]),
            "dataset": "thl",
            "indicator": indicator,
            f"title_{language}": title,
            "organization": "THL",
        }
        for indicator, title in titles.items()
    ]
    frame = pd.DataFrame(rows, columns=list(LOADER_COLUMNS["source_indicators"]), dtype=object)
    frame["decimals"] = frame["decimals"].astype("Int64")
    return frame


def cube_name(file_name: str) -> str:
    """THL names its exports fact_<cube>.csv / .json; another name is kept as the cube's id."""
    stem = file_name.rsplit(".", 1)[0]
    return stem.removeprefix("fact_") or stem
