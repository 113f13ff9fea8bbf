"""Shared fixtures: the demo store built from data/demo/ through the one write path, as `make run` does."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from config import ROOT
from loaders.demo import build_demo

DEMO_DIR = ROOT / "data" / "demo"
# No test server or AppTest starts the export browser unless the test asks for it (the first export still does).
os.environ.setdefault("DASHBOARD_EXPORT_WARM_UP", "0")


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store, built once per test run. Treat as read-only; use demo_copy to write."""
    path = tmp_path_factory.mktemp("demo") / "dashboard.duckdb"
    build_demo(path, DEMO_DIR)
    return path


@pytest.fixture
def demo_copy(demo_db: Path, tmp_path: Path) -> Path:
    """A private copy of the demo store (its live file, as a plain file) for tests that write."""
    path = tmp_path / "dashboard.duckdb"
    shutil.copyfile(demo_db.resolve(), path)
    return path


@pytest.fixture
def app_env(demo_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app at a copy of the demo store."""
    monkeypatch.setenv("DASHBOARD_DB", str(demo_copy))
    monkeypatch.delenv("DASHBOARD_ADMIN_PASSWORD", raising=False)
    return demo_copy
