"""Muutokset in AppTest: a short list, most important first, in fi/sv/en."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import as_read
from tests.helpers import run_page as run


def test_stopped_reporting_comes_first(app_reads: Path) -> None:
    at = run("pages/changes.py", period="2025Q2")
    assert not at.exception
    text = next(as_read(m.value) for m in at.markdown if m.value.startswith("**"))
    items = [line for line in text.splitlines() if line.startswith("1. ")]
    assert len(items) == 8
    assert items[0] == "1. Etelä-Savo ei raportoinut neljännekseltä Q2/2025 (viimeisin raportti Q1/2025)."
    assert items[1].startswith("1. Lappi ei raportoinut")
    assert "→ Edellyttää nopeita toimenpiteitä" in items[2]
    assert text.startswith("**Kaikkiaan") and "2 aluetta lopetti raportoinnin" in text
    assert any("muuta muutosta" in m.value for m in at.markdown)


@pytest.mark.parametrize(("lang", "word"), [("sv", "Kräver snabba åtgärder"), ("en", "Needs quick action")])
def test_digest_in_other_languages(app_reads: Path, lang: str, word: str) -> None:
    at = run("pages/changes.py", period="2024Q3", lang=lang)
    assert not at.exception
    assert word in at.markdown[-2].value or word in at.markdown[-1].value
