"""Shared helpers for the tests and scripts/update_golden.py: build a site, read its links."""

from __future__ import annotations

import hashlib
import importlib
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixture_site"
# The second demo programme, with its own settings file.
BERLIN = ROOT / "examples" / "qm-berlin"
BERLIN_CONFIG = "examples/qm-berlin/pelicanconf.py"
# Public addresses of the demo programmes (QS_PUBLIC_URL in their settings).
PUBLIC_URLS = {"jmd": "https://jmd-im-quartier.example.org", "qm-berlin": "https://qm-berlin.example.org"}
# Every page of our theme carries this; Pelican's own templates do not.
MARKER = 'data-qs-theme="quartiersschau"'
# A <script> that is neither a JSON-LD data block nor an external file: forbidden by the CSP.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*(?:application/ld\+json|src=))")
GOLDEN = ROOT / "tests" / "golden"
# The build date of every test build: 1 December 2026, 10:00 in Berlin (SOURCE_DATE_EPOCH).
BUILD_EPOCH = "1796115600"

sys.path.insert(0, str(ROOT / "plugins"))
SCRIPTS = ROOT / "scripts"


def import_script(name: str):
    """A module of scripts/ (which import each other by plain name), without leaving scripts/ on sys.path."""
    sys.path.insert(0, str(SCRIPTS))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(SCRIPTS))


# Settings that make the fixture exercise pagination with its two stories.
FIXTURE_SETTINGS = ("DEFAULT_PAGINATION=1",)

# One page per page type, compared byte for byte with tests/golden/.
GOLDEN_PAGES = {
    "home": "index.html",
    "sites": "standorte/index.html",
    "site": "standorte/hof/index.html",
    "projects": "projekte/index.html",
    "project": "projekte/fahrradwerkstatt/index.html",
    "themes": "themen/index.html",
    "theme": "themen/nachbarschaft/index.html",
    "regions": "regionen/index.html",
    "region": "regionen/bayern/index.html",
    "stories": "geschichten/index.html",
    "story": "geschichten/werkstatt-eroeffnet/index.html",
    "page": "mitmachen/index.html",
    "about": "ueber/index.html",
    "imprint": "impressum/index.html",
    "privacy": "datenschutz/index.html",
    "accessibility": "barrierefreiheit/index.html",
    "map": "karte/index.html",
    "search": "suche/index.html",
    "data": "daten/index.html",
    "not-found": "404.html",
}

# Pages of the second programme whose types look different there (downloads, archive, funds,
# another map), compared with tests/golden/qm-berlin/.
BERLIN_GOLDEN_PAGES = {
    "home": "index.html",
    "sites": "standorte/index.html",
    "site": "standorte/titiseestrasse/index.html",
    "archived-site": "standorte/falkplatz/index.html",
    "project": "projekte/familien-und-kitacampus-gropiusstadt/index.html",
    "region": "regionen/neukoelln/index.html",
}


def build_site(
    site: Path,
    output: Path,
    cache: Path,
    *settings: str,
    cwd: Path | None = None,
    env: dict | None = None,
    config: str = "pelicanconf.py",
) -> subprocess.CompletedProcess:
    """Run Pelican on a site folder (with data/ and content/) like `make html` does.

    *settings* are extra ``KEY=VALUE`` overrides (VALUE in JSON), passed in one ``-e``
    because Pelican keeps only the last ``-e`` group.
    """
    cmd = [
        sys.executable,
        "-m",
        "pelican",
        str(site / "content"),
        "-s",
        str(ROOT / config),
        "-o",
        str(output),
        "-e",
        f'CACHE_PATH="{cache}"',
        *settings,
    ]
    # Every test build happens "on" the same day, so upcoming and past dates do not depend on the calendar.
    env = {**(os.environ if env is None else env)}
    env.setdefault("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    return subprocess.run(cmd, cwd=cwd or site, capture_output=True, text=True, timeout=900, env=env)


def copy_site(source: Path, target: Path) -> Path:
    shutil.copytree(source / "data", target / "data")
    shutil.copytree(source / "content", target / "content")
    return target


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file below *folder* with the hash of its bytes: to prove nothing changed."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


class _LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append((tag, name, value))
            if name == "srcset" and value:
                self.links += [(tag, "srcset", part.strip().split(" ")[0]) for part in value.split(",")]


# <link rel> values that make the browser fetch something (canonical, alternate do not).
FETCHING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon"}


class _RequestParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link":
            if FETCHING_RELS & set((a.get("rel") or "").split()):
                self.urls.append((tag, a.get("href") or ""))
            return
        for name in ("src", "data", "poster"):
            if a.get(name):
                self.urls.append((tag, a[name]))
        if tag in ("use", "image") and a.get("href"):
            self.urls.append((tag, a["href"]))
        if a.get("srcset"):
            self.urls += [(tag, part.strip().split(" ")[0]) for part in a["srcset"].split(",")]


def requests_in(html: str) -> list[tuple[str, str]]:
    """(tag, URL) for everything a browser would fetch while showing the page."""
    parser = _RequestParser()
    parser.feed(html)
    return parser.urls


def links_in(html: str) -> list[tuple[str, str, str]]:
    """(tag, attribute, URL) for every href, src and srcset entry."""
    parser = _LinkParser()
    parser.feed(html)
    return parser.links


def resolve_link(output: Path, page: Path, url: str) -> Path | None:
    """The file in *output* that an internal URL points to; None for external links and anchors."""
    parts = urlsplit(url)
    if parts.scheme or url.startswith(("#", "//")):
        return None
    path = unquote(parts.path)
    if not path:
        return None
    target = output / path.lstrip("/") if path.startswith("/") else (page.parent / path).resolve()
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def broken_links(output: Path, prefix: str = "", public: str = "") -> list[str]:
    """Internal links, sources and requests of every page that lead to no file in *output*.

    *public* is the site's absolute address (links to it count as internal); *prefix*
    the sub-path the site is served from, which every root-relative URL must carry.
    """
    broken = []
    for page in output.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        urls = [url for _, _, url in links_in(html)] + [url for _, url in requests_in(html)]
        for url in urls:
            if public and url.startswith(public):
                url = url[len(public) :] or "/"
            elif prefix and url.startswith("/"):
                if not url.startswith(prefix + "/"):
                    broken.append(f"{page.relative_to(output)}: {url} (ohne Unterpfad {prefix})")
                    continue
                url = url[len(prefix) :]
            target = resolve_link(output, page, url.split("#")[0]) if not url.startswith("#") else None
            if target is not None and not target.is_file():
                broken.append(f"{page.relative_to(output)}: {url}")
    return sorted(set(broken))


# admin/ is the web editor (Decap CMS, publish.admin): the editors' tool, not a page for residents,
# so the quality gates for pages (axe, budgets, HTML checker) do not run over it.
EDITOR_FOLDER = "admin"


def html_files(output: Path) -> list[Path]:
    return sorted(p for p in output.rglob("*.html") if p.relative_to(output).parts[0] != EDITOR_FOLDER)


def html_pages(output: Path) -> list[str]:
    """Every HTML page of a build, as URL paths ("standorte/hof/", "404.html"); not the web editor."""
    return sorted(p.relative_to(output).as_posix().removesuffix("index.html") for p in html_files(output))
