"""The full lane: a deck from every page, opened with python-pptx and rendered by LibreOffice, as a presenter would.

No title or footer may show an id, file name, hash or query string; every line chart of an indicator with
targets draws its target; the view link is a hyperlink; LibreOffice draws every slide.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation

from config import settings
from exports import deck
from i18n import t
from store.db import connect_readonly
from store.reader import Reader
from views import registry

INTERNAL = {
    "query string": re.compile(r"[?&][a-z_]+="),
    "file name": re.compile(r"\b[\w-]+\.(?:csv|txt|json|xlsx|md|pptx|duckdb|toml)\b", re.I),
    "hash": re.compile(r"\b[0-9a-f]{12,}\b"),
    "code": re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b"),  # care_guarantee_7day_share
    "document code": re.compile(r"\b\d{3}_"),  # 000_1000f….txt
}
XY = -4169  # XL_CHART_TYPE.XY_SCATTER


def internal(text: str) -> list[str]:
    return [f"{what}: {found.group(0)!r}" for what, pattern in INTERNAL.items() if (found := pattern.search(text))]


@pytest.fixture(scope="module")
def every_page(demo_db: Path) -> tuple[list, bytes]:
    """Every registered page in its default view, Indikaattori in both modes: charts and the deck."""
    con = connect_readonly(demo_db)
    data = Reader(con)
    views = [*registry.REGISTRY, "indikaattori?mode=multiples"]
    charts = [chart for view in views for chart in registry.build(view, data, "fi")]
    con.close()
    return charts, deck.build(charts, "fi", browser_path=settings().browser_path)


def footer(slide) -> str:
    return next(s for s in slide.shapes if s.name == "Footer").text_frame.text


def test_titles_and_footers_show_nothing_internal(every_page) -> None:
    charts, payload = every_page
    slides = list(Presentation(io.BytesIO(payload)).slides)
    assert len(slides) == 1 + len(charts) and {c.key.split("-")[0] for c in charts} >= {"headline", "browse"}
    offenders = {}
    for n, slide in enumerate(slides, start=1):
        for text in (slide.shapes.title.text, footer(slide)):
            if found := internal(text):
                offenders[f"slide {n}: {text[:80]}"] = found
    assert offenders == {}
    assert "Lähteet: " in footer(slides[1]) and "Näkymä: Yleiskuva" in footer(slides[1])


def test_the_view_is_a_hyperlink_not_text(every_page) -> None:
    charts, payload = every_page
    for chart, slide in zip(charts, list(Presentation(io.BytesIO(payload)).slides)[1:], strict=True):
        box = next(s for s in slide.shapes if s.name == "Footer")
        run = box.text_frame.paragraphs[-1].runs[0]
        assert run.text.startswith("Näkymä: ") and chart.permalink not in box.text_frame.text
        assert run.hyperlink.address == f"{settings().public_url}/{chart.permalink}"


def test_every_line_chart_of_a_goal_has_its_target(every_page) -> None:
    charts, payload = every_page
    targets = (t("chart.target", "fi"), t("trend.scheduled", "fi"))
    checked = 0
    for chart, slide in zip(charts, list(Presentation(io.BytesIO(payload)).slides)[1:], strict=True):
        frame = next((s for s in slide.shapes if getattr(s, "has_chart", False) and s.has_chart), None)
        if frame is None or frame.chart.chart_type != XY or chart.key.startswith("browse-"):
            continue
        names = [series.name for series in frame.chart.plots[0].series]
        assert any(name.startswith(targets) for name in names), (chart.key, names)
        if t("chart.path", "fi") in [trace.name for trace in chart.figure.data]:
            assert t("chart.path", "fi") in names  # the required path (to a target still ahead), as on screen
        checked += 1
    assert checked >= 5


def test_mixed_frequencies_stand_on_a_time_axis(every_page) -> None:
    """A monthly value among quarters joins no line: each series has its own dates, in order."""
    charts, payload = every_page
    slides = list(Presentation(io.BytesIO(payload)).slides)[1:]
    trajectory = next(i for i, c in enumerate(charts) if c.key.startswith("trajectory-"))
    chart = next(s for s in slides[trajectory].shapes if getattr(s, "has_chart", False) and s.has_chart).chart
    assert chart.chart_type == XY
    grains = {t("chart.grain_month", "fi"), t("chart.grain_quarter", "fi"), t("chart.grain_year", "fi")}
    for series in chart.plots[0].series:
        xs = [float(v.text) for v in series._element.xpath("./c:xVal//c:pt/c:v")]
        assert xs == sorted(xs) and len(xs) == len(series.values)
    names = [series.name for series in chart.plots[0].series]
    assert any(any(f"({g})" in name for g in grains) for name in names), names  # the other grain apart


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftoppm")), reason="make test installs them")
def test_libreoffice_renders_every_slide(every_page, tmp_path: Path) -> None:
    _, payload = every_page
    pptx = tmp_path / "deck.pptx"
    pptx.write_bytes(payload)
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"  # never the user's own profile
    subprocess.run(
        ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(pptx)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(tmp_path / "deck.pdf"), str(tmp_path / "slide")], check=True)
    pages = sorted(tmp_path.glob("slide-*.png"))
    assert len(pages) == len(Presentation(io.BytesIO(payload)).slides)
    for page in pages[1:]:
        image = Image.open(page).convert("L")
        width, height = image.size
        body = image.crop((width // 20, height // 5, width * 19 // 20, height * 4 // 5))
        inked = sum(body.histogram()[:200])  # pixels darker than light grey
        assert inked > body.width * body.height // 200, f"{page.name}: the slide body is blank"
