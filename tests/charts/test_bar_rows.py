"""Talous and Edistyminen bars: each row's words above its bar, so a 390 px phone keeps its plot."""

from __future__ import annotations

import pandas as pd

from charts.finance import finance_figure
from charts.progress import progress_figure

NBSP = "\u00a0"


def spend() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "cost_centre": ["12700", "12707"],
            "work_package": ["IPS <i>x</i>", "Hyten monialainen palvelukonseptin kehittäminen"],
            "investment": ["P4I1", "P4I1"],
            "budget_eur": [100_000.0, 50_000.0],
            "realised_eur": [92_000.0, 31_500.0],
            "utilisation": [92.0, 63.0],
            "pace": ["on_pace", "behind"],
            "elapsed": [77.6, 77.6],
        }
    )


def words(fig) -> list[str]:
    return [a.text for a in fig.layout.annotations]


def test_finance_rows_carry_name_and_value_above_the_bar_not_in_a_margin() -> None:
    fig = finance_figure(spend(), "fi")
    assert fig.layout.yaxis.showticklabels is False  # no fixed-pixel label margin
    assert words(fig)[:2] == [
        f"12700 IPS &lt;i&gt;x&lt;/i&gt;  <b>92{NBSP}%</b>",  # data never becomes markup
        f"12707 Hyten monialainen palvelukon…  <b>63{NBSP}%</b>",  # cut to fit a phone
    ]
    [bar] = fig.data
    assert list(bar.y) == [0.0, 1.0] and not bar.text  # the first row on top of a reversed axis
    low, high = fig.layout.yaxis.range
    assert low > high and high < 0  # reversed, with room above the first row for its words
    assert any("Hankeaikaa kulunut 77,6" in w for w in words(fig))


def test_progress_rows_highest_first_with_the_previous_quarter_in_words() -> None:
    compared = pd.DataFrame(
        {
            "region_code": ["02", "18"],
            "percent": [65.0, 95.0],
            "previous": [60.0, None],
            "is_demo": [False, True],
            "source": ["x", "y"],
            "elapsed": [83.2, 83.2],
        }
    )
    fig = progress_figure(compared, {"02": "Varsinais-Suomi", "18": "Keski-Pohjanmaa"}, "2025Q2", "fi")
    rows = words(fig)[:2]
    assert rows == [f"Keski-Pohjanmaa  <b>95{NBSP}%</b>", f"Varsinais-Suomi  <b>65{NBSP}%</b>  (Q1/2025: 60{NBSP}%)"]
    real, demo = (trace for trace in fig.data if trace.type == "bar")
    assert (list(real.y), list(demo.y)) == ([1.0], [0.0])  # the demo row is hollow, still on its own row
    assert fig.layout.yaxis.showticklabels is False
