"""How fresh the sources are: when the nightly refresh last ran per source, and what failed, in words.

One line per source for every page's footer, and one for the indicator Selaa shows. A line is three
parts so the page can colour the mark: the mark carries its own shape and word (✔ onnistui,
✖ epäonnistui), so colour is never the only signal.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from i18n import fmt, t
from views import Data

NAMED_FAILURES = 3  # failed indicators named on a source's line before "and N more"


@dataclass(frozen=True)
class Freshness:
    head: str  # "Sotkanet päivitetty viimeksi 2.12.2026 klo 2.30:"
    mark: str  # "✔ onnistui" / "✖ epäonnistui 1/3 indikaattorille"
    tail: str  # what failed and why, and what it means for the reader; may hold titles from data
    failed: bool


def _title(row: pd.Series, lang: str) -> str:
    for name in (row.get(f"title_{lang}"), row.get("title_fi")):
        if isinstance(name, str) and name.strip():
            return name
    return f"{str(row['dataset']).capitalize()} {row['indicator']}"


def reason(row: pd.Series, lang: str) -> str:
    """Why one refresh failed, in the reader's words (the technical reason stays in the log)."""
    kind = row["reason_kind"] if row["reason_kind"] in ("http", "unreachable", "no_range") else "refused"
    status = row["http_status"]
    return t(f"refresh.reason_{kind}", lang, status=int(status) if pd.notna(status) else "?")


def source_lines(data: Data, lang: str) -> list[Freshness]:
    """Per source, its latest refresh run: when, and which indicators failed (none: every one succeeded)."""
    log = data.refreshes()
    lines = []
    for dataset, rows in log.groupby("dataset", sort=True):
        run = rows[rows["run_at"] == rows["run_at"].max()]
        failed = run[run["outcome"] == "failed"]
        head = t(
            "refresh.source_head",
            lang,
            source=str(dataset).capitalize(),
            at=fmt.moment(pd.Timestamp(run["refreshed_at"].max()).to_pydatetime(), lang),
        )
        if failed.empty:
            lines.append(
                Freshness(head, t("refresh.mark_ok", lang), t("refresh.source_ok", lang, count=len(run)), False)
            )
            continue
        named = [f"{_title(row, lang)} ({reason(row, lang)})" for _, row in failed.head(NAMED_FAILURES).iterrows()]
        if len(failed) > NAMED_FAILURES:
            named.append(t("refresh.more", lang, count=len(failed) - NAMED_FAILURES))
        mark = t("refresh.mark_failed_some", lang, failed=len(failed), count=len(run))
        lines.append(Freshness(head, mark, t("refresh.source_failed", lang, names="; ".join(named)), True))
    return lines


def indicator_line(data: Data, dataset: str, indicator: str, lang: str) -> Freshness | None:
    """The latest refresh of one source indicator, or None if the refresh never fetched it."""
    log = data.refreshes()
    rows = log[(log["dataset"] == dataset) & (log["indicator"] == str(indicator))]
    if rows.empty:
        return None
    row = rows.iloc[0]
    head = t("refresh.indicator_head", lang, at=fmt.moment(pd.Timestamp(row["refreshed_at"]).to_pydatetime(), lang))
    if row["outcome"] == "failed":
        return Freshness(
            head, t("refresh.mark_failed", lang), t("refresh.indicator_failed", lang, reason=reason(row, lang)), True
        )
    return Freshness(head, t("refresh.mark_ok", lang), t(f"refresh.outcome_{row['outcome']}", lang), False)
