"""Never publish a partial site: build into a staging folder, swap it in at the end.

Pelican writes straight into ``OUTPUT_PATH``. We point it at a sibling staging folder
at the start of every run and, only after every generator and post-build step
(sitemap, search index, minified CSS, _headers, precompressed files) has succeeded, replace the old output with it. A failed
build leaves ``output/`` exactly as it was; its leftovers are removed
at the start of the next run.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path

from ..common.log import LOG_PREFIX
from .compression import minify_css, precompress
from .headers import write_headers
from .search import build_index
from .sitemap import SitemapCollector, write_sitemap

log = logging.getLogger(__name__)

# Pages written in the current run (from Pelican's content_written signal).
pages = SitemapCollector()


def staging_path(output_path: str) -> str:
    return os.path.normpath(output_path) + ".tmp-build"


def begin_run(pelican) -> None:
    """Point this run of Pelican at a fresh staging folder."""
    pages.reset()
    if not pelican.settings["QS_ATOMIC_OUTPUT"]:
        return
    staging = staging_path(pelican.settings["OUTPUT_PATH"])
    shutil.rmtree(staging, ignore_errors=True)
    os.makedirs(staging)
    pelican.output_path = staging


def page_written(path: str, output_path: str) -> None:
    pages.record(path, output_path)


def finish_run(pelican) -> None:
    """Post-build steps on the finished staging folder, then publish it as the output."""
    settings = pelican.settings
    staging = Path(pelican.output_path)
    # The last published output, whose search index and compressed files may be reused.
    previous = Path(settings["OUTPUT_PATH"]) if settings["QS_ATOMIC_OUTPUT"] else None
    # Digest of the published output's HTML, written only after a successful publish,
    # so it always describes the search index in OUTPUT_PATH.
    stamp = Path(settings["QS_CACHE_PATH"]) / "search-index-html.sha256"
    write_sitemap(staging, settings["QS_PUBLIC_URL"], pages.pages)
    digest = ""
    if settings["QS_SEARCH"]:
        known = stamp.read_text() if stamp.is_file() and previous else ""
        digest = build_index(staging, previous, known)
        state = "unverändert übernommen" if digest == known else "neu erstellt"
        print(f"{LOG_PREFIX} Suchindex: {state}", file=sys.stderr, flush=True)
    minify_css(staging)
    write_headers(staging)
    if settings["QS_PRECOMPRESS"]:
        precompress(staging, settings["QS_WORKERS"], settings["QS_PARALLEL_MIN"], previous)
    if settings["QS_ATOMIC_OUTPUT"]:
        publish(str(staging), settings["OUTPUT_PATH"])
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(digest)


def publish(staging: str, final: str) -> None:
    """Replace *final* by *staging* with two renames; the old output is removed last."""
    final = os.path.normpath(final)
    old = final + ".old"
    shutil.rmtree(old, ignore_errors=True)
    if os.path.exists(final):
        os.rename(final, old)
    os.rename(staging, final)
    shutil.rmtree(old, ignore_errors=True)
    log.info("%s Ausgabe veröffentlicht: %s", LOG_PREFIX, final)
