"""Per-user view state, kept in the URL query parameters so a copied link restores the view.

Each choice is read from the URL first, then from this session (so switching pages and back
keeps it), then from the default; whatever is chosen is written back to both.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from urllib.parse import urlencode

import streamlit as st

from config import settings
from i18n import LANGUAGES
from views.choices import LIST_SEPARATOR, Choice

EARLIEST_AS_OF = date(2020, 1, 1)  # the programme's first baseline


def language() -> str:
    """The UI language: ?lang=fi|sv|en, else this session's, else the configured default."""
    chosen = st.query_params.get("lang") or st.session_state.get("view:lang")
    lang = chosen if chosen in LANGUAGES else settings().language
    remember(lang=lang)
    return lang


def set_language(lang: str) -> None:
    remember(lang=lang)


def remember(**values: str | None) -> None:
    """Write choices to the URL and to this session (None removes one)."""
    for name, value in values.items():
        if value is None:
            st.session_state.pop(f"view:{name}", None)
            if name in st.query_params:
                del st.query_params[name]
            continue
        st.session_state[f"view:{name}"] = value
        if st.query_params.get(name) != value:
            st.query_params[name] = value


def param(name: str, options: Sequence[str], default: str) -> str:
    """One choice among options; an unknown value in the URL falls back to the default."""
    value = st.query_params.get(name) or st.session_state.get(f"view:{name}")
    return value if value in options else default


def param_list(name: str, options: Sequence[str], default: Sequence[str]) -> list[str]:
    raw = st.query_params.get(name) or st.session_state.get(f"view:{name}")
    chosen = [v for v in raw.split(LIST_SEPARATOR) if v in options] if raw else []
    return chosen or list(default)


def select(
    label: str, options: Sequence[str], name: str, default: str, format_func: Callable = str, where: object = st
) -> str:
    """A selectbox bound to the URL parameter `name`."""
    options = list(options)
    current = param(name, options, default)
    chosen = where.selectbox(label, options, index=options.index(current), format_func=format_func, key=f"w:{name}")
    remember(**{name: chosen})
    return chosen


def multiselect(
    label: str,
    options: Sequence[str],
    name: str,
    default: Sequence[str],
    format_func: Callable = str,
    where: object = st,
) -> list[str]:
    options = list(options)
    current = param_list(name, options, default)
    chosen = where.multiselect(label, options, default=current, format_func=format_func, key=f"w:{name}")
    remember(**{name: LIST_SEPARATOR.join(chosen) if chosen else None})
    return chosen


def radio(
    label: str, options: Sequence[str], name: str, default: str, format_func: Callable = str, where: object = st
) -> str:
    options = list(options)
    current = param(name, options, default)
    chosen = where.radio(
        label, options, index=options.index(current), format_func=format_func, key=f"w:{name}", horizontal=True
    )
    remember(**{name: chosen})
    return chosen


def as_of() -> date | None:
    """?asof=2025-06-30: the store as it stood at the end of that day; None (or a bad date) means now."""
    raw = st.query_params.get("asof") or st.session_state.get("view:asof")
    try:
        chosen = date.fromisoformat(raw) if raw and len(raw) == 10 else None
    except ValueError:
        chosen = None
    if chosen is not None and not (EARLIEST_AS_OF <= chosen < date.today()):
        chosen = None  # before any data, or today and later: that is simply now
    remember(asof=chosen.isoformat() if chosen else None)
    return chosen


def params() -> dict[str, str]:
    """The URL's parameters now (what a page's choices are resolved from)."""
    return st.query_params.to_dict()


def choose(
    name: str, choice: Choice, label: str, format_func: Callable = str, where: object = st, widget: str = "select"
) -> str:
    """A widget for one of a page's choices (views/pages.py): its options, its default, bound to the URL."""
    if choice.multiple:
        return LIST_SEPARATOR.join(multiselect(label, choice.options, name, choice.default, format_func, where))
    draw = radio if widget == "radio" else select
    return draw(label, choice.options, name, choice.default[0] if choice.default else "", format_func, where)


def query_string() -> str:
    """The current view as a query string: what exports print as the permalink."""
    return urlencode(sorted(st.query_params.to_dict().items()))
