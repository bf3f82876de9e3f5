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
import math
import shutil
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import cbor2

from ..common.filesystem import file_names, link_or_copy

# Pagefind also writes ready-made user interfaces; the site uses its own accessible
# form (theme/static/js/suche.js) with pagefind.js, so these are removed.
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")


# Beyond this many pages the index is made in parts, each of its own pages: an edit re-indexes
# one part, and Pagefind's memory is that of one part. The browser merges them (suche.js).
PART_PAGES = 2000
PARTS_FILE = "teile.json"
# A folder with this many pages or more holds one page per record (projects, stories): spread over parts.
LARGE_FOLDER = 50


def _part_of(relative: str, parts: int) -> int:
    return zlib.crc32(relative.encode("utf-8")) % parts


def _parts(output: Path, part_pages: int, unsearched: set[str]) -> list[list[str]]:
    """The output's HTML files in parts: what an edit changes together stays together.

    The pages of a large folder (one per project, per story) are spread over parts by a
    stable hash of their paths; everything else – lists, a site's and a theme's pages, the
    fixed pages, which an edit changes with them – is part 0. One edited project so
    re-indexes part 0 and its own part.
    """
    pages = [relative for relative in file_names(output) if relative.endswith(".html")]
    if len(pages) <= part_pages:
        return [pages]  # one index, of the whole output (Pagefind skips the unmarked pages itself)
    pages = [relative for relative in pages if relative not in unsearched]
    by_folder: dict[str, list[str]] = {}
    for relative in pages:
        by_folder.setdefault(relative.split("/")[0], []).append(relative)
    threshold = max(2, min(LARGE_FOLDER, part_pages // 2))
    large = {folder for folder, inside in by_folder.items() if len(inside) >= threshold}
    spread = [r for r in pages if r.split("/")[0] in large]
    count = max(1, math.ceil(len(spread) / part_pages))
    while True:
        parts: list[list[str]] = [[r for r in pages if r.split("/")[0] not in large]] + [[] for _ in range(count)]
        for relative in spread:
            parts[1 + _part_of(relative, count)].append(relative)
        if all(parts[1:]) or count == 1:
            return [part for part in parts if part]
        count -= 1  # a part without pages would be an index without a bundle


def _digest(output: Path, pages: list[str], known: dict[str, str]) -> str:
    """A hash over the part's pages; a page whose hash the build *known* (the rendered ones) is not read again."""
    h = hashlib.sha256()
    for relative in pages:
        page = known.get(relative) or hashlib.sha256((output / relative).read_bytes()).hexdigest()
        h.update(relative.encode("utf-8") + b"\0" + page.encode("ascii") + b"\n")
    return h.hexdigest()


def part_folder(bundle: Path, index: int) -> Path:
    """Part 0 is the main bundle (``pagefind/``, with pagefind.js); the others lie inside it."""
    return bundle if index == 0 else bundle / f"teil-{index}"


def _reuse(old_bundle: Path, new_bundle: Path, index: int) -> bool:
    old = part_folder(old_bundle, index)
    if not (old / "pagefind-entry.json").is_file():
        return False
    for source in old.rglob("*"):
        relative = source.relative_to(old)
        if index == 0 and (relative.parts[0].startswith("teil-") or relative.name == PARTS_FILE):
            continue  # the other parts and their list are not part 0's
        if source.is_file() and source.suffix not in (".gz", ".br"):
            link_or_copy(source, part_folder(new_bundle, index) / relative)
    return True


def keep_index(output: Path, previous: Path | None) -> bool:
    """Link *previous*'s whole search index into *output* unchanged; False if it has none."""
    old_bundle = Path(previous) / "pagefind" if previous else None
    if old_bundle is None or not (old_bundle / PARTS_FILE).is_file() or not _reuse(old_bundle, output / "pagefind", 0):
        return False
    for name in json.loads((old_bundle / PARTS_FILE).read_text(encoding="utf-8")):
        _reuse(old_bundle, output / "pagefind", int(name.removeprefix("teil-")))
    link_or_copy(old_bundle / PARTS_FILE, output / "pagefind" / PARTS_FILE)
    return True


def build_index(
    output: Path,
    previous: Path | None = None,
    previous_state: str = "",
    part_pages: int = PART_PAGES,
    page_hashes: dict[str, str] | None = None,
    unsearched: set[str] | None = None,
) -> tuple[str, int, int]:
    """Make the search index of *output*, in parts; a part whose pages are as in *previous* is reused.

    *previous_state* is the state this function returned for the *previous* output (kept by
    the caller once that was published). *page_hashes* are the hashes of pages the build
    rendered (by output path), which need not be read again; *unsearched* are pages without
    the search mark (lists), which a part leaves out: Pagefind would read them only to
    find they are not to be indexed. Returns this output's state
    (the parts' digests), how many parts were indexed anew, and how many there are.
    """
    parts = _parts(output, part_pages, unsearched or set())
    digests = [_digest(output, pages, page_hashes or {}) for pages in parts]
    try:
        known = json.loads(previous_state)["parts"] if previous_state else []
    except (ValueError, KeyError, TypeError):
        known = []
    old_bundle = Path(previous) / "pagefind" if previous else None
    bundle = output / "pagefind"
    fresh = []
    for index in range(len(parts)):
        same = len(known) == len(parts) and known[index] == digests[index]
        if not (same and old_bundle and _reuse(old_bundle, bundle, index)):
            fresh.append(index)
    for index in fresh:
        _index_part(output, parts[index], part_folder(bundle, index), whole=len(parts) == 1)
    # Always written (an empty list for one part): the browser asks for it on every first search.
    (bundle / PARTS_FILE).write_text(json.dumps([f"teil-{i}" for i in range(1, len(parts))]), encoding="utf-8")
    return json.dumps({"parts": digests}), len(fresh), len(parts)


def _index_part(output: Path, pages: list[str], target: Path, *, whole: bool) -> None:
    """Run Pagefind over *pages* of *output* (all of it, or a folder of links to the part's pages)."""
    if whole:
        _run_pagefind(output, target)
        return
    site = Path(tempfile.mkdtemp(prefix=".suchindex-", dir=output.parent))
    try:
        for relative in pages:
            link_or_copy(output / relative, site / relative)
        _run_pagefind(site, target)
    finally:
        shutil.rmtree(site, ignore_errors=True)


def _run_pagefind(site: Path, target: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(target), "--silent"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind ist fehlgeschlagen:\n{result.stdout}\n{result.stderr}")
    for pattern in UNUSED:
        for path in target.glob(pattern):
            path.unlink()
    make_index_reproducible(target)


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
