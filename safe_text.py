"""Text from data made inert, one function per renderer: Markdown (Streamlit) and Plotly's HTML subset.

Names, titles, notes, file names and the sentences built from them go through here on their way to
the screen, so a project called "[Kirjaudu](https://evil.example)" stays those characters, never a link.
The words themselves stay as they are for exports that do not render markup (PowerPoint, CSV).
"""

from __future__ import annotations

import html
import re

# Characters Markdown (GitHub tables, Streamlit's emoji, colour and LaTeX syntax, entities) would act on.
MARKDOWN_ACTIVE = frozenset("\\`*_{}[]<>()#+!|~$:&")
LINE_BREAKS = re.compile(r"[ \t]*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+[ \t]*")
# A list item or thematic break ("- x", "1. x", "---") is decided by the start of the text alone,
# once it is one line: escaping that first mark is enough.
BLOCK_START = re.compile(r"^(\d{1,9})([.)])|^([-=])")
# GitHub's autolink literals are found in the text after escapes are resolved (remark's
# mdast-util-gfm-autolink-literal), so a backslash cannot stop them. An invisible word joiner can:
# "www⁠.x", "https:⁠//x" and "a@⁠x" no longer match, and they read the same.
WORD_JOINER = "\u2060"
AUTOLINK_STARTS = re.compile(r"(?i)(?<=www)(?=\\?\.)|(?<=:)(?=//)|(?<=@)")


def one_line(value: object) -> str:
    """The text on one line: each line break, with the spaces around it, as one space."""
    return LINE_BREAKS.sub(" ", str("" if value is None else value))


def markdown_cell(value: object) -> str:
    """One table cell of Markdown showing value as written ("" shows as one space, which ends no row)."""
    text = "".join("\\" + c if c in MARKDOWN_ACTIVE else c for c in one_line(value))
    text = BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)
    return AUTOLINK_STARTS.sub(WORD_JOINER, text) or " "


def markdown_text(value: object) -> str:
    """Text from data for any Markdown-rendering call (st.caption, st.markdown, st.subheader, labels, help=):
    shown exactly as written, on one line, with no link, emphasis, colour, emoji, math or HTML."""
    return markdown_cell(str("" if value is None else value).strip()).strip()


def plotly_text(value: object) -> str:
    """Text from data for Plotly (titles, annotations, hover text, trace names, tick labels). Plotly reads
    <a href>, <b>, <br>, <span style> and entities in all of them; escaped, they show as written."""
    return html.escape(one_line(value), quote=False)
