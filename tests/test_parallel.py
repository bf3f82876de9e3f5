"""Work on all cores: results in order, in windows, and in-process when the batch is small."""

import gc
import os

from quartiersschau.common import parallel


def _square_and_pid(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


def test_results_come_in_order_across_windows_from_worker_processes(monkeypatch):
    monkeypatch.setattr(parallel, "WINDOW", 7)  # many windows, the last one short
    results = list(parallel.imap_parallel(_square_and_pid, list(range(100)), workers=2, min_items=1))
    assert [square for square, _ in results] == [x * x for x in range(100)]
    assert os.getpid() not in {pid for _, pid in results}


def test_a_small_batch_runs_in_this_process():
    results = parallel.map_parallel(_square_and_pid, [1, 2, 3], workers=2, min_items=10)
    assert results == [(1, os.getpid()), (4, os.getpid()), (9, os.getpid())]


def _frozen_in_worker(_x: int) -> int:
    return gc.get_freeze_count()


def test_workers_inherit_a_frozen_heap_and_this_process_is_unfrozen_after():
    """Frozen, the inherited objects are not written to by the workers' garbage collector (shared pages)."""
    kept = [[i] for i in range(1000)]  # objects the garbage collector tracks, which the workers inherit
    assert gc.get_freeze_count() == 0
    frozen = parallel.map_parallel(_frozen_in_worker, list(range(8)), workers=2, min_items=1)
    assert min(frozen) >= len(kept)
    assert gc.get_freeze_count() == 0
