"""Project filters in Chromium give the same answers as the server-rendered pages."""

import re

import pytest
from helpers import ROOT

THEMES = [
    line.split(": ")[1]
    for line in (ROOT / "data/themes.yaml").read_text(encoding="utf-8").splitlines()
    if line.startswith("- id: ")
]
SITES = sorted(p.stem for p in (ROOT / "data/sites").glob("*.yaml"))


def server_list(demo_output, page_path, section_id):
    """Project links inside one section of a server-rendered page."""
    html = (demo_output / page_path).read_text(encoding="utf-8")
    section = re.search(rf'<section[^>]*aria-labelledby="{section_id}".*?</section>', html, re.S)
    return sorted(set(re.findall(r'href="(/projekte/[^"]+/)"', section.group(0)))) if section else []


def visible(page):
    return sorted(
        page.eval_on_selector_all(
            "[data-project]:not([hidden]) .qs-pcard__title a", "links => links.map(a => new URL(a.href).pathname)"
        )
    )


@pytest.fixture
def projects(page, demo_url):
    page.goto(f"{demo_url}/projekte/")
    page.wait_for_selector("form.qs-filter:not([hidden])")
    return page


@pytest.mark.parametrize("theme", THEMES)
def test_theme_filter_matches_the_theme_page(projects, demo_output, theme):
    projects.select_option("#filter-thema", theme)
    assert visible(projects) == server_list(demo_output, f"themen/{theme}/index.html", "projekte")


@pytest.mark.parametrize("site", SITES)
def test_site_filter_matches_the_site_page(projects, demo_output, site):
    projects.select_option("#filter-standort", site)
    assert visible(projects) == server_list(demo_output, f"standorte/{site}/index.html", "projekte")


def test_region_filter_matches_the_region_pages(projects, demo_output):
    regions = projects.eval_on_selector_all("#filter-region option", "o => o.map(x => x.value).filter(Boolean)")
    assert len(regions) == 16
    for region in regions:
        projects.select_option("#filter-region", region)
        assert visible(projects) == server_list(demo_output, f"regionen/{region}/index.html", "projekte"), region


def test_year_filter_matches_the_year_group(projects, demo_output):
    sections = projects.eval_on_selector_all("section[data-group] h2", "h => h.length")
    for year in range(2017, 2025):
        projects.select_option("#filter-jahr", str(year))
        assert visible(projects) == server_list(demo_output, "projekte/index.html", f"jahr-{year}"), year
        hidden_years = projects.eval_on_selector_all("section[data-group][hidden] h2", "h => h.map(x => x.id)")
        assert f"jahr-{year}" not in hidden_years and len(hidden_years) == sections - 1


@pytest.mark.parametrize(
    ("status", "label"), [("running", "Läuft"), ("planned", "Geplant"), ("completed", "Abgeschlossen")]
)
def test_status_filter_shows_what_runs_is_planned_or_ended(projects, status, label):
    projects.select_option("#filter-stand", status)
    badges = projects.eval_on_selector_all("[data-project]:not([hidden]) .qs-status", "b => b.map(x => x.textContent)")
    hidden = projects.eval_on_selector_all("[data-project][hidden] .qs-status", "b => b.map(x => x.textContent)")
    assert badges and set(badges) == {label}
    assert label not in hidden
    assert f"stand={status}" in projects.url


def test_combined_filters_state_in_url_and_reset(projects, demo_url):
    projects.select_option("#filter-thema", "bildung")
    projects.select_option("#filter-jahr", "2019")
    shown = visible(projects)
    assert "thema=bildung" in projects.url and "jahr=2019" in projects.url
    assert "passen zum Filter" in projects.inner_text("[data-status]")
    shared = projects.url
    projects.goto(shared)
    projects.wait_for_selector("form.qs-filter:not([hidden])")
    assert visible(projects) == shown
    assert projects.input_value("#filter-thema") == "bildung"
    projects.click("button[type=reset]")
    projects.wait_for_function("document.querySelectorAll('[data-project][hidden]').length === 0")
    assert projects.url.endswith("/projekte/")


def test_no_match_says_so(projects):
    projects.select_option("#filter-standort", "aalen")
    projects.select_option("#filter-jahr", "2017")
    assert visible(projects) == []
    assert projects.is_visible("text=Kein Mikroprojekt passt")


def test_without_javascript_the_full_list_is_there(browser, demo_url, demo_output):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{demo_url}/projekte/")
    assert not tab.is_visible("form.qs-filter")
    assert len(visible(tab)) == len(list((ROOT / "data/projects").glob("*.yaml")))
    context.close()


# Over several pages (Berlin's demo shows 24 projects a page), the filter opens the search.


def _search_results(page):
    """Every hit of the search, after "Weitere Treffer zeigen" as often as it is offered."""
    page.wait_for_selector("[data-results][aria-busy=false]", state="attached")
    while page.is_visible("[data-more]"):
        count = page.locator("[data-results] li").count()
        page.click("[data-more]")
        page.wait_for_function(f"document.querySelectorAll('[data-results] li').length > {count}")
    return sorted(page.eval_on_selector_all("[data-results] a", "a => a.map(x => new URL(x.href).pathname)"))


def _all_pages(output, first):
    """Project links on a paged list: its first page and every page after it."""
    links, folder = [], output / first
    pages = [folder / "index.html", *sorted((folder / "seite").glob("*/index.html"))]
    for file in pages:
        links += re.findall(r'class="qs-pcard__title"><a href="(/projekte/[^"]+/)"', file.read_text(encoding="utf-8"))
    return sorted(links), len(pages)


def test_filter_over_pages_finds_the_projects_of_every_page(page, berlin_url, berlin_output):
    page.goto(f"{berlin_url}/projekte/")
    page.wait_for_selector("form.qs-filter:not([hidden])")
    theme = "Integration und Nachbarschaft"
    page.select_option("select[name=Thema]", theme)
    page.click("form.qs-filter button[type=submit]")
    page.wait_for_url("**/suche/**")
    assert "Art=Projekt" in page.url and "Thema=" in page.url and "Stand=" not in page.url
    expected, pages = _all_pages(berlin_output, "themen/integration-und-nachbarschaft")
    assert pages == 2 and len(expected) > 24
    assert _search_results(page) == expected
    assert page.input_value("select[data-filter=Thema]") == theme
    assert page.errors == []


def test_search_shows_more_hits_on_request(page, berlin_url, berlin_output):
    page.goto(f"{berlin_url}/suche/?Art=Projekt")
    page.wait_for_selector("[data-results][aria-busy=false]", state="attached")
    total = len(list((berlin_output / "projekte").glob("*/index.html")))  # not seite/2/index.html
    assert page.locator("[data-results] li").count() == 30
    assert page.inner_text("[data-status]") == f"{total} Treffer, die ersten 30 werden gezeigt."
    page.click("[data-more]")
    page.wait_for_function("document.querySelectorAll('[data-results] li').length > 30")
    # The first new hit has the focus, so a keyboard or screen reader user goes on where the list grew.
    assert page.evaluate("document.activeElement === document.querySelectorAll('[data-results] a')[30]")
    assert _search_results(page) == _all_pages(berlin_output, "projekte")[0]
    assert page.inner_text("[data-status]") == f"{total} Treffer." and not page.is_visible("[data-more]")
