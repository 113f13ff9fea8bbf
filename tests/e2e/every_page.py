"""One visit per page of the page table and language under test, in a real browser. On that one visit:
it draws (its charts' SVG, no error box, no console error, the words a user looks for), Tab reaches every
control with a visible focus, axe-core finds no serious or critical WCAG 2.1 A/AA violation, no file name,
path or bare document code shows with its tables open (tests/e2e/test_no_internal_names.py), and changing
its main widget redraws it, still clean.

The visits are split by audience over two test files, so that pytest-xdist runs them on both workers:
tests/e2e/test_every_page.py (leadership: Yleiskuva in fi/sv/en, Indikaattori, Alue) and
tests/e2e/test_every_page_coordinators.py (coordinators and analysts). The upload page (lataa) exists only
with an admin secret: tests/e2e/test_upload.py and tests/pages/test_upload.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from playwright.sync_api import Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from i18n import t
from tests.e2e.a11y import keyboard_walk, serious_violations
from tests.e2e.conftest import POLL_MS, SCREENSHOTS, SHOTS, open_page, screenshot, wait_until_drawn
from tests.e2e.test_no_internal_names import found as internal_names
from views.pages import PAGES as TABLE

# The Plotly charts each page of the page table draws on the demo store (bench/page.py reads this too).
# Liikennevalot, Raportointi and Investointi's lights are data grids (the Plotly picture is for exports).
CHARTS = {"yleiskuva": 3, "indikaattori": 1, "alue": 4, "liikennevalot": 0, "edistyminen": 1, "talous": 1,
          "investointi": 2, "raportointi": 0, "muutokset": 0, "selaa": 1, "esitys": 0}  # fmt: skip
PAGES = {("" if spec.default else spec.url_path): CHARTS[spec.url_path] for spec in TABLE if spec.audience != "admin"}
# Every page in Finnish, the default language; Swedish and English on the first page, which the others share
# their frame with (navigation, language picker, banners). AppTest checks the other pages' words in sv and en.
LANGUAGES = {"fi": [*PAGES], "sv": [""], "en": [""]}


def lights_read_in_grayscale(page: Page) -> None:
    """The grid with every colour removed: shapes and words must still tell the statuses apart."""
    gray = page.add_style_tag(content="html { filter: grayscale(1); }")
    grid = page.locator("[data-testid='stDataFrame']").first
    if SCREENSHOTS:
        grid.scroll_into_view_if_needed()
        SHOTS.mkdir(parents=True, exist_ok=True)
        grid.screenshot(path=SHOTS / "coordinators-liikennevalot-grayscale.png")
    # The data grid draws on a canvas; its accessible twin holds the cells' texts.
    cells = grid.locator("[role='gridcell']").evaluate_all("els => els.map(e => e.textContent)")
    assert {cell.split(" ")[0] for cell in cells} >= {"●", "▲", "■", "–"}
    gray.evaluate("el => el.remove()")


@dataclass(frozen=True)
class Visit:
    query: str  # the view to open (the page's own defaults when empty)
    says: tuple[str, ...]  # what a Finnish reader sees on it (no-break spaces read as spaces)
    check: Callable[[Page], None] | None = None  # a further look on the same visit (Finnish)


VISITS = {
    "": Visit(
        "",
        (
            "Määräajan tulos",
            "Tavoitteiden määräaika oli Q4/2025",
            "Koko maa: ",
            "aluetta saavutti tavoitteen määräaikaan",
            "Esimerkkiaineisto",
        ),
    ),
    "indikaattori": Visit("indicator=care_guarantee_7day_share&regions=18", ("Keski-Pohjanmaa", "Vaadittu kehitys")),
    "alue": Visit("region=18", ("Keski-Pohjanmaa",)),
    "liikennevalot": Visit(
        "period=2025Q2&investment=P4I1", ("▲ Seurattava", "Esimerkkiaineisto"), lights_read_in_grayscale
    ),
    "edistyminen": Visit("investment=P4I1&period=2024Q3", ("Hankeaikaa kulunut 58,3 %",)),
    "talous": Visit("", ("6 636 000 €",)),
    "investointi": Visit("area=18&investment=P4I1", ("Liikennevalot neljänneksittäin",)),
    "raportointi": Visit("period=2025Q2", ("2 aluetta ei raportoinut lainkaan",)),
    "muutokset": Visit("period=2025Q2", ("Etelä-Savo ei raportoinut",)),
    "selaa": Visit("", ()),
    "esitys": Visit("", ()),
}


def visits(*audiences: str) -> list[tuple[str, str]]:
    """(path, language) of every visit to the pages for these audiences, in the page table's order."""
    return [
        (path, lang)
        for lang, paths in LANGUAGES.items()
        for path in paths
        if next(spec for spec in TABLE if spec.url_path == (path or "yleiskuva")).audience in audiences
    ]


def visit_id(visit: tuple[str, str]) -> str:
    return f"{visit[0] or 'yleiskuva'}-{visit[1]}"


FIRST_SELECTBOX = "[data-testid='stMain'] [data-testid='stSelectbox']"


def open_another_option(page: Page) -> Locator:
    """Open the page's first selectbox until its list shows an option that is not the current one; that
    option. The box is first scrolled to the middle of the window: the list closes when the page scrolls, and
    clicking a box at the window's edge scrolled it (Yleiskuva's, below three charts: every first opening
    closed within 40 ms, and each visit lost 3 s to the retry). Right after a run the combobox can still
    re-render under the click, so the opening is retried a bounded number of times (bench/page.py opens it
    the same way)."""
    other = page.locator("[role='option'][aria-selected='false']").first
    box = page.locator(FIRST_SELECTBOX).first
    for _ in range(5):
        box.evaluate("box => box.scrollIntoView({block: 'center'})")
        box.get_by_role("button", name="Open").click()
        try:
            other.wait_for(timeout=3_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    return other


def pick_another_option(page: Page) -> str:
    """Click an option of the page's first selectbox that is not the current one; its text."""
    other = open_another_option(page)
    label = other.inner_text()
    before = page.url
    other.click()
    # the URL keeps the view
    page.wait_for_function("before => location.href !== before", arg=before, timeout=30_000, polling=POLL_MS)
    return label


def search_by_id(page: Page, lang: str) -> str:
    """Selaa: the demo store holds one source indicator, so the main widget is the search box."""
    before = page.url
    page.get_by_label(t("trend.search", lang)).fill("127")
    page.keyboard.press("Enter")
    page.wait_for_function("before => location.href !== before", arg=before, timeout=30_000, polling=POLL_MS)
    return "Sotkanet 127"


def assert_clean(page: Page) -> None:
    assert page.locator("[data-testid='stException']").count() == 0, page.inner_text("body")[:2000]
    assert page.console_errors == []  # type: ignore[attr-defined]


def address(server: str, path: str, lang: str) -> str:
    query = "&".join(part for part in (VISITS[path].query, "" if lang == "fi" else f"lang={lang}") if part)
    return f"{server}/{path}" + (f"?{query}" if query else "")


def draws_passes_axe_and_the_keyboard_and_redraws_on_its_main_widget(
    server: str, page: Page, path: str, lang: str
) -> None:
    name = f"every-page-{path or 'yleiskuva'}" + ("" if lang == "fi" else f"-{lang}")
    open_page(page, address(server, path, lang), shot=name, charts=PAGES[path])
    text = page.inner_text("[data-testid='stMain']").replace("\u00a0", " ")
    spec = next(spec for spec in TABLE if spec.url_path == (path or "yleiskuva"))
    assert t(spec.title_key, lang) in page.inner_text("body")  # in the navigation, in this language
    if lang == "fi":
        assert [words for words in VISITS[path].says if words not in text] == [], text[:2000]

    found = serious_violations(page)  # with the tables' expanders open, so the walk below reaches into them too
    assert found == [], json.dumps(found, indent=1, ensure_ascii=False)
    opened = page.inner_text("[data-testid='stMain']")  # every table open: no file name, path or document code
    assert internal_names(opened) == [], opened[:500]
    missed, invisible = keyboard_walk(page)  # after axe: focus opens the date picker's calendar, a Streamlit widget
    assert missed == [], f"not reached with Tab on /{path}: {missed}"
    assert invisible == [], f"focused without a visible focus indicator on /{path}: {invisible}"
    page.keyboard.press("Escape")  # close whatever the last Tab opened
    # and leave the sidebar's date field, as a user clicking on the page would: otherwise its blur reruns the
    # page under the first click on the selectbox below, which closes the list again (3 s lost to a retry)
    page.locator("[data-testid='stMain'] h1").first.click()
    wait_until_drawn(page, PAGES[path])
    if lang == "fi" and VISITS[path].check:
        VISITS[path].check(page)

    if page.locator(FIRST_SELECTBOX).count() == 0:
        # Esitys without a basket: only the "empty" note; the filled deck is tests/e2e/test_exports.py.
        assert path == "esitys", f"{name} has no selectbox to exercise"
        assert page.locator("[data-testid='stAlert']").count() >= 1
        return
    label = search_by_id(page, lang) if path == "selaa" else pick_another_option(page)
    wait_until_drawn(page, min(PAGES[path], 1))  # another choice may draw fewer charts (an area without a budget)
    assert_clean(page)
    assert page.locator(FIRST_SELECTBOX).first.get_by_role("combobox").input_value() == label.strip()
    assert lang == "fi" or f"lang={lang}" in page.url  # the language stays in the URL
    screenshot(page, f"{name}-changed")
