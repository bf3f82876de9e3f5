"""The demo site (JMD im Quartier) builds, and every page is ours."""

import re

from helpers import INLINE_SCRIPT, MARKER, ROOT, html_files, requests_in


def test_every_page_carries_the_theme_marker(demo_output):
    pages = html_files(demo_output)
    assert len(pages) > 100
    without = [p.relative_to(demo_output).as_posix() for p in pages if MARKER not in p.read_text(encoding="utf-8")]
    assert without == []


def test_page_counts_match_the_records(demo_output):
    sites = len(list((ROOT / "data/sites").glob("*.yaml")))
    projects = len(list((ROOT / "data/projects").glob("*.yaml")))
    stories = len(list((ROOT / "content/stories").glob("*.md")))
    assert sites == 22 and projects >= 60 and stories >= 8
    assert len(list((demo_output / "standorte").glob("*/index.html"))) == sites
    assert len(list((demo_output / "projekte").glob("*/index.html"))) == projects
    assert len([p for p in (demo_output / "geschichten").glob("*/index.html") if p.parent.name != "seite"]) == stories
    assert len(list((demo_output / "regionen").glob("*/index.html"))) == 16


def test_demo_is_marked_as_demo_in_the_footer(demo_output):
    for page in ("index.html", "impressum/index.html", "standorte/hof-bahnhofsviertel/index.html"):
        assert "Demo-Inhalte:" in (demo_output / page).read_text(encoding="utf-8")


def test_home_key_figures(demo_output):
    home = (demo_output / "index.html").read_text(encoding="utf-8")
    figures = dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", home))
    assert figures["Standorte"] == "22"
    assert figures["Bundesländer"] == "16"
    assert int(figures["Mikroprojekte"]) == len(list((ROOT / "data/projects").glob("*.yaml")))


def test_no_third_party_requests_and_no_inline_scripts(demo_output):
    for page in html_files(demo_output):
        html = page.read_text(encoding="utf-8")
        assert INLINE_SCRIPT.findall(html) == []
        for _tag, url in requests_in(html):
            assert not url.startswith(("http:", "https:", "//")), (page, url)


def test_originals_and_sources_are_not_published(demo_output):
    suffixes = {p.suffix for p in demo_output.rglob("*") if p.is_file()}
    assert not suffixes & {".md", ".yaml", ".py"}
