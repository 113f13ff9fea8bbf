"""Small Streamlit building blocks the pages share: language switch, demo banner, chart + table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import safe_text
from charts import tables
from config import settings
from exports import basket, datafiles, images
from exports.native import NativeTable
from i18n import LANGUAGES, fmt, t
from ui import state
from views import Data, freshness
from views.chart_export import ChartExport
from views.freshness import Freshness

LANGUAGE_NAMES = {"fi": "suomi", "sv": "svenska", "en": "English"}


def language_picker(lang: str) -> None:
    chosen = st.sidebar.selectbox(
        t("app.language", lang),
        LANGUAGES,
        index=LANGUAGES.index(lang),
        format_func=LANGUAGE_NAMES.get,
        key="language_picker",
    )
    if chosen != lang:
        state.set_language(chosen)
        st.rerun()


def plain(text: object) -> str:
    """Text from data, escaped once here before any Markdown-rendering call (subheader, caption, label)."""
    return safe_text.markdown_text(text)


def as_of_picker(lang: str, first_load: object) -> None:
    """'Tilanne päivänä': show the store as it stood at the end of a chosen day (?asof=YYYY-MM-DD).

    The earliest day offered is the first load's: before it the store held nothing."""
    current = state.as_of()
    earliest = pd.Timestamp(first_load).date() if pd.notna(first_load) else state.EARLIEST_AS_OF
    chosen = st.sidebar.date_input(
        t("asof.label", lang),
        value=current,
        min_value=max(earliest, state.EARLIEST_AS_OF),
        max_value=date.today(),
        format="DD.MM.YYYY",
        help=t("asof.help", lang),
        key="asof_picker",
    )
    wanted = chosen if isinstance(chosen, date) and chosen < date.today() else None
    if wanted != current:
        state.remember(asof=wanted.isoformat() if wanted else None)
        st.rerun()


def as_of_banner(as_of: date | None, lang: str) -> None:
    """Say it plainly when the page shows the past, not the store as it is now."""
    if as_of is not None:
        st.info(t("asof.banner", lang, day=fmt.day(as_of, lang)), icon=":material/history:")


def demo_banner(shows_demo: bool, lang: str) -> None:
    """Say it plainly whenever example rows are on screen."""
    if shows_demo:
        st.warning(t("app.demo_banner", lang), icon="⚠️")


MARKDOWN_ROWS = 200  # a table twin up to this long is plain Markdown; a longer one gets a scrolling grid


def chart(fig: go.Figure, summary: str, table: pd.DataFrame, lang: str, key: str) -> None:
    """A chart with its one-sentence summary and its table twin."""
    st.plotly_chart(fig, theme=None, key=key, config={"displaylogo": False})
    st.caption(plain(summary))  # a sentence built from data: names, documents, notes
    with st.expander(t("overview.table", lang)):
        if len(table) <= MARKDOWN_ROWS:  # the data grid's code is megabytes: load it only when needed
            st.markdown(tables.markdown(table))
        else:
            st.dataframe(table, hide_index=True, width="stretch")


def status_grid(grid: NativeTable, summary: str, key: str) -> None:
    """A grid of symbol-and-word cells as a native data grid: it scrolls sideways on a narrow screen, the first
    column (the area) stays pinned, and each cell keeps its symbol and word on its light's colour (never colour alone).

    The Plotly picture of the same grid stays the export's figure; on screen its fixed cells overlapped on phones."""
    frame = pd.DataFrame(list(grid.rows), columns=unique_headers(grid.header))
    fills = pd.DataFrame(list(grid.fills), columns=frame.columns, index=frame.index) if grid.fills else None

    def paint(column: pd.Series) -> list[str]:
        if fills is None:
            return [""] * len(column)
        # A missing or blank cell has no fill (NaN in the frame): it keeps the grid's own dark text on white.
        return [f"background-color: {f}; color: white" if isinstance(f, str) else "" for f in fills[column.name]]

    first = frame.columns[0]
    st.dataframe(
        frame.style.apply(paint),
        hide_index=True,
        width="stretch",
        height=GRID_ROW_PX * (len(frame) + 1) + 3,  # every row visible: the page scrolls, not the grid
        column_config={first: st.column_config.TextColumn(first, pinned=True, width=_label_px(frame[first]))},
        key=key,
    )
    st.caption(plain(summary))  # a sentence built from data: area names, investments


GRID_ROW_PX = 35  # st.dataframe's row height


def _label_px(labels: pd.Series) -> int:
    """The pinned column as wide as its longest name (the grid's own guess cut 'Pohjois-Pohjanmaa'), at most 200 px."""
    return min(200, 8 * max((len(str(label)) for label in labels), default=8) + 24)


def unique_headers(header: Sequence[str]) -> list[str]:
    """Column names a DataFrame can hold: a repeated label gets a numbered twin."""
    seen: dict[str, int] = {}
    out = []
    for label in header:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def card_row(count: int) -> list:
    """Bordered cards CARD_PX wide side by side, wrapping onto the next line where the row is full.

    st.columns squeezed three cards into 145 px charts on a 1024 px laptop (titles broke mid-word), and cards
    that stretch never wrap (Streamlit gives a stretching container no minimum width). Fixed cards give three
    in a row at 1400 px, two at 1024 px (with the sidebar open) and one on a phone."""
    row = st.container(horizontal=True, wrap=True, gap="medium", horizontal_alignment="distribute")
    return [row.container(border=True, width=CARD_PX, key=f"card-{i}") for i in range(count)]


def card_title(name: str) -> None:
    """A card's title in a size whose longest word fits a card ('Realtidsuppföljning' broke mid-word as a
    subheader), as bold text: a Markdown heading would get an anchor link made from the name (data)."""
    st.markdown(f"**{plain(name)}**")


CARD_PX = 260  # two fit the 564 px a 1024 px screen leaves beside the sidebar, with room for a scrollbar
PAIRS_CSS = Path(__file__).with_name("pairs.css")  # the cards' minimum width


def chart_pairs(count: int) -> list:
    """Bordered cards for count charts, two to a row while each gets its minimum width (pairs.css), else one.

    st.columns(2) left two 242 px charts on a 1024 px laptop beside the sidebar: year ticks and target labels
    ran into each other. Fixed widths either wrap too early on a 1366 px laptop or leave a wide screen half
    empty; Streamlit has no minimum width for a stretching container, so a style rule on the cards' keys
    (Streamlit's documented st-key- class) gives them one. Each pair keeps its own row: a related measure stays
    beside, or right under, its indicator."""
    st.html(PAIRS_CSS)
    cards = []
    for first in range(0, count, 2):
        row = st.container(horizontal=True, gap="medium")
        cards += [row.container(border=True, key=f"pair-card-{i}") for i in range(first, min(first + 2, count))]
    return cards


def source_footer(data: Data, lang: str, charts: Sequence[ChartExport] = ()) -> None:
    """The page's 'Lähteet': every document its charts rest on, by title, when data were loaded, and when
    each source was last refreshed (the nightly refresh's log; nothing when it has never run)."""
    cited = list(dict.fromkeys(title for chart in charts for title in chart.source_titles(lang)))
    if cited:
        st.caption(f"**{t('app.sources_shown', lang)}:** " + "; ".join(plain(title) for title in cited))
    loaded_at = data.ingests()["loaded_at"].max()
    loaded = fmt.day(pd.Timestamp(loaded_at).date(), lang) if pd.notna(loaded_at) else "–"  # nothing loaded yet
    st.caption(t("app.source_line", lang, loaded=loaded))
    for line in freshness.source_lines(data, lang):
        refreshed(line)


def refreshed(line: Freshness) -> None:
    """A refresh line: its mark as a red or green badge, whose own shape and word say the same. Body text,
    not a caption: a caption's muted colour paled the red badge to a contrast of 2.9:1 (now 6.5:1)."""
    colour = "red" if line.failed else "green"
    st.markdown(f":small[{plain(line.head)}] :{colour}-badge[{plain(line.mark)}] :small[{plain(line.tail)}]")


# ---------------------------------------------------------------- exports


BASKET = "deck:basket"  # session key: the Esitys page's list of basket.Item
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def current_view() -> str:
    """This page's permalink, 'yleiskuva?lang=fi': the page path app.py remembered, then the URL query."""
    return f"{st.session_state.get('page_path') or 'yleiskuva'}?{state.query_string()}"


def export_buttons(chart: ChartExport, key: str) -> None:
    """Under a chart: downloads (made only when clicked) and 'Lisää esitykseen' for the deck basket."""
    lang = chart.lang
    chart = replace(chart, permalink=current_view())
    browser = settings().browser_path
    missing = None if Path(browser).is_file() else t("exports.browser_missing", lang, path=browser)
    files = (
        ("png", "image/png", lambda: images.png(chart, browser), missing),
        ("svg", "image/svg+xml", lambda: images.svg(chart, browser), missing),
        ("csv_fi", "text/csv", lambda: datafiles.csv_fi(chart), None),
        ("csv", "text/csv", lambda: datafiles.csv_plain(chart), None),
        ("xlsx", XLSX_MIME, lambda: datafiles.xlsx(chart), None),
    )  # fmt: skip
    with st.popover(t("exports.downloads", lang), icon=":material/download:"):
        for kind, mime, make, problem in files:
            suffix = "-fi.csv" if kind == "csv_fi" else f".{kind}"
            st.download_button(
                t(f"exports.{kind}", lang), data=make, file_name=f"{chart.key}{suffix}", mime=mime,
                key=f"{key}:{kind}", on_click="ignore", disabled=problem is not None, help=problem,
            )  # fmt: skip
    if st.button(t("exports.add_to_deck", lang), key=f"{key}:deck", icon=":material/playlist_add:"):
        items = st.session_state.get(BASKET, [])
        added = basket.add(items, basket.Item(chart.permalink, chart.key))
        st.session_state[BASKET] = added
        st.toast(t("exports.added_to_deck" if added != items else "exports.already_in_deck", lang, count=len(added)))
