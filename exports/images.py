"""PNG and SVG of a chart through one persistent headless Chromium (kaleido), decorated for export."""

from __future__ import annotations

import html
import logging
import re
import textwrap
import threading
import time
from pathlib import Path

import kaleido
import plotly.graph_objects as go

from exports.exportable import Exportable
from i18n import t
from safe_text import plotly_text

DEFAULT_BROWSER = "/usr/bin/chromium"
SCALE = 2
WIDTH = 1000  # px at scale 1: wide enough for a 16:9 slide, small enough for a report page
SMALL = 10
TITLE_LINE, FOOTER_LINE, LEGEND_HEIGHT = 22, 14, 30  # px per line of the 17 px title and the 10 px footer
# A legend entry: its symbol and gap, a character of its 13 px text (DejaVu Sans, wide: generous), a line.
LEGEND_SYMBOL_PX, LEGEND_CHAR_PX, LEGEND_LINE_PX = 50, 8, 19
MIN_LEFT, MIN_BOTTOM = 56, 30  # px beside the plot for its y ticks ("100 %") and under it for its x ticks, fixed
TITLE_CHARS, FOOTER_CHARS = 95, 175  # characters per line that fit WIDTH at those sizes

WARM_UP_DELAY_S = 2.0  # after the first page run: its charts are drawn before Chromium takes the cores

# kaleido's sync server is one queue shared by every caller; Streamlit serves each session from
# its own thread, so two exports at once would take each other's answers without this lock.
_lock = threading.Lock()
_warm_up: threading.Thread | None = None  # the one background start of this process, once asked for
log = logging.getLogger(__name__)


def server_running() -> bool:
    """Whether kaleido's shared browser is up. The one use of a private kaleido API (it has no public
    "is running"); tests/exports/test_images.py fails loudly if an upgrade moves or renames it."""
    return kaleido._global_server.is_running()


class BrowserMissing(RuntimeError):
    """No Chromium at the configured path: image export cannot run."""

    def __init__(self, path: str, lang: str = "fi") -> None:
        self.path = path
        super().__init__(t("exports.browser_missing", lang, path=path))


def start(browser_path: str = DEFAULT_BROWSER) -> None:
    """Start the shared browser once per process; later calls return at once."""
    with _lock:
        if server_running():
            return
        # Checked here, because a missing browser kills kaleido's server thread and its queue then waits forever.
        if not Path(browser_path).is_file():
            raise BrowserMissing(browser_path)
        kaleido.start_sync_server(path=browser_path, silence_warnings=True)


def stop() -> None:
    with _lock:
        kaleido.stop_sync_server(silence_warnings=True)


def start_in_background(browser_path: str = DEFAULT_BROWSER, delay_s: float = WARM_UP_DELAY_S) -> bool:
    """Start the shared browser and draw one small figure on a daemon thread, once per process, so that
    the first PNG or SVG costs what the next one does. Chromium's start and its first plot (~2-3 s of CPU)
    begin `delay_s` after the call. Returns whether this call started it (False: already asked, or no
    browser, where export says why on its own)."""
    global _warm_up
    with _lock:
        if _warm_up is not None or server_running() or not Path(browser_path).is_file():
            return False
        _warm_up = threading.Thread(target=_warm, args=(browser_path, delay_s), name="export-warm-up", daemon=True)
        _warm_up.start()
        return True


def _warm(browser_path: str, delay_s: float) -> None:
    time.sleep(delay_s)
    try:
        render(go.Figure(go.Scatter(x=[0, 1], y=[0, 1])), "png", SCALE, browser_path)
    except Exception:  # a failed warm-up only costs the first export its start; that export reports the error
        log.exception("export browser warm-up failed")


def warmed_up(timeout_s: float | None = None) -> bool:
    """Wait for the background start (if one was asked for); whether the browser is up afterwards."""
    if _warm_up is not None:
        _warm_up.join(timeout_s)
    return server_running() and (_warm_up is None or not _warm_up.is_alive())


def _wrapped(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_on_hyphens=False) or [""]


def _linked(text: str, url: str) -> str:
    return f'<a href="{html.escape(url, quote=True)}">{plotly_text(text)}</a>' if url else plotly_text(text)


def legend_height(fig: go.Figure, width: float) -> int:
    """Room for the horizontal legend under the plot, in px, packed as Plotly packs it: the entries of a legend
    group stack in one column, the columns fill rows, a row is as tall as its tallest column and a target's
    documents take a line each. Generous by design: a legend taller than its room is drawn over the year ticks
    (one line was assumed, and a 3-row legend hid them)."""
    if fig.layout.showlegend is False:
        return 0
    columns: dict[object, list[list[str]]] = {}
    for index, trace in enumerate(fig.data):
        if getattr(trace, "showlegend", False) is not False and trace.name:  # a table has no legend
            columns.setdefault(trace.legendgroup or index, []).append(_legend_lines(trace.name))
    used, tallest, height = 0.0, 0, 0
    for entries in columns.values():
        wide = LEGEND_SYMBOL_PX + LEGEND_CHAR_PX * max(len(line) for lines in entries for line in lines)
        if used and used + wide > width:
            height, used, tallest = height + tallest, 0.0, 0
        used, tallest = used + wide, max(tallest, LEGEND_LINE_PX * sum(len(lines) for lines in entries))
    return max(LEGEND_HEIGHT, height + tallest + 16) if columns else LEGEND_HEIGHT


def _legend_lines(name: str) -> list[str]:
    """A legend name as its reader sees it: Plotly's line breaks, no tags, an entity one character."""
    return [html.unescape(re.sub(r"<[^>]*>", "", line)) for line in re.split(r"<br\s*/?>", name)]


def decorated(chart: Exportable) -> go.Figure:
    """A copy of the on-screen figure with title, source line and permalink added; the original is untouched."""
    fig = go.Figure(chart.figure)
    title = _wrapped(chart.title, TITLE_CHARS)
    # The view in words; in the SVG its words link to the view (a PNG cannot hold a link, and shows no address).
    view = [_linked(line, chart.view_url()) for line in _wrapped(chart.view_text(), FOOTER_CHARS) if line]
    footer = [*(plotly_text(line) for line in _wrapped(chart.source_line(), FOOTER_CHARS) if line), *view]  # data
    margin = fig.layout.margin
    footer_height = 8 + FOOTER_LINE * len(footer)
    # The figure's own top margin stays under the title: it holds a trajectory's event labels and a grid's
    # column heads (both were drawn over the title, and event labels ran off the image).
    top = 20 + TITLE_LINE * len(title) + (margin.t or 0)
    left_margin, right_margin = max(margin.l or 0, MIN_LEFT), margin.r or 0
    ticks = max(margin.b or 0, MIN_BOTTOM)  # the x ticks' own room, above the legend
    bottom = ticks + legend_height(fig, WIDTH - left_margin - right_margin) + footer_height
    height = (fig.layout.height or 320) - (margin.t or 0) - (margin.b or 0) + top + bottom
    # Margins fixed here, so that the title, legend and footer placed in them stay where they were computed:
    # an axis that pushed its own margin (a headline card's) moved the footer under the legend.
    fig.update_xaxes(automargin=False)
    fig.update_yaxes(automargin=False)
    fig.update_layout(
        width=WIDTH,
        height=height,
        margin={"t": top, "b": bottom, "l": left_margin},
        # In container coordinates the legend sits just above the footer, whatever the plot's height.
        legend={"yref": "container", "y": (footer_height + 2) / height, "yanchor": "bottom"},
    )
    # Paper coordinates count in plot-area sizes from its bottom-left corner.
    plot_width, plot_height = WIDTH - left_margin - right_margin, height - top - bottom
    left = -(left_margin - 12) / plot_width
    fig.add_annotation(
        text="<br>".join(f"<b>{plotly_text(line)}</b>" for line in title),  # a title names data
        xref="paper", yref="paper", x=left, xanchor="left",
        y=1 + (top - 10) / plot_height, yanchor="top", showarrow=False, align="left", font={"size": 17},
    )  # fmt: skip
    for row, text in enumerate(reversed(footer)):
        fig.add_annotation(
            text=text, xref="paper", yref="paper", x=left, xanchor="left",
            y=-(bottom - 6 - FOOTER_LINE * row) / plot_height, yanchor="bottom", showarrow=False, align="left",
            font={"size": SMALL, "color": "#5a5a5a"},
        )  # fmt: skip
    return fig


def render(fig: go.Figure, fmt: str, scale: float = 1, browser_path: str = DEFAULT_BROWSER) -> bytes:
    """Any figure as png or svg bytes through the shared browser (started on first use)."""
    start(browser_path)
    with _lock:
        return kaleido.calc_fig_sync(fig, opts={"format": fmt, "scale": scale})


def png(chart: Exportable, browser_path: str = DEFAULT_BROWSER) -> bytes:
    """The decorated chart as PNG at twice its size, sharp on slides and in print."""
    return render(decorated(chart), "png", SCALE, browser_path)


def svg(chart: Exportable, browser_path: str = DEFAULT_BROWSER) -> bytes:
    return render(decorated(chart), "svg", 1, browser_path)
