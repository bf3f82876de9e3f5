"""Run a command and measure it: wall time and the peak memory of its whole process tree.

``ru_maxrss`` only knows the largest single process; a build runs workers and Pagefind
beside the main process, so the tree's memory is sampled every 20 ms from /proc and the
largest sum is reported (Linux). Each process counts with its proportional set size (PSS):
forked workers share most pages with their parent, and summing their resident sizes would
count those pages once per process.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(c) for c in task.read_text().split()]
        except OSError:
            continue
    return found


def _memory(pid: int) -> int:
    """Bytes of memory *pid* uses: its PSS (shared pages split among their users), else its RSS."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _tree_rss(pid: int) -> int:
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += _memory(current)
        todo += _children(current)
    return total


def run(command: list[str], cwd: Path | None = None, env: dict | None = None) -> dict:
    """Run *command*; returns seconds, peak_mib (whole tree) and largest_mib (one process)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(process.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command[:4])} … failed:\n{process.stderr.read().decode(errors='replace')[-3000:]}")
    process.stderr.close()
    return {
        "seconds": seconds,
        "peak_mib": max(peak[0] / 2**20, usage.ru_maxrss / 1024),
        "largest_mib": usage.ru_maxrss / 1024,
    }
