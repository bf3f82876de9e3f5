"""Regenerate tests/golden/ from a fresh build of the fixture site: ``make golden``.

Run it after an intended change of the theme, then review ``git diff tests/golden``:
the diff is exactly what changes for residents.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from _project import ROOT

sys.path.insert(0, str(ROOT / "tests"))
from helpers import (
    BERLIN,
    BERLIN_CONFIG,
    BERLIN_GOLDEN_PAGES,
    FIXTURE,
    FIXTURE_SETTINGS,
    GOLDEN,
    GOLDEN_PAGES,
    build_site,
)


def main() -> int:
    builds = [
        (FIXTURE, FIXTURE_SETTINGS, "pelicanconf.py", GOLDEN_PAGES, GOLDEN),
        (BERLIN, (), BERLIN_CONFIG, BERLIN_GOLDEN_PAGES, GOLDEN / "qm-berlin"),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        outputs = []
        for number, (site, settings, config, *_) in enumerate(builds):
            output = Path(tmp) / f"output-{number}"
            result = build_site(site, output, Path(tmp) / f"cache-{number}", *settings, config=config)
            if result.returncode != 0:
                print(result.stderr, file=sys.stderr)
                return 1  # the golden files stay as they were
            outputs.append(output)
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for output, (*_, pages, folder) in zip(outputs, builds, strict=True):
            folder.mkdir(parents=True, exist_ok=True)
            for name, path in pages.items():
                shutil.copyfile(output / path, folder / f"{name}.html")
    count = len(GOLDEN_PAGES) + len(BERLIN_GOLDEN_PAGES)
    print(f"{count} Referenzseiten in {GOLDEN.relative_to(ROOT)} neu geschrieben.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
