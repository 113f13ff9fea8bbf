"""The page table: every page's address, file, title, icon, audience, choices and view builder, once.

app.py draws the navigation from it, views/registry.py rebuilds exports from it, the bench and the
browser tests visit it. A page reads its choices here (options and defaults), draws its widgets, then
calls the same builder with the same values as the export CLI does. Adding a page: one row in PAGES,
one file in pages/.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from domain import DEFAULT_AREA
from domain.programme import DIMENSIONS
from views import Data, money, reports
from views import changes as change_views
from views.browse import browse_chart, catalog
from views.choices import Choice, values
from views.overview_page import overview
from views.region import region_charts
from views.trajectory import indicator_charts, multiples_chart, ranking, trajectories

Params = Mapping[str, str]
Choices = Callable[[Params, Data], dict[str, Choice]]
Builder = Callable[[Params, Data, str], Any]  # resolved values, store, language → the view (see charts_of)


@dataclass(frozen=True)
class PageSpec:
    url_path: str  # the page's address: /indikaattori, and the view name in deck baskets and the CLI
    file: str
    title_key: str  # i18n key of its navigation title
    icon: str
    audience: str  # leadership | coordinators | analysts | admin (a section of the navigation)
    choices: Choices = field(default=lambda params, data: {})
    build: Builder | None = None  # None: the page draws no exportable chart (Esitys, Lataa)
    default: bool = False
    free: tuple[str, ...] = ()  # parameters the builder reads as typed, not chosen among options (a search)

    def keys(self, params: Params, data: Data) -> tuple[str, ...]:
        """Every parameter the builder reads: its choices and its free parameters."""
        return (*self.choices(params, data), *self.free)


# ---------------------------------------------------------------- leadership


def _overview_choices(params: Params, data: Data) -> dict[str, Choice]:
    indicators = data.indicators()
    return {"indicator": Choice.one(indicators.loc[indicators["is_headline"], "indicator_code"])}


def _indicator_choices(params: Params, data: Data) -> dict[str, Choice]:
    with_goals = [c for c in data.indicators()["indicator_code"] if not data.targets(c).empty]
    regions = data.regions()
    return {
        "indicator": Choice.one(with_goals),
        "mode": Choice.one(("single", "multiples")),
        "regions": Choice.several(regions.loc[regions["is_rrp_area"], "region_code"], (DEFAULT_AREA,)),
    }


def _indicator_view(params: Params, data: Data, lang: str) -> list:
    tr = trajectories(data, params["indicator"], lang)
    if tr.goal is None:
        return []
    if params["mode"] == "multiples":
        return [multiples_chart(tr, ranking(tr, lang), data, lang)]
    return indicator_charts(tr, values(params["regions"]), data, lang)


def _areas(data: Data) -> list[str]:
    regions = data.regions()
    return list(regions.loc[regions["is_rrp_area"], "region_code"])


def _browse_choices(params: Params, data: Data) -> dict[str, Choice]:
    found = catalog(data, params.get("q", ""), "fi")
    keys = [f"{row.dataset}:{row.indicator}" for row in found.itertuples()]
    source = Choice.one(keys)
    chosen = source.pick(params.get("source"))
    if not chosen:
        return {"source": source}
    dataset, indicator = chosen.split(":", 1)
    regions = list(dict.fromkeys(data.source_series(dataset, indicator)["region"]))
    return {"source": source, "areas": Choice.several(regions, regions[:5])}


def _browse_view(params: Params, data: Data, lang: str) -> list:
    found = catalog(data, params.get("q", ""), lang)
    keys = [f"{row.dataset}:{row.indicator}" for row in found.itertuples()]
    if params["source"] not in keys:
        return []
    return [browse_chart(data, found.iloc[keys.index(params["source"])], values(params.get("areas", "")), lang)]


# ---------------------------------------------------------------- coordinators


def _lights_choices(params: Params, data: Data) -> dict[str, Choice]:
    offered = reports.light_choices(data)
    return {
        "mode": Choice.one(("grid", "history")),
        "by": Choice.one(("dimension", "investment")),
        "period": Choice.one(offered.periods[::-1]),
        "investment": Choice.one(offered.investments),
        "dimension": Choice.one(DIMENSIONS),
    }


def _lights_view(params: Params, data: Data, lang: str) -> Any:
    if not data.status_periods():
        return []
    grid = params["mode"] == "grid"
    by = params["by"] if grid else "dimension"
    return reports.lights_view(
        data,
        lang,
        mode=params["mode"],
        by=by,
        period=params["period"] if grid else "",
        investment=params["investment"] if not grid or by == "dimension" else "",
        dimension=params["dimension"] if not grid or by == "investment" else "",
    )


def _progress_choices(params: Params, data: Data) -> dict[str, Choice]:
    investments, periods = money.progress_choices(data)
    return {"investment": Choice.one(investments), "period": Choice.one(periods)}


def _finance_choices(params: Params, data: Data) -> dict[str, Choice]:
    areas = data.budget_areas()
    return {"area": Choice.one(areas, money.finance_default(areas) if areas else None)}


def _investment_choices(params: Params, data: Data) -> dict[str, Choice]:
    area = Choice.one(_areas(data), DEFAULT_AREA)
    return {"area": area, "investment": Choice.one(money.investment_offered(data, area.pick(params.get("area"))))}


def _period_choices(periods: Callable[[Data], list[str]]) -> Choices:
    return lambda params, data: {"period": Choice.one(periods(data))}


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "yleiskuva", "pages/overview.py", "nav.overview", ":material/dashboard:", "leadership",
        _overview_choices, lambda p, d, lang: overview(d, p["indicator"], lang), default=True,
    ),
    PageSpec(
        "indikaattori", "pages/indicator.py", "nav.indicator", ":material/timeline:", "leadership",
        _indicator_choices, _indicator_view,
    ),
    PageSpec(
        "alue", "pages/region.py", "nav.region", ":material/place:", "leadership",
        lambda p, d: {"region": Choice.one(_areas(d), DEFAULT_AREA)},
        lambda p, d, lang: region_charts(d, p["region"], lang),
    ),
    PageSpec(
        "liikennevalot", "pages/traffic_lights.py", "nav.traffic_lights", ":material/traffic:", "coordinators",
        _lights_choices, _lights_view,
    ),
    PageSpec(
        "edistyminen", "pages/progress.py", "nav.progress", ":material/trending_up:", "coordinators",
        _progress_choices, lambda p, d, lang: money.progress_view(d, lang, p["investment"], p["period"]) or [],
    ),
    PageSpec(
        "talous", "pages/finance.py", "nav.finance", ":material/payments:", "coordinators",
        _finance_choices, lambda p, d, lang: money.finance_view(d, lang, p["area"]) if p["area"] else [],
    ),
    PageSpec(
        "investointi", "pages/investment.py", "nav.investment", ":material/account_tree:", "coordinators",
        _investment_choices, lambda p, d, lang: money.investment_view(d, lang, p["area"], p["investment"]),
    ),
    PageSpec(
        "raportointi", "pages/reporting.py", "nav.reporting", ":material/fact_check:", "coordinators",
        _period_choices(lambda d: d.status_periods()[::-1]),
        lambda p, d, lang: change_views.completeness_view(d, lang, p["period"]) if p["period"] else [],
    ),
    PageSpec(
        "muutokset", "pages/changes.py", "nav.changes", ":material/notifications:", "coordinators",
        _period_choices(change_views.change_periods),
        lambda p, d, lang: change_views.changes_page(d, lang, p["period"]),
    ),
    PageSpec(
        "selaa", "pages/browse.py", "nav.browse", ":material/search:", "analysts", _browse_choices, _browse_view,
        free=("q",),
    ),
    PageSpec("esitys", "pages/deck.py", "nav.deck", ":material/slideshow:", "analysts"),
    PageSpec("lataa", "pages/upload.py", "nav.upload", ":material/upload_file:", "admin"),
)  # fmt: skip
BY_PATH = {spec.url_path: spec for spec in PAGES}
DEFAULT_PAGE = next(spec.url_path for spec in PAGES if spec.default)


def charts_of(view: Any) -> list:
    """The ChartExports a built view holds: a list of them, or a view object with `.charts`."""
    if view is None:
        return []
    return list(view) if isinstance(view, list) else list(view.charts)
