"""Settings from the environment: the only module that reads os.environ."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Settings:
    db_path: Path  # the live store: a symlink to the newest published version
    data_dir: Path  # demo extracts loaded by `make run`
    raw_dir: Path  # raw API responses saved before loading
    recipes_dir: Path  # saved column mappings (loaders/recipes.py), one JSON file each
    language: str  # default UI language: fi, sv or en
    admin_password: str | None  # turns uploads on; None means read-only
    sotkanet_url: str  # base URL of the Sotkanet REST API
    browser_path: str  # Chromium for image export and browser tests
    export_warm_up: bool  # start the export browser after the first page run (off: started on the first export)
    public_url: str  # the dashboard's address as readers reach it: exports link their view under it


def settings() -> Settings:
    """Read the environment now (a function, so tests can monkeypatch.setenv)."""
    env = os.environ
    return Settings(
        db_path=Path(env.get("DASHBOARD_DB", ROOT / "data" / "dashboard.duckdb")),
        data_dir=Path(env.get("DASHBOARD_DATA", ROOT / "data" / "demo")),
        raw_dir=Path(env.get("DASHBOARD_RAW", ROOT / "data" / "raw")),
        recipes_dir=Path(env.get("DASHBOARD_RECIPES", ROOT / "data" / "recipes")),
        language=env.get("DASHBOARD_LANG", "fi"),
        admin_password=env.get("DASHBOARD_ADMIN_PASSWORD") or None,
        sotkanet_url=env.get("SOTKANET_URL", "https://sotkanet.fi/rest/1.1"),
        browser_path=env.get("BROWSER_PATH", "/usr/bin/chromium"),
        export_warm_up=env.get("DASHBOARD_EXPORT_WARM_UP", "1") != "0",
        public_url=env.get("DASHBOARD_URL", "http://localhost:8501").rstrip("/"),
    )
