"""Run an iterator one step ahead in a thread, so that producing the next item overlaps consuming this one.

A streamed file's batches are parsed and checked in Python and Arrow (which release the GIL for most of
the work) while DuckDB inserts the batch before; without this, DuckDB waits for each parse and the two
costs add up. At most `depth` finished items wait, so memory stays bounded by a few batches.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")
_END = object()


def ahead(items: Iterator[T], depth: int = 1) -> Iterator[T]:
    """The items in order; an exception in the producer is raised here, at its place in the sequence.
    Closing the returned generator early stops the producer at its next item."""
    waiting: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def hand_over(item: object) -> bool:
        while not stop.is_set():
            try:
                waiting.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not hand_over(item):
                    return
            hand_over(_END)
        except BaseException as error:  # handed to the consumer, raised in its thread
            hand_over(error)

    thread = threading.Thread(target=produce, name="prefetch", daemon=True)
    thread.start()
    try:
        while True:
            item = waiting.get()
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join()
