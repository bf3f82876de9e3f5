"""Pelican settings that every programme shares: URLs, readers, the plugin and the theme.

A programme's own settings file (``pelicanconf.py`` at the top for the default demo,
``examples/qm-berlin/pelicanconf.py`` for the second) imports these and adds its name
and public address. Pelican resolves the relative paths below (content, output, cache)
against the folder of the settings file it was given, so each programme builds from its
own ``content/`` and ``data/`` into its own ``output/``; theme and plugin are absolute
because all programmes share them. The plugin's own settings (QS_*) have defaults in
plugins/quartiersschau/settings.py.
"""

from pathlib import Path

_ROOT = Path(__file__).resolve().parent

DEFAULT_LANG = "de"
TIMEZONE = "Europe/Berlin"

PATH = "content"
OUTPUT_PATH = "output"
THEME = str(_ROOT / "theme")
PLUGIN_PATHS = [str(_ROOT / "plugins")]
PLUGINS = ["quartiersschau"]
CACHE_PATH = ".cache/pelican"
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True

# Stories are Pelican articles, fixed pages are Pelican pages; both Markdown with YAML front matter.
ARTICLE_PATHS = ["stories"]
PAGE_PATHS = ["pages"]
# Originals in content/images are never copied; the image pipeline writes derivatives.
STATIC_PATHS = []
READERS = {"html": None, "htm": None, "rst": None}
# Hidden files (".DS_Store", an editor's ".#fest.md") are never content.
IGNORE_FILES = [".*"]
SLUGIFY_SOURCE = "basename"

ARTICLE_URL = "geschichten/{slug}/"
ARTICLE_SAVE_AS = "geschichten/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""

# The story list is Pelican's paginated "index" template, at /geschichten/.
DIRECT_TEMPLATES = ["index"]
INDEX_SAVE_AS = "geschichten/index.html"
INDEX_URL = "geschichten/"
DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/seite/{number}/", "{base_name}/seite/{number}/index.html"),
)

# No tag, category, author or archive pages: themes and sites take that role.
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""

FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = False
OUTPUT_SOURCES = False
