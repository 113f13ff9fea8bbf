"""Yleiskuva as a whole: the headline cards, then one indicator's comparison of the areas."""

from __future__ import annotations

from dataclasses import dataclass

from exports.spec import ChartExport
from views import Data
from views.overview import Card, headline_cards
from views.trajectory import comparison_charts


@dataclass(frozen=True)
class Overview:
    cards: list[Card]
    comparison: list[ChartExport]  # the ranking and the tile map

    @property
    def charts(self) -> list[ChartExport]:
        return [card.chart for card in self.cards] + self.comparison


def overview(data: Data, code: str, lang: str) -> Overview:
    return Overview(headline_cards(data, lang), comparison_charts(data, code, lang) if code else [])
