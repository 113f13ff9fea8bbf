"""The reckoning after a deadline: each area's value at the deadline and its latest value, grouped by story.

One row per area, grouped (outcome at the deadline × what happened since) and ranked within each group:
a hollow marker at the deadline value, a filled one at the latest, a line between them, the target as a
vertical line. Each group opens with its symbols and words, and each row's words (name and values) sit
above its markers, not in a margin: margins are fixed pixels, which on a 390 px phone left no plot.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.theme import INK, MUTED, OUTCOME_STYLE, SINCE_STYLE, base_layout
from i18n import fmt, t
from safe_text import plotly_text

ROW = 1.0  # y units per area row; a group's heading takes one row too
ROW_PX = 44  # a label line (about 16 px) above the markers
LINE_PX = 18  # one line of a group heading
LABEL_BACKGROUND = "rgba(255,255,255,0.85)"


def _positions(stories: pd.DataFrame) -> tuple[list[float], list[tuple[float, str]]]:
    """Each area's y, and each group heading's (y, words): a heading before the first area of its group."""
    ys, headings, y, previous = [], [], 0.0, None
    for label in stories["group_label"]:
        if label != previous:
            lines = label.replace(": ", ":<br>").replace(" · ", "<br>").split("<br>")  # a clause a line: fits a phone
            half = len(lines) * LINE_PX / 2 / ROW_PX  # half the heading's height, in rows
            y += half + (0.3 if previous is not None else 0.0)
            headings.append((y, "<br>".join(f"<b>{line}</b>" for line in lines)))
            y += half + 0.7  # room for the first row's words above its markers
            previous = label
        ys.append(y)
        y += ROW
    return ys, headings


def reckoning_figure(
    stories: pd.DataFrame, target: float, lang: str, is_share: bool = True, when: tuple[str, str] = ("", "")
) -> go.Figure:
    """stories: name, group_label (symbols and words of the group), deadline (code), since (code),
    deadline_value, latest_value, before_value, label (the values in words), sentence; in the order shown
    (whole country first, then the groups). when: the deadline's and the usual latest period, for the legend."""
    ys, headings = _positions(stories)
    stories = stories.assign(y=ys)
    stories = stories.assign(name=stories["name"].map(plotly_text), sentence=stories["sentence"].map(plotly_text))
    fig = go.Figure()
    xs, segment_ys = [], []  # the move since the deadline: one segment per area, None between areas
    for row in stories.itertuples():
        if pd.notna(row.deadline_value) and pd.notna(row.latest_value):
            xs += [row.deadline_value, row.latest_value, None]
            segment_ys += [row.y, row.y, None]
    fig.add_trace(
        go.Scatter(x=xs, y=segment_ys, mode="lines", line={"color": MUTED, "width": 2}, hoverinfo="skip",
                   showlegend=False)
    )  # fmt: skip
    fig.add_trace(
        go.Scatter(
            x=stories["deadline_value"], y=stories["y"], mode="markers",
            name=_named(t("reckoning.at_deadline", lang), when[0], lang),
            marker={"symbol": "circle-open", "size": 12, "line": {"width": 2.5},
                    "color": [OUTCOME_STYLE[d][1] for d in stories["deadline"]]},
            hovertext=stories["sentence"], hoverinfo="text",
        )
    )  # fmt: skip
    fig.add_trace(
        go.Scatter(
            x=stories["latest_value"], y=stories["y"], mode="markers",
            name=_named(t("reckoning.latest", lang), when[1], lang),
            marker={"symbol": "circle", "size": 11, "color": [SINCE_STYLE[s][1] for s in stories["since"]]},
            hovertext=stories["sentence"], hoverinfo="text",
        )
    )  # fmt: skip
    before = stories["deadline_value"].isna() & stories["before_value"].notna()
    if before.any():  # no value at the deadline: the last one before it, so a met target is never hidden
        fig.add_trace(
            go.Scatter(
                x=stories.loc[before, "before_value"], y=stories.loc[before, "y"], mode="markers",
                name=t("reckoning.before", lang), hovertext=stories.loc[before, "sentence"], hoverinfo="text",
                marker={"symbol": "square-open", "size": 11, "line": {"width": 2}, "color": MUTED},
            )
        )  # fmt: skip
    fig.add_vline(x=target, line={"color": INK, "width": 1.5, "dash": "dash"})
    target_text = fmt.percent(target, lang) if is_share else fmt.number(target, lang)
    rows = [
        {"y": row.y, "yanchor": "bottom", "yshift": 7, "x": 0, "xref": "paper", "xanchor": "left", "align": "left",
         "showarrow": False, "font": {"color": INK, "size": 12}, "bgcolor": LABEL_BACKGROUND,
         "text": f"<b>{row.name}</b>  {row.label}"}
        for row in stories.itertuples()
    ]  # fmt: skip
    groups = [
        {"y": y, "yanchor": "middle", "x": 0, "xref": "paper", "xanchor": "left", "align": "left",
         "showarrow": False, "font": {"color": INK, "size": 13}, "text": label}
        for y, label in headings
    ]  # fmt: skip
    top = {"x": target, "y": 1.0, "yref": "paper", "yanchor": "bottom", "showarrow": False,
           "text": f"{t('chart.target', lang)} {target_text}", "font": {"color": INK}}  # fmt: skip
    fig.update_layout(annotations=[*groups, *rows, top])  # at once: add_annotation validates every earlier one
    height = int(ROW_PX * (ys[-1] + 1 if ys else 1)) + 150
    base_layout(fig, lang, height=height, percent=False)
    fig.update_yaxes(
        autorange="reversed", range=None, showticklabels=False, ticks="", gridcolor="rgba(0,0,0,0)", zeroline=False
    )
    values = pd.concat(
        [stories["deadline_value"], stories["latest_value"], stories["before_value"], pd.Series([target])]
    ).dropna()
    pad = max((values.max() - values.min()) * 0.08, 1.0)
    fig.update_xaxes(
        range=[values.min() - pad, values.max() + pad], showgrid=True, gridcolor="#e5e7eb",
        ticksuffix=("\u00a0%" if lang != "en" else "%") if is_share else "", dtick=None, tickformat=None,
    )  # fmt: skip
    fig.update_layout(
        margin={"l": 8, "r": 8, "t": 40, "b": 48},
        legend={"orientation": "h", "yanchor": "top", "y": -40 / height, "x": 0},
    )
    return fig


def _named(name: str, period: str, lang: str) -> str:
    return f"{name} ({fmt.period(period, lang)})" if period else name
