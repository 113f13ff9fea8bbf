"""Traffic lights in a real browser: their history counts the quarters in a row.

The grid and the other coordinator pages are drawn, read (the grid also in grayscale), checked with axe and
the keyboard on their visits in tests/e2e/every_page.py.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import open_page

pytestmark = pytest.mark.e2e

HISTORY = "liikennevalot?mode=history&investment=P4I1&dimension=costs"


def test_traffic_light_history_counts_the_quarters_in_a_row(server: str, page: Page) -> None:
    open_page(page, f"{server}/{HISTORY}", shot="coordinators-liikennevalot-history")
    assert "keltainen 6. neljännestä peräkkäin" in page.inner_text("body").replace("\u00a0", " ")
