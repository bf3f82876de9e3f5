"""Markdown from records and stories to safe HTML: Python-Markdown, then nh3.

Editors write Markdown; residents' browsers must never run what an editor pasted.
So every piece of Markdown is rendered and then cleaned with nh3 (an allow-list
sanitiser): no ``<script>``, no ``on*=`` attributes, only http(s) and mailto links.
Only the cleaned result is marked safe for the templates.

Headings are renumbered so a text fits the page it lands on: the highest heading
becomes ``base`` (``h2`` under a page's ``h1``) and no level is skipped (WCAG 1.3.1).
Results are cached by a hash of the text and the settings, and a batch of misses is
rendered on all cores.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import nh3
from markupsafe import Markup

from ..common.cache import KeyValueCache, content_key
from ..common.parallel import map_parallel

# Bump when rendering or cleaning changes, so cached HTML is not reused.
RENDERER_VERSION = "3"

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "abbr",
    "sub",
    "sup",
    "del",
    "dl",
    "dt",
    "dd",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "ol": {"start"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto"}
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


class _HeadingLevels(markdown.treeprocessors.Treeprocessor):
    def __init__(self, md, base: int):
        super().__init__(md)
        self.base = base

    def run(self, root: ET.Element) -> None:
        headings = [el for el in root.iter() if el.tag in _HEADINGS]
        levels = sorted({int(el.tag[1]) for el in headings})
        mapping = {level: min(6, self.base + rank) for rank, level in enumerate(levels)}
        for el in headings:
            el.tag = f"h{mapping[int(el.tag[1])]}"


class HeadingLevels(markdown.Extension):
    """Renumber headings to start at ``base`` without gaps."""

    def __init__(self, base: int = 2):
        super().__init__()
        self.base = base

    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_HeadingLevels(md, self.base), "qs_heading_levels", 5)


def clean_html(html: str) -> str:
    """Keep only allowed tags, attributes and URL schemes."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def render_markdown_uncached(task: tuple[str, int]) -> str:
    """Render one text (``(markdown, heading base)``) to cleaned HTML."""
    text, base = task
    md = markdown.Markdown(
        extensions=["sane_lists", "tables", "def_list", "abbr", HeadingLevels(base)], output_format="html"
    )
    return clean_html(md.convert(text)).strip()


class MarkdownRenderer:
    """Renders Markdown with an in-memory and an on-disk cache."""

    def __init__(self, cache: KeyValueCache | None = None, *, workers: int = 1, min_parallel: int = 200):
        self.cache = cache
        self.workers = workers
        self.min_parallel = min_parallel
        self._memory: dict[str, str] = {}

    @staticmethod
    def key(text: str, base: int) -> str:
        return content_key(RENDERER_VERSION, str(base), text)

    def render(self, text: str, base: int = 2) -> Markup:
        return self.render_many([(text, base)])[0]

    def render_many(self, tasks: list[tuple[str, int]]) -> list[Markup]:
        """Render many texts; cached ones are looked up, the rest rendered in parallel."""
        keys = [self.key(text, base) for text, base in tasks]
        missing = [k for k in dict.fromkeys(keys) if k not in self._memory]
        if missing and self.cache is not None:
            for key, value in self.cache.get_many(missing).items():
                self._memory[key] = value.decode("utf-8")
            missing = [k for k in missing if k not in self._memory]
        if missing:
            wanted = set(missing)
            todo = {key: task for key, task in zip(keys, tasks, strict=True) if key in wanted}
            results = map_parallel(
                render_markdown_uncached, list(todo.values()), workers=self.workers, min_items=self.min_parallel
            )
            fresh = dict(zip(todo.keys(), results, strict=True))
            self._memory.update(fresh)
            if self.cache is not None:
                self.cache.put_many({k: v.encode("utf-8") for k, v in fresh.items()})
        # Safe to mark: every value went through clean_html().
        return [Markup(self._memory[key]) for key in keys]


@functools.cache
def _renderer(cache_path: str, workers: int, min_parallel: int) -> MarkdownRenderer:
    return MarkdownRenderer(KeyValueCache(Path(cache_path), "markdown"), workers=workers, min_parallel=min_parallel)


def markdown_renderer(settings: dict) -> MarkdownRenderer:
    """The Markdown renderer for these settings: one per cache folder and process, shared by reader and builder."""
    return _renderer(str(settings["QS_CACHE_PATH"]), int(settings["QS_WORKERS"]), int(settings["QS_PARALLEL_MIN"]))
