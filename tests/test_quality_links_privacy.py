"""Every internal link resolves (also when served from a sub-path); nothing is loaded from elsewhere."""

import re
from urllib.parse import urlsplit

import pytest
from helpers import FIXTURE, PUBLIC_URLS, broken_links, build_site, links_in, requests_in

CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)")


def test_no_broken_internal_link_src_or_srcset(programme, programme_output):
    assert broken_links(programme_output, public=PUBLIC_URLS[programme]) == []


def test_css_references_resolve(programme_output):
    for css in programme_output.rglob("*.css"):
        for match in CSS_URL.finditer(css.read_text(encoding="utf-8")):
            url = match.group(1) or match.group(2)
            if not url.startswith("data:"):
                assert (css.parent / url).resolve().is_file(), (css, url)


@pytest.fixture(scope="module")
def subpath_output(tmp_path_factory):
    base = tmp_path_factory.mktemp("subpath")
    result = build_site(FIXTURE, base / "output", base / "cache", 'SITEURL="https://example.org/quartiersschau"')
    assert result.returncode == 0, result.stderr
    return base / "output"


def test_sub_path_build_has_no_broken_link(subpath_output):
    assert broken_links(subpath_output, prefix="/quartiersschau", public="https://example.org/quartiersschau") == []
    home = (subpath_output / "index.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/quartiersschau/theme/css/quartiersschau.css"' in home
    assert 'data-qs-base="https://example.org/quartiersschau"' in home


def _other_origin(url: str, public: str) -> bool:
    parts = urlsplit(url)
    if url.startswith("//"):
        return True
    return bool(parts.scheme) and parts.scheme not in ("data",) and f"{parts.scheme}://{parts.netloc}" != public


def test_no_request_to_another_origin_no_inline_script_no_event_handler(programme, programme_output):
    """Scan every HTML and CSS file. Outbound <a href> links are fine; JSON-LD blocks are
    data (never executed, not subject to CSP), every other <script> must have a src."""
    problems, public = [], PUBLIC_URLS[programme]
    for page in programme_output.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        name = page.relative_to(programme_output).as_posix()
        problems += [f"{name}: lädt {url}" for _, url in requests_in(html) if _other_origin(url, public)]
        problems += [
            f"{name}: <link> zu {url}"
            for tag, attr, url in links_in(html)
            if tag == "link" and _other_origin(url, public)
        ]
        for match in re.finditer(r"<script\b([^>]*)>(.*?)</script>", html, re.S):
            attributes, body = match.groups()
            if body.strip() and "application/ld+json" not in attributes:
                problems.append(f"{name}: Inline-Skript")
        problems += [f"{name}: {m}" for m in re.findall(r"<[^>]*\son[a-z]+\s*=", html)]
        problems += [f"{name}: style-Attribut" for _ in re.findall(r"<[^>]*\sstyle\s*=", html)]
    for css in programme_output.rglob("*.css"):
        for match in CSS_URL.finditer(css.read_text(encoding="utf-8")):
            url = match.group(1) or match.group(2)
            if _other_origin(url, public):
                problems.append(f"{css.name}: {url}")
    assert problems == []


def test_headers_file_sets_a_strict_policy(programme_output):
    text = (programme_output / "_headers").read_text(encoding="utf-8")
    csp = re.search(r"Content-Security-Policy: (.*)", text).group(1)
    for directive in ("default-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'"):
        assert directive in csp
    assert "unsafe-inline" not in csp and "'unsafe-eval'" not in csp
    assert "X-Content-Type-Options: nosniff" in text and "Referrer-Policy: no-referrer" in text
