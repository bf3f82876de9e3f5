"""A full Pelican build of the small fixture site: pages, links both ways, counts."""

import re

import pytest
from helpers import INLINE_SCRIPT, MARKER, broken_links, html_files, links_in


def page(output, path):
    return (output / path).read_text(encoding="utf-8")


def hrefs(html):
    return {url for tag, attr, url in links_in(html) if tag == "a" and attr == "href"}


def test_every_expected_page_exists(fixture_output):
    expected = [
        "index.html",
        "standorte/index.html",
        "projekte/index.html",
        "themen/index.html",
        "regionen/index.html",
        "geschichten/index.html",
        "geschichten/seite/2/index.html",
        "ueber/index.html",
        "mitmachen/index.html",
        "leichte-sprache/index.html",
        "impressum/index.html",
        "datenschutz/index.html",
        "barrierefreiheit/index.html",
        "karte/index.html",
        "suche/index.html",
        "daten/index.html",
        "404.html",
    ]
    expected += [f"standorte/{s}/index.html" for s in ("hof", "ingolstadt", "moabit")]
    expected += [
        f"projekte/{p}/index.html"
        for p in ("fahrradwerkstatt", "hausaufgabenhilfe", "lesecafe", "klimagarten", "sprachcafe")
    ]
    expected += [f"themen/{t}/index.html" for t in ("bildung", "nachbarschaft", "klima-und-umwelt")]
    expected += [f"regionen/{r}/index.html" for r in ("bayern", "berlin")]
    expected += [f"geschichten/{s}/index.html" for s in ("werkstatt-eroeffnet", "garten-im-sommer")]
    missing = [p for p in expected if not (fixture_output / p).is_file()]
    assert missing == []


def test_nothing_else_is_written(fixture_output):
    html = sorted(p.relative_to(fixture_output).as_posix() for p in html_files(fixture_output))
    # The web editor's admin/index.html is no page (helpers.html_files). 32 pages, and the dates: list, archive, how to subscribe, one page per event (3); mitmachen/ was there.
    assert len(html) == 38, html
    assert {"termine/index.html", "termine/archiv/index.html", "termine/kalender/index.html"} <= set(html)
    assert not (fixture_output / "geschichten/entwurf").exists()
    assert not (fixture_output / "regionen/bremen").exists()  # a region without sites gets no page
    assert not list(fixture_output.rglob("*.md")) and not list(fixture_output.rglob("*.yaml"))


def test_site_and_project_link_both_ways(fixture_output):
    assert "/projekte/fahrradwerkstatt/" in hrefs(page(fixture_output, "standorte/hof/index.html"))
    assert "/projekte/hausaufgabenhilfe/" in hrefs(page(fixture_output, "standorte/hof/index.html"))
    assert "/standorte/hof/" in hrefs(page(fixture_output, "projekte/fahrradwerkstatt/index.html"))


def test_story_links_both_ways(fixture_output):
    story = hrefs(page(fixture_output, "geschichten/werkstatt-eroeffnet/index.html"))
    assert {"/standorte/hof/", "/projekte/fahrradwerkstatt/", "/themen/nachbarschaft/"} <= story
    assert "/geschichten/werkstatt-eroeffnet/" in hrefs(page(fixture_output, "standorte/hof/index.html"))
    assert "/geschichten/werkstatt-eroeffnet/" in hrefs(page(fixture_output, "projekte/fahrradwerkstatt/index.html"))
    assert "/geschichten/werkstatt-eroeffnet/" in hrefs(page(fixture_output, "themen/nachbarschaft/index.html"))


def test_theme_and_region_pages_link_to_their_records(fixture_output):
    theme = hrefs(page(fixture_output, "themen/bildung/index.html"))
    assert {"/standorte/hof/", "/standorte/ingolstadt/", "/projekte/lesecafe/", "/projekte/sprachcafe/"} <= theme
    region = hrefs(page(fixture_output, "regionen/bayern/index.html"))
    assert {"/standorte/hof/", "/standorte/ingolstadt/", "/projekte/lesecafe/"} <= region
    assert "/regionen/bayern/" in hrefs(page(fixture_output, "standorte/hof/index.html"))


def test_home_shows_figures_from_the_records(fixture_output):
    home = page(fixture_output, "index.html")
    block = home[home.index('<dl class="qs-figures">') : home.index("</dl>", home.index('<dl class="qs-figures">'))]
    figures = dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", block))
    assert figures == {"Standorte": "3", "Mikroprojekte": "5", "Jahre (2019–2023)": "5", "Bundesländer": "2"}
    assert "/geschichten/werkstatt-eroeffnet/" in hrefs(home)
    assert "/projekte/fahrradwerkstatt/" in hrefs(home)


def test_site_page_shows_the_office(fixture_output):
    html = page(fixture_output, "standorte/hof/index.html")
    assert "Musterstraße 5<br>95028 Hof" in html
    assert '<a href="tel:09281000010' in html and "mailto:hof@example.org" in html
    assert "Stufenloser Zugang" in html and "Kein barrierefreies WC" in html
    assert "10:00–16:00" in html


def test_projects_page_groups_by_year_and_site(fixture_output):
    html = page(fixture_output, "projekte/index.html")
    years = re.findall(r'<h2 id="jahr-(\d{4})">', html)
    assert years == ["2023", "2022", "2021", "2020", "2019"]


def test_story_list_is_paginated(fixture_output):
    first = page(fixture_output, "geschichten/index.html")
    assert "/geschichten/seite/2/" in hrefs(first)
    second = page(fixture_output, "geschichten/seite/2/index.html")
    assert "/geschichten/garten-im-sommer/" in hrefs(second)
    assert 'aria-current="page">Seite 2<' in second


def test_every_internal_link_resolves(fixture_output):
    assert broken_links(fixture_output) == []


@pytest.mark.parametrize(
    "path", ["index.html", "standorte/hof/index.html", "geschichten/index.html", "impressum/index.html"]
)
def test_pages_are_our_theme_with_one_h1_and_german(fixture_output, path):
    html = page(fixture_output, path)
    assert MARKER in html and '<html lang="de"' in html
    assert html.count("<h1") == 1
    assert html.index('class="qs-skip-link"') < html.index("<header")
    # no inline scripts: only JSON-LD data blocks and external modules
    assert INLINE_SCRIPT.findall(html) == []


def test_markdown_from_records_is_sanitised_in_pages(fixture_output):
    html = page(fixture_output, "geschichten/werkstatt-eroeffnet/index.html")
    assert "<h2>Wie es weitergeht</h2>" in html
