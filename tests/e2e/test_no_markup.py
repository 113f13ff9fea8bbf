"""No markup from data, in the real browser: every page on a store whose every text column is hostile.

tests/hostile_store.py writes link, bold, colour, LaTeX, HTML and autolink syntax into every text column of
every table through the real loaders and writer. Each page must then show those strings as written: no
link whose address comes from data (in the page or in a chart's SVG), no KaTeX, no coloured or bold text
made from data, and the hostile strings readable literally in the page or its charts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from safe_text import WORD_JOINER
from tests.e2e.conftest import fresh, leave, open_page, screenshot, start_server, warm_up
from tests.e2e.every_page import CHARTS
from tests.hostile_store import FILE_TAG, build_hostile_store, hostile
from views.pages import PAGES as TABLE

pytestmark = pytest.mark.e2e

# Every page of the page table but the admin one, each as it opens, plus the views that show more data.
URLS = [("" if spec.default else spec.url_path) for spec in TABLE if spec.audience != "admin"]
URLS += ["liikennevalot?mode=history", "?lang=en", "indikaattori?mode=single&lang=sv"]
EVERY_CHART_DRAWN = """() => [...document.querySelectorAll("[data-testid='stPlotlyChart']")]
  .every(chart => chart.querySelector("svg.main-svg"))"""

# What the page shows: its text, the text of every chart's SVG (tick labels, legend, annotations, titles),
# every link target, and every element rendered bold, coloured or as math.
PROBE = """() => {
  const hrefs = [...document.querySelectorAll("a")]
    .map(a => a.getAttribute("href") || a.getAttribute("xlink:href")
              || a.getAttributeNS("http://www.w3.org/1999/xlink", "href") || "");
  const svgLinks = document.querySelectorAll("svg a").length;
  const bold = [...document.querySelectorAll("strong, b, svg tspan[style*='bold']")].map(node => node.textContent);
  const coloured = [...document.querySelectorAll("[data-testid='stMain'] span[style*='color'], [class*='ColoredText']")]
    .map(node => node.textContent);
  const math = document.querySelectorAll(".katex, math, mjx-container").length;
  // What each chart was given: trace names, hover texts, categories, annotations, tick texts.
  const figures = [...document.querySelectorAll(".js-plotly-plot")]
    .map(gd => JSON.stringify({data: gd.data, annotations: (gd.layout || {}).annotations,
                               xaxis: (gd.layout || {}).xaxis, yaxis: (gd.layout || {}).yaxis}));
  // textContent: also the table twins in closed expanders. Chart texts are checked in `figures`: the SVG
  // shows some of them shortened (event labels, work packages).
  const page = document.body.cloneNode(true);
  page.querySelectorAll("svg").forEach(svg => svg.remove());
  return {text: page.textContent, hrefs, svgLinks, bold, coloured, math, figures};
}"""

# A marked piece of hostile text that markup would have turned into an element of its own.
FROM_DATA = re.compile(r"^(lihava|punainen|a|b)([a-z_]+\.[a-z_]+|tiedosto)")
# Hostile HTML as Plotly would read it: unescaped in what a chart was given.
RAW_HTML = re.compile(r"<a href='https://evil|<b>b([a-z_]+\.[a-z_]+|tiedosto)")


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    work = tmp_path_factory.mktemp("hostile")
    db_path = work / "dashboard.duckdb"
    build_hostile_store(db_path, work)
    url, process = start_server(db_path)
    warm_up(url)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def seen(hostile_server: str, tab: Page) -> dict[str, dict]:
    """Each page's probe, opened once for all the checks below."""
    found = {}
    for path in URLS:
        page = fresh(tab)
        # open_page waits for the run to begin and to end: under load the probe once ran before it began.
        # It also waits for the page's charts: Plotly's code loads after the run ends, and a chart not yet
        # on the page would pass EVERY_CHART_DRAWN unprobed (one once did, under load).
        open_page(page, f"{hostile_server}/{path}", charts=CHARTS[path.split("?")[0] or "yleiskuva"])
        page.wait_for_function(EVERY_CHART_DRAWN, timeout=30_000)
        screenshot(page, f"no-markup-{path.split('?')[0] or 'yleiskuva'}")
        found[path] = page.evaluate(PROBE)
        found[path]["text"] = found[path]["text"].replace(WORD_JOINER, "")
    leave(tab)
    return found


@pytest.mark.parametrize("path", URLS)
def test_no_link_from_data(seen: dict[str, dict], path: str) -> None:
    probe = seen[path]
    own = ("/", "#", "http://127.0.0.1:")  # the app's navigation
    assert [h for h in probe["hrefs"] if "evil" in h or not h.startswith(own)] == []
    assert probe["svgLinks"] == 0  # the charts have no links of their own: any would come from data


@pytest.mark.parametrize("path", URLS)
def test_no_bold_colour_or_math_from_data(seen: dict[str, dict], path: str) -> None:
    probe = seen[path]
    assert [b for b in probe["bold"] if FROM_DATA.match(b.strip())] == []
    assert [c for c in probe["coloured"] if FROM_DATA.match(c.strip())] == []
    assert probe["math"] == 0


@pytest.mark.parametrize("path", URLS)
def test_charts_are_given_data_text_escaped(seen: dict[str, dict], path: str) -> None:
    """Hover texts only reach the SVG on hover: read what each chart holds instead."""
    for figure in seen[path]["figures"]:
        assert RAW_HTML.findall(figure) == []


# Where each table's text is on screen (page → columns), as the demo data puts it there.
SHOWN = {
    "": ["indicators.short_fi", "regions.name_fi"],
    "talous": ["budgets.project", "budgets.work_package", "budgets.note"],
    "selaa": ["source_indicators.title_fi"],
    "indikaattori": ["regions.name_fi", "indicators.short_fi"],
}


@pytest.mark.parametrize("path", list(SHOWN))
def test_hostile_strings_read_as_written(seen: dict[str, dict], path: str) -> None:
    text = seen[path]["text"]
    missing = [tag for tag in SHOWN[path] if hostile(tag) not in text]
    assert missing == [], f"not shown literally on /{path}: {missing}"


# Longest first: textContent runs words together, and "source_regions" must not be read as "regions".
TABLES = sorted(["budgets", "progress", "status_reports", "targets", "annotations", "indicators", "regions",
                 "source_indicators", "source_regions", "observations"], key=len, reverse=True)  # fmt: skip


def test_every_text_column_reaches_some_page_literally(seen: dict[str, dict]) -> None:
    everything = "\n".join(probe["text"] for probe in seen.values())
    tags = sorted(set(re.findall(rf"((?:{'|'.join(TABLES)})\.[a-z_]+) <b>b", everything)))
    print("shown literally:", tags, "file name:", FILE_TAG in everything)
    shown = {tag for tag in tags if hostile(tag) in everything}
    assert shown == set(tags), f"cut or changed: {set(tags) - shown}"
    # File names and documents are cited by title (domain.documents.cite), so they may be shown nowhere.


# Columns the demo data puts into charts (names, hover texts, annotations, tick labels).
CHART_COLUMNS = {"annotations.label_fi", "annotations.label_sv", "budgets.cost_centre",
                 "progress.source_doc", "regions.name_fi", "regions.name_en", "source_regions.title_fi"}  # fmt: skip


def test_every_chart_text_column_is_given_escaped(seen: dict[str, dict]) -> None:
    figures = "\n".join(figure for probe in seen.values() for figure in probe["figures"])
    tags = set(re.findall(rf"&lt;b&gt;b((?:{'|'.join(TABLES)})\.[a-z_]+)", figures))
    print("escaped in charts:", sorted(tags), "file name:", "&lt;b&gt;btiedosto" in figures)
    assert CHART_COLUMNS - tags == set()
