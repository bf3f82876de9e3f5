"""Never publish a partial site: build into a staging folder, swap it in at the end.

Pelican writes straight into ``OUTPUT_PATH``. We point it at a staging folder of its
own beside the output at the start of every run and, only after every generator and
post-build step (sitemap, search index, minified CSS, _headers, precompressed files)
has succeeded, replace the old output with it (``output_folder``). A failed build
leaves ``output/`` exactly as it was and removes its staging folder; what a killed
build left behind is removed at the start of the next run.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from ..common.cache import NOT_ON_PAGES, settings_key
from ..common.filesystem import file_names, keep_unchanged, write_atomic
from ..common.log import LOG_PREFIX
from ..common.refusal import refuse
from .compression import minify_css, precompress
from .headers import write_headers
from .output_folder import (
    empty_spare,
    new_staging,
    protected_folders,
    remove_empty_folders,
    remove_leftovers,
    resolve_target,
    reuse_spare,
    set_aside,
    spare_folder,
    swap_in,
)
from .search import PART_PAGES, build_index, keep_index
from .sitemap import SitemapCollector, write_sitemap

log = logging.getLogger(__name__)

# Pages written in the current run (from Pelican's content_written signal).
pages = SitemapCollector()


# The folder this run publishes into (the output folder, or its link's target).
_run: dict[str, Path] = {}


def begin_run(pelican) -> None:
    """Point this run of Pelican at a fresh staging folder beside the output's target."""
    pages.reset()
    _run.clear()
    if not pelican.settings["QS_ATOMIC_OUTPUT"]:
        return
    target = resolve_target(pelican.settings["OUTPUT_PATH"], protected_folders(pelican.settings))
    # The folder the last swap replaced, kept for a build whose settings give the same paths.
    spare = spare_folder(target, settings_key(pelican.settings, NOT_ON_PAGES))
    try:
        remove_leftovers(target, keep=spare)
        staging = reuse_spare(spare, target) or new_staging(target)
    except OSError as error:
        refuse(f"{target}: Bereitstellungsordner kann nicht angelegt werden ({error.strerror}) – Schreibrechte prüfen")
    _run["target"] = target
    _run["spare"] = spare
    _run["staging"] = staging
    pelican.output_path = str(staging)


def abandon_run() -> None:
    """A refused build: its staging folder, from which nothing was published, is the spare again.

    So the next build still finds the folders (a spare is emptied when it is taken); without
    a staging folder, or with a spare there already, it is removed.
    """
    staging = _run.get("staging")
    if staging is not None and staging.is_dir():
        set_aside(staging, _run.get("spare"))


def published_target() -> Path | None:
    """The folder this run publishes into (known from ``begin_run`` on), or None without a staging folder."""
    return _run.get("target")


def page_written(path: str, output_path: str) -> None:
    pages.record(path, output_path)


def finish_run(pelican, page_hashes: dict[str, str] | None = None, unsearched: set[str] | None = None) -> None:
    """Post-build steps on the finished staging folder, then publish it as the output.

    A step that fails (Pagefind, a full disk) stops the build with one line and removes
    the staging folder; the published output is not touched.
    """
    staging = Path(pelican.output_path)
    try:
        _finish(pelican.settings, staging, page_hashes or {}, unsearched or set())
    except (OSError, RuntimeError) as error:
        if "target" in _run:
            abandon_run()
        detail = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        refuse(
            f"{LOG_PREFIX} Veröffentlichen fehlgeschlagen: {detail.strip()}"
            + (f" ({error.filename})" if getattr(error, "filename", None) else ""),
            f"{LOG_PREFIX} Die bisherige Ausgabe bleibt unverändert.",
        )


def _finish(settings: dict, staging: Path, page_hashes: dict[str, str], unsearched: set[str]) -> None:
    target = _run.get("target")
    # The last published output, whose search index and compressed files may be reused.
    previous = target if target is not None and target.is_dir() else None
    # The search index's state (its parts' digests), written only after a successful publish,
    # so it always describes the search index in the output.
    stamp = Path(settings["QS_CACHE_PATH"]) / "search-index-parts.json"
    # One listing for the sitemap and the stylesheets (before the search index adds its files).
    names = file_names(staging)
    write_sitemap(staging, settings["QS_PUBLIC_URL"], pages.pages, names)
    minify_css(staging, names)
    digest: str | None = ""
    if settings["QS_SEARCH"] and settings.get("QS_QUICK_PREVIEW") and keep_index(staging, previous):
        # The stamp still describes the index in the output, which the next build brings up to date.
        digest = None
        print(f"{LOG_PREFIX} Suchindex: vom letzten Bau übernommen, der nächste Bau erneuert ihn", file=sys.stderr)
    elif settings["QS_SEARCH"]:
        known = stamp.read_text() if stamp.is_file() and previous else ""
        part_pages = settings.get("QS_SEARCH_PART_PAGES", PART_PAGES)
        digest, fresh, parts = build_index(staging, previous, known, part_pages, page_hashes, unsearched)
        if fresh == 0:
            state = "unverändert übernommen"
        elif fresh == parts:
            state = "neu erstellt"
        else:
            state = f"{fresh} von {parts} Teilen neu erstellt"
        print(f"{LOG_PREFIX} Suchindex: {state}", file=sys.stderr, flush=True)
    write_headers(staging, settings)
    # Unchanged files keep their time stamp: a deploy then sends only what changed. Before the
    # compression, which then knows a linked file unchanged without reading it again.
    same = keep_unchanged(staging, previous)
    if settings["QS_PRECOMPRESS"]:
        # The quick preview links what is unchanged and leaves the changed files to the next build.
        quick = bool(settings.get("QS_QUICK_PREVIEW"))
        precompress(staging, settings["QS_WORKERS"], settings["QS_PARALLEL_MIN"], previous, same, reuse_only=quick)
    if target is not None:
        remove_empty_folders(staging)
        swap_in(staging, target, _run.get("spare"))
        if not settings.get("QS_QUICK_PREVIEW"):
            empty_spare(_run.get("spare"), target)
        if digest is not None:
            write_atomic(stamp, digest)
        log.info("%s Ausgabe veröffentlicht: %s", LOG_PREFIX, target)
