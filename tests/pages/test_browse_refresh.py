"""Selaa and the footer show the nightly refresh (issue 15 item 4): when Sotkanet was last refreshed, and
a failed marker (shape + word + red) for the indicator that failed, with what the reader can expect."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import as_read, run_page
from tests.loaders.conftest import store as store  # fixture: a store with reference data
from tests.loaders.test_refresh import sotkanet as sotkanet  # fixture: the replay server
from tests.views.test_freshness import refreshed as refreshed  # fixture: 127 unchanged, 5527 failed, 6411 new


@pytest.fixture
def app_on_refreshed(refreshed: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DASHBOARD_DB", str(refreshed))
    monkeypatch.delenv("DASHBOARD_ADMIN_PASSWORD", raising=False)
    return refreshed


SEEN = {  # lang → the source's failed mark, the failure named with its reason, the indicator line's start, its mark
    "fi": ("✖ epäonnistui: 1/3 indikaattoria", "Sotkanet 5527 (Sotkanet vastasi virheellä 404)",
           "Indikaattorin viimeisin päivitys", "✔ onnistui"),
    "sv": ("✖ misslyckades: 1/3 indikatorer", "Sotkanet 5527 (Sotkanet svarade med felet 404)",
           "Indikatorns senaste uppdatering", "✔ lyckades"),
}  # fmt: skip


@pytest.mark.parametrize("lang", sorted(SEEN))
def test_selaa_shows_the_indicators_refresh_and_the_sources_failure(app_on_refreshed: Path, lang: str) -> None:
    failed, named, indicator, ok = SEEN[lang]
    at = run_page("pages/browse.py", q="6411", lang=lang)
    assert not at.exception
    lines = [m.value for m in at.markdown]
    [source] = [line for line in lines if failed in as_read(line)]
    assert source.count(":red-badge[") == 1 and as_read(source.split(":red-badge[")[1]).startswith(failed)  # red + word
    assert named in as_read(source)
    [own] = [line for line in lines if as_read(line).startswith(f":small[{indicator}")]
    assert f":green-badge[{ok}]" in own and "✖" not in own  # 6411 itself came in new
