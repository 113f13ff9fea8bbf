"""Budget against realised cost per cost centre and work package, with elapsed project time."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts import bar_rows
from charts.theme import ACTUAL, BASELINE, MUTED, base_layout
from domain.documents import cite
from i18n import fmt, t
from safe_text import plotly_text

LABEL_CHARS = 30  # of a work package's name above its bar: with its value, one line on a 390 px phone


def package_label(row: pd.Series | object, lang: str, limit: int = 40) -> str:
    centre = getattr(row, "cost_centre", None)
    name = getattr(row, "work_package", "")
    short = name if len(name) <= limit else name[: limit - 2] + "…"
    return f"{centre} {short}" if isinstance(centre, str) and centre else short


def finance_figure(spend: pd.DataFrame, lang: str) -> go.Figure:
    """spend: metrics.reports.spending rows of one area. Utilisation % with the elapsed-time line where
    realised costs are known; otherwise the budget in euros. Each row's words sit above its bar (bar_rows)."""
    # The label starts the row's words and the hover text (the full name is in the table): escaped for Plotly.
    rows = spend.assign(label=[plotly_text(package_label(r, lang, LABEL_CHARS)) for r in spend.itertuples()])
    known = rows.dropna(subset=["utilisation"])
    fig = go.Figure()
    if not known.empty:
        y = bar_rows.ys(len(known))
        fig.add_trace(
            go.Bar(
                x=known["utilisation"],
                y=y,
                width=bar_rows.BAR_WIDTH,
                orientation="h",
                name=t("finance.utilisation", lang),
                marker={"color": ACTUAL},
                hovertext=[
                    f"{r.label}<br>{t('finance.realised', lang)} {fmt.euros(r.realised_eur, lang)} / "
                    f"{fmt.euros(r.budget_eur, lang)}<br>{t(f'pace.{r.pace}', lang)}"
                    for r in known.itertuples()
                ],
                hoverinfo="text",
            )
        )
        elapsed = float(known["elapsed"].iloc[0])
        fig.add_vline(x=elapsed, line={"color": MUTED, "dash": "dash", "width": 2})
        words = [f"{r.label}  <b>{fmt.percent(r.utilisation, lang, 0)}</b>" for r in known.itertuples()]
        top = {"x": elapsed, "y": 1.0, "yref": "paper", "yanchor": "bottom", "showarrow": False,
               "text": t("finance.elapsed_line", lang, value=fmt.percent(elapsed, lang))}  # fmt: skip
        fig.update_layout(annotations=[*bar_rows.labels(y, words), top])
        fig = base_layout(fig, lang, height=bar_rows.height(len(known), 110))
        fig.update_xaxes(
            range=[0, 115],
            dtick=25,
            tickformat=None,
            showgrid=True,
            gridcolor="#e3e3e3",
            ticksuffix="\u00a0%" if lang != "en" else "%",
        )
        count = len(known)
    else:
        y = bar_rows.ys(len(rows))
        fig.add_trace(
            go.Bar(
                x=rows["budget_eur"],
                y=y,
                width=bar_rows.BAR_WIDTH,
                orientation="h",
                name=t("finance.budget", lang),
                marker={"color": BASELINE},
                hoverinfo="text",
                hovertext=[f"{r.label}<br>{fmt.euros(r.budget_eur, lang)}" for r in rows.itertuples()],
            )
        )
        words = [f"{r.label}  <b>{fmt.euros(r.budget_eur, lang)}</b>" for r in rows.itertuples()]
        fig.update_layout(annotations=bar_rows.labels(y, words))
        fig = base_layout(fig, lang, height=bar_rows.height(len(rows), 90), percent=False)
        fig.update_xaxes(tickformat=",.0f", ticksuffix=" €" if lang != "en" else "", dtick=None, showgrid=True,
                         nticks=4)  # fmt: skip
        count = len(rows)
    fig = bar_rows.finish(fig, count)
    fig.update_layout(margin={"t": 36}, showlegend=False)
    return fig


def finance_table(spend: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("finance.cost_centre", lang): spend["cost_centre"].fillna("–").tolist(),
            t("finance.work_package", lang): spend["work_package"].tolist(),
            t("reports.investment", lang): [t(f"investment_name.{c}", lang) for c in spend["investment"]],
            t("finance.budget", lang): [fmt.euros(v, lang) for v in spend["budget_eur"]],
            t("finance.realised", lang): [fmt.euros(v, lang) for v in spend["realised_eur"]],
            t("finance.utilisation", lang): [fmt.percent(v, lang, 1) for v in spend["utilisation"]],
            t("finance.gap", lang): [fmt.points(v, lang, 1) for v in spend["gap"]],
            t("finance.pace", lang): [t(f"pace.{p}", lang) for p in spend["pace"]],
            t("reports.source", lang): [cite(s, lang) for s in spend["source"]],
            t("reports.note", lang): spend["note"].fillna("").tolist(),
        }
    )
