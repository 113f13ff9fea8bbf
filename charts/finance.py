"""Budget against realised cost per cost centre and work package, with elapsed project time."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.theme import ACTUAL, BASELINE, MUTED, base_layout
from domain.documents import cite
from i18n import fmt, t
from safe_text import plotly_text


def package_label(row: pd.Series | object, lang: str) -> str:
    centre = getattr(row, "cost_centre", None)
    name = getattr(row, "work_package", "")
    short = name if len(name) <= 40 else name[:38] + "…"
    return f"{centre} {short}" if isinstance(centre, str) and centre else short


def finance_figure(spend: pd.DataFrame, lang: str) -> go.Figure:
    """spend: metrics.reports.spending rows of one area. Utilisation % with the elapsed-time line where
    realised costs are known; otherwise the budget in euros."""
    # The label is a tick label and the start of the hover text: data, so escaped for Plotly.
    rows = spend.assign(label=[plotly_text(package_label(r, lang)) for r in spend.itertuples()]).iloc[::-1]
    known = rows.dropna(subset=["utilisation"])
    fig = go.Figure()
    if not known.empty:
        fig.add_trace(
            go.Bar(
                x=known["utilisation"],
                y=known["label"],
                orientation="h",
                name=t("finance.utilisation", lang),
                marker={"color": ACTUAL},
                text=[fmt.percent(v, lang, 0) for v in known["utilisation"]],
                textposition="outside",
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
        fig.add_annotation(
            x=elapsed,
            y=1.0,
            yref="paper",
            yanchor="bottom",
            showarrow=False,
            text=t("finance.elapsed_line", lang, value=fmt.percent(elapsed, lang)),
        )
        fig = base_layout(fig, lang, height=120 + 26 * len(known))
        fig.update_xaxes(
            range=[0, 115],
            dtick=20,
            tickformat=None,
            showgrid=True,
            gridcolor="#e3e3e3",
            ticksuffix="\u00a0%" if lang != "en" else "%",
        )
    else:
        fig.add_trace(
            go.Bar(
                x=rows["budget_eur"],
                y=rows["label"],
                orientation="h",
                name=t("finance.budget", lang),
                marker={"color": BASELINE},
                text=[fmt.euros(v, lang) for v in rows["budget_eur"]],
                textposition="outside",
                hoverinfo="text",
                hovertext=[f"{r.label}<br>{fmt.euros(r.budget_eur, lang)}" for r in rows.itertuples()],
            )
        )
        fig = base_layout(fig, lang, height=120 + 26 * len(rows), percent=False)
        fig.update_xaxes(tickformat=",.0f", ticksuffix=" €" if lang != "en" else "", dtick=None, showgrid=True)
    fig.update_yaxes(ticksuffix="", gridcolor="rgba(0,0,0,0)", automargin=True)
    fig.update_layout(margin={"l": 24, "t": 36}, showlegend=False)
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
