"""Related real measures beside a programme indicator (Sotkanet 6411 beside the care guarantee).

Shown as their own chart with their caveat in the reader's language: never in the programme indicator's
line, path, projection or verdict. Which measure relates to which is data (domain/related.py).
"""

from __future__ import annotations

from charts.related import related_figure
from domain import NATIONAL
from domain.periods import sort_key
from domain.related import related_measures
from exports.native import NativeChart
from i18n import fmt, t
from views import Data
from views.chart_export import ChartExport
from views.overview import data_date


def related_charts(data: Data, code: str, regions: list[str], lang: str, permalink: str = "") -> list[ChartExport]:
    """One chart per loaded related measure of `code`, for the chosen areas and the whole country."""
    related = related_measures().get(code, ())
    if not related:
        return []
    indicators = data.indicators().set_index("indicator_code", drop=False)
    names = dict(zip(data.regions()["region_code"], data.regions()[f"name_{lang}"], strict=True))
    shown = [NATIONAL, *[r for r in regions if r != NATIONAL]]
    charts = []
    for other in related:
        if other not in indicators.index:
            continue
        actuals = data.series(other, tuple(shown)).dropna(subset=["value"])
        if actuals.empty:
            continue
        charts.append(_chart(indicators.loc[other], code, actuals, names, shown, data, lang, permalink))
    return charts


def _chart(indicator, related_to: str, actuals, names, shown, data: Data, lang: str, permalink: str) -> ChartExport:
    code, unit = indicator["indicator_code"], indicator["unit"]
    name = indicator[f"short_{lang}"]
    latest = []
    for region in shown[1:] + shown[:1]:  # the chosen areas first, the country last
        rows = actuals[actuals["region_code"] == region]
        if not rows.empty:
            row = rows.loc[max(rows.index, key=lambda i: sort_key(rows.at[i, "period"]))]
            value = fmt.measure(row["value"], unit, lang)
            latest.append(
                t("related.value", lang, area=names[region], value=value, period=fmt.period(row["period"], lang))
            )
    direction = t(f"related.{'higher' if indicator['higher_is_better'] else 'lower'}_better", lang)
    summary = t(
        "related.summary",
        lang,
        name=name,
        direction=direction,
        values="; ".join(latest) or t("related.no_values", lang),
    )
    periods = sorted(set(actuals["period"]), key=sort_key)
    series = []
    for region in shown:
        values = dict(actuals.loc[actuals["region_code"] == region, ["period", "value"]].itertuples(index=False))
        series.append((names[region], tuple(values.get(p) for p in periods)))
    caveat = indicator[f"caveat_{lang}"]
    return ChartExport(
        key=f"related-{code}-{'-'.join(shown)}",
        title=t("related.title", lang, name=indicator[f"short_{lang}"]),
        summary=summary,
        figure=related_figure(actuals, names, lang, unit == "percent"),
        data=actuals.assign(indicator_code=code),
        lang=lang,
        native=NativeChart(
            "line", tuple(fmt.period(p, lang) for p in periods), tuple(series), percent=unit == "percent"
        ),
        caveats=(caveat,) if isinstance(caveat, str) and caveat else (),
        sources=tuple(sorted(set(actuals["source_file"]))),
        data_date=data_date(data, lang),
        is_demo=bool(actuals["is_demo"].any()),
        permalink=permalink,
        extra={"related_to": related_to},
    )
