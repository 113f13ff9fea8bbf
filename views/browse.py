"""Selaa: any loaded Sotkanet or THL indicator, found by name in fi/sv/en, per region over time."""

from __future__ import annotations

import pandas as pd

from charts.browse import browse_figure
from domain.periods import sort_key
from exports.spec import ChartExport, NativeChart
from i18n import fmt, t
from views import Data
from views.overview import data_date


def catalog(data: Data, query: str, lang: str) -> pd.DataFrame:
    """The catalog with a display title, filtered by a search in any language or by id."""
    rows = data.source_catalog()
    fallback = rows["dataset"].str.capitalize() + " " + rows["indicator"]
    rows = rows.assign(title=rows[f"title_{lang}"].fillna(rows["title_fi"]).fillna(fallback))
    if query.strip():
        needle = query.strip().lower()
        haystack = (
            rows[["title_fi", "title_sv", "title_en"]].fillna("").agg(" ".join, axis=1) + " " + fallback
        ).str.lower()
        rows = rows[haystack.str.contains(needle, regex=False)]
    return rows.reset_index(drop=True)


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
    return ChartExport(
        key=f"browse-{entry['dataset']}-{entry['indicator']}",
        title=entry["title"],
        summary=summary,
        figure=browse_figure(rows, regions, lang),
        data=shown,
        lang=lang,
        native=NativeChart(
            "line" if len(periods) > 1 else "bar",
            tuple(fmt.period(p, lang) for p in periods),
            tuple(series[:25]),
            percent=False,
        ),
        sources=tuple(sorted(set(shown["source_file"]))),
        data_date=data_date(data, lang),
        is_demo=bool(shown["is_demo"].any()),
        permalink=permalink,
    )
