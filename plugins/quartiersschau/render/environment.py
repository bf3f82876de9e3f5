"""The Jinja environment every generator uses: strict, escaping, our theme only.

Pelican's default environment silently falls back to its built-in "simple" theme and
renders undefined names as empty text. We want the opposite: a typo in a template or
a missing template fails the build, and text is escaped unless it is
sanitised HTML (``Markup``).
"""

from __future__ import annotations

import os

from jinja2 import FileSystemLoader, StrictUndefined

from . import charts, contact_card, maps, opening_hours, structured_data
from .filters import FILTERS

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
    env.globals.update(extra_globals or {})
