"""Quartiersschau: a Pelican plugin that turns records of sites, projects and stories into a showcase.

The subpackages are the stages of one flow, in this order (docs/architecture.md):
``records`` (load, validate) → ``images`` → ``catalogue`` → ``render`` → ``publish``,
with ``common`` helpers below all of them. A stage imports only from itself, earlier
stages and ``common`` (tests/test_layers.py). The modules here on top assemble the
stages for Pelican: ``register()`` connects module-level functions only, because
Pelican's signals hold weak references.
"""

from __future__ import annotations

import os

from pelican import signals

from .publish.output_folder import protected_folders, resolve_target
from .settings import apply_defaults, lock_build_folders
from .uptodate import inputs_digest, remember, stop_if_up_to_date

# Only what a build with nothing to do needs is imported here (settings, the up-to-date
# check): it stops in a fraction of a second. The stages are imported by the handlers
# below once the build goes ahead (a second import is a lookup).

_run = {"output": "", "inputs": ""}


def cache_folder() -> str:
    """The cache folder of the last build in this process ('' before one): for the devserver's build server."""
    return _run.get("cache", "")


def on_initialized(pelican) -> None:
    apply_defaults(pelican.settings)
    _run["cache"] = os.path.abspath(pelican.settings["QS_CACHE_PATH"])
    lock_build_folders(pelican.settings)
    # The quick preview always builds: the build right after it stands for the output (devserver).
    if pelican.settings["QS_ATOMIC_OUTPUT"] and not pelican.settings["QS_QUICK_PREVIEW"]:
        # Listed before anything is read: an edit made during the build makes the next one build.
        _run["inputs"] = inputs_digest(pelican.settings)
        target = resolve_target(pelican.settings["OUTPUT_PATH"], protected_folders(pelican.settings))
        stop_if_up_to_date(pelican.settings, target, _run["inputs"])


def on_readers_init(readers) -> None:
    from .reader import FrontMatterMarkdownReader

    for extension in FrontMatterMarkdownReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterMarkdownReader


def on_get_generators(pelican):
    from .generator import CURRENT_RUN, QuartiersschauGenerator
    from .publish import staging

    CURRENT_RUN.clear()
    staging.begin_run(pelican)
    _run["output"] = pelican.output_path
    return QuartiersschauGenerator


def on_generator_init(generator) -> None:
    from .publish import calendar, feeds, open_data
    from .render.environment import configure_environment

    # Links to files of the publish stage that the templates put into pages.
    links = {**feeds.TEMPLATE_GLOBALS, **open_data.TEMPLATE_GLOBALS, **calendar.TEMPLATE_GLOBALS}
    configure_environment(generator.env, generator.settings, generator.theme, links)


def on_content_written(path, context=None) -> None:
    from .publish import staging

    staging.page_written(path, _run["output"])


def on_all_generators_finalized(generators) -> None:
    """The Markdown page ``mitmachen`` is the introduction of the page the plugin makes there: Pelican must not write it."""
    from pelican.generators import PagesGenerator

    from .records.fixed_pages import PARTICIPATION_PAGE

    for generator in generators:
        if isinstance(generator, PagesGenerator):
            generator.pages = [p for p in generator.pages if p.slug != PARTICIPATION_PAGE]
            generator.hidden_pages = [p for p in generator.hidden_pages if p.slug != PARTICIPATION_PAGE]


def on_finalized(pelican) -> None:
    from .generator import CURRENT_RUN
    from .publish import other_files, staging

    published = CURRENT_RUN.pop("published", None)
    # The hashes of the pages rendered: the search index need not read those files again.
    hashes = published.written if published is not None else None
    staging.finish_run(pelican, hashes, CURRENT_RUN.pop("unsearched", set()))
    target = staging.published_target()
    if target is not None and published is not None:
        published.remember()
    other = CURRENT_RUN.pop("other_files", None)
    if target is not None and other is not None:
        other_files.remember(pelican.settings["QS_CACHE_PATH"], target, other)
    if target is not None and _run["inputs"]:
        remember(pelican.settings, target, _run["inputs"])


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.readers_init.connect(on_readers_init)
    signals.get_generators.connect(on_get_generators)
    signals.generator_init.connect(on_generator_init)
    signals.content_written.connect(on_content_written)
    signals.all_generators_finalized.connect(on_all_generators_finalized)
    signals.finalized.connect(on_finalized)
