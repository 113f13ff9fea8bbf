"""Imports point down (see ../shared/STYLE.md §1); only store/db.py opens DuckDB."""

from __future__ import annotations

import ast
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {
    "metrics": {"streamlit", "duckdb", "plotly", "requests", "store", "loaders", "charts", "ui", "exports"},
    "charts": {"streamlit", "duckdb", "store", "loaders", "ui", "exports"},
    # exports/ is a leaf beside charts/: the colours both draw with come from palette.py; it writes what views
    # build (exports/exportable.py names what it reads) and never opens the store: export_cli/ does that.
    "exports": {"streamlit", "duckdb", "store", "loaders", "ui", "charts", "views", "metrics", "tools", "export_cli"},
    "views": {"streamlit", "duckdb", "loaders", "ui", "export_cli"},
    # The export command line is a composition root above views and the store; nothing imports it.
    "export_cli": {"streamlit", "duckdb", "loaders", "ui", "tools"},
    "loaders": {"streamlit", "duckdb", "plotly", "metrics", "charts", "exports", "ui", "views", "tools"},
    "store": {"streamlit", "plotly", "loaders", "metrics", "charts", "exports", "ui"},
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
    "export_cli",
    "store",
    "i18n",
    "domain",
    "tools",
)


def python_files(*names: str, root: Path = ROOT) -> Iterator[Path]:
    for name in names:
        path = root / name
        yield from ([path] if path.is_file() else sorted(path.rglob("*.py")))


def imported_roots(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module.split(".")[0]


def offenders(package: str, root: Path = ROOT) -> list[str]:
    """Every import in the package's files that its rule forbids, as 'file imports name'."""
    return [
        f"{path.relative_to(root)} imports {name}"
        for path in python_files(package, root=root)
        for name in imported_roots(path)
        if name in FORBIDDEN[package]
    ]


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_imports_point_down(package: str) -> None:
    assert offenders(package) == []


def test_nothing_imports_the_export_command_line() -> None:
    users = {str(p.relative_to(ROOT)) for p in python_files(*SOURCE_DIRS) if "export_cli" in set(imported_roots(p))}
    assert users == set()


@pytest.mark.parametrize(
    "line",
    ["from views.registry import build", "from store.reader import Reader", "import charts.theme",
     "from export_cli.__main__ import main"],
)  # fmt: skip
def test_exports_that_reach_up_fail_the_layer_test(tmp_path: Path, line: str) -> None:
    """The real exports/ with one upward import added to deck.py is caught, and named."""
    shutil.copytree(ROOT / "exports", tmp_path / "exports", ignore=shutil.ignore_patterns("__pycache__"))
    assert offenders("exports", tmp_path) == []
    deck = tmp_path / "exports" / "deck.py"
    deck.write_text(deck.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    assert offenders("exports", tmp_path) == [f"exports/deck.py imports {line.split()[1].split('.')[0]}"]


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
