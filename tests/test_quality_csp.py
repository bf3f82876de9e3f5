"""The pages work under their own Content-Security-Policy (from _headers) in Chromium,
the web editor under /admin/ under its own, and a build served from a sub-path works too."""

import fnmatch
from urllib.parse import urlsplit

import pytest
from browser_support import read_headers_file, serve
from helpers import FIXTURE, build_site

from quartiersschau.publish.headers import CSP, editor_csp, editor_sources

WATCH_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture(scope="module")
def strict_url(demo_output):
    with serve(demo_output, with_headers=True) as url:
        yield url


@pytest.fixture
def strict_page(page):
    page.add_init_script(WATCH_CSP)
    return page


def _assert_clean(page):
    assert page.evaluate("window.__csp") == []
    assert [e for e in page.errors if "Content Security Policy" in e or "Refused" in e] == []


def test_policy_is_sent(strict_page, strict_url):
    response = strict_page.goto(f"{strict_url}/")
    assert "default-src 'self'" in response.headers["content-security-policy"]


@pytest.mark.parametrize(
    "path", ["", "karte/", "standorte/hof-bahnhofsviertel/", "geschichten/digitale-bilanzveranstaltung-2021/", "daten/"]
)
def test_pages_load_without_violations(strict_page, strict_url, path):
    strict_page.goto(f"{strict_url}/{path}")
    strict_page.wait_for_load_state("networkidle")
    _assert_clean(strict_page)
    assert strict_page.errors == []


@pytest.fixture(scope="module")
def berlin_strict_url(berlin_output):
    with serve(berlin_output, with_headers=True) as url:
        yield url


@pytest.mark.parametrize(
    ("path", "ready"),
    [
        ("", None),
        ("standorte/rixdorf/", None),
        ("regionen/neukoelln/", None),
        ("projekte/?fonds=baufonds", "form.qs-filter:not([hidden])"),
        ("suche/?q=Quartiersrat", "[data-results] a"),
    ],
)
def test_the_second_programme_works_under_the_policy(strict_page, berlin_strict_url, path, ready):
    strict_page.goto(f"{berlin_strict_url}/{path}")
    if ready:
        strict_page.wait_for_selector(ready)
    strict_page.wait_for_load_state("networkidle")
    _assert_clean(strict_page)
    assert strict_page.errors == []


def test_search_works_under_the_policy(strict_page, strict_url):
    strict_page.goto(f"{strict_url}/suche/?q=Fahrradwerkstatt")
    strict_page.wait_for_selector("[data-results] a")
    _assert_clean(strict_page)


def test_filters_work_under_the_policy(strict_page, strict_url):
    strict_page.goto(f"{strict_url}/projekte/?thema=kultur")
    strict_page.wait_for_selector("form.qs-filter:not([hidden])")
    assert strict_page.locator("[data-project][hidden]").count() > 0
    _assert_clean(strict_page)


@pytest.fixture(scope="module")
def subpath_url(tmp_path_factory):
    base = tmp_path_factory.mktemp("subpath-browser")
    result = build_site(FIXTURE, base / "output", base / "cache", 'SITEURL="/quartiersschau"')
    assert result.returncode == 0, result.stderr
    with serve(base / "output", with_headers=True, prefix="/quartiersschau") as url:
        yield url


def test_site_served_from_a_sub_path_works(strict_page, subpath_url):
    failed = []
    strict_page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    for path in ("", "standorte/hof/", "projekte/?thema=bildung", "karte/"):
        response = strict_page.goto(f"{subpath_url}/quartiersschau/{path}")
        assert response.headers["content-security-policy"] == CSP  # the rules carry the sub-path
        strict_page.wait_for_load_state("networkidle")
    strict_page.goto(f"{subpath_url}/quartiersschau/suche/?q=Fahrradwerkstatt")
    strict_page.wait_for_selector("[data-results] a")
    assert strict_page.get_attribute("[data-results] a", "href").startswith("/quartiersschau/projekte/")
    assert failed == []
    _assert_clean(strict_page)


def _policies(rules, path: str) -> list[str]:
    """Every CSP a host sends for *path*: Netlify and Cloudflare Pages combine all matching rules."""
    return [
        h["Content-Security-Policy"] for p, h in rules if fnmatch.fnmatch(path, p) and "Content-Security-Policy" in h
    ]


def test_every_page_has_the_strict_policy_and_the_editor_only_its_own(demo_output):
    rules = read_headers_file(demo_output / "_headers")
    paths = set()
    for page in demo_output.rglob("*.html"):
        path = "/" + page.relative_to(demo_output).as_posix()
        paths |= {path, path.removesuffix("index.html")}
    assert "/admin/" in paths and len(paths) > 100
    for path in paths - {"/admin/", "/admin/index.html"}:
        assert _policies(rules, path) == [CSP], path
    for path in ("/admin/", "/admin/index.html", "/admin/decap-cms.js", "/admin/config.yml"):
        assert _policies(rules, path) == [editor_csp({})], path
    assert "connect-src 'self' blob: https://gitlab.com http://127.0.0.1:8081;" in editor_csp({})
    assert len(rules) < 100  # Cloudflare Pages reads at most 100 rules


def test_the_editor_may_connect_only_to_its_backend():
    github = {"name": "github", "repo": "a/b"}
    assert editor_sources({"QS_ADMIN_BACKEND": github, "QS_ADMIN_LOCAL_BACKEND": False}) == ["https://api.github.com"]
    own = {"name": "gitlab", "auth_type": "pkce", "api_root": "https://git.example.org/api/v4"}
    assert editor_sources({"QS_ADMIN_BACKEND": own, "QS_ADMIN_LOCAL_BACKEND": "http://127.0.0.1:8123/api/v1"}) == [
        "https://git.example.org",
        "https://gitlab.com",  # base_url not set: Decap takes the token from gitlab.com
        "http://127.0.0.1:8123",
    ]


def test_the_editor_loads_under_its_policy(strict_page, strict_url):
    # Nothing leaves this machine: only the site and the probe for a local backend on 127.0.0.1.
    strict_page.route("**/*", lambda r: r.continue_() if urlsplit(r.request.url).hostname == "127.0.0.1" else r.abort())
    response = strict_page.goto(f"{strict_url}/admin/")
    assert response.headers["content-security-policy"] == editor_csp({})
    strict_page.get_by_text("Mit GitLab einloggen").wait_for(timeout=30_000)
    strict_page.wait_for_load_state("networkidle")
    _assert_clean(strict_page)
