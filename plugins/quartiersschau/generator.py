"""The Pelican generator of the plugin: catalogue in ``generate_context``, pages in ``generate_output``.

Pelican runs every generator's ``generate_context`` before any ``generate_output``, so
checking all content here guarantees that a build with a single problem writes
nothing at all.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
from pathlib import Path

from pelican.generators import Generator

from .catalogue.builder import build_catalogue
from .check import check_content, check_warnings
from .common.cache import KeyValueCache
from .common.clock import build_day
from .common.filesystem import link_or_copy
from .common.log import LOG_PREFIX
from .common.refusal import BuildRefused, refuse
from .images.pipeline import ImagePipeline, image_sources
from .publish import other_files, staging
from .publish.admin import admin_files, check_bundle, copy_bundle
from .publish.calendar import calendar_files
from .publish.feeds import write_feeds
from .publish.open_data import FOLDER as EXPORT_FOLDER
from .publish.open_data import export_files
from .publish.participation_data import participation_files
from .records.characters import neutralise
from .records.downloads import download_files
from .records.fixed_pages import DOWNLOADS_URL
from .records.geo import map_source
from .records.paths import ContentPaths
from .records.problems import ContentError
from .render.contact_card import VCARD_FILE, vcard
from .render.jobs import page_jobs
from .render.maps import MAP_FILE, map_geometry
from .render.markdown import markdown_renderer
from .render.published import PublishedPages
from .render.rendering import render_and_write

log = logging.getLogger(__name__)

# The pages of this run, kept by the plugin's top level once the output is published.
CURRENT_RUN: dict[str, PublishedPages | set[str] | list[str]] = {}


def _story_and_page_urls(settings: dict) -> dict:
    return {
        "urls": settings["QS_URLS"],
        "story_url": settings["ARTICLE_URL"],
        "page_url": settings["PAGE_URL"],
    }


def write_files(output: Path, files: dict[str, str]) -> None:
    """Write text files that are not pages (map, feeds, open data, vCards)."""
    for relative, text in files.items():
        path = output / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")


class QuartiersschauGenerator(Generator):
    """Builds the catalogue and writes home, list and detail pages of sites, projects, themes, regions."""

    @property
    def cache_folder(self) -> Path:
        """Where this build's caches live (``QS_CACHE_PATH``)."""
        return Path(self.settings["QS_CACHE_PATH"])

    def generate_context(self) -> None:
        check_bundle(self.settings)
        paths = self.paths = ContentPaths.from_settings(self.settings)
        max_pixels = self.settings["QS_IMAGE_MAX_PIXELS"]
        self.images = ImagePipeline(
            paths.images,
            self.cache_folder,
            workers=self.settings["QS_WORKERS"],
            max_pixels=max_pixels,
        )
        try:
            records_cache, cautions_cache = (
                KeyValueCache(self.cache_folder, "records"),
                KeyValueCache(self.cache_folder, "cautions"),
            )
            try:
                records = check_content(paths, max_pixels, records_cache)
                refuse_placeholders = self.settings["QS_REFUSE_PLACEHOLDERS"]
                warnings = check_warnings(records, refuse_placeholders=refuse_placeholders, cache=cautions_cache)
            finally:
                records_cache.close()
                cautions_cache.close()
            # Printed, not logged: `pelican -q` (the devserver) must still show them.
            for warning in warnings:
                print(warning, file=sys.stderr, flush=True)
            renditions = self.images.prepare(image_sources(records))
            self.downloads = download_files(records, paths)
            catalogue = build_catalogue(
                records,
                markdown_renderer(self.settings),
                renditions=renditions,
                download_sizes={name: file.stat().st_size for name, file in self.downloads.items()},
                now=build_day(),
                **_story_and_page_urls(self.settings),
            )
        except ContentError as error:
            print(error.report(), file=sys.stderr)
            staging.abandon_run()
            raise BuildRefused() from None
        self._check_pelican_read_everything(catalogue)
        self.catalogue = catalogue
        source = map_source(records.programme.data, paths.data)
        map_cache = KeyValueCache(self.cache_folder, "map")
        try:
            self.geometry = map_geometry(source.path, source.key, catalogue.programme.map.attribution, map_cache)
        finally:
            map_cache.close()
        self.context["catalogue"] = catalogue
        # The programme's words (Standort / QM-Gebiet …) for every template, Pelican's included.
        self.context["words"] = catalogue.programme.words
        self.context["qs_map"] = self.geometry
        self.context["PUBLIC_URL"] = self.settings["QS_PUBLIC_URL"]
        log.info(
            "%s %s, %s, %d Geschichten",
            LOG_PREFIX,
            catalogue.programme.words.site.count(len(catalogue.sites)),
            catalogue.programme.words.project.count(len(catalogue.projects)),
            len(catalogue.stories),
        )

    def _files(self) -> dict[str, str]:
        catalogue, base = self.catalogue, self.settings["QS_PUBLIC_URL"]
        files = {MAP_FILE: self.geometry.svg_file()}
        write_feeds(catalogue, base, files.__setitem__)
        files.update({f"{EXPORT_FOLDER}/{name}": text for name, text in export_files(catalogue, base).items()})
        files.update({f"{EXPORT_FOLDER}/{name}": text for name, text in participation_files(catalogue, base).items()})
        files.update(calendar_files(catalogue, base))
        files.update(admin_files(self.paths.data, self.paths.content, self.settings))
        for site in catalogue.sites:
            if site.office:
                files[VCARD_FILE.format(url=site.url)] = vcard(site, catalogue.programme, f"{base}/{site.url}")
        return files

    def _check_pelican_read_everything(self, catalogue) -> None:
        """Pelican skips files it cannot read, and reads files that are no records: both are errors."""
        articles = {a.slug for a in self.context.get("articles", [])}
        pages = {p.slug for p in self.context.get("pages", [])} | {p.slug for p in self.context.get("hidden_pages", [])}
        missing = [s.source for s in catalogue.stories if s.slug not in articles]
        missing += [p.source for p in catalogue.pages if p.slug not in pages]
        lines = [
            f"{source}:1:1: (Datei): Pelican hat die Datei nicht gelesen – Meldungen oben prüfen" for source in missing
        ]
        # The other way round: a page Pelican would publish without a record behind it.
        stories, fixed = {s.slug for s in catalogue.stories}, {p.slug for p in catalogue.pages}
        extra = [a for a in self.context.get("articles", []) if a.slug not in stories]
        extra += [
            p for p in self.context.get("pages", []) + self.context.get("hidden_pages", []) if p.slug not in fixed
        ]
        lines += [
            f"{os.path.relpath(c.source_path)}:1:1: (Datei): Pelican liest die Datei, sie ist aber kein Datensatz "
            "– Datei direkt in content/stories/ oder content/pages/ ablegen oder löschen"
            for c in extra
        ]
        if lines:
            refuse(*(neutralise(line) for line in lines))

    def _write_other_files(self, out: Path) -> None:
        """Feeds, open data, calendars, vCards …; the quick preview links the last output's ones."""
        quick = self.settings.get("QS_QUICK_PREVIEW")
        if quick and other_files.link_last(self.cache_folder, staging.published_target(), out):
            return
        files = self._files()
        write_files(out, files)
        # Kept with the output once it is published (plugin's top level).
        CURRENT_RUN["other_files"] = list(files)

    def generate_output(self, writer) -> None:
        out = Path(self.output_path)
        # The output this build replaces, whose unchanged pages are linked, not written (render.published).
        self.published = PublishedPages(self.cache_folder, staging.published_target())
        CURRENT_RUN["published"] = self.published
        cache = KeyValueCache(self.cache_folder, "pages")
        try:
            self.images.publish(out)
            for name, file in self.downloads.items():
                link_or_copy(file, out / DOWNLOADS_URL / name)
            copy_bundle(out, self.settings)
            self._write_other_files(out)
            # Pages without the search index's mark: its parts need not give them to Pagefind.
            CURRENT_RUN["unsearched"] = render_and_write(
                self, writer, page_jobs(self.catalogue, self.settings["QS_PROJECTS_PER_PAGE"]), cache, self.published
            )
        except (OSError, sqlite3.Error) as error:
            # A full disk or a broken cache file: the staging folder is incomplete and is never published.
            reason = getattr(error, "strerror", None) or str(error)
            where = f" ({error.filename})" if getattr(error, "filename", None) else ""
            refuse(
                f"{LOG_PREFIX} Schreiben fehlgeschlagen: {reason}{where}",
                f"{LOG_PREFIX} Die bisherige Ausgabe bleibt unverändert.",
            )
        finally:
            cache.close()
