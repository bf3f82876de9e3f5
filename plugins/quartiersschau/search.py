"""The full-text search index, made by Pagefind after all pages are written.

Pagefind reads the finished HTML: pages mark what to index (``data-pagefind-body``),
their facets (``data-pagefind-filter``) and language (``<html lang="de">``, which
selects German stemming). The index is static files under /pagefind/; searching
happens in the visitor's browser, with no request to anyone else.
"""

from __future__ import annotations

import subprocess
import sys


def build_index(output: str) -> None:
    """Run Pagefind (from the pagefind[bin] package) over the output folder."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(output), "--output-subdir", "pagefind", "--silent"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind ist fehlgeschlagen:\n{result.stdout}\n{result.stderr}")
