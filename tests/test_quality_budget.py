"""Weight budget per page, checked on the precompressed files the server would send."""

import gzip
import re

from helpers import html_pages

PAGE_BUDGET = 50 * 1024  # HTML + CSS + JS, gzip, without images
HOME_BUDGET = 14 * 1024  # home page HTML + CSS, gzip: fits the first round trips


def _gzip_size(path):
    packed = path.with_name(path.name + ".gz")
    return packed.stat().st_size if packed.is_file() else len(gzip.compress(path.read_bytes(), mtime=0))


def _weight(output, page_path):
    html_file = output / (page_path if page_path.endswith(".html") else page_path + "index.html")
    html = html_file.read_text(encoding="utf-8")
    assets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) + re.findall(
        r'<script[^>]* src="([^"]+)"', html
    )
    sizes = {"html": _gzip_size(html_file), "css": 0, "js": 0}
    for url in assets:
        kind = "css" if url.endswith(".css") else "js"
        sizes[kind] += _gzip_size(output / url.lstrip("/"))
    return sizes


def test_every_page_is_within_the_budget(programme_output):
    over = {}
    for page in html_pages(programme_output):
        sizes = _weight(programme_output, page)
        if sum(sizes.values()) > PAGE_BUDGET:
            over[page] = sizes
    assert over == {}


def test_home_page_html_and_css_fit_in_14_kb(programme_output):
    sizes = _weight(programme_output, "")
    assert sizes["html"] + sizes["css"] <= HOME_BUDGET, sizes


def test_output_is_precompressed(programme_output):
    for name in ("index.html", "theme/css/quartiersschau.css", "theme/js/suche.js", "karte/umrisse.svg", "sitemap.xml"):
        path = programme_output / name
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == path.read_bytes()
        assert path.with_name(path.name + ".br").is_file()
    css = (programme_output / "theme/css/quartiersschau.css").read_text(encoding="utf-8")
    assert "\n" not in css.strip() and "/*" not in css  # minified
