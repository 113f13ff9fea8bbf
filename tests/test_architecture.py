"""Imports point down (see ../shared/STYLE.md §1); only store/db.py opens DuckDB."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {
    "metrics": {"streamlit", "duckdb", "plotly", "requests", "store", "loaders", "charts", "ui", "exports"},
    "charts": {"streamlit", "duckdb", "store", "loaders", "ui", "exports"},
    # exports/ is a leaf beside charts/: the colours both draw with come from palette.py.
    "exports": {"streamlit", "duckdb", "store", "loaders", "ui", "charts", "views", "metrics", "tools"},
    "loaders": {"streamlit", "duckdb", "plotly", "metrics", "charts", "exports", "ui", "views", "tools"},
    "store": {"streamlit", "plotly", "loaders", "metrics", "charts", "exports", "ui"},
    "views": {"streamlit", "duckdb", "loaders", "ui"},
    "domain": {"streamlit", "duckdb", "plotly", "config", "store", "loaders", "metrics", "charts", "exports", "ui"}
    | {"views", "i18n", "tools"},
    "tools": {"streamlit", "duckdb", "plotly", "charts", "exports", "ui", "views"},
    "i18n": {"streamlit", "duckdb", "plotly", "store", "loaders", "metrics", "charts", "exports", "ui"},
}
# Leaves: modules of ours that import no module of ours (and nothing heavy), so any layer may read them.
LEAVES = ("palette.py", "safe_text.py", "config.py")
SOURCE_DIRS = (
    "app.py",
    "config.py",
    "palette.py",
    "safe_text.py",
    "pages",
    "ui",
    "views",
    "loaders",
    "metrics",
    "charts",
    "exports",
    "store",
    "i18n",
    "domain",
    "tools",
)
# The export CLI is a composition root: it rebuilds views from a query string.
ROOTS = {"exports/__main__.py"}


def python_files(*names: str) -> Iterator[Path]:
    for name in names:
        path = ROOT / name
        yield from ([path] if path.is_file() else sorted(path.rglob("*.py")))


def imported_roots(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module.split(".")[0]


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_imports_point_down(package: str) -> None:
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in python_files(package)
        if str(path.relative_to(ROOT)) not in ROOTS
        for name in imported_roots(path)
        if name in FORBIDDEN[package]
    ]
    assert offenders == []


OURS = {Path(name).stem for name in SOURCE_DIRS} | {"bench", "tests"}


@pytest.mark.parametrize("leaf", LEAVES)
def test_leaves_import_nothing_of_ours(leaf: str) -> None:
    assert set(imported_roots(ROOT / leaf)) & (OURS | {"streamlit", "duckdb", "plotly", "pandas", "pptx"}) == set()


def test_charts_and_exports_share_their_colours_through_the_palette() -> None:
    users = {p.parts[-2] for p in python_files("charts", "exports") if "palette" in set(imported_roots(p))}
    assert users == {"charts", "exports"}


def test_the_layer_test_catches_a_broken_rule(tmp_path: Path) -> None:
    upward = tmp_path / "bad.py"
    upward.write_text("import streamlit\nfrom store.db import connect_readonly\nfrom . import sibling\n")
    assert set(imported_roots(upward)) == {"streamlit", "store"}
    assert {"streamlit", "store"} <= FORBIDDEN["metrics"] and {"streamlit", "store"} <= FORBIDDEN["domain"]
    copied = tmp_path / "deck.py"  # the palette copied through the back door: exports importing charts
    copied.write_text("from charts.theme import ACTUAL\n")
    assert set(imported_roots(copied)) <= FORBIDDEN["exports"]


def test_only_store_db_imports_duckdb() -> None:
    users = {str(p.relative_to(ROOT)) for p in python_files(*SOURCE_DIRS) if "duckdb" in set(imported_roots(p))}
    assert users == {"store/db.py"}


def test_only_the_ui_layer_imports_streamlit() -> None:
    allowed = ("app.py", "pages/", "ui/")
    users = {str(p.relative_to(ROOT)) for p in python_files(*SOURCE_DIRS) if "streamlit" in set(imported_roots(p))}
    assert users and all(user.startswith(allowed) for user in users)


def test_pages_stay_thin() -> None:
    sizes = {str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines()) for p in python_files("pages")}
    assert {page: n for page, n in sizes.items() if n > 120} == {}
