"""The reckoning after a deadline: each area's value at the deadline and its latest value, grouped by story.

One row per area, grouped (outcome at the deadline × what happened since) and ranked within each group:
a hollow marker at the deadline value, a filled one at the latest, a line between them, the target as a
vertical line. Every row carries its symbols and words on the right, so colour is never the only cue.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.safe_text import plotly_text
from charts.theme import INK, MUTED, OUTCOME_STYLE, SINCE_STYLE, base_layout
from i18n import fmt, t

ROW_PX = 26


def reckoning_figure(
    stories: pd.DataFrame, target: float, lang: str, is_share: bool = True, when: tuple[str, str] = ("", "")
) -> go.Figure:
    """stories: name, group_label (symbols and words of the group), deadline (code), since (code),
    deadline_value, latest_value, before_value, label (the values in words), sentence; in the order shown
    (whole country first, then the groups). when: the deadline's and the usual latest period, for the legend."""
    stories = stories.assign(name=stories["name"].map(plotly_text), sentence=stories["sentence"].map(plotly_text))
    stories = stories.assign(group_label=[label.replace(" · ", "<br>") for label in stories["group_label"]])
    y = [stories["group_label"].tolist(), stories["name"].tolist()]  # grouped categories: group, then area
    fig = go.Figure()
    # The move since the deadline: one segment per area (None breaks the line between areas).
    xs, ys_group, ys_name = [], [], []
    for row in stories.itertuples():
        if pd.notna(row.deadline_value) and pd.notna(row.latest_value):
            xs += [row.deadline_value, row.latest_value, None]
            ys_group += [row.group_label, row.group_label, row.group_label]
            ys_name += [row.name, row.name, row.name]
    fig.add_trace(
        go.Scatter(
            x=xs, y=[ys_group, ys_name], mode="lines", line={"color": MUTED, "width": 2},
            hoverinfo="skip", showlegend=False,
        )
    )  # fmt: skip
    fig.add_trace(
        go.Scatter(
            x=stories["deadline_value"], y=y, mode="markers",
            name=_named(t("reckoning.at_deadline", lang), when[0], lang),
            marker={"symbol": "circle-open", "size": 12, "line": {"width": 2.5},
                    "color": [OUTCOME_STYLE[d][1] for d in stories["deadline"]]},
            hovertext=stories["sentence"], hoverinfo="text",
        )
    )  # fmt: skip
    fig.add_trace(
        go.Scatter(
            x=stories["latest_value"], y=y, mode="markers", name=_named(t("reckoning.latest", lang), when[1], lang),
            marker={"symbol": "circle", "size": 11, "color": [SINCE_STYLE[s][1] for s in stories["since"]]},
            hovertext=stories["sentence"], hoverinfo="text",
        )
    )  # fmt: skip
    before = stories["deadline_value"].isna() & stories["before_value"].notna()
    if before.any():  # no value at the deadline: the last one before it, so a met target is never hidden
        fig.add_trace(
            go.Scatter(
                x=stories.loc[before, "before_value"], y=[list(stories.loc[before, "group_label"]),
                list(stories.loc[before, "name"])], mode="markers", name=t("reckoning.before", lang),
                marker={"symbol": "square-open", "size": 11, "line": {"width": 2}, "color": MUTED},
                hovertext=stories.loc[before, "sentence"], hoverinfo="text",
            )
        )  # fmt: skip
    fig.add_vline(x=target, line={"color": INK, "width": 1.5, "dash": "dash"})
    target_text = fmt.percent(target, lang) if is_share else fmt.number(target, lang)
    labels = [
        {"x": 1.01, "xref": "paper", "y": [row.group_label, row.name], "xanchor": "left", "showarrow": False,
         "text": row.label, "font": {"color": INK, "size": 12}}
        for row in stories.itertuples()
    ]  # fmt: skip
    labels.append(
        {"x": target, "y": 1.0, "yref": "paper", "yanchor": "bottom", "showarrow": False,
         "text": f"{t('chart.target', lang)} {target_text}", "font": {"color": INK}}
    )  # fmt: skip
    fig.update_layout(annotations=labels)  # at once: add_annotation validates every earlier label again
    base_layout(fig, lang, height=ROW_PX * len(stories) + 150, percent=False)
    fig.update_yaxes(autorange="reversed", gridcolor="rgba(0,0,0,0)", ticks="", automargin=True)
    values = pd.concat(
        [stories["deadline_value"], stories["latest_value"], stories["before_value"], pd.Series([target])]
    ).dropna()
    pad = max((values.max() - values.min()) * 0.08, 1.0)
    fig.update_xaxes(
        range=[values.min() - pad, values.max() + pad], showgrid=True, gridcolor="#e5e7eb",
        ticksuffix=("\u00a0%" if lang != "en" else "%") if is_share else "", dtick=None, tickformat=None,
    )  # fmt: skip
    widest = max((len(str(label)) for label in stories["label"]), default=10)
    fig.update_layout(
        margin={"l": 8, "r": 8 + 7 * widest, "t": 40, "b": 48},
        legend={"orientation": "h", "yanchor": "top", "y": -40 / (ROW_PX * len(stories) + 150), "x": 0},
    )
    return fig


def _named(name: str, period: str, lang: str) -> str:
    return f"{name} ({fmt.period(period, lang)})" if period else name
