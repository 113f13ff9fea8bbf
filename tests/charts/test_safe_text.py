"""Text from data through Markdown and Plotly: whatever the characters, they come back as written, never markup."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from safe_text import WORD_JOINER, markdown_text, one_line, plotly_text

# Streamlit renders GitHub-flavoured Markdown; markdown-it with tables and strikethrough is that grammar.
RENDER = MarkdownIt("commonmark").enable(["table", "strikethrough"])

# GitHub's autolink literals as remark finds them in text after escapes are resolved
# (mdast-util-gfm-autolink-literal; \w in JavaScript is ASCII only).
AUTOLINKS = (
    re.compile(r"(https?://|www(?=\.))([-.\w]+)", re.IGNORECASE | re.ASCII),
    re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)", re.ASCII),
)

# Plotly's text rules (plotly.js src/lib/svg_text_utils.js): line breaks become spaces, the text splits on
# anything that looks like a tag, the known tags become markup, everything else is text with entities decoded.
PLOTLY_TAGS = {"sup", "sub", "s", "u", "b", "i", "a", "span", "em", "br"}
PLOTLY_ENTITIES = {"mu": "\u03bc", "amp": "&", "lt": "<", "gt": ">", "nbsp": "\xa0", "times": "\xd7",
                   "plusmn": "\xb1", "deg": "\xb0"}  # fmt: skip


def plotly_decode(value: str) -> str:
    def entity(match: re.Match) -> str:
        name = match[1]
        if name.startswith("#"):
            number = int(name[2:], 16) if name[1:2] == "x" else int(name[1:])
            return chr(number) if number <= 0x10FFFF else match[0]
        return PLOTLY_ENTITIES.get(name, match[0])

    text, markup = [], []
    for chunk in re.split(r"(<[^<>]*>)", re.sub(r"\r\n?|\n", " ", value)):
        tag = re.match(r"<(/?)([^ >]*)(\s+(.*))?>", chunk, re.IGNORECASE)
        if tag and tag[2].lower() in PLOTLY_TAGS:
            markup.append(chunk)
        else:
            text.append(re.sub(r"&(#\d+|#x[\da-fA-F]+|[a-z]+);", entity, chunk))
    assert not markup, f"Plotly reads markup in {value!r}: {markup}"
    return "".join(text)


def shown(markdown: str) -> str:
    """What a reader sees of one line of Markdown: one paragraph's text, or nothing."""
    rendered = RENDER.render(markdown)
    if not rendered:
        return ""
    inner = re.fullmatch(r"<p>(.*)</p>\n", rendered, flags=re.S)
    assert inner, f"not one plain paragraph: {rendered!r}"
    assert "<" not in inner[1], f"markup in {rendered!r}"
    return html.unescape(inner[1])


HOSTILE = [
    "[Kirjaudu uudelleen](https://evil.example/login)",
    "**lihava** __myös__ *kursiivi* ~~yliviivattu~~",
    ":red[punainen] :material/warning: :smile:",
    "$x^2$ ja $$\\int_0^1 x\\,dx$$",
    "<b>html</b> <a href='https://evil.example'>linkki</a> <img src=x onerror=alert(1)>",
    "https://evil.example/login www.evil.example phish@evil.example",
    "# otsikko",
    "- luettelo",
    "1. numeroitu",
    "---",
    "> lainaus",
    "`koodi` ```aita```",
    "&lt;b&gt; &amp; &#60;",
    "| a | b |",
    "    sisennys",
    "rivi\nkaksi\r\n\nkolme",
    "![kuva](https://evil.example/x.png)",
    "<https://evil.example>",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_one_plain_paragraph_read_as_written(text: str) -> None:
    back = shown(markdown_text(text))
    assert back.replace(WORD_JOINER, "") == one_line(text).strip()
    assert not any(pattern.search(back) for pattern in AUTOLINKS)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_no_plotly_markup(text: str) -> None:
    assert plotly_decode(plotly_text(text)) == one_line(text)


def test_an_unescaped_link_would_have_been_markup() -> None:
    """The checks above can fail: raw data does render as a link and as Plotly markup."""
    assert "<a href" in RENDER.render(HOSTILE[0])
    with pytest.raises(AssertionError, match="Plotly reads markup"):
        plotly_decode(HOSTILE[4])


# Any text but lone surrogates (the loaders refuse them) and control characters other than line breaks.
texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from("\n\r\t"))


@settings(deadline=None)  # a loaded machine is slow, not wrong
@given(texts)
def test_any_text_comes_back_as_written_through_markdown(text: str) -> None:
    back = shown(markdown_text(text))
    assert back.replace(WORD_JOINER, "") == one_line(text).strip().replace(WORD_JOINER, "")
    assert not any(pattern.search(back) for pattern in AUTOLINKS)


@settings(deadline=None)  # a loaded machine is slow, not wrong
@given(texts | st.text(alphabet="<>&#;/abrxhref=:'\" lt"))
def test_any_text_comes_back_as_written_through_plotly(text: str) -> None:
    assert plotly_decode(plotly_text(text)) == one_line(text)
