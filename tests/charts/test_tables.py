"""Table twins as Markdown: the same cells back out of the rendered HTML, and data never becomes markup."""

from __future__ import annotations

import html
import re

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from charts.tables import markdown
from safe_text import WORD_JOINER

# Streamlit renders Markdown with GitHub tables; markdown-it with the table rule is the same grammar.
RENDER = MarkdownIt("commonmark").enable("table")


def cells(rendered: str) -> list[list[str]]:
    rows = re.findall(r"<tr>(.*?)</tr>", rendered, flags=re.S)
    # The word joiner that keeps an address from becoming a link is invisible: not part of what a reader sees.
    found = [re.findall(r"<t[hd]>(.*?)</t[hd]>", row, flags=re.S) for row in rows]
    return [[html.unescape(c).replace(WORD_JOINER, "") for c in row] for row in found]


def test_a_finnish_table_reads_back_cell_for_cell() -> None:
    frame = pd.DataFrame(
        {"Alue": ["Keski-Pohjanmaa", "Koko maa"], "Arvo": ["81,5\xa0%", "–"], "Jakso": ["3/2025", "Q4/2025"]}
    )
    rendered = RENDER.render(markdown(frame))
    assert cells(rendered) == [
        ["Alue", "Arvo", "Jakso"],
        ["Keski-Pohjanmaa", "81,5\xa0%", "3/2025"],
        ["Koko maa", "–", "Q4/2025"],
    ]


def test_markup_in_the_data_stays_text() -> None:
    frame = pd.DataFrame({"a|b": ["<b>x</b> | *y* [z](http://e) $1$ :red[w]", "rivi\nkaksi"]})
    rendered = RENDER.render(markdown(frame))
    assert "<b>" not in rendered and "<em>" not in rendered and "<a " not in rendered
    assert cells(rendered) == [["a|b"], ["<b>x</b> | *y* [z](http://e) $1$ :red[w]"], ["rivi kaksi"]]


def one_line(text: str) -> str:
    """What a cell shows: each line break, with the spaces around it, as one space."""
    return re.sub(r"[ \t]*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+[ \t]*", " ", text)


# Between two letters: Markdown trims a cell's outer spaces, which no formatted value has.
texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30).map(lambda s: f"a{s}z")


@settings(deadline=None)  # timing belongs in bench/, not in a property
@given(st.lists(st.tuples(texts, texts), min_size=1, max_size=5))
def test_any_text_comes_back_as_written(rows: list[tuple[str, str]]) -> None:
    frame = pd.DataFrame(rows, columns=["x", "y"])
    back = cells(RENDER.render(markdown(frame)))
    assert back[1:] == [[one_line(a).replace(WORD_JOINER, ""), one_line(b).replace(WORD_JOINER, "")] for a, b in rows]
