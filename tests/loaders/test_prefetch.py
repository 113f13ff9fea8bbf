"""loaders.prefetch: items in order, the producer's error at its place, an early stop ends the thread."""

import threading

import pytest

from loaders.prefetch import ahead


def test_items_arrive_in_order_and_all_of_them():
    assert list(ahead(iter(range(1000)), depth=2)) == list(range(1000))


def test_producer_error_is_raised_after_the_items_before_it():
    def items():
        yield 1
        yield 2
        raise ValueError("row 3 is broken")

    seen = []
    with pytest.raises(ValueError, match="row 3 is broken"):
        for item in ahead(items()):
            seen.append(item)
    assert seen == [1, 2]


def test_closing_early_stops_the_producer():
    produced = []

    def endless():
        n = 0
        while True:
            produced.append(n)
            yield n
            n += 1

    before = threading.active_count()
    consumer = ahead(endless(), depth=1)
    assert [next(consumer) for _ in range(3)] == [0, 1, 2]
    consumer.close()  # as DuckDB does when an insert fails mid-stream
    assert threading.active_count() == before
    assert len(produced) <= 3 + 2  # one waiting, one in hand: never the whole (endless) input
