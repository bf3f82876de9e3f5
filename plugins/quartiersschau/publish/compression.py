"""Make the output light: minify CSS, precompress text files (.gz, .br).

Measured on the demo (home page, gzip): CSS minification saves about a fifth of the
stylesheet, so it is done (rcssmin); HTML minification saves under 3 % after gzip and
makes the output and its golden files hard to read, so it is not. Precompressed
files let servers such as nginx (gzip_static, brotli_static) send them without work.
Compression is deterministic: no timestamps, no file names in the gzip header.

Brotli's best level costs about 100 ms per page; it is spent only on the files every
visitor loads (CSS, scripts, the map); pages use level 5 (about 2 ms, some 10 % larger).
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import brotli
import rcssmin

from ..common.filesystem import file_names, walk_files
from ..common.parallel import map_parallel

TEXT_SUFFIXES = {".html", ".css", ".js", ".mjs", ".svg", ".xml", ".json", ".geojson", ".csv", ".txt", ".vcf"}
SHARED_SUFFIXES = {".css", ".js", ".mjs", ".svg"}
MIN_SIZE = 512
LARGE = 1_000_000


def minify_css(output: Path, names: list[str] | None = None) -> int:
    """Minify every stylesheet in place; returns the number of bytes saved.

    *names* are the files in *output* (``file_names``), if the caller has listed them already.
    """
    saved = 0
    for relative in file_names(output) if names is None else names:
        if not relative.endswith(".css"):
            continue
        path = output / relative
        text = path.read_text(encoding="utf-8")
        small = rcssmin.cssmin(text)
        saved += len(text.encode()) - len(small.encode())
        path.write_text(small, encoding="utf-8")
    return saved


def _compress_one(path: Path) -> int:
    data = path.read_bytes()
    packed_gzip = gzip.compress(data, compresslevel=9, mtime=0)
    # Quality 11 takes seconds per megabyte: not for the web editor's 5 MB bundle (publish.admin).
    best = path.suffix in SHARED_SUFFIXES and len(data) <= LARGE
    packed_brotli = brotli.compress(data, quality=11 if best else 5)
    written = 0
    if len(packed_gzip) < len(data):
        path.with_name(path.name + ".gz").write_bytes(packed_gzip)
        written += 1
    if len(packed_brotli) < len(data):
        path.with_name(path.name + ".br").write_bytes(packed_brotli)
        written += 1
    return written


def _link_packed(old: Path, path: Path) -> bool:
    """Link the .gz and .br of *old* (the same file as *path*) beside *path*; False, leaving none, if one is missing."""
    made = []
    for ext in (".gz", ".br"):
        try:
            os.link(old.with_name(old.name + ext), path.with_name(path.name + ext))
        except OSError:
            for link in made:  # never half: the compression below writes both anew
                link.unlink()
            return False
        made.append(path.with_name(path.name + ext))
    return True


def precompress(
    output: Path,
    workers: int,
    min_parallel: int,
    previous: Path | None = None,
    same: set[str] | frozenset[str] = frozenset(),
    *,
    reuse_only: bool = False,
) -> int:
    """Write ``.gz`` and ``.br`` beside every text file worth it, on all cores; returns the files written.

    *same* names the files that are the *previous* output's own (``keep_unchanged``): they
    reuse its compressed versions, linked without a look at either file. Only the others go
    to the workers (none with *reuse_only*: the preview's quick build leaves them to the
    build after it).
    """
    previous = previous if previous is not None and previous.is_dir() else None
    linked, tasks = 0, []
    for relative, info in walk_files(output):
        if Path(relative).suffix not in TEXT_SUFFIXES or info.st_size < MIN_SIZE:
            continue
        path = output / relative
        if previous is not None and relative in same and _link_packed(previous / relative, path):
            linked += 2
        elif not reuse_only:
            tasks.append(path)
    return linked + sum(map_parallel(_compress_one, tasks, workers=workers, min_items=min_parallel))
