"""Render page jobs (cached, on all cores) and write them through Pelican's Writer.

Rendering is separated from writing: workers render templates to strings, the main
process hands each string to ``Writer.write_file`` so that Pelican's
``content_written`` signal (sitemap and similar plugins) sees every page. A page whose
HTML is as published is linked from the published output instead (``published``), and
the signal is sent for it all the same.

Rendered pages are cached with what they read (``dependencies``): a page is rendered
again only when one of the entities or catalogue values it read has changed, or when
something every page shares has (templates, the plugin's code, the settings, the map,
the programme, the build day). An edited project renders its own page and the pages
that show it again, nothing else.
"""

from __future__ import annotations

import json
import sys
import zlib
from pathlib import Path

from pelican import signals

from ..common.cache import NOT_ON_PAGES, KeyValueCache, content_key, settings_key
from ..common.filesystem import files_digest, link_or_copy
from ..common.log import LOG_PREFIX
from ..common.parallel import imap_parallel
from . import dependencies
from .jobs import PageJob
from .published import PublishedPages, page_hash

# The mark of a page for the search index (Pagefind indexes only pages with it, when any has it).
SEARCHED = "data-pagefind-body"

# Pages whose cache entries are read, and written, at a time (memory, not speed: a batch is one query).
CACHE_BATCH = 500

# Set just before forking so workers inherit it; see parallel.map_parallel.
_STATE: tuple | None = None


class Prerendered:
    """Stands in for a Jinja template in ``Writer.write_file``: the page is already rendered."""

    def __init__(self, html: str):
        self.html = html

    def render(self, _context=None) -> str:
        return self.html


def build_key(catalogue, settings: dict, theme: str, geometry=None) -> str:
    """What every page depends on besides the catalogue's entities, as one hash."""
    templates = [Path(p) for p in settings.get("THEME_TEMPLATES_OVERRIDES", [])] + [Path(theme) / "templates"]
    return content_key(
        files_digest(templates, "*"),
        files_digest([Path(__file__).parents[1]], "*.py"),
        settings_key(settings, NOT_ON_PAGES),
        # The map outlines and their projection, which every map marker depends on.
        geometry.svg_file() + repr(geometry.boxes) if geometry is not None else "",
        # The programme's name, words and settings are on every page (the `words` variable).
        dependencies.encode(catalogue.programme),
        # What is upcoming, and who is open today, as of the build day.
        catalogue.participation.today.isoformat(),
    )


def page_context(base: dict, job: PageJob) -> dict:
    context = dict(base)
    context.update(job.kwargs)
    context["output_file"] = job.save_as
    context["page_url"] = job.url
    return context


def _render_one(index: int) -> tuple[str, list]:
    env, base, jobs = _STATE
    job = jobs[index]
    template = env.get_template(job.template)
    return dependencies.render_tracked(lambda: template.render(page_context(base, job)), job.kwargs.values())


def _entry(deps: list, digest: str, searched: bool, html: str) -> bytes:
    """A cache entry: what the page read, its hash and search mark as JSON, then a NUL, then the compressed HTML.

    A page as published is linked by its hash alone, so its HTML is never unpacked.
    """
    head = json.dumps({"deps": deps, "hash": digest, "searched": searched}, ensure_ascii=False).encode("utf-8")
    return head + b"\0" + zlib.compress(html.encode("utf-8"), 1)


def _stored(entry: bytes) -> tuple[list, str, bool, bytes] | None:
    """(deps, page hash, searched, compressed HTML) of an entry; None for one of another form (an older build's)."""
    head, nul, packed = bytes(entry).partition(b"\0")
    if not nul or not head.startswith(b"{"):
        return None
    data = json.loads(head)
    if "searched" not in data:
        return None
    return data["deps"], data["hash"], data["searched"], packed


def render_and_write(
    generator, writer, jobs: list[PageJob], cache: KeyValueCache, published: PublishedPages | None = None
) -> set[str]:
    """Render what changed, write what is not as *published*; returns the pages not for the search index.

    Each page is written (or linked) as soon as it is known, while the workers render the
    next ones: a page's HTML is held only until then, not the whole site's at once.
    """
    global _STATE
    settings = generator.settings
    catalogue = generator.context["catalogue"]
    dependencies.install(generator.env)
    key_base = build_key(catalogue, settings, generator.theme, generator.context.get("qs_map"))
    keys = [content_key(key_base, job.save_as) for job in jobs]
    fingerprints = dependencies.Fingerprints(catalogue)
    output = Path(generator.output_path)
    unsearched: set[str] = set()
    linked = 0

    def publish(index: int, digest: str, html: str | bytes, searched: bool) -> None:
        """Link the page as published, or write it (*html* compressed when it comes from the cache)."""
        nonlocal linked
        job = jobs[index]
        if not searched:
            unsearched.add(job.save_as)
        source = published.source(job.save_as, digest) if published is not None else None
        if source is not None:
            # As published: a link instead of a write; the sitemap hears of it as of any page.
            link_or_copy(source, output / job.save_as)
            signals.content_written.send(str(output / job.save_as), context=generator.context)
            linked += 1
            return
        if isinstance(html, bytes):
            html = zlib.decompress(html).decode("utf-8")
        writer.write_file(job.save_as, Prerendered(html), generator.context, url=job.url, **job.kwargs)

    todo = []
    for start in range(0, len(jobs), CACHE_BATCH):
        batch = keys[start : start + CACHE_BATCH]
        cached = cache.get_many(batch)
        for index, key in enumerate(batch, start):
            stored = _stored(cached[key]) if key in cached else None
            if stored is not None and fingerprints.unchanged(stored[0]):
                publish(index, stored[1], stored[3], stored[2])
            else:
                todo.append(index)
    _STATE = (generator.env, generator.context, jobs)
    new_entries = {}
    try:
        rendered = imap_parallel(
            _render_one, todo, workers=settings["QS_WORKERS"], min_items=settings["QS_PARALLEL_MIN"]
        )
        for index, (html, deps) in zip(todo, rendered, strict=True):
            digest, searched = page_hash(html), SEARCHED in html
            new_entries[keys[index]] = _entry(fingerprints.of(deps), digest, searched, html)
            publish(index, digest, html, searched)
            if len(new_entries) >= CACHE_BATCH:
                cache.put_many(new_entries)
                new_entries = {}
    finally:
        _STATE = None
    cache.put_many(new_entries)
    cache.keep_only(set(keys))
    # Printed like the images' line: what an edit cost is worth seeing on every build.
    print(
        f"{LOG_PREFIX} Seiten: {len(jobs) - linked} geschrieben, {linked} wie veröffentlicht übernommen, "
        f"{len(todo)} neu gerendert",
        file=sys.stderr,
        flush=True,
    )
    return unsearched
