"""Yleiskuva as a whole: the headline cards, then the reckoning at the deadline or, for a target still
ahead, the comparison of the areas on their way to it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from views import Data
from views.chart_export import ChartExport
from views.overview import Card, headline_cards
from views.reckoning import IndicatorReckoning, reckoning
from views.trajectory import comparison_charts


@dataclass(frozen=True)
class Overview:
    cards: list[Card]
    reckonings: dict[str, IndicatorReckoning]  # headline indicators whose national target has passed
    code: str  # the indicator compared below the cards
    comparison: list[ChartExport]  # its reckoning charts, or the ranking and tile map while ahead

    @property
    def charts(self) -> list[ChartExport]:
        return [card.chart for card in self.cards] + self.comparison


def today(data: Data) -> date:
    """The day the views judge on: the as-of date the reader was given, else today."""
    return data.as_of or date.today()


def overview(data: Data, code: str, lang: str) -> Overview:
    cards = headline_cards(data, lang)
    on = today(data)
    found = {
        card.indicator["indicator_code"]: reckoning(data, card.indicator["indicator_code"], lang, on) for card in cards
    }
    passed = {c: r for c, r in found.items() if r is not None}
    ahead = comparison_charts(data, code, lang) if code and code not in passed else []
    return Overview(cards, passed, code, passed[code].charts if code in passed else ahead)
