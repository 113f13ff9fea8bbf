"""The trajectory chart: actuals per area, the required path, targets, projection and events on the time axis."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import plotly.graph_objects as go

from charts.headline import point_hover
from charts.outcome_sentences import deadline_label, outcome_sentence
from charts.theme import AREA_COLOURS, MUTED, NATIONAL, OUTCOME_STYLE, PATH, TARGET, base_layout, fitted
from domain import NATIONAL as NATIONAL_CODE
from domain.documents import titles
from domain.periods import end
from domain.periods import kind as grain_of
from i18n import fmt, t
from metrics.milestones import Reckoning
from metrics.outcome import Outcome
from safe_text import plotly_text

LEGEND_CHARS = 40  # a legend line of a 326 px chart (a phone's): a target's documents wrap at spaces
LEGEND_LINE_PX, LEGEND_LINES_FREE = 20, 4  # px a legend line takes on a phone; lines the plot absorbs
LEFT_PART = 0.4  # of the time axis: a milestone there has its words on its right
EVENT_ROWS, EVENT_ROW_PX = 4, 16  # rows of event labels above the plot, each 16 px (10 px text) high
# A passed target's outcome as a marker shape, so it never rests on colour alone.
MILESTONE_SYMBOL = {"met": "star", "missed": "x", "no_data": "circle-open"}


def actual_traces(fig: go.Figure, rows: pd.DataFrame, name: str, colour: str, lang: str, dash: str = "solid") -> None:
    """The area's line in its most frequent grain; values of another grain (an annual survey among
    quarterly figures) are separate points, never joined into the line."""
    rows = rows.dropna(subset=["value"]).assign(
        x=lambda d: d["period"].map(end), grain=lambda d: d["period"].map(grain_of)
    )
    if rows.empty:
        return
    main = rows["grain"].value_counts().index[0]
    for grain, group in rows.sort_values("x").groupby("grain", sort=False):
        joined = grain == main
        fig.add_trace(
            go.Scatter(
                x=group["x"],
                y=group["value"],
                mode="lines+markers" if joined else "markers",
                name=name if joined else f"{name} ({t('chart.grain_' + grain, lang)})",
                legendgroup=name,
                line={"color": colour, "width": 2.5 if dash == "solid" else 1.8, "dash": dash},
                marker={
                    "size": 7 if joined else 10,
                    "symbol": "circle" if joined else "square",
                    "color": ["white" if d else colour for d in group["is_demo"]],
                    "line": {"color": colour, "width": 2},
                },
                hovertext=[f"<b>{name}</b><br>{point_hover(row, lang)}" for _, row in group.iterrows()],
                hoverinfo="text",
            )
        )


def _target_traces(fig: go.Figure, targets: pd.DataFrame, unit: str, lang: str) -> None:
    """Every final and interim target; documents that disagree give separate, labelled markers."""
    shown = targets[targets["kind"].isin(["target", "interim_target"])]
    for (kind, period, value), group in shown.groupby(["kind", "period", "value"], sort=True):
        cited = titles(sorted(set(group["source_doc"])), lang, short=True)  # titles, never codes or file names
        count = plotly_text(cited[0]) if len(cited) == 1 else t("milestone.documents", lang, n=len(cited))
        target = f"{t('chart.' + kind, lang)} {fmt.measure(value, unit, lang)} {fmt.period(period, lang)}"
        # on lines of their own: a document's title ran out of a 420 px chart's legend
        label = f"{target}<br>{fitted(f'({count})', LEGEND_CHARS)}"
        fig.add_trace(
            go.Scatter(
                x=[end(period)],
                y=[value],
                mode="markers",
                name=label,
                marker={
                    "size": 14 if kind == "target" else 11,
                    "color": TARGET if kind == "target" else "white",
                    "symbol": "diamond",
                    "line": {"color": TARGET, "width": 2},
                },
                hovertext=[f"{target}<br>{t('chart.source', lang)}: " + "<br>".join(map(plotly_text, cited))],
                hoverinfo="text",
            )
        )


def _path_traces(fig: go.Figure, reckonings: Mapping[str, Reckoning], names: Mapping[str, str], lang: str) -> None:
    """The required path to each target still ahead, from the last passed target (or the baseline); one line
    per distinct path, named with its areas when the shown areas have different ones."""
    paths: dict[tuple, list[str]] = {}
    for region, reckoning in reckonings.items():
        if reckoning.goal is not None:
            goal = reckoning.goal
            paths.setdefault((goal.baseline_period, goal.baseline, goal.target_period, goal.target), []).append(region)
    for (start_period, start, target_period, target), regions in paths.items():
        name = t("chart.path", lang)
        if len(paths) > 1:
            name += ": " + ", ".join(names[r] for r in regions)
        fig.add_trace(
            go.Scatter(
                x=[end(start_period), end(target_period)],
                y=[start, target],
                mode="lines",
                name=name,
                line={"color": PATH, "dash": "dash", "width": 1.5},
                hoverinfo="skip",
            )
        )


def _projection_trace(fig: go.Figure, reckoning: Reckoning, name: str, colour: str, unit: str, lang: str) -> None:
    """The least-squares projection to the target ahead; a passed target gets none."""
    projection = reckoning.assessment.projection if reckoning.assessment else None
    if projection is None or reckoning.goal is None:
        return
    xs, ys = zip(*[(end(p), v) for p, v in projection.points], strict=True)
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines",
            name=f"{t('chart.projection', lang)}: {name}",
            line={"color": colour, "dash": "dot", "width": 2},
            hovertext=f"{t('chart.projection', lang)} {fmt.measure(projection.value_at_target, unit, lang)} "
            f"{fmt.period(reckoning.goal.target_period, lang)}",
            hoverinfo="text",
        )
    )


def _milestone_y(found: Outcome) -> float:
    """Where a milestone is drawn: at the value judged, else at the target."""
    at = found.at_deadline
    return at.value if at is not None else found.target


def _words_place(found: Outcome, drawn: Mapping[str, list[float]], usual: str) -> str:
    """Two milestones of one deadline (drawn: each deadline's milestone heights): the higher one's words above
    it, the lower one's below (the other way round they met between the markers: '✖ Ei saavutettu' over
    '○ Ei tietoa'); a milestone alone, or level with the other, keeps its usual place."""
    heights = drawn[found.target_period]
    if len(heights) > 1 and max(heights) != min(heights):
        return "top left" if _milestone_y(found) == max(heights) else "bottom left"
    return usual


def _milestone_traces(
    fig: go.Figure,
    reckoning: Reckoning,
    name: str,
    colour: str,
    unit: str,
    lang: str,
    place: Callable[[Outcome], str | None],
) -> None:
    """Each passed target as a milestone: at the value judged (else at the target), with the outcome's
    shape, and its symbol and word beside it (place(outcome): 'top left' or 'bottom left') or, when too many
    areas would crowd the plot (None), in the legend; the whole outcome sentence on hover."""
    for milestone in reckoning.passed:
        found = milestone.outcome
        y, label = _milestone_y(found), place(found)
        word = deadline_label(found, lang)
        sentence = outcome_sentence(found, lang, unit == "percent")
        fig.add_trace(
            go.Scatter(
                x=[end(found.target_period)],
                y=[y],
                mode="markers+text" if label else "markers",
                name=f"{name}: {word} ({fmt.period(found.target_period, lang)})",
                showlegend=label is None,
                text=[word] if label else None,
                textposition=label,
                textfont={"color": OUTCOME_STYLE[found.deadline][1], "size": 12},
                marker={
                    "size": 17,
                    "symbol": MILESTONE_SYMBOL[found.deadline],
                    "color": OUTCOME_STYLE[found.deadline][1],
                    "line": {"color": colour, "width": 2},
                },
                hovertext=[f"<b>{name}</b><br>{plotly_text(sentence)}"],
                hoverinfo="text",
            )
        )


def _words_inward(fig: go.Figure) -> None:
    """A milestone's words in the left part of the time axis go to its right, so they stay in the chart: on
    the left of a Q4/2023 marker, "✔ Saavutettu määräaikaan" ran off a 422 px card's edge."""
    times = [pd.Timestamp(x) for trace in fig.data if trace.x is not None for x in trace.x if x is not None]
    if not times:
        return
    first, last = min(times), max(times)
    for trace in fig.data:
        if trace.mode == "markers+text" and (pd.Timestamp(trace.x[0]) - first) < (last - first) * LEFT_PART:
            trace.textposition = trace.textposition.replace("left", "right")


def trajectory_figure(
    reckonings: Mapping[str, Reckoning],
    actuals: pd.DataFrame,
    names: Mapping[str, str],
    targets: pd.DataFrame,
    annotations: pd.DataFrame,
    lang: str,
    is_share: bool = True,
    height: int = 480,
) -> go.Figure:
    """actuals: region_code, period, value, is_demo, provenance; the national line is drawn dashed grey.

    reckonings: each shown area's milestones (passed targets, with outcomes) and the target ahead.
    """
    fig = go.Figure()
    names = {code: plotly_text(name) for code, name in names.items()}  # trace names and hover text
    unit = "percent" if is_share else "number"
    _path_traces(fig, reckonings, names, lang)
    regions = [r for r in dict.fromkeys(actuals["region_code"]) if r != NATIONAL_CODE]
    colours = {NATIONAL_CODE: NATIONAL} | {r: AREA_COLOURS[i % 8] for i, r in enumerate(regions)}
    if NATIONAL_CODE in set(actuals["region_code"]):
        actual_traces(
            fig, actuals[actuals["region_code"] == NATIONAL_CODE], names[NATIONAL_CODE], NATIONAL, lang, dash="dash"
        )
    for region in regions:
        actual_traces(fig, actuals[actuals["region_code"] == region], names[region], colours[region], lang)
    labelled = len(reckonings) <= 2  # the country and one area: words beside the markers, else in the legend
    drawn: dict[str, list[float]] = {}  # each deadline's milestones, by height
    for reckoning in reckonings.values():
        for milestone in reckoning.passed:
            drawn.setdefault(milestone.outcome.target_period, []).append(_milestone_y(milestone.outcome))
    for i, (region, reckoning) in enumerate(reckonings.items()):
        colour = colours.get(region, NATIONAL)
        _projection_trace(fig, reckoning, names[region], colour, unit, lang)
        usual = "top left" if i % 2 == 1 or len(reckonings) == 1 else "bottom left"
        place = (lambda found, usual=usual: _words_place(found, drawn, usual)) if labelled else (lambda _: None)
        _milestone_traces(fig, reckoning, names[region], colour, unit, lang, place)
    _target_traces(fig, targets, unit, lang)
    _words_inward(fig)
    # Events: a dotted line each, a short label above the plot (staggered, each of EVENT_ROWS on a row of its
    # own: two on one row ran into each other on a phone), the whole text on hover.
    for i, event in enumerate(annotations.itertuples()):
        label = getattr(event, f"label_{lang}")
        fig.add_vline(
            x=pd.Timestamp(event.on_date).timestamp() * 1000, line={"color": MUTED, "width": 1, "dash": "dot"}
        )
        fig.add_annotation(
            x=pd.Timestamp(event.on_date),
            y=1,
            yshift=4 + EVENT_ROW_PX * (i % EVENT_ROWS),  # pixels: a plot squeezed by its legend keeps the rows apart
            yref="paper",
            yanchor="bottom",
            showarrow=False,
            text=plotly_text(label.split(":")[0][:40]),
            hovertext=plotly_text(label),
            xanchor="center",
            font={"size": 10, "color": MUTED},
        )
    # The legend takes its room out of the plot. A phone stacks it a line an entry: past LEGEND_LINES_FREE
    # lines the chart grows, so the plot keeps some height there (it was ~140 px of 480 with nine lines).
    lines = sum(t.name.count("<br>") + 1 for t in fig.data if t.showlegend is not False and t.name)
    height += LEGEND_LINE_PX * max(0, lines - LEGEND_LINES_FREE)
    fig = base_layout(fig, lang, height=height, percent=is_share)
    fig.update_layout(margin={"t": 8 + EVENT_ROW_PX * EVENT_ROWS})  # room for the rows of event labels
    return fig
