"""Benchmark the preview: from saving a project to Chromium showing it, through ``make devserver``.

``python scripts/bench_preview.py 1000 --repeat 5``. The synthetic programme of
``bench.py`` (N projects) is previewed by the real devserver; Chromium has one project's
page open. Each round changes that project's title in its file, as an editor's save
would, and measures until the open page shows the new title: the file watcher, the quick
build (its own time is printed beside each round), the reload and the page load. The search index is renewed after each round; the
next round waits for that. Reported: the median and every round, in seconds, twice:

- *painted*: until Chromium first painted the new page (its first contentful paint, read from
  the page's own clock, which is the system's), which is what the editor sees;
- *seen by the benchmark*: until Playwright found the new title in the page, which adds its
  round trips to the browser (about 0.1 s).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import _browser
import bench
import yaml

from _project import ROOT

CONFIG = '''"""The benchmark's programme: the shared settings of the project at {root}."""
import sys

sys.path.insert(0, {root!r})
from sharedconf import *  # noqa: F403

SITENAME = "Benchmark"
SITEURL = ""
'''


# When the shown page was first painted, in seconds since the epoch (the clock of time.time()).
# Nothing (and the wait goes on) until the page has painted.
PAINTED = """() => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  return paint && (performance.timeOrigin + paint.startTime) / 1000;
}"""


def rounds(root: Path, repeat: int) -> tuple[list[float], list[float]]:
    from playwright.sync_api import sync_playwright

    record = sorted((root / "data" / "projects").glob("*.yaml"))[0]
    slug = record.stem
    server = _browser.DevserverProcess(ROOT / "scripts" / "devserver.py", ["--programme", str(root)], root)
    port = server.port
    seconds, painted = [], []
    try:
        server.wait_for("Vorschau: http://127.0.0.1", 0, timeout=600)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=_browser.chromium_path(), args=_browser.CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/projekte/{slug}/")
            for run in range(repeat):
                title = f"Neuer Titel, Fassung {run + 1}"
                data = yaml.safe_load(record.read_text(encoding="utf-8"))
                data["title"] = title
                mark = len(server.lines)
                saved, started = time.time(), time.perf_counter()
                bench.write_yaml(record, data)
                page.wait_for_function(
                    "title => document.querySelector('h1')?.textContent.includes(title)", arg=title, timeout=120_000
                )
                seconds.append(time.perf_counter() - started)
                painted.append(page.wait_for_function(PAINTED).json_value() - saved)
                server.wait_for("Suchindex erneuert", mark, timeout=600)
                built = next(line for line in server.lines[mark:] if "Gebaut in" in line)
                print(
                    f"Runde {run + 1}: painted {painted[-1]:.2f} s, seen by the benchmark {seconds[-1]:.2f} s"
                    f" (devserver: {built.strip()})",
                    flush=True,
                )
            browser.close()
    finally:
        server.stop()
    return painted, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=1000, help="number of micro-projects")
    parser.add_argument("--repeat", type=int, default=5, help="edits to time; the median is reported")
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix=f"qs-bench-preview-{args.n}-"))
    try:
        bench.generate(root, args.n)
        (root / "pelicanconf.py").write_text(CONFIG.format(root=str(ROOT)), encoding="utf-8")
        print(f"Synthetic programme: {args.n} projects, {os.cpu_count()} CPUs, in {root}", flush=True)
        painted, seen = rounds(root, args.repeat)
        for label, seconds in (("saved → painted in Chromium", painted), ("saved → seen by the benchmark", seen)):
            runs = ", ".join(f"{s:.2f}" for s in seconds)
            print(f"{label}: median {statistics.median(seconds):.2f} s   (runs: {runs} s)")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
