"""Shared, per-build services (Markdown renderer, caches), created once per settings."""

from __future__ import annotations

import functools
from pathlib import Path

from .cache import KeyValueCache
from .markdown_render import MarkdownRenderer


@functools.cache
def _renderer(cache_path: str, workers: int, min_parallel: int) -> MarkdownRenderer:
    return MarkdownRenderer(KeyValueCache(Path(cache_path), "markdown"), workers=workers, min_parallel=min_parallel)


def markdown_renderer(settings: dict) -> MarkdownRenderer:
    """The Markdown renderer for these settings (one per cache folder and process)."""
    return _renderer(str(settings["QS_CACHE_PATH"]), int(settings["QS_WORKERS"]), int(settings["QS_PARALLEL_MIN"]))
