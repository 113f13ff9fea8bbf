"""The traffic-light grid: every cell a shape, a word and a colour, so it reads without colour too.

Colours (WCAG contrast against the white background, checked in tests/charts/test_traffic_lights.py):
on track #2e7d32 green 5.1:1, to be monitored #9a6700 dark yellow 4.9:1 (a light yellow would
fail 3:1), needs quick action #c62828 red 5.6:1, not reported #5f5f5f grey 6.5:1, missing #767676 4.5:1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from charts.theme import FONT, GRID, INK, fitted
from domain.documents import cite
from domain.programme import Status
from i18n import t
from metrics.reports import Direction
from palette import WHITE
from safe_text import plotly_text

BACKGROUND = WHITE
COLOURS = {
    Status.ON_TRACK: "#2e7d32",
    Status.MONITOR: "#9a6700",
    Status.QUICK_ACTION: "#c62828",
    Status.NOT_REPORTED: "#5f5f5f",
}
MISSING_COLOUR = "#767676"
ROW_LABEL_CHARS = 16  # a row label longer than this goes on two lines (the left margin is 135 px)
SYMBOLS = {Status.ON_TRACK: "●", Status.MONITOR: "▲", Status.QUICK_ACTION: "■", Status.NOT_REPORTED: "○"}
MISSING_SYMBOL = "–"
# Plotly marker symbols for the legend, the same shapes as the cell glyphs.
MARKERS = {
    Status.ON_TRACK: "circle",
    Status.MONITOR: "triangle-up",
    Status.QUICK_ACTION: "square",
    Status.NOT_REPORTED: "circle-open",
}
CHANGE_MARKS = {Direction.BETTER: "↑", Direction.WORSE: "↓", Direction.OTHER: "↔"}
COMPLETENESS = {
    "full": ("✓", COLOURS[Status.ON_TRACK]),
    "partial": ("◐", COLOURS[Status.MONITOR]),
    "nothing": ("✗", COLOURS[Status.QUICK_ACTION]),
}
Axis = Sequence[tuple[str, str]]  # (code, label) per row or column, in display order


def cell_text(status: str | None, change: str | None = None, streak: int = 0, *, lang: str = "fi") -> str:
    """'▲ Seurattava (3) ↓': shape, word, streak of 2+ quarters, change since the previous quarter."""
    if status is None or status != status:
        return f"{MISSING_SYMBOL} {t('status_short.missing', lang)}"
    text = f"{SYMBOLS[Status(status)]} {t(f'status_short.{status}', lang)}"
    if streak >= 2:
        text += f" ({streak})"
    if isinstance(change, str):
        text += f" {CHANGE_MARKS[Direction(change)]}"
    return text


def legend_lines(lang: str) -> list[str]:
    """The legend as text lines, for captions and slides."""
    lines = [f"{SYMBOLS[s]} {t(f'status.{s}', lang)}" for s in Status]
    return [*lines, f"{MISSING_SYMBOL} {t('status.missing', lang)}"]


def _lookup(cells: pd.DataFrame) -> dict[tuple[str, str], pd.Series]:
    return {(row["row"], row["col"]): row for _, row in cells.iterrows()}


def grid_table(
    cells: pd.DataFrame, rows: Axis, cols: Axis, row_title: str, lang: str, blank: set[tuple[str, str]] = frozenset()
) -> pd.DataFrame:
    """The grid as text: one row per grid row, one column per grid column, symbol + word in each cell.

    cells: row, col, status (None = missing), optional change and streak; blank: cells that do not apply.
    """
    found = _lookup(cells)
    out = {row_title: [label for _, label in rows]}
    for col, col_label in cols:
        out[col_label] = [
            "" if (row, col) in blank else cell_text(*_cell_values(found.get((row, col))), lang=lang) for row, _ in rows
        ]
    return pd.DataFrame(out)


def _cell_values(cell: pd.Series | None) -> tuple[str | None, ...]:
    if cell is None:
        return (None,)
    change = cell.get("change")
    return cell["status"], (change if isinstance(change, str) else None), int(cell.get("streak", 0) or 0)


@dataclass(frozen=True)
class _Text:
    x: int
    y: int
    text: str
    colour: str
    group: str
    hover: str


def _header(label: str) -> str:
    """Long column labels on two lines, so headers stay horizontal."""
    return label.replace(" ", "<br>", 1) if len(label) > 10 else label


def _figure(
    texts: list[_Text], rows: Axis, cols: Axis, legend: list[tuple[str, str, str]], row_height: int = 30
) -> go.Figure:
    """Text cells on a numeric grid; the legend shows each shape with its long name. A row label longer than
    ROW_LABEL_CHARS goes on two lines, so it fits the left margin ("Resultatens omfattning" was cut)."""
    row_labels = [fitted(plotly_text(label), ROW_LABEL_CHARS) for _, label in rows]
    if any("<br>" in label for label in row_labels):
        row_height = max(row_height, 40)
    fig = go.Figure()
    for group in dict.fromkeys(text.group for text in texts):
        members = [text for text in texts if text.group == group]
        fig.add_trace(
            go.Scatter(
                x=[m.x for m in members],
                y=[m.y for m in members],
                mode="text",
                text=[m.text for m in members],
                textfont={"color": [m.colour for m in members], "size": 12 if len(cols) <= 7 else 11, "family": FONT},
                hovertext=[m.hover for m in members],
                hoverinfo="text",
                showlegend=False,
                name=group,
            )
        )
    for name, marker, colour in legend:
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=name,
                marker={"symbol": marker, "size": 12, "color": colour, "line": {"color": colour, "width": 2}},
            )
        )
    for y in range(len(rows) + 1):
        fig.add_shape(
            type="line",
            x0=-0.5,
            x1=len(cols) - 0.5,
            y0=y - 0.5,
            y1=y - 0.5,
            line={"color": GRID, "width": 1},
            layer="below",
        )
    fig.update_layout(
        template="none",
        font={"family": FONT, "color": INK, "size": 13},
        paper_bgcolor=BACKGROUND,
        plot_bgcolor=BACKGROUND,
        height=130 + row_height * len(rows),
        margin={"l": 135, "r": 8, "t": 50, "b": 16},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "yref": "container"},
        hoverlabel={"bgcolor": "white", "font": {"family": FONT, "color": INK}},
    )
    fig.update_xaxes(
        tickvals=list(range(len(cols))),
        ticktext=[_header(plotly_text(label)) for _, label in cols],
        side="top",
        tickangle=0,
        range=[-0.5, len(cols) - 0.5],
        showgrid=False,
        zeroline=False,
        tickfont={"color": INK},
    )
    fig.update_yaxes(
        tickvals=list(range(len(rows))),
        ticktext=row_labels,
        range=[len(rows) - 0.5, -0.5],
        showgrid=False,
        zeroline=False,
        tickfont={"color": INK},
    )
    fig.update_layout(legend={"y": -0.01, "yanchor": "top", "yref": "paper"})
    return fig


def _two_lines(status: str | None, change: str | None, streak: int, lang: str) -> str:
    """The cell for the figure: shape and word, then streak and change on a smaller second line."""
    first = cell_text(status, lang=lang)
    extras = " ".join(
        part
        for part in (
            f"({streak})" if status and streak >= 2 else "",
            CHANGE_MARKS[Direction(change)] if isinstance(change, str) else "",
        )
        if part
    )
    return f"{first}<br><span style='font-size:11px'>{extras}</span>" if extras else first


def traffic_light_figure(
    cells: pd.DataFrame, rows: Axis, cols: Axis, lang: str, blank: set[tuple[str, str]] = frozenset()
) -> go.Figure:
    """The grid for one quarter or one history: cells as in grid_table, plus optional source for hover."""
    found = _lookup(cells)
    texts = []
    for y, (row, row_label) in enumerate(rows):
        for x, (col, col_label) in enumerate(cols):
            if (row, col) in blank:
                continue
            cell = found.get((row, col))
            status, *rest = _cell_values(cell)
            change, streak = [*rest, None, 0][:2]
            name = t(f"status.{status}", lang) if status else t("status.missing", lang)
            hover = f"<b>{plotly_text(row_label)} · {plotly_text(col_label)}</b><br>{name}"
            if cell is not None and "source_file" in cell:
                source = f"{plotly_text(cite(cell['source_file'], lang))}, {t('chart.row', lang)} {cell['source_row']}"
                hover += f"<br>{t('reports.source', lang)}: {source}"
                hover += f"<br>{t('chart.demo', lang)}" if cell.get("is_demo") else ""
            colour = COLOURS[Status(status)] if status else MISSING_COLOUR
            texts.append(_Text(x, y, _two_lines(status, change, streak, lang), colour, status or "missing", hover))
    legend = [(f"{t(f'status.{s}', lang)}", MARKERS[s], COLOURS[s]) for s in Status]
    legend.append((t("status.missing", lang), "line-ew", MISSING_COLOUR))
    return _figure(texts, rows, cols, legend, row_height=40 if "<br>" in "".join(t.text for t in texts) else 30)


def completeness_label(reported: int, expected: int) -> str:
    """'full', 'partial' or 'nothing'."""
    return "full" if reported >= expected else "nothing" if reported == 0 else "partial"


def completeness_legend(lang: str) -> str:
    """'Selite: ✓ täydellinen · ◐ osittain · ✗ ei raporttia (Raportoitu/Odotettu)': the grid's symbols in words."""
    kinds = " · ".join(t(f"reporting.{kind}", lang) for kind in COMPLETENESS)
    return f"{t('lights.legend', lang)}: {kinds} ({t('reporting.reported', lang)}/{t('reporting.expected', lang)})"


def completeness_figure(counts: pd.DataFrame, rows: Axis, cols: Axis, lang: str) -> go.Figure:
    """Areas × quarters: '✓ 28/28', '◐ 21/28', '✗ 0/28' in green, yellow, red."""
    found = {(r.region_code, r.period): r for r in counts.itertuples()}
    texts = []
    for y, (row, row_label) in enumerate(rows):
        for x, (col, col_label) in enumerate(cols):
            cell = found.get((row, col))
            if cell is None:
                continue
            kind = completeness_label(cell.reported, cell.expected)
            symbol, colour = COMPLETENESS[kind]
            text = f"{symbol} {cell.reported}/{cell.expected}"
            hover = f"<b>{plotly_text(row_label)} · {plotly_text(col_label)}</b>"
            hover += f"<br>{t(f'reporting.{kind}', lang)}: {text[2:]}"
            hover += f"<br>{t('reporting.not_reported', lang)}: {cell.not_reported}"
            texts.append(_Text(x, y, text, colour, kind, hover))
    legend = [
        (t(f"reporting.{kind}", lang), marker, COMPLETENESS[kind][1])
        for kind, marker in (("full", "circle"), ("partial", "circle-open-dot"), ("nothing", "x"))
    ]
    return _figure(texts, rows, cols, legend)
