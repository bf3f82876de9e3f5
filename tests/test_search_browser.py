"""Full-text search in Chromium: Pagefind's index, our accessible form, German stemming."""

import pytest


def search(page, url, query=""):
    page.goto(f"{url}/suche/{query}")
    page.wait_for_selector("form[role=search]:not([hidden])")


def results(page):
    """The hits of the newest search, once it has finished (the list is aria-busy while one runs)."""
    page.wait_for_selector("[data-results][aria-busy=false]", state="attached")
    return page.eval_on_selector_all("[data-results] a", "links => links.map(a => new URL(a.href).pathname)")


def test_index_exists(demo_output):
    assert (demo_output / "pagefind/pagefind.js").is_file()
    assert list((demo_output / "pagefind").glob("pagefind.*.pf_meta"))


def test_search_finds_a_project_by_its_title(page, demo_url):
    search(page, demo_url, "?q=Kubus%20der%20Solidarit%C3%A4t")
    assert results(page)[0] == "/projekte/kubus-der-solidaritaet/"
    assert "Treffer für „Kubus der Solidarität“" in page.inner_text("[data-status]")
    assert page.errors == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Fahrradwerkstätten", "/projekte/fahrradwerkstatt-kuenstlerkollektiv/"),  # plural with umlaut
        ("Klimastationen", "/projekte/klimastation-wichlinghausen/"),  # plural
        # (not "Schwimmkursen": the index holds "Schwimmkurse" from /ueber/, and Pagefind expands
        # a word to longer ones only when nothing matches it exactly)
        ("Kletterkursen", "/projekte/kletterkurs-aalen/"),  # dative plural
    ],
)
def test_german_stemming_finds_inflected_words(page, demo_url, query, expected):
    search(page, demo_url)
    page.fill("#suchbegriff", query)
    page.keyboard.press("Enter")
    assert expected in results(page)


def test_facets_narrow_the_results(page, demo_url):
    search(page, demo_url)
    page.fill("#suchbegriff", "Quartier")
    page.keyboard.press("Enter")  # a search without the facet starts; the newer one must win
    page.select_option("select[data-filter=Art]", "Mikroprojekt")
    found = results(page)
    assert found and all(path.startswith("/projekte/") for path in found)
    assert "Art=Mikroprojekt" in page.url
    options = page.eval_on_selector_all("select[data-filter=Jahr] option", "o => o.map(x => x.value)")
    assert "2017" in options and "2024" in options


def test_search_form_is_labelled_and_announces(page, demo_url):
    search(page, demo_url)
    assert page.get_attribute("#suchbegriff", "name") == "q"
    assert page.inner_text("label[for=suchbegriff]") == "Suchbegriff"
    assert page.get_attribute("[data-status]", "aria-live") == "polite"


def test_without_javascript_the_page_points_to_the_lists(browser, demo_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{demo_url}/suche/")
    assert tab.is_visible("text=Die Suche braucht JavaScript")
    assert not tab.is_visible("form[role=search]")
    assert tab.get_attribute("a:text('Mikroprojekte') >> nth=-1", "href") == "/projekte/"
    context.close()


def test_a_failed_search_says_so(page, demo_url):
    page.route("**/pagefind/fragment/**", lambda route: route.abort())
    search(page, demo_url)
    page.fill("#suchbegriff", "Fahrradwerkstatt")
    page.keyboard.press("Enter")
    assert results(page) == []
    assert "Die Suche ist fehlgeschlagen" in page.inner_text("[data-status]")


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Impressum", "/impressum/"), ("Mitmachen", "/mitmachen/"), ("Datenschutz", "/datenschutz/")],
)
def test_titles_rank_first_and_fixed_pages_are_indexed(page, programme_url, query, expected):
    search(page, programme_url)
    page.fill("#suchbegriff", query)
    page.keyboard.press("Enter")
    found = results(page)
    # first, also where a project's title holds the word ("Kiezgarten zum Mitmachen")
    assert found[0] == expected
    kinds = page.eval_on_selector_all(".qs-search__result .qs-card__meta", "ps => ps.map(p => p.textContent)")
    assert kinds[found.index(expected)] == "Seite"  # each hit says what kind it is


@pytest.mark.parametrize("query", ["vCard", "Kontakt speichern", "Route zum Büro", "Zum Inhalt springen"])
def test_buttons_and_navigation_stay_out_of_the_excerpts(page, programme_url, query):
    search(page, programme_url)
    page.fill("#suchbegriff", query)
    page.keyboard.press("Enter")
    results(page)
    excerpts = page.eval_on_selector_all(".qs-search__result p:last-child", "ps => ps.map(p => p.textContent)")
    assert not any("vCard" in text or "Kontakt speichern" in text for text in excerpts)
