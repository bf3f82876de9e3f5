"""Make the output light: minify CSS, precompress text files (.gz, .br).

Measured on the demo (home page, gzip): CSS minification saves about a fifth of the
stylesheet, so it is done (rcssmin); HTML minification saves under 3 % after gzip and
makes the output and its golden files hard to read, so it is not. Precompressed
files let servers such as nginx (gzip_static, brotli_static) send them without work.
Compression is deterministic: no timestamps, no file names in the gzip header.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
import rcssmin

TEXT_SUFFIXES = {".html", ".css", ".js", ".mjs", ".svg", ".xml", ".json", ".geojson", ".csv", ".txt", ".vcf"}


def minify_css(output: Path) -> int:
    """Minify every stylesheet in place; returns the number of bytes saved."""
    saved = 0
    for path in sorted(output.rglob("*.css")):
        text = path.read_text(encoding="utf-8")
        small = rcssmin.cssmin(text)
        saved += len(text.encode()) - len(small.encode())
        path.write_text(small, encoding="utf-8")
    return saved


def precompress(output: Path, min_size: int = 512) -> int:
    """Write ``.gz`` and ``.br`` beside every text file worth it; returns how many files were compressed."""
    count = 0
    for path in sorted(p for p in output.rglob("*") if p.is_file() and p.suffix in TEXT_SUFFIXES):
        data = path.read_bytes()
        if len(data) < min_size:
            continue
        packed_gzip = gzip.compress(data, compresslevel=9, mtime=0)
        packed_brotli = brotli.compress(data, quality=11)
        if len(packed_gzip) < len(data):
            path.with_name(path.name + ".gz").write_bytes(packed_gzip)
            count += 1
        if len(packed_brotli) < len(data):
            path.with_name(path.name + ".br").write_bytes(packed_brotli)
    return count
