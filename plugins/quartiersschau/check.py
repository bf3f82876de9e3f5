"""Load, validate and link: the part of the build that must succeed before any output.

Shared by the Pelican plugin and ``scripts/validate.py`` so that ``make validate``
reports exactly what a build would refuse.
"""

from __future__ import annotations

from .catalogue.builder import MarkdownRenderer, build_catalogue
from .catalogue.catalogue import Catalogue
from .common.cache import KeyValueCache
from .common.clock import build_date
from .images.checks import check_images
from .images.derivatives import DEFAULT_MAX_PIXELS
from .records import accepted
from .records.cautions import PLACEHOLDER, content_warnings
from .records.crossrefs import check_references
from .records.downloads import check_downloads, download_files
from .records.paths import ContentPaths
from .records.problems import ContentError, Problem
from .records.reading import RecordSet, read_records


def check_content(
    paths: ContentPaths, max_pixels: int = DEFAULT_MAX_PIXELS, cache: KeyValueCache | None = None
) -> RecordSet:
    """Read and check every record; raise :class:`ContentError` listing all problems."""
    records, problems = read_records(paths, cache)
    try:
        problems += check_references(records, paths)
        problems += check_images(records, paths, max_pixels)
        problems += check_downloads(records, paths)
    finally:
        accepted.forget()
    if problems:
        raise ContentError(problems)
    return records


def check_warnings(
    records: RecordSet, *, refuse_placeholders: bool = False, cache: KeyValueCache | None = None
) -> list[Problem]:
    """The warnings of checked content; with *refuse_placeholders* (publishing) placeholders are errors."""
    warnings = content_warnings(records, build_date(), cache)
    if refuse_placeholders:
        refused = [
            w.as_error(" – mit Platzhaltern wird nicht veröffentlicht") for w in warnings if w.code == PLACEHOLDER
        ]
        if refused:
            raise ContentError(refused)
    return warnings


def download_sizes(records: RecordSet, paths: ContentPaths) -> dict[str, int]:
    return {name: file.stat().st_size for name, file in download_files(records, paths).items()}


def load_catalogue(paths: ContentPaths, renderer: MarkdownRenderer, **urls) -> Catalogue:
    """Check everything, then build the catalogue."""
    records = check_content(paths)
    return build_catalogue(records, renderer, download_sizes=download_sizes(records, paths), **urls)
