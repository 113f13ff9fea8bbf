"""Table twins of the charts: the same numbers, formatted for the reader, with provenance."""

from __future__ import annotations

import pandas as pd

from domain.documents import cite
from domain.periods import sort_key
from i18n import fmt, t
from safe_text import markdown_cell, markdown_text


def provenance(rows: pd.DataFrame, lang: str) -> list[str]:
    """Where each value comes from, as a reader cites it: the document it quotes, else the loaded file's
    title and row ('Esimerkkiaineisto (generoitu), rivi 14'); never a file name."""
    docs = rows["source_doc"] if "source_doc" in rows else [None] * len(rows)
    out = []
    for doc, file, row in zip(docs, rows["source_file"], rows["source_row"], strict=True):
        cited = cite(doc, lang) if isinstance(doc, str) and doc else ""
        out.append(cited or f"{cite(file, lang)}, {t('chart.row', lang)} {row}")
    return out


def series_table(actuals: pd.DataFrame, lang: str) -> pd.DataFrame:
    """period, value, source and example flag of each point, oldest first."""
    rows = actuals.iloc[sorted(range(len(actuals)), key=lambda i: sort_key(actuals["period"].iloc[i]))]
    return pd.DataFrame(
        {
            t("table.period", lang): [fmt.period(p, lang) for p in rows["period"]],
            t("table.value", lang): [fmt.percent(v, lang) for v in rows["value"]],
            t("table.source", lang): provenance(rows, lang),
            t("table.demo", lang): [t("table.yes" if d else "table.no", lang) for d in rows["is_demo"]],
        }
    )


def observations_table(actuals: pd.DataFrame, names: dict[str, str], lang: str, unit: str = "percent") -> pd.DataFrame:
    """Like series_table, for several areas: the area first, then period order."""
    measure = fmt.percent if unit == "percent" else fmt.number
    rows = actuals.assign(_key=actuals["period"].map(sort_key)).sort_values(["region_code", "_key"])
    return pd.DataFrame(
        {
            t("trend.area", lang): [names.get(r, r) for r in rows["region_code"]],
            t("table.period", lang): [fmt.period(p, lang) for p in rows["period"]],
            t("table.value", lang): [measure(v, lang) for v in rows["value"]],
            t("table.source", lang): provenance(rows, lang),
            t("table.demo", lang): [t("table.yes" if d else "table.no", lang) for d in rows["is_demo"]],
        }
    )


def source_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A source indicator's values: region, period, value as written, provenance."""
    return pd.DataFrame(
        {
            t("trend.area", lang): rows[f"region_{lang}"],
            t("table.period", lang): [fmt.period(p, lang) for p in rows["period"]],
            t("table.value", lang): [fmt.number(v, lang, 2 if v == v and v % 1 else 0) for v in rows["value"]],
            t("table.source", lang): provenance(rows, lang),
        }
    )


def plain(text: object) -> str:
    """Text from data made safe for any Markdown-rendering call (titles, captions, labels): shown as written."""
    return markdown_text(text)


def markdown(frame: pd.DataFrame) -> str:
    """A table twin as a Markdown table: a real <table> for screen readers, and light for the browser
    (no data-grid code to load). Every cell is escaped, so data can never become markup."""
    lines = ["| " + " | ".join(markdown_cell(c) for c in frame.columns) + " |", "|" + " --- |" * len(frame.columns)]
    lines += ["| " + " | ".join(markdown_cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join(lines)
