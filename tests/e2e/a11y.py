"""Accessibility checks for a page open in a real browser: axe-core's WCAG 2.1 A/AA rules, and the keyboard.

tests/e2e/every_page.py runs both on every page, on the same visit that checks it draws.

axe-core comes from the npm registry, pinned in package-lock.json (`make test` runs `npm ci` when
node_modules/axe-core is missing) and is injected from disk: nothing is fetched while the test runs.
Automated rules find a part of the WCAG failures only; README.md says what was not checked.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from config import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}

# Known gaps in Streamlit's own widgets, not in our pages: (axe rule id, the Streamlit element the
# failing node is, or sits in, as a stable data-testid selector; axe's own selectors use generated class
# names). Keep this short, and remove an entry when Streamlit fixes it (checked with streamlit 1.67).
STREAMLIT_GAPS: set[tuple[str, str]] = {
    # st.navigation with sections: the sidebar's <ul> holds a <div> per section header, and the
    # page links' <li> sit inside those <div>s, not directly in a list.
    ("list", "[data-testid='stSidebarNavItems']"),
    ("listitem", "[data-testid='stSidebarNavItems']"),
}

# In the Tab order: tabindex=-1 (a combobox's "Open" button, a tag's "Remove") is reached another way.
FOCUSABLE = (
    ", ".join(
        f"{tag}:not([disabled]):not([tabindex='-1'])" for tag in ("a[href]", "button", "input", "select", "textarea")
    )
    + ", [tabindex]:not([tabindex='-1'])"
)
MAX_TABS = 250  # bounded: more than every control on the longest page


def axe_violations(page: Page) -> list[dict]:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does it) to install the pinned axe-core")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_21_AA,
    )
    return result["violations"]


def in_streamlit_gap(page: Page, rule: str, selector: str) -> bool:
    """Is this node one of the listed Streamlit gaps (the element itself or inside it)?"""
    containers = [container for gap_rule, container in STREAMLIT_GAPS if gap_rule == rule]
    return bool(containers) and page.evaluate(
        "([selector, containers]) => { const el = document.querySelector(selector);"
        " return !!el && containers.some(c => el.closest(c)); }",
        [selector, containers],
    )


def blocking(page: Page, violations: list[dict]) -> list[dict]:
    """Serious and critical nodes, less the listed Streamlit gaps: rule, impact, selector, what to fix."""
    found = []
    for rule in violations:
        for node in rule["nodes"]:
            selector = " ".join(str(part) for part in node["target"])
            impact = node.get("impact") or rule.get("impact")
            if impact in BLOCKING and not in_streamlit_gap(page, rule["id"], selector):
                found.append(
                    {
                        "rule": rule["id"],
                        "impact": impact,
                        "selector": selector,
                        "html": node["html"][:200],
                        "why": node.get("failureSummary", "")[:300],
                    }
                )
    return found


def controls(page: Page) -> list[str]:
    """Every visible, enabled control in the main area and the sidebar, each tagged with an id for the walk."""
    return page.evaluate(
        """selector => {
            const areas = document.querySelectorAll("[data-testid='stMain'], [data-testid='stSidebar']");
            const found = [];
            areas.forEach(area => area.querySelectorAll(selector).forEach(el => {
                const box = el.getBoundingClientRect();
                const style = getComputedStyle(el);
                if (!box.width || !box.height || style.visibility === 'hidden') return;
                if (el.closest('[aria-hidden="true"], [inert]')) return;
                // A radio group is one Tab stop (arrow keys move inside it): expect its checked radio.
                if (el.type === 'radio' && !el.checked) return;
                el.dataset.kbd = String(found.length);
                found.push((el.getAttribute('aria-label') || el.innerText || el.tagName).trim().slice(0, 60)
                           + ' #' + found.length);
            }));
            return found;
        }""",
        FOCUSABLE,
    )


# What focus changes on an element or a near wrapper (Streamlit draws a combobox's focus on its frame).
LOOKS = """el => {
    const out = [];
    for (let node = el, i = 0; node && i < 4; i++, node = node.parentElement) {
        const s = getComputedStyle(node);
        out.push([s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor,
                  s.backgroundColor, s.color, s.textDecorationLine].join('|'));
    }
    return out.join(' / ');
}"""

# Every tagged control's look with nothing focused, taken once before the walk (one round trip, not one a Tab).
UNFOCUSED = f"""async () => {{
    const looks = {LOOKS};
    document.activeElement?.blur();
    await new Promise(done => requestAnimationFrame(() => setTimeout(done, 30)));
    window.__kbdUnfocused = {{}};
    document.querySelectorAll('[data-kbd]').forEach(el => {{ window.__kbdUnfocused[el.dataset.kbd] = looks(el); }});
}}"""

# After a Tab: the focused control, and whether its look differs from its unfocused one. CSS focus styles show at
# once; React (react-aria) sets some through state, so the look is read again each frame until it differs, for at
# most SETTLE_MS: a visible indicator answers at once or on the first frames, only a missing one waits the whole
# time. Reading it before the first frame saved a frame a Tab (Alue's walk: 159 Tabs).
SETTLE_MS = 400
FOCUS_STATE = f"""async () => {{
    const looks = {LOOKS};
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const id = el.dataset.kbd ?? null;
    // st.dataframe is a canvas grid (glide-data-grid) that paints its focus inside the canvas.
    const grid = !!el.closest("[data-testid='stDataFrame']");
    let visible = false;
    if (id !== null && !grid) {{
        const unfocused = window.__kbdUnfocused[id];
        const deadline = performance.now() + {SETTLE_MS};
        visible = looks(el) !== unfocused;
        while (!visible && performance.now() < deadline) {{
            await new Promise(done => requestAnimationFrame(done));
            visible = looks(el) !== unfocused;
        }}
    }}
    el.blur();  // Tab goes on from here: the blurred element stays the navigation starting point
    const label = (el.getAttribute('aria-label') || el.innerText || el.tagName).trim().slice(0, 60);
    return {{id, visible, grid, label}};
}}"""


def serious_violations(page: Page) -> list[dict]:
    """axe's serious and critical findings with every table expander opened, less the listed Streamlit gaps."""
    page.locator("[data-testid='stExpander'] summary").evaluate_all("els => els.forEach(e => e.click())")
    return blocking(page, axe_violations(page))


def keyboard_walk(page: Page) -> tuple[list[str], list[str]]:
    """Tab from the top of the page: (controls never reached, controls focused without a visible indicator)."""
    expected = controls(page)
    page.evaluate(UNFOCUSED)  # and Tab from the start of the page
    reached: set[str] = set()
    invisible: set[str] = set()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None or state["id"] is None:
            continue
        reached.add(state["id"])
        if not state["visible"] and not state["grid"]:  # the grid's own focus: a known gap, README
            invisible.add(state["label"])
        if len(reached) == len(expected):
            break
    missed = [label for label in expected if label.rsplit(" #", 1)[1] not in reached]
    return missed, sorted(invisible)
