"""Selaa: any loaded Sotkanet or THL indicator or own table, found by name in fi/sv/en, per region over time."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from charts.browse import browse_figure
from domain.periods import sort_key
from exports.native import NativeChart
from i18n import fmt, t
from views import Data
from views.chart_export import ChartExport
from views.overview import data_date

PUBLISHED = {"sotkanet", "thl"}  # datasets whose indicators have titles in their source's metadata


def catalog(data: Data, query: str, lang: str) -> pd.DataFrame:
    """The catalog with a display title, filtered by a search in any language or by id."""
    rows = data.source_catalog()
    fallback = rows["dataset"].str.capitalize() + " " + rows["indicator"]
    own = [
        t("browse.own_entry", lang, id=indicator, dataset=dataset) if is_own(dataset) else None
        for dataset, indicator in zip(rows["dataset"], rows["indicator"], strict=True)
    ]
    named = rows[f"title_{lang}"].fillna(rows["title_fi"])
    rows = rows.assign(title=named.fillna(pd.Series(own, index=rows.index, dtype="object")).fillna(fallback))
    if query.strip():
        needle = query.strip().lower()
        haystack = (
            rows[["title_fi", "title_sv", "title_en"]].fillna("").agg(" ".join, axis=1) + " " + fallback
        ).str.lower()
        rows = rows[haystack.str.contains(needle, regex=False)]
    return rows.reset_index(drop=True)


def is_own(dataset: str) -> bool:
    """A dataset a user named when loading their own table (not one whose metadata a source publishes)."""
    return dataset not in PUBLISHED


def chart_title(entry: pd.Series, lang: str, files: Sequence[str] = ()) -> str:
    """The indicator's name from its metadata; an own table's series is named by the id, dataset and file(s)
    the user gave; a source's indicator without metadata, by a title that says its name is missing."""
    for name in (entry.get(f"title_{lang}"), entry.get("title_fi")):
        if isinstance(name, str) and name.strip():
            return name
    if is_own(entry["dataset"]):
        return t("browse.own_title", lang, id=entry["indicator"], dataset=entry["dataset"], files=", ".join(files))
    return t("browse.untitled", lang, source=str(entry["dataset"]).capitalize(), id=entry["indicator"])


def _bars(figure, lang: str, period: str) -> NativeChart:
    """The screen's bars (its top regions by value, by name) in the screen's order, top first."""
    bars = next((trace for trace in figure.data if trace.type == "bar"), None)
    names, values = (list(bars.y), list(bars.x)) if bars is not None else ([], [])
    label = fmt.period(period, lang) if period else t("chart.actual", lang)
    # PowerPoint lists bar categories from the bottom up: reversed, the first stays on top as on screen.
    return NativeChart("barh", tuple(map(str, names[::-1])), ((label, tuple(values[::-1])),), percent=False)


def browse_chart(data: Data, entry: pd.Series, regions: list[str], lang: str, permalink: str = "") -> ChartExport:
    rows = data.source_series(entry["dataset"], entry["indicator"])
    shown = rows if rows["period"].nunique() <= 1 else rows[rows["region"].isin(regions)]
    periods = sorted(set(shown["period"]), key=sort_key)
    names = dict(zip(shown["region"], shown[f"region_{lang}"], strict=False))
    series = []
    for region in dict.fromkeys(shown["region"]):
        values = dict(shown.loc[shown["region"] == region, ["period", "value"]].itertuples(index=False))
        series.append((names[region], tuple(values.get(p) for p in periods)))
    latest = shown.dropna(subset=["value"])
    summary = t(
        "browse.summary",
        lang,
        title=entry["title"],
        regions=shown["region"].nunique(),
        first=fmt.period(periods[0], lang) if periods else "–",
        last=fmt.period(periods[-1], lang) if periods else "–",
        values=len(latest),
    )
    figure = browse_figure(rows, regions, lang)
    # Lines: the deck draws the figure's own traces on a time axis (exports/figure_series.py).
    native = (
        NativeChart("line", tuple(fmt.period(p, lang) for p in periods), tuple(series[:25]), percent=False)
        if len(periods) > 1
        else _bars(figure, lang, periods[0] if periods else "")
    )
    return ChartExport(
        key=f"browse-{entry['dataset']}-{entry['indicator']}",
        title=chart_title(entry, lang, sorted(set(rows["source_file"]))),  # every file of the series
        summary=summary,
        figure=figure,
        data=shown,
        lang=lang,
        native=native,
        sources=tuple(sorted(set(shown["source_file"]))),
        data_date=data_date(data, lang),
        is_demo=bool(shown["is_demo"].any()),
        permalink=permalink,
    )
