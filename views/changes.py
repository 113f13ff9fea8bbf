"""The coordinators' views of reporting completeness and what changed since the last period."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from charts.report_summaries import (
    change_line,
    completeness_summary,
    digest_lines,
    digest_more,
    digest_title,
    missing_table,
)
from charts.text_table import text_table_figure
from charts.traffic_lights import (
    COMPLETENESS,
    completeness_figure,
    completeness_label,
)
from domain import NATIONAL
from domain.programme import INVESTMENTS
from exports.native import NativeTable
from i18n import fmt, t
from metrics.changes import Digest, digest, indicator_crossing
from metrics.headline import headline
from metrics.reports import completeness, last_reported, missing_cells, previous_quarter
from metrics.trajectory import Goal
from views import Data
from views.chart_export import ChartExport
from views.overview import data_date
from views.reports import FULL_LIST, Shown, names, pick, report_export


def completeness_view(data: Data, lang: str, period: str = "", permalink: str = "") -> Shown:
    """Areas × quarters: reported cells of expected, '✓ 28/28', '◐ 21/28', '✗ 0/28'."""
    periods = data.status_periods()
    period = pick(period, periods, periods[-1])
    area_names = names(data, lang)
    reports = data.status_reports(INVESTMENTS)
    counts = completeness(reports, periods)
    rows = sorted(((a, area_names.get(a, a)) for a in counts["region_code"].unique()), key=lambda r: r[1])
    cols = [(p, fmt.period(p, lang)) for p in periods]
    text = counts.assign(text=[f"{r}/{e}" for r, e in zip(counts["reported"], counts["expected"], strict=True)])
    table = (
        text.pivot(index="region_code", columns="period", values="text")
        .rename(index=area_names, columns=lambda p: fmt.period(p, lang))
        .reset_index(names=t("reports.area", lang))
    )
    found = {(c.region_code, c.period): c for c in counts.itertuples()}
    native_rows, fills = [], []
    for code, label in rows:
        cells = [found.get((code, p)) for p, _ in cols]
        kinds = [completeness_label(c.reported, c.expected) if c else None for c in cells]
        native_rows.append(
            (
                label,
                *(
                    f"{COMPLETENESS[k][0]} {c.reported}/{c.expected}" if c else ""
                    for c, k in zip(cells, kinds, strict=True)
                ),
            )
        )
        fills.append((None, *(COMPLETENESS[k][1] if k else None for k in kinds)))
    files = reports.groupby(["region_code", "period"])["source_file"].agg(lambda s: ", ".join(sorted(set(s))))
    demo = reports.groupby(["region_code", "period"])["is_demo"].any()
    keyed = list(zip(counts["region_code"], counts["period"], strict=True))
    rows_data = counts.assign(
        source_file=[files.get(k) for k in keyed], is_demo=[bool(demo.get(k, False)) for k in keyed]
    )
    chart = report_export(
        data,
        rows_data,
        lang,
        permalink,
        key="completeness",
        title=t("reporting.title", lang),
        summary=completeness_summary(counts, period, lang),
        figure=completeness_figure(counts, rows, cols, lang),
        native=NativeTable((t("reports.area", lang), *(label for _, label in cols)), tuple(native_rows), tuple(fills)),
        caveats=(t("reporting.intro", lang),),
    )
    return Shown(chart, table)


def missing_view(data: Data, lang: str, period: str) -> pd.DataFrame:
    """Per area: last reported quarter and the cells missing in the period."""
    reports = data.status_reports(INVESTMENTS)
    return missing_table(missing_cells(reports, [period]), last_reported(reports), names(data, lang), period, lang)


# ---------------------------------------------------------------- Muutokset


@dataclass(frozen=True)
class Changes:
    period: str
    short: Digest  # the most important few
    everything: Digest
    lines: list[str]  # the short list: a count line, then one sentence per item
    all_lines: list[str]  # every change, one sentence each
    more: str | None  # "… and 12 more changes"
    is_demo: bool


def change_periods(data: Data) -> list[str]:
    """Quarters that have a previous one to compare with, newest first."""
    return data.status_periods()[:0:-1]


def _crossings(data: Data, period: str) -> list:
    indicators = data.indicators()
    found = []
    for row in indicators[indicators["is_headline"]].itertuples():
        targets = data.targets(row.indicator_code)
        actuals = data.series(row.indicator_code, (NATIONAL,))
        head = headline(actuals, targets[targets["region_code"] == NATIONAL])
        if head.baseline and head.target:
            goal = Goal(
                row.indicator_code,
                head.baseline.value,
                head.baseline.period,
                head.target.value,
                head.target.period,
                bool(row.higher_is_better),
            )
            found += [c for c in [indicator_crossing(goal, actuals, period)] if c]
    return found


def changes_view(data: Data, lang: str, period: str = "") -> Changes | None:
    """What changed since the previous quarter, most important first; None without two quarters."""
    periods = change_periods(data)
    if not periods:
        return None
    period = pick(period, periods, periods[0])
    area_names = names(data, lang)
    reports, progress = data.status_reports(INVESTMENTS), data.progress()
    indicators = data.indicators()
    headlines = indicators[indicators["is_headline"]]
    indicator_names = dict(zip(headlines["indicator_code"], headlines[f"short_{lang}"], strict=True))
    crossings = _crossings(data, period)
    short = digest(reports, progress, period, crossings)
    everything = digest(reports, progress, period, crossings, limit=FULL_LIST)
    last = last_reported(reports[reports["period"] <= period])
    all_lines = [
        change_line(c, area_names, lang, period, last.get(c.region_code or "", ""), indicator_names)
        for c in everything.items
    ]
    return Changes(
        period,
        short,
        everything,
        digest_lines(short, area_names, last, lang, indicator_names),
        all_lines,
        digest_more(short, lang),
        bool(reports["is_demo"].any()),
    )


def _more(changes: Changes, lang: str) -> list[str]:
    """'… and 125 more changes' pointing to the page, for exports (the page's own line points to its table)."""
    hidden = changes.everything.total - len(changes.short.items)
    return [t("changes.slide_more", lang, n=hidden)] if hidden > 0 else []


def changes_chart(data: Data, changes: Changes, lang: str, permalink: str = "") -> ChartExport:
    """The short list as a one-column table (what fits a slide); the data file holds every change."""
    header = t("changes.title", lang)
    shown = [*changes.lines[1:], *_more(changes, lang)]
    figure = text_table_figure(header, shown)
    columns = ["period", "kind", "region_code", "investment", "dimensions", "indicator_code", "before", "after"]
    rows = pd.DataFrame(
        [
            (changes.period, str(c.kind), c.region_code, c.investment, ", ".join(c.dimensions), c.subject, c.before,
             c.after, c.streak, line)
            for c, line in zip(changes.everything.items, changes.all_lines, strict=True)
        ],
        columns=[*columns, "streak", "text"],
    )  # fmt: skip
    reports = data.status_reports(INVESTMENTS)
    compared = reports[reports["period"].isin([changes.period, previous_quarter(changes.period)])]
    return ChartExport(
        key=f"changes-{changes.period}",
        title=digest_title(changes.period, lang),
        summary=changes.lines[0],
        figure=figure,
        data=rows,
        lang=lang,
        native=NativeTable((header,), tuple((line,) for line in shown)),
        caveats=(t("changes.path_note", lang),),
        sources=tuple(sorted(set(compared["source_file"].dropna()))),
        data_date=data_date(data, lang),
        is_demo=changes.is_demo,
        permalink=permalink,
    )


@dataclass(frozen=True)
class ChangesPage:
    """Muutokset as the page shows it: the digest and its exportable short list."""

    changes: Changes
    chart: ChartExport

    @property
    def charts(self) -> list[ChartExport]:
        return [self.chart]


def changes_page(data: Data, lang: str, period: str) -> ChangesPage | None:
    changes = changes_view(data, lang, period) if period else None
    return ChangesPage(changes, changes_chart(data, changes, lang)) if changes else None


def digest_slide(data: Data, lang: str) -> list[str]:
    """The latest quarter's digest as deck bullets: which quarters, the counts, the most important items."""
    changes = changes_view(data, lang)
    if changes is None:
        return []
    period, previous = fmt.period(changes.period, lang), fmt.period(previous_quarter(changes.period), lang)
    return [t("changes.slide_period", lang, period=period, previous=previous), *changes.lines, *_more(changes, lang)]
