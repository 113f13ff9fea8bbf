"""Helpers the test layers share."""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
from streamlit.testing.v1 import AppTest

from config import ROOT


def run_page(page: str, **params: str) -> AppTest:
    """Run one page (path from the project root) as Streamlit's AppTest, with URL parameters."""
    at = AppTest.from_file(str(ROOT / page), default_timeout=30)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def trace_names(at: AppTest) -> list[list[str]]:
    """Trace names of every Plotly chart on the page, chart by chart."""
    return [[trace.get("name") for trace in json.loads(chart.proto.spec)["data"]] for chart in at.get("plotly_chart")]


def _markdown_frame(text: str) -> pd.DataFrame:
    """A Markdown table twin (charts.tables.markdown) back into the cells it was made from."""
    rows = [re.split(r"(?<!\\)\|", line.strip())[1:-1] for line in text.splitlines()]
    unescape = lambda cell: as_read(cell.strip())  # noqa: E731
    return pd.DataFrame([[unescape(c) for c in row] for row in rows[2:]], columns=[unescape(c) for c in rows[0]])


def tables(at: AppTest) -> list[pd.DataFrame]:
    """Every table on the page in reading order, whether a data grid or a Markdown table twin."""
    found = []
    for node in at.main:
        if node.type == "dataframe":
            found.append(node.value)
        elif node.type == "markdown" and node.value.startswith("| "):
            found.append(_markdown_frame(node.value))
    return found


def as_read(markdown: str) -> str:
    """Escaped Markdown (safe_text.markdown_text) as a reader sees it: escapes and word joiners gone."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


@dataclass(frozen=True)
class Ran:
    """What a command-line run left: its exit code and what it printed."""

    returncode: int
    stdout: str
    stderr: str


def run_main(main: Callable[[list[str]], int | None], *argv: str) -> Ran:
    """A CLI in-process through its main(argv), as `python -m` would run it (argparse's exits included)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv)) or 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
    return Ran(code, out.getvalue(), err.getvalue())


def run_module(module: str, *argv: str, timeout: float = 300) -> Ran:
    """The same CLI as a real `python -m` subprocess: for the one smoke test per CLI (lane `slow`)."""
    done = subprocess.run(
        [sys.executable, "-m", module, *argv], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )
    return Ran(done.returncode, done.stdout, done.stderr)
