"""Sentences for the county-report views: captions, alt text, slide notes and the changes digest."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from domain.programme import Status
from i18n import fmt, t
from metrics.changes import Change, ChangeKind, Digest
from metrics.reports import previous_quarter


def investment_name(code: str, lang: str) -> str:
    return t(f"investment_name.{code}", lang)


def dimension_name(code: str, lang: str) -> str:
    return t(f"dimension.{code}", lang)


def grid_summary(cells: pd.DataFrame, expected_cells: int, subject: str, period: str, lang: str) -> str:
    counts = Counter(cells["status"].dropna())
    return t(
        "lights.summary_grid",
        lang,
        period=fmt.period(period, lang),
        subject=subject,
        missing=expected_cells - int(sum(counts.values())),
        **{s.value: counts.get(s.value, 0) for s in Status},
    )


def history_summary(cells: pd.DataFrame, subject: str, periods: list[str], lang: str) -> str:
    return t(
        "lights.summary_history",
        lang,
        subject=subject,
        first=fmt.period(periods[0], lang),
        last=fmt.period(periods[-1], lang),
        changes=int(cells["change"].notna().sum()),
        streak=int(cells["streak"].max()) if len(cells) else 0,
    )


def streak_lines(cells: pd.DataFrame, names: dict[str, str], period: str, lang: str, minimum: int = 2) -> list[str]:
    """'Lappi: punainen 3. neljännestä peräkkäin', longest and reddest first."""
    now = cells[(cells["period"] == period) & (cells["streak"] >= minimum)]
    now = now.sort_values(["status", "streak"], ascending=[True, False], key=lambda c: c.map(_red_first))
    return [
        t(
            "lights.streak",
            lang,
            area=names.get(r.region_code, r.region_code),
            colour=t(f"status_colour.{r.status}", lang),
            n=int(r.streak),
        )
        for r in now.itertuples()
    ]


def _red_first(value: object) -> object:
    return {Status.QUICK_ACTION.value: 0, Status.MONITOR.value: 1}.get(value, value)


def progress_summary(compared: pd.DataFrame, investment: str, period: str, lang: str) -> str:
    values = compared["percent"]
    return t(
        "progress.summary",
        lang,
        investment=investment_name(investment, lang),
        period=fmt.period(period, lang),
        median=fmt.percent(values.median(), lang),
        low=fmt.percent(values.min(), lang),
        high=fmt.percent(values.max(), lang),
        elapsed=fmt.percent(compared["elapsed"].iloc[0], lang),
        behind=int((compared["gap_to_elapsed"] < 0).sum()),
    )


def finance_summary(spend: pd.DataFrame, area: str, lang: str) -> str:
    known = spend.dropna(subset=["realised_eur"])
    if known.empty:
        return t("finance.summary_no_realised", lang, area=area, budget=fmt.euros(spend["budget_eur"].sum(), lang))
    budget, realised = known["budget_eur"].sum(), known["realised_eur"].sum()
    return t(
        "finance.summary",
        lang,
        area=area,
        period=fmt.period(known["period"].iloc[0], lang),
        realised=fmt.euros(realised, lang),
        budget=fmt.euros(budget, lang),
        utilisation=fmt.percent(100 * realised / budget if budget else None, lang, 1),
        elapsed=fmt.percent(known["elapsed"].iloc[0], lang),
    )


def completeness_summary(counts: pd.DataFrame, period: str, lang: str) -> str:
    now = counts[counts["period"] == period]
    return t(
        "reporting.summary",
        lang,
        period=fmt.period(period, lang),
        areas=len(now),
        complete=int((now["missing"] <= 0).sum()),
        none=int((now["reported"] == 0).sum()),
        missing=int(now["missing"].clip(lower=0).sum()),
    )


def _value(value: object, lang: str) -> str:
    if isinstance(value, str):
        return t(f"status.{value}", lang)
    return fmt.percent(value, lang)


def change_line(
    change: Change,
    names: dict[str, str],
    lang: str,
    period: str = "",
    last: str = "",
    indicator_names: dict[str, str] | None = None,
    target: float | None = None,
) -> str:
    """One digest item as a sentence."""
    values = {
        "area": names.get(change.region_code or "", change.region_code or ""),
        "investment": investment_name(change.investment, lang) if change.investment else "",
        "dimension": ", ".join(dimension_name(d, lang) for d in change.dimensions),
        "before": _value(change.before, lang),
        "after": _value(change.after, lang),
        "period": fmt.period(period, lang) if period else "",
        "last": fmt.period(last, lang) if last else "–",
        "indicator": (indicator_names or {}).get(change.subject or "", change.subject or ""),
        "target": fmt.percent(change.target if change.target is not None else target, lang),
    }
    line = t(f"changes.{change.kind}", lang, **values)
    if change.kind == ChangeKind.LIGHT_RED and change.streak >= 2:
        line += t("changes.streak", lang, n=change.streak)
    return line


def digest_lines(
    digest: Digest,
    names: dict[str, str],
    last: dict[str, str],
    lang: str,
    indicator_names: dict[str, str] | None = None,
) -> list[str]:
    """The digest as a short list: a count line, then the most important items. Also the deck's first slide.

    Counts are of changes grouped per area and investment (several dimensions turning red is one item).
    """
    if not digest.total:
        return [t("changes.none", lang)]
    parts = ", ".join(
        t(f"change_count.{kind}", lang, n=digest.counts[kind]) for kind in ChangeKind if digest.counts.get(kind)
    )
    lines = [t("changes.counts", lang, total=digest.total, parts=parts)]
    return lines + [
        change_line(item, names, lang, digest.period, last.get(item.region_code or "", ""), indicator_names)
        for item in digest.items
    ]


def digest_more(digest: Digest, lang: str) -> str | None:
    """'… and 12 more changes' when the short list leaves some out."""
    hidden = digest.total - len(digest.items)
    return t("changes.more", lang, n=hidden) if hidden > 0 else None


def digest_title(period: str, lang: str) -> str:
    return t(
        "changes.intro", lang, previous=fmt.period(previous_quarter(period), lang), period=fmt.period(period, lang)
    )


def missing_table(
    missing: pd.DataFrame, last: dict[str, str], names: dict[str, str], period: str, lang: str
) -> pd.DataFrame:
    """Per area: last reported quarter and the cells missing in `period` ('P4I1: Hyödyt, Riskit')."""
    now = missing[missing["period"] == period]
    rows = []
    for area in sorted(set(names) & (set(last) | set(now["region_code"])), key=lambda c: names[c]):
        parts = []
        for investment, group in now[now["region_code"] == area].groupby("investment"):
            dims = (
                t("reporting.all_dimensions", lang)
                if len(group) == 7
                else ", ".join(dimension_name(d, lang) for d in group["dimension"])
            )
            parts.append(f"{investment_name(investment, lang)}: {dims}")
        rows.append((names[area], fmt.period(last[area], lang) if area in last else "–", "; ".join(parts) or "–"))
    return pd.DataFrame(
        rows,
        columns=[
            t("reports.area", lang),
            t("reporting.last", lang),
            f"{t('reporting.missing_cells', lang)} {fmt.period(period, lang)}",
        ],
    )
