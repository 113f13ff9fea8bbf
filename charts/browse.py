"""Any source indicator per region: lines over time, or bars when the extract has one period."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.theme import ACTUAL, AREA_COLOURS, base_layout
from domain.documents import cite
from domain.periods import end
from i18n import fmt, t
from safe_text import plotly_text

MAX_BARS = 25
TICKS = 8  # labelled periods at most on a line chart's axis
LONG_SPAN_DAYS = 2 * 365  # from here on the theme's two-yearly ticks label the axis well


def period_ticks(periods: list[str], lang: str) -> dict:
    """Axis settings that label a short series' every period at its end ("2023", "2024" for two years: the
    theme's two-yearly ticks would show only "2024"), and about TICKS periods of a long one that spans under
    two years (weeks, days); {} keeps the theme's yearly ticks for a series over years."""
    periods = sorted(set(periods), key=end)
    if not periods or (len(periods) > TICKS and (end(periods[-1]) - end(periods[0])).days >= LONG_SPAN_DAYS):
        return {}
    shown = periods[:: -(-len(periods) // TICKS)]  # every k-th, k = ceil(n / TICKS)
    return {
        "tickmode": "array",
        "tickvals": [end(period) for period in shown],
        "ticktext": [fmt.period(period, lang) for period in shown],
        "tickangle": None,  # Plotly turns long labels ("vk 12/2020") when they would touch
    }


def _hover(row: pd.Series, name: str, lang: str) -> str:
    return (
        f"<b>{plotly_text(name)}</b><br>{fmt.number(row['value'], lang, 2 if row['value'] % 1 else 0)} "
        f"{fmt.period(row['period'], lang)}<br>{t('chart.source', lang)}: "
        f"{plotly_text(cite(row['source_file'], lang))}, "
        f"{t('chart.row', lang)} {row['source_row']} ({t('chart.raw', lang)} '{plotly_text(row['raw'])}')"
    )


def browse_figure(rows: pd.DataFrame, regions: list[str], lang: str) -> go.Figure:
    """rows: region, region_<lang>, period, value, provenance. One period → top regions as bars."""
    name_col = f"region_{lang}"
    data = rows.dropna(subset=["value"])
    fig = go.Figure()
    if data["period"].nunique() <= 1:
        top = data.sort_values("value", ascending=False).head(MAX_BARS)
        fig.add_trace(
            go.Bar(
                x=top["value"],
                y=[plotly_text(name) for name in top[name_col]],  # tick labels
                orientation="h",
                marker={"color": ACTUAL},
                hovertext=[_hover(r, r[name_col], lang) for _, r in top.iterrows()],
                hoverinfo="text",
                name=t("chart.actual", lang),
            )
        )
        fig = base_layout(fig, lang, height=max(320, 22 * len(top) + 80), percent=False)
        # Categories, always: regions without a title show their Sotkanet id ("567"), which Plotly would
        # otherwise place on a numeric axis as hairlines.
        fig.update_yaxes(autorange="reversed", type="category", automargin=True)
        fig.update_xaxes(dtick=None, tickformat=None)
        return fig
    for i, region in enumerate(regions):
        own = data[data["region"] == region].assign(x=lambda d: d["period"].map(end)).sort_values("x")
        if own.empty:
            continue
        name = own[name_col].iloc[0]
        fig.add_trace(
            go.Scatter(
                x=own["x"],
                y=own["value"],
                mode="lines+markers",
                name=plotly_text(name),
                line={"color": AREA_COLOURS[i % len(AREA_COLOURS)]},
                hovertext=[_hover(r, name, lang) for _, r in own.iterrows()],
                hoverinfo="text",
            )
        )
    fig = base_layout(fig, lang, height=420, percent=False)
    ticks = period_ticks(list(data.loc[data["region"].isin(regions), "period"]), lang)
    return fig.update_xaxes(dtick=None, tickformat=None, **ticks) if ticks else fig
