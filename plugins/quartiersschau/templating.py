"""The Jinja environment every generator uses: strict, escaping, our theme only.

Pelican's default environment silently falls back to its built-in "simple" theme and
renders undefined names as empty text. We want the opposite: a typo in a template or
a missing template fails the build (DESIGN §5), and text is escaped unless it is
sanitised HTML (``Markup``).
"""

from __future__ import annotations

import datetime as dt
import os

from jinja2 import FileSystemLoader, StrictUndefined

from . import contact_card, exports, feeds, maps, structured_data

MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)


def german_date(value: dt.date | dt.datetime) -> str:
    """``8. Juni 2021``: fixed German month names, independent of the machine's locale."""
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def month_year(value: dt.date | dt.datetime) -> str:
    return f"{MONTHS[value.month - 1]} {value.year}"


def german_number(value: int | float, decimals: int = 0) -> str:
    """``13186`` → ``13.186``; ``6.9`` with one decimal → ``6,9``."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def euro(value: int | float) -> str:
    """Amounts as residents read them: ``1.500 €``, ``6,9 Mio. €``."""
    if value >= 1_000_000:
        return f"{german_number(value / 1_000_000, 1)} Mio. €"
    return f"{german_number(value)} €"


def iso_date(value: dt.date | dt.datetime) -> str:
    return value.strftime("%Y-%m-%d")


def plural(count: int, singular: str, plural_form: str) -> str:
    return f"{german_number(count)} {singular if count == 1 else plural_form}"


def page_url(output_file: str) -> str:
    """The directory-style URL of the file being written: ``standorte/hof/index.html`` → ``standorte/hof/``."""
    return output_file[: -len("index.html")] if output_file.endswith("index.html") else output_file


FILTERS = {
    "seiten_url": page_url,
    "datum": german_date,
    "monat_jahr": month_year,
    "zahl": german_number,
    "euro": euro,
    "iso": iso_date,
    "mehrzahl": plural,
}


# Helpers the templates call: they build text from the catalogue, the templates only place it.
GLOBALS = {
    "qr_svg": contact_card.qr_svg,
    "route_url": contact_card.route_url,
    "vcard_url": lambda site: contact_card.VCARD_FILE.format(url=site.url),
    "site_feed_url": lambda site: feeds.SITE_FEED.format(url=site.url),
    "stories_feed_url": feeds.STORIES_FEED,
    "jsonld_organisation": structured_data.organisation,
    "jsonld_place": structured_data.place,
    "jsonld_article": structured_data.article,
    "export_fields": {"sites": exports.SITE_FIELDS, "projects": exports.PROJECT_FIELDS},
    "map_file": maps.MAP_FILE,
    "map_attribution": maps.ATTRIBUTION,
}


def configure_environment(env, settings: dict, theme: str) -> None:
    """Make a generator's Jinja environment strict and limited to our theme."""
    paths = list(settings.get("THEME_TEMPLATES_OVERRIDES", [])) + [os.path.join(theme, "templates")]
    env.loader = FileSystemLoader(paths)
    env.undefined = StrictUndefined
    env.autoescape = True
    env.filters.update(FILTERS)
    env.globals.update(GLOBALS)
