"""Views by address: a page path and its URL query string → that page's charts as ChartExports.

The export CLI and the Esitys page rebuild charts from a permalink, so the deck holds the store's
current values. A page plugs in with one line at the bottom: `REGISTRY["indikaattori"] = trajectory_views`,
where the builder takes (params, data, lang, permalink) and returns its ChartExports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from urllib.parse import parse_qsl, urlencode, urlsplit

import pandas as pd

from exports.spec import ChartExport
from i18n import DEFAULT_LANGUAGE, LANGUAGES, fmt
from views import Data, money, reports
from views import changes as change_views
from views.browse import browse_chart, catalog
from views.overview import headline_cards
from views.region import region_charts
from views.trajectory import comparison_charts, multiples_chart, ranking, trajectories, trajectory_chart

Builder = Callable[[Mapping[str, str], Data, str, str], list[ChartExport]]
Digest = Callable[[Data, str], list[str]]

DEFAULT_PAGE = "yleiskuva"
REGISTRY: dict[str, Builder] = {}
# The leadership deck: headline trajectories, the ranked gap overview, the latest traffic-light grid.
# Pages not registered (yet) are skipped with a note.
DEFAULT_DECK = ("yleiskuva", "liikennevalot")
# "What changed since the last period" as slide bullets; set by the page that owns the digest.
DIGESTS: dict[str, Digest] = {}


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
    charts = REGISTRY[page](params, data, lang, address(page, params))
    ingests = data.ingests()
    return [_retrieved(chart, ingests, lang) for chart in charts]


def chart(view: str, key: str, data: Data, lang: str | None = None) -> ChartExport | None:
    """One chart of a view by its key (a basket item), or None if the view no longer draws it."""
    return next((c for c in build(view, data, lang) if c.key == key), None)


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


def overview_views(params: Mapping[str, str], data: Data, lang: str, permalink: str) -> list[ChartExport]:
    cards = headline_cards(data, lang, permalink)
    code = params.get("indicator", cards[0].indicator["indicator_code"] if cards else "")
    return [card.chart for card in cards] + comparison_charts(data, code, lang, permalink)


def indicator_views(params: Mapping[str, str], data: Data, lang: str, permalink: str) -> list[ChartExport]:
    tr = trajectories(data, params.get("indicator", "care_guarantee_7day_share"), lang)
    if tr.goal is None:
        return []
    if params.get("mode") == "multiples":
        return [multiples_chart(tr, ranking(tr, lang), data, lang, permalink)]
    regions = [r for r in params.get("regions", "18").split(",") if r]
    return [trajectory_chart(tr, regions, data, lang, permalink)]


def region_views(params: Mapping[str, str], data: Data, lang: str, permalink: str) -> list[ChartExport]:
    return region_charts(data, params.get("region", "18"), lang, permalink)


def browse_views(params: Mapping[str, str], data: Data, lang: str, permalink: str) -> list[ChartExport]:
    found = catalog(data, params.get("q", ""), lang)
    keys = [f"{row.dataset}:{row.indicator}" for row in found.itertuples()]
    if not keys:
        return []
    entry = found.iloc[keys.index(params["source"]) if params.get("source") in keys else 0]
    regions = [r for r in params.get("areas", "").split(",") if r]
    return [browse_chart(data, entry, regions, lang, permalink)]


REGISTRY["yleiskuva"] = overview_views
REGISTRY["indikaattori"] = indicator_views
REGISTRY["alue"] = region_views
REGISTRY["selaa"] = browse_views


# ------------------------------------------------ the coordinators' pages (the same URL params as the pages)


def lights_views(params: Mapping[str, str], data: Data, lang: str, permalink: str) -> list[ChartExport]:
    if not data.status_periods():
        return []
    mode = params.get("mode") if params.get("mode") in ("grid", "history") else "grid"
    by = params.get("by") if params.get("by") in ("dimension", "investment") else "dimension"
    shown = reports.lights_view(
        data,
        lang,
        mode=mode,
        by=by,
        period=params.get("period", ""),
        investment=params.get("investment", ""),
        dimension=params.get("dimension", ""),
        permalink=permalink,
    )
    return [shown.chart]


def progress_views(params: Mapping[str, str], data: Data, lang: str, permalink: str) -> list[ChartExport]:
    shown = money.progress_view(data, lang, params.get("investment", ""), params.get("period", ""), permalink)
    return [shown.chart] if shown else []


def finance_views(params: Mapping[str, str], data: Data, lang: str, permalink: str) -> list[ChartExport]:
    areas = data.budget_areas()
    if not areas:
        return []
    area = reports.pick(params.get("area"), areas, money.finance_default(areas))
    return [money.finance_view(data, lang, area, permalink=permalink).chart]


def investment_views(params: Mapping[str, str], data: Data, lang: str, permalink: str) -> list[ChartExport]:
    regions = data.regions()
    area = reports.pick(params.get("area"), list(regions.loc[regions["is_rrp_area"], "region_code"]), "18")
    offered = money.investment_offered(data, area)
    investment = reports.pick(params.get("investment"), offered, offered[0])
    view = money.investment_view(data, lang, area, investment, permalink)
    return [card.chart for card in view.cards] + [view.lights.chart] + ([view.budget.chart] if view.budget else [])


def reporting_views(params: Mapping[str, str], data: Data, lang: str, permalink: str) -> list[ChartExport]:
    if not data.status_periods():
        return []
    return [change_views.completeness_view(data, lang, params.get("period", ""), permalink).chart]


def changes_views(params: Mapping[str, str], data: Data, lang: str, permalink: str) -> list[ChartExport]:
    changes = change_views.changes_view(data, lang, params.get("period", ""))
    return [change_views.changes_chart(data, changes, lang, permalink)] if changes else []


REGISTRY["liikennevalot"] = lights_views
REGISTRY["edistyminen"] = progress_views
REGISTRY["talous"] = finance_views
REGISTRY["investointi"] = investment_views
REGISTRY["raportointi"] = reporting_views
REGISTRY["muutokset"] = changes_views
DIGESTS["muutokset"] = change_views.digest_slide
