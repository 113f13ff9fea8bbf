"""PNG and SVG of a chart through one persistent headless Chromium (kaleido), decorated for export."""

from __future__ import annotations

import textwrap
import threading
from pathlib import Path

import kaleido
import plotly.graph_objects as go

from charts.safe_text import plotly_text
from exports.footer import permalink_line, source_line
from exports.spec import ChartExport
from i18n import t

DEFAULT_BROWSER = "/usr/bin/chromium"
SCALE = 2
WIDTH = 1000  # px at scale 1: wide enough for a 16:9 slide, small enough for a report page
SMALL = 10
TITLE_LINE, FOOTER_LINE, LEGEND_HEIGHT = 22, 14, 30  # px per line of the 17 px title and the 10 px footer
TITLE_CHARS, FOOTER_CHARS = 95, 175  # characters per line that fit WIDTH at those sizes

# kaleido's sync server is one queue shared by every caller; Streamlit serves each session from
# its own thread, so two exports at once would take each other's answers without this lock.
_lock = threading.Lock()


class BrowserMissing(RuntimeError):
    """No Chromium at the configured path: image export cannot run."""

    def __init__(self, path: str, lang: str = "fi") -> None:
        self.path = path
        super().__init__(t("exports.browser_missing", lang, path=path))


def start(browser_path: str = DEFAULT_BROWSER) -> None:
    """Start the shared browser once per process; later calls return at once."""
    with _lock:
        if kaleido._global_server.is_running():  # private: kaleido has no public "is running"
            return
        # Checked here, because a missing browser kills kaleido's server thread and its queue then waits forever.
        if not Path(browser_path).is_file():
            raise BrowserMissing(browser_path)
        kaleido.start_sync_server(path=browser_path, silence_warnings=True)


def stop() -> None:
    with _lock:
        kaleido.stop_sync_server(silence_warnings=True)


def _wrapped(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_on_hyphens=False) or [""]


def decorated(chart: ChartExport) -> go.Figure:
    """A copy of the on-screen figure with title, source line and permalink added; the original is untouched."""
    fig = go.Figure(chart.figure)
    title = _wrapped(chart.title, TITLE_CHARS)
    footer = [
        line for text in (source_line(chart), permalink_line(chart)) if text for line in _wrapped(text, FOOTER_CHARS)
    ]
    margin = fig.layout.margin
    footer_height = 8 + FOOTER_LINE * len(footer)
    top = 20 + TITLE_LINE * len(title)
    bottom = (margin.b or 0) + LEGEND_HEIGHT + footer_height
    height = (fig.layout.height or 320) - (margin.t or 0) - (margin.b or 0) + top + bottom
    fig.update_layout(
        width=WIDTH,
        height=height,
        margin={"t": top, "b": bottom},
        # In container coordinates the legend sits just above the footer, whatever the plot's height.
        legend={"yref": "container", "y": (footer_height + 2) / height, "yanchor": "bottom"},
    )
    # Paper coordinates count in plot-area sizes from its bottom-left corner.
    plot_width, plot_height = WIDTH - (margin.l or 0) - (margin.r or 0), height - top - bottom
    left = -((margin.l or 0) - 12) / plot_width
    fig.add_annotation(
        text="<br>".join(f"<b>{plotly_text(line)}</b>" for line in title),  # a title names data
        xref="paper", yref="paper", x=left, xanchor="left",
        y=1 + (top - 10) / plot_height, yanchor="top", showarrow=False, align="left", font={"size": 17},
    )  # fmt: skip
    for row, text in enumerate(reversed(footer)):
        fig.add_annotation(
            text=plotly_text(text), xref="paper", yref="paper", x=left, xanchor="left",
            y=-(bottom - 6 - FOOTER_LINE * row) / plot_height, yanchor="bottom", showarrow=False, align="left",
            font={"size": SMALL, "color": "#5a5a5a"},
        )  # fmt: skip
    return fig


def render(fig: go.Figure, fmt: str, scale: float = 1, browser_path: str = DEFAULT_BROWSER) -> bytes:
    """Any figure as png or svg bytes through the shared browser (started on first use)."""
    start(browser_path)
    with _lock:
        return kaleido.calc_fig_sync(fig, opts={"format": fmt, "scale": scale})


def png(chart: ChartExport, browser_path: str = DEFAULT_BROWSER) -> bytes:
    """The decorated chart as PNG at twice its size, sharp on slides and in print."""
    return render(decorated(chart), "png", SCALE, browser_path)


def svg(chart: ChartExport, browser_path: str = DEFAULT_BROWSER) -> bytes:
    return render(decorated(chart), "svg", 1, browser_path)
