"""Load, validate and link: the part of the build that must succeed before any output.

Shared by the Pelican plugin and ``scripts/validate.py`` so that ``make validate``
reports exactly what a build would refuse.
"""

from __future__ import annotations

from .cache import KeyValueCache
from .catalogue import Catalogue
from .catalogue_builder import build_catalogue
from .crossrefs import check_references
from .images import DEFAULT_MAX_PIXELS
from .markdown_render import MarkdownRenderer
from .problems import ContentError
from .records import ContentPaths, RecordSet, read_records


def check_content(
    paths: ContentPaths, max_pixels: int = DEFAULT_MAX_PIXELS, cache: KeyValueCache | None = None
) -> RecordSet:
    """Read and check every record; raise :class:`ContentError` listing all problems."""
    records, problems = read_records(paths, cache)
    problems += check_references(records, paths, max_pixels)
    if problems:
        raise ContentError(problems)
    return records


def load_catalogue(paths: ContentPaths, renderer: MarkdownRenderer, **urls) -> Catalogue:
    """Check everything, then build the catalogue."""
    return build_catalogue(check_content(paths), renderer, **urls)
