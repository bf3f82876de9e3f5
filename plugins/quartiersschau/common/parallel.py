"""Run independent work on all cores.

Workers are forked, so they inherit what the main process has built (catalogue,
Jinja environment) without pickling it; only the small task and its result cross
the process boundary. Small batches run in-process, where forking costs more than it saves.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

# Items handed to the workers at a time (see imap_parallel).
WINDOW = 1000

T = TypeVar("T")
R = TypeVar("R")


def cpu_count() -> int:
    """Cores this process may use (respects CPU affinity and containers' limits)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def imap_parallel(
    func: Callable[[T], R], items: Sequence[T], *, workers: int, min_items: int, chunksize: int | None = None
) -> Iterator[R]:
    """``func(x) for x in items``, in order, on *workers* forked processes when it pays.

    Give ``chunksize=1`` for few, heavy tasks (images); the default batches many light ones.
    """
    if workers <= 1 or len(items) < min_items or "fork" not in multiprocessing.get_all_start_methods():
        yield from (func(item) for item in items)
        return
    chunksize = chunksize or max(1, min(WINDOW // (workers * 4), len(items) // (workers * 8)))
    # Two windows of items in flight: the workers never wait for the caller to take the last
    # results of one, and results not taken yet (they wait in the caller's memory, e.g. while
    # it writes pages) are at most two windows', not all of them.
    windows = (items[start : start + WINDOW] for start in range(0, len(items), WINDOW))
    # Frozen objects are left out of garbage collection: the workers' collector then passes over
    # what they inherit (the catalogue) without writing to it, so those memory pages stay shared
    # with this process instead of being copied (about 60 MB less at N = 10,000).
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            in_flight = deque(pool.imap(func, window, chunksize=chunksize) for window in itertools.islice(windows, 2))
            while in_flight:
                yield from in_flight.popleft()
                in_flight.extend(
                    pool.imap(func, window, chunksize=chunksize) for window in itertools.islice(windows, 1)
                )
    finally:
        gc.unfreeze()


def map_parallel(func: Callable[[T], R], items: Sequence[T], *, workers: int, min_items: int) -> list[R]:
    """``[func(x) for x in items]``, on *workers* forked processes when it pays."""
    return list(imap_parallel(func, items, workers=workers, min_items=min_items))
