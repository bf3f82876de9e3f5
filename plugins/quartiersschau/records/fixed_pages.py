"""The pages the site itself makes, beside the catalogue's, and the names no content page may take.

Validation needs them (a page file named ``suche.md`` would collide with the search
page), the renderer makes one job per entry; keeping them here lets both read one
list without validation depending on rendering.
"""

from __future__ import annotations

# (template, URL) of pages that exist once per site.
EXTRA_PAGES = (
    ("karte.html", "karte/"),
    ("suche.html", "suche/"),
    ("daten.html", "daten/"),
)
# Required by law for a public body's site (§ 5 DDG, Art. 13 DSGVO, § 12b BGG).
LEGAL_PAGES = (
    ("impressum.html", "impressum/"),
    ("datenschutz.html", "datenschutz/"),
    ("barrierefreiheit.html", "barrierefreiheit/"),
)
# Where the files of content/downloads/ are published (documents of sites, forms of funds).
DOWNLOADS_URL = "dokumente"
# content/pages/<this>.md, if there, is the introduction of the page made from the
# participation data (committees, funds, calls, dates) at the same address.
PARTICIPATION_PAGE = "mitmachen"
# content/pages/<this>.md must exist (BITV 2.0 asks for an explanation in Leichte Sprache).
EASY_LANGUAGE_PAGE = "leichte-sprache"

# First path segments that the site itself uses; a page may not take them.
RESERVED_SLUGS = {
    "standorte",
    "projekte",
    "themen",
    "regionen",
    "geschichten",
    "theme",
    "bilder",
    "feeds",
    "pagefind",
    "404",
    DOWNLOADS_URL,
    "termine",
} | {url.split("/")[0] for _, url in EXTRA_PAGES + LEGAL_PAGES}  # karte, suche, daten; impressum, …
