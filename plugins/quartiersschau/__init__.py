"""Quartiersschau: a Pelican plugin that turns records of sites, projects and stories into a showcase.

Flow (DESIGN §1): load → validate → catalogue → pages → post-build (sitemap, search
index) → publish. ``register()`` connects module-level functions only, because
Pelican's signals hold weak references.
"""

from __future__ import annotations

from pelican import signals

from . import output
from .generator import QuartiersschauGenerator
from .reader import FrontMatterMarkdownReader
from .settings import apply_defaults
from .templating import configure_environment

_run = {"output": ""}


def on_initialized(pelican) -> None:
    apply_defaults(pelican.settings)


def on_readers_init(readers) -> None:
    for extension in FrontMatterMarkdownReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterMarkdownReader


def on_get_generators(pelican):
    output.begin_run(pelican)
    _run["output"] = pelican.output_path
    return QuartiersschauGenerator


def on_generator_init(generator) -> None:
    configure_environment(generator.env, generator.settings, generator.theme)


def on_content_written(path, context=None) -> None:
    output.page_written(path, _run["output"])


def on_finalized(pelican) -> None:
    output.finish_run(pelican)


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.readers_init.connect(on_readers_init)
    signals.get_generators.connect(on_get_generators)
    signals.generator_init.connect(on_generator_init)
    signals.content_written.connect(on_content_written)
    signals.finalized.connect(on_finalized)
