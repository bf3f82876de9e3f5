"""Render page jobs (cached, on all cores) and write them through Pelican's Writer.

Rendering is separated from writing: workers render templates to strings, the main
process hands each string to ``Writer.write_file`` so that Pelican's
``content_written`` signal (sitemap and similar plugins) sees every page.

Rendered pages are cached by a key over everything a page can depend on: the
catalogue's content digest, the theme's templates, the plugin's code and the
settings. Nothing changed means nothing is rendered again.
"""

from __future__ import annotations

import json
import logging
import zlib
from pathlib import Path

from ..common.cache import KeyValueCache, content_key
from ..common.filesystem import files_digest
from ..common.log import LOG_PREFIX
from ..common.parallel import map_parallel
from .jobs import PageJob

log = logging.getLogger(__name__)

# Set just before forking so workers inherit it; see parallel.map_parallel.
_STATE: tuple | None = None


class Prerendered:
    """Stands in for a Jinja template in ``Writer.write_file``: the page is already rendered."""

    def __init__(self, html: str):
        self.html = html

    def render(self, _context=None) -> str:
        return self.html


def _settings_digest(settings: dict) -> str:
    plain = {}
    for key, value in settings.items():
        if key.isupper():
            try:
                plain[key] = json.dumps(value, sort_keys=True, default=None)
            except (TypeError, ValueError):
                continue
    return content_key(json.dumps(plain, sort_keys=True))


def build_key(catalogue, settings: dict, theme: str, geometry=None) -> str:
    """Everything that can change a page's HTML, as one hash."""
    templates = [Path(p) for p in settings.get("THEME_TEMPLATES_OVERRIDES", [])] + [Path(theme) / "templates"]
    return content_key(
        catalogue.digest,
        files_digest(templates, "*"),
        files_digest([Path(__file__).parents[1]], "*.py"),
        _settings_digest(settings),
        # The map outlines and their projection, which every map marker depends on.
        geometry.svg_file() + repr(geometry.boxes) if geometry is not None else "",
    )


def page_context(base: dict, job: PageJob) -> dict:
    context = dict(base)
    context.update(job.kwargs)
    context["output_file"] = job.save_as
    context["page_url"] = job.url
    return context


def _render_one(index: int) -> str:
    env, base, jobs = _STATE
    job = jobs[index]
    return env.get_template(job.template).render(page_context(base, job))


def render_and_write(generator, writer, jobs: list[PageJob], cache: KeyValueCache) -> int:
    """Render what is not cached, write every page; returns how many were rendered."""
    global _STATE
    settings = generator.settings
    key_base = build_key(generator.context["catalogue"], settings, generator.theme, generator.context.get("qs_map"))
    keys = [content_key(key_base, job.save_as) for job in jobs]
    cached = cache.get_many(keys)
    todo = [i for i, key in enumerate(keys) if key not in cached]
    _STATE = (generator.env, generator.context, jobs)
    try:
        fresh = map_parallel(_render_one, todo, workers=settings["QS_WORKERS"], min_items=settings["QS_PARALLEL_MIN"])
    finally:
        _STATE = None
    new_entries = {keys[i]: zlib.compress(html.encode("utf-8"), 1) for i, html in zip(todo, fresh, strict=True)}
    cache.put_many(new_entries)
    cache.keep_only(set(keys))
    html_by_index = dict(zip(todo, fresh, strict=True))
    for index, job in enumerate(jobs):
        html = html_by_index.get(index)
        if html is None:
            html = zlib.decompress(cached[keys[index]]).decode("utf-8")
        writer.write_file(job.save_as, Prerendered(html), generator.context, url=job.url, **job.kwargs)
    log.info("%s %d Seiten geschrieben, davon %d neu gerendert", LOG_PREFIX, len(jobs), len(todo))
    return len(todo)
