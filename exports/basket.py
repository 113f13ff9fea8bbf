"""The presentation basket: an ordered list of (view, chart key) items; every function returns a new list."""

from __future__ import annotations

from typing import NamedTuple


class Item(NamedTuple):
    view: str  # the page's permalink, "yleiskuva?lang=fi"
    key: str  # ChartExport.key within that view


def add(basket: list[Item], item: Item) -> list[Item]:
    """Append, unless the same chart of the same view is already there."""
    item = Item(*item)
    return list(basket) if item in basket else [*basket, item]


def remove(basket: list[Item], index: int) -> list[Item]:
    return [item for i, item in enumerate(basket) if i != index]


def move(basket: list[Item], index: int, step: int) -> list[Item]:
    """Move one item up (step −1) or down (+1); at either end it stays where it is."""
    items = list(basket)
    target = index + step
    if 0 <= index < len(items) and 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    return items
