"""Views by address: a page path and its URL query string → that page's charts as ChartExports.

The export CLI and the Esitys page rebuild charts from a permalink, so the deck holds the store's
current values. Pages and their builders are listed once, in views/pages.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from urllib.parse import parse_qsl, urlencode, urlsplit

import pandas as pd

from i18n import DEFAULT_LANGUAGE, LANGUAGES, fmt
from views import Data
from views import changes as change_views
from views.chart_export import ChartExport
from views.choices import resolve
from views.describe import describe
from views.pages import BY_PATH, DEFAULT_PAGE, charts_of

Digest = Callable[[Data, str], list[str]]

REGISTRY = {path: spec for path, spec in BY_PATH.items() if spec.build is not None}
# The leadership deck: headline trajectories, the ranked gap overview, the latest traffic-light grid.
DEFAULT_DECK = ("yleiskuva", "liikennevalot")
# "What changed since the last period" as slide bullets.
DIGESTS: dict[str, Digest] = {"muutokset": change_views.digest_slide}


class UnknownView(KeyError):
    """No builder is registered for the page of a view address."""

    def __init__(self, page: str) -> None:
        self.page = page
        super().__init__(f"no view registered for page {page!r}; known: {', '.join(sorted(REGISTRY))}")

    def __str__(self) -> str:
        return self.args[0]


def parse(view: str) -> tuple[str, dict[str, str]]:
    """'yleiskuva?lang=fi', 'page=yleiskuva&lang=fi', '/yleiskuva' or a full URL → (page, params)."""
    parts = urlsplit(view.strip())
    path, query = parts.path, parts.query
    if not query and "=" in path:  # a bare query string
        path, query = "", path
    params = dict(parse_qsl(query.lstrip("?")))
    page = path.strip("/").rsplit("/", 1)[-1] or params.pop("page", "") or DEFAULT_PAGE
    params.pop("page", None)
    return page, params


def address(page: str, params: Mapping[str, str]) -> str:
    """The permalink printed on exports: 'yleiskuva?lang=fi'."""
    return f"{page}?{urlencode(sorted(params.items()))}"


def _retrieved(chart: ChartExport, ingests: pd.DataFrame, lang: str) -> ChartExport:
    """Add when the chart's source files were retrieved, so data files can say it."""
    rows = ingests[ingests["file_name"].isin(chart.sources)]
    days = sorted({fmt.day(pd.Timestamp(v).date(), lang) for v in rows["retrieved_at"].dropna()})
    return replace(chart, extra={**chart.extra, "retrieved": ", ".join(days)}) if days else chart


def build(view: str, data: Data, lang: str | None = None) -> list[ChartExport]:
    """Every chart of one view, in the view's language unless lang overrides it."""
    page, params = parse(view)
    if lang:
        params["lang"] = lang
    lang = params.get("lang") if params.get("lang") in LANGUAGES else DEFAULT_LANGUAGE
    params["lang"] = lang
    if page not in REGISTRY:
        raise UnknownView(page)
    spec = REGISTRY[page]
    chosen = resolve(spec.choices(params, data), params)
    permalink = address(page, chosen)
    ingests = data.ingests()
    charts = charts_of(spec.build(chosen, data, lang))
    view = describe(spec.title_key, chosen, data, lang)
    return [
        _retrieved(replace(chart, permalink=permalink, extra={**chart.extra, "view": view}), ingests, lang)
        for chart in charts
    ]


def charts_for(items: Iterable[tuple[str, str]], data: Data, lang: str | None = None) -> list[ChartExport | None]:
    """Each (view, key) basket item rebuilt from the store now; None where the view no longer draws it."""
    built: dict[str, list[ChartExport]] = {}
    for view, _ in items:
        if view not in built:
            try:
                built[view] = build(view, data, lang)
            except UnknownView:
                built[view] = []
    return [next((c for c in built[view] if c.key == key), None) for view, key in items]
