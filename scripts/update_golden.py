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
from helpers import FIXTURE, FIXTURE_SETTINGS, GOLDEN, GOLDEN_PAGES, build_site


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp) / "output"
        result = build_site(FIXTURE, output, Path(tmp) / "cache", *FIXTURE_SETTINGS)
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            return 1
        shutil.rmtree(GOLDEN, ignore_errors=True)
        GOLDEN.mkdir(parents=True)
        for name, path in GOLDEN_PAGES.items():
            shutil.copyfile(output / path, GOLDEN / f"{name}.html")
    print(f"{len(GOLDEN_PAGES)} Referenzseiten in {GOLDEN.relative_to(ROOT)} neu geschrieben.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
