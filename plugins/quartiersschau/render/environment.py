"""The Jinja environment every generator uses: strict, escaping, our theme only.

Pelican's default environment silently falls back to its built-in "simple" theme and
renders undefined names as empty text. We want the opposite: a typo in a template or
a missing template fails the build, and text is escaped unless it is
sanitised HTML (``Markup``).
"""

from __future__ import annotations

import hashlib
import os

from jinja2 import FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

from . import charts, contact_card, maps, opening_hours, paging, structured_data
from .filters import FILTERS

COMPILE_OPTIONS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "autoescape",
)

# Helpers the templates call: they build text from the catalogue, the templates only place it.
GLOBALS = {
    "qr_svg": contact_card.qr_svg,
    "route_url": contact_card.route_url,
    "vcard_url": lambda site: contact_card.VCARD_FILE.format(url=site.url),
    "jsonld_organisation": structured_data.organisation,
    "jsonld_place": structured_data.place,
    "jsonld_article": structured_data.article,
    "jsonld_event": structured_data.event,
    "map_file": maps.MAP_FILE,
    "year_chart": charts.year_chart,
    "theme_chart": charts.theme_chart,
    "office_hours_on": opening_hours.hours_on,
    "office_hours_clear": opening_hours.understood,
    "office_weekdays": opening_hours.weekdays,
}


def _compile_options(env) -> str:
    """A short hash of the environment options that change a template's compiled code."""
    options = [getattr(env, name) for name in COMPILE_OPTIONS] + sorted(env.extensions)
    return hashlib.sha256(repr(options).encode()).hexdigest()[:12]


def configure_environment(env, settings: dict, theme: str, extra_globals: dict | None = None) -> None:
    """Make a generator's Jinja environment strict and limited to our theme.

    *extra_globals* come from later stages (links to feeds and open data files), which
    the plugin's top level passes in so that rendering does not import publishing.
    """
    paths = list(settings.get("THEME_TEMPLATES_OVERRIDES", [])) + [os.path.join(theme, "templates")]
    env.loader = FileSystemLoader(paths)
    env.undefined = StrictUndefined
    env.autoescape = True
    env.filters.update(FILTERS)
    env.globals.update(GLOBALS)
    env.globals["project_pages"] = paging.pages_global(settings.get("QS_PROJECTS_PER_PAGE") or 0)
    env.globals.update(extra_globals or {})
    # Compiled templates are kept between builds (keyed by each template's source): compiling
    # the theme costs about half a second per run, a cached one is read in milliseconds.
    # Code compiled under other options (delimiters, trim_blocks, extensions, escaping) is kept apart.
    if settings.get("QS_CACHE_PATH"):
        folder = os.path.join(settings["QS_CACHE_PATH"], "templates")
        os.makedirs(folder, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(folder, f"{_compile_options(env)}-%s.cache")
