"""The full-text search index, made by Pagefind after all pages are written.

Pagefind reads the finished HTML: pages mark what to index (``data-pagefind-body``),
their facets (``data-pagefind-filter``) and language (``<html lang="de">``, which
selects German stemming). The index is static files under /pagefind/; searching
happens in the visitor's browser, with no request to anyone else.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import cbor2

from ..common.filesystem import files_digest, link_or_copy

# Pagefind also writes ready-made user interfaces; the site uses its own accessible
# form (theme/static/js/suche.js) with pagefind.js, so these are removed.
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")


def build_index(output: Path, previous: Path | None = None, previous_digest: str = "") -> str:
    """Run Pagefind (from the pagefind[bin] package) over the output folder.

    When every HTML file is as in the *previous* published output (whose HTML digest
    the caller kept), that output's index is reused instead. Returns this output's
    HTML digest, to be kept once the output is published.
    """
    digest = files_digest([output], "*.html")
    old_bundle = Path(previous) / "pagefind" if previous else None
    if digest == previous_digest and old_bundle and (old_bundle / "pagefind-entry.json").is_file():
        for source in old_bundle.rglob("*"):
            if source.is_file() and source.suffix not in (".gz", ".br"):
                link_or_copy(source, output / "pagefind" / source.relative_to(old_bundle))
        return digest
    _run_pagefind(output)
    return digest


def _run_pagefind(output: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(output), "--output-subdir", "pagefind", "--silent"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind ist fehlgeschlagen:\n{result.stdout}\n{result.stderr}")
    for pattern in UNUSED:
        for path in (Path(output) / "pagefind").glob(pattern):
            path.unlink()
    make_index_reproducible(Path(output) / "pagefind")


# Pagefind writes its filter index in hash-map order, so two builds of the same site
# differ there (upstream: github.com/Pagefind/pagefind/issues/638). We sort it and
# rename the files by their content, which makes the whole output reproducible.
# Only for the Pagefind version whose format we know; another version is left alone
# and the determinism test will say so.
KNOWN_FORMAT = "1.5.2"
_MAGIC = b"pagefind_dcd"


def _read(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_MAGIC):
        raise ValueError(f"unbekanntes Pagefind-Format: {path}")
    return cbor2.loads(data[len(_MAGIC) :])


def _write(folder: Path, pattern: str, obj, digits: int) -> str:
    """Write a CBOR object as Pagefind does; returns its content-derived name (e.g. ``de_1a2b3c4``)."""
    data = _MAGIC + cbor2.dumps(obj)
    name = f"de_{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / pattern.format(name)).write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return name


def make_index_reproducible(bundle: Path) -> bool:
    """Sort Pagefind's filter index and name its files by content. Returns False if skipped."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    if entry.get("version") != KNOWN_FORMAT:
        return False
    for language in entry["languages"].values():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(meta_path)
        renamed = {}
        for _, old in meta[3]:
            path = bundle / "filter" / f"{old}.pf_filter"
            name, values = _read(path)
            path.unlink()
            renamed[old] = _write(bundle / "filter", "{}.pf_filter", [name, sorted(values, key=lambda v: v[0])], 7)
        meta[3] = sorted([filter_name, renamed[old]] for filter_name, old in meta[3])
        meta_path.unlink()
        language["hash"] = _write(bundle, "pagefind.{}.pf_meta", meta, 10)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return True
