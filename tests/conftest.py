"""Shared fixtures: the demo store built from data/demo/ through the one write path, as `make run` does;
and the lanes (pyproject.toml's markers): `make test-fast` runs -m "not e2e and not slow", `make test` all."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import kaleido
import pytest
from streamlit.components.v2 import manifest_scanner

from config import ROOT
from loaders import reference
from loaders.demo import build_demo
from store.db import version, writer

DEMO_DIR = ROOT / "data" / "demo"
# No test server or AppTest starts the export browser unless the test asks for it (the first export still does).
os.environ.setdefault("DASHBOARD_EXPORT_WARM_UP", "0")


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store, built once per test run. Treat as read-only; use demo_copy to write."""
    path = tmp_path_factory.mktemp("demo") / "dashboard.duckdb"
    build_demo(path, DEMO_DIR)
    return path


@pytest.fixture(scope="session")
def reference_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A published store holding only the reference data, built once; tests get copies (the `store` fixture)."""
    path = tmp_path_factory.mktemp("reference") / "store" / "dashboard.duckdb"
    with writer(path) as w:
        w.ingest(reference.batch())
    return path


@pytest.fixture
def demo_copy(demo_db: Path, tmp_path: Path) -> Path:
    """A private copy of the demo store (its live file, as a plain file) for tests that write."""
    path = tmp_path / "dashboard.duckdb"
    shutil.copyfile(demo_db.resolve(), path)
    return path


@pytest.fixture
def app_env(demo_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app at a private copy of the demo store, for tests that load data into it."""
    monkeypatch.setenv("DASHBOARD_DB", str(demo_copy))
    monkeypatch.delenv("DASHBOARD_ADMIN_PASSWORD", raising=False)
    return demo_copy


@pytest.fixture(scope="session")
def shared_store(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the demo store for every page test that only reads. The app's caches are keyed by the
    store version (file and mtime), so views built for one test serve the next, as they serve every user."""
    path = tmp_path_factory.mktemp("shared") / "dashboard.duckdb"
    shutil.copyfile(demo_db.resolve(), path)
    return path


@pytest.fixture
def app_reads(shared_store: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the app at the shared demo store; a test that writes to it fails (use app_env to write)."""
    monkeypatch.setenv("DASHBOARD_DB", str(shared_store))
    monkeypatch.delenv("DASHBOARD_ADMIN_PASSWORD", raising=False)
    before = version(shared_store), sorted(shared_store.parent.iterdir())
    yield shared_store
    after = version(shared_store), sorted(shared_store.parent.iterdir())
    assert after == before, "wrote to the shared demo store: use the app_env fixture (a private copy)"


@pytest.fixture(scope="session", autouse=True)
def _components_scanned_once() -> Iterator[None]:
    """Streamlit's AppTest scans every installed distribution's metadata for components on each run
    (~0.3 s of CPU); a server does it once at start. The installed packages do not change during a test
    run, so the first scan's real result serves every AppTest run, as it serves a server's every session."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            manifest_scanner, "scan_component_manifests", functools.cache(manifest_scanner.scan_component_manifests)
        )
        yield


# Slow tests in files other changes own, put in the slow lane here: a test file (all its tests) or one test.
SLOW_FIXTURES = {"corpus"}  # tests/loaders/test_corpus.py: `python -m loaders` over every case, a 50 MB file too
SLOW = {
    "tests/loaders/test_hostile.py::test_a_full_disk_ends_in_a_message_and_the_store_is_intact": "python -m loaders",
    "tests/exports/test_images.py::test_png_is_twice_the_decorated_figure": "kaleido starts Chromium",
    "tests/exports/test_images.py::test_svg_parses_and_carries_title_source_and_permalink": "kaleido",
    "tests/exports/test_deck_render.py": "every page's deck with pictures (kaleido), then LibreOffice",
    "tests/exports/test_images.py::test_kaleido_private_is_running_still_answers": "kaleido",
    "tests/exports/test_images.py::test_the_background_start_leaves_a_warm_browser_once": "kaleido",
    "tests/exports/test_scorecard_cli.py::test_command_line_smoke": "python -m export_cli",
    # CLI tests still through `python -m loaders` (in-process through main(argv) would put them in the fast lane)
    "tests/loaders/test_column_map.py::test_cli_loads_a_mapped_table_once_and_refuses_a_bad_one_whole": "python -m",
    "tests/loaders/test_refresh.py::test_refresh_reports_each_indicator_and_fails_only_for_the_failing_one": "CLI",
    "tests/loaders/test_refresh.py::test_refresh_with_nothing_failing_exits_zero": "python -m loaders refresh",
}


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        module, _, _ = item.nodeid.partition("::")
        listed = item.nodeid in SLOW or module in SLOW
        if listed or SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _fast_lane_starts_no_process(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """In the fast lane, a test that starts a process (a CLI, a server, kaleido's Chromium) fails and says
    where it belongs, so `make test-fast` stays fast as tests are added."""
    if "not slow" not in (request.config.option.markexpr or "") or request.node.get_closest_marker("slow"):
        return

    def refuse(self: subprocess.Popen, args: object, *rest: object, **options: object) -> None:
        pytest.fail(f"starts a process in the fast lane ({str(args)[:120]}): mark the test @pytest.mark.slow")

    def no_browser(*args: object, **options: object) -> None:  # kaleido would start Chromium in a thread and wait
        pytest.fail("starts kaleido's Chromium in the fast lane: mark the test @pytest.mark.slow")

    monkeypatch.setattr(subprocess.Popen, "__init__", refuse)
    monkeypatch.setattr(kaleido, "start_sync_server", no_browser)
