"""Long project lists in pages (render.paging), built from the fixture programme with two cards a page.

Every project is on exactly one page of each list that shows it, in the order of the whole
list; the pages link each other; a year's link leads to the page where the year begins; and
a list that fits stays one page, with the filter that filters the cards at once.
"""

import re

import pytest
from helpers import FIXTURE, FIXTURE_SETTINGS, build_site

PER_PAGE = 2


@pytest.fixture(scope="module")
def paged(tmp_path_factory):
    base = tmp_path_factory.mktemp("paged-build")
    result = build_site(FIXTURE, base / "output", base / "cache", *FIXTURE_SETTINGS, f"QS_PROJECTS_PER_PAGE={PER_PAGE}")
    assert result.returncode == 0, result.stderr
    return base / "output"


def _html(output, url):
    return (output / url / "index.html").read_text(encoding="utf-8")


def _cards(html):
    """Project links of the cards, in their order."""
    return re.findall(r'class="qs-pcard__title"><a href="/(projekte/[^"]+/)"', html)


def _pages(output, base):
    """Each page of the list that begins at *base*: its URL and its HTML, in order."""
    found = [(base, _html(output, base))]
    while match := re.search(r'<a class="qs-pagination__link" href="/([^"#]+)[^"]*" rel="next"', found[-1][1]):
        found.append((match.group(1), _html(output, match.group(1))))
    return found


def test_all_projects_page_by_page_as_on_one_page(paged, fixture_output):
    whole = _cards(_html(fixture_output, "projekte/"))
    pages = _pages(paged, "projekte/")
    assert [url for url, _ in pages] == ["projekte/", "projekte/seite/2/", "projekte/seite/3/"]
    assert [card for _, html in pages for card in _cards(html)] == whole and len(whole) == 5
    assert all(len(_cards(html)) == PER_PAGE for _, html in pages[:-1])
    assert not (paged / "projekte/seite/4").exists() and not (paged / "projekte/seite/1").exists()
    second = pages[1][1]
    assert '<span class="qs-pagination__current" aria-current="page">Seite 2</span>' in second
    assert 'href="/projekte/" rel="prev"' in second and 'href="/projekte/seite/3/" rel="next"' in second
    assert "<h1>Mikroprojekte: Seite 2 von 3</h1>" in second and "Mikroprojekte 3 bis 4." in second
    assert re.search(r'<link rel="canonical" href="https://[^"/]+/projekte/seite/2/">', second)


def test_a_year_link_leads_to_the_page_where_the_year_begins(paged):
    pages = dict(_pages(paged, "projekte/"))
    first = pages["projekte/"]
    for year, target in re.findall(r'data-year-link="(\d+)"><a href="([^"]+)"', first):
        url, _, anchor = target.partition("#")
        html = pages[url.strip("/") + "/"] if url else first
        heading = re.search(rf'<h2 id="{anchor}">{year}(.*?)</h2>', html)
        assert heading and "Fortsetzung" not in heading.group(1), (year, target)


def test_theme_and_region_lists_go_on_in_pages(paged, fixture_output):
    for owner in ("themen/bildung/", "regionen/bayern/"):
        whole = _cards(_html(fixture_output, owner))
        pages = _pages(paged, owner)
        assert len(pages) == 2 and pages[1][0] == f"{owner}seite/2/", owner
        assert [card for _, html in pages for card in _cards(html)] == whole, owner
        # Back to the owner's page: its projects section, from the breadcrumbs and the page numbers.
        assert f'href="/{owner}#projekte" rel="prev"' in pages[1][1]
    # A list that fits (a site's two projects) has no pages and no page numbers.
    assert not (paged / "standorte/hof/seite").exists()
    assert "qs-pagination" not in _html(paged, "standorte/hof/")


def test_the_filter_over_pages_opens_the_search_with_its_facets(paged):
    form = re.search(r'<form class="qs-filter"[^>]*data-mode="suche".*?</form>', _html(paged, "projekte/"), re.S)
    assert form and 'action="/suche/"' in form.group(0)
    names = re.findall(r'<select[^>]* name="([^"]+)"', form.group(0))
    facets = re.findall(r'data-filter="([^"]+)"', _html(paged, "suche/"))
    assert set(names) <= set(facets) and {"Stand", "Thema", "Jahr"} <= set(names)
    # What the form offers is what the project pages give the search index.
    offered = set(re.findall(r"<option>([^<]+)</option>", form.group(0)))
    projects = [p.read_text(encoding="utf-8") for p in (paged / "projekte").glob("*/index.html")]
    assert len(projects) == 5
    for name in names:
        values = {v for html in projects for v in re.findall(rf'data-pagefind-filter="{name}:([^"]+)"', html)}
        assert values <= offered, name
        assert values or name == "Fonds", name


def test_without_paging_the_list_filters_itself(fixture_output):
    html = _html(fixture_output, "projekte/")
    assert 'data-module="projektfilter"' in html and 'data-mode="suche"' not in html
    assert "qs-pagination" not in html and not (fixture_output / "projekte/seite").exists()
