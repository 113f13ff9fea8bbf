"""The basket: add, remove and move return new lists and never lose or duplicate an item."""

from __future__ import annotations

from exports.basket import Item, add, move, remove

A, B, C = Item("yleiskuva?lang=fi", "a"), Item("yleiskuva?lang=fi", "b"), Item("alue?region=02", "a")


def test_add_appends_once_and_leaves_the_original() -> None:
    start = [A]
    assert add(start, B) == [A, B]
    assert add([A, B], ("yleiskuva?lang=fi", "a")) == [A, B]
    assert start == [A]


def test_move_swaps_neighbours_and_stays_at_the_ends() -> None:
    items = [A, B, C]
    assert move(items, 1, -1) == [B, A, C]
    assert move(items, 1, 1) == [A, C, B]
    assert move(items, 0, -1) == items and move(items, 2, 1) == items
    assert items == [A, B, C]


def test_remove_drops_only_that_position() -> None:
    assert remove([A, B, C], 1) == [A, C]
    assert remove([A], 5) == [A]
