"""The site finder on /standorte/ and the start page, and the folding main menu, in Chromium."""

import re

import pytest
from helpers import ROOT

SITES = len(list((ROOT / "data/sites").glob("*.yaml")))


def shown(page):
    return page.eval_on_selector_all(
        "[data-finder-item]:not([hidden]) .qs-finder__name a", "links => links.map(a => new URL(a.href).pathname)"
    )


@pytest.fixture
def finder(page, demo_url):
    page.goto(f"{demo_url}/standorte/")
    page.wait_for_selector("form.qs-finder:not([hidden])")
    return page


@pytest.mark.parametrize(
    ("words", "site"),
    [
        ("95028", "/standorte/hof-bahnhofsviertel/"),  # the office's postcode
        ("950", "/standorte/hof-bahnhofsviertel/"),  # its first digits
        ("Cuxhaven", "/standorte/cuxhaven-suederwisch-lehfeld/"),  # the city
        ("Süderwisch", "/standorte/cuxhaven-suederwisch-lehfeld/"),  # the quarter
        ("suederwisch", "/standorte/cuxhaven-suederwisch-lehfeld/"),  # … as typed without umlauts
        ("suderwisch", "/standorte/cuxhaven-suederwisch-lehfeld/"),
        ("Lehfeld cuxhaven", "/standorte/cuxhaven-suederwisch-lehfeld/"),  # every word, any order
    ],
)
def test_the_finder_finds_a_site_by_postcode_city_and_quarter(finder, words, site):
    finder.fill("#finder-feld", words)
    assert shown(finder) == [site]
    assert finder.inner_text("#finder-status") == "1 Standort gefunden."
    assert "suche=" in finder.url
    assert finder.is_hidden("[data-letter-index]")
    assert finder.errors == []


def test_the_finder_finds_by_the_offices_street_and_says_when_nothing_matches(finder):
    finder.fill("#finder-feld", "Musterstraße 12")
    assert "/standorte/hof-bahnhofsviertel/" in shown(finder)
    finder.fill("#finder-feld", "Atlantis")
    assert shown(finder) == []
    assert finder.is_visible("text=Kein Treffer")
    finder.fill("#finder-feld", "")
    assert len(shown(finder)) == SITES
    assert finder.inner_text("#finder-status") == f"Alle {SITES} Standorte werden gezeigt."


def test_the_start_page_form_opens_the_finder_filtered(page, demo_url):
    page.goto(f"{demo_url}/")
    page.fill("#standort-suche", "27474")
    page.click(".qs-finder-form button")
    page.wait_for_url(re.compile(r"/standorte/\?suche=27474"))
    page.wait_for_selector("form.qs-finder:not([hidden])")
    assert shown(page) == ["/standorte/cuxhaven-suederwisch-lehfeld/"]


def test_the_finder_searches_the_regions_of_another_programme(page, berlin_url):
    page.goto(f"{berlin_url}/standorte/?suche=Neukölln")
    page.wait_for_selector("form.qs-finder:not([hidden])")
    found = page.eval_on_selector_all(
        "[data-finder-item]:not([hidden]) .qs-finder__city", "s => s.map(x => x.textContent)"
    )
    assert len(found) > 3 and set(found) == {"Neukölln"}
    assert page.inner_text("#finder-status").endswith("QM-Gebieten gefunden.")


def test_without_javascript_the_list_and_its_jump_index_are_there(browser, demo_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 800})
    tab = context.new_page()
    tab.goto(f"{demo_url}/standorte/")
    assert tab.is_hidden("form.qs-finder")
    assert len(shown(tab)) == SITES
    letters = tab.eval_on_selector_all("[data-letter-index] a", "links => links.map(a => a.textContent)")
    assert letters[0] == "A" and letters == sorted(letters)
    tab.click("[data-letter-index] a >> text=H")
    assert tab.url.endswith("#buchstabe-h")
    assert tab.is_visible("#buchstabe-h + ul >> text=Hof – Bahnhofsviertel")
    # Before any picture: the compact list comes first on the page.
    first_image = tab.eval_on_selector("main img", "img => img.getBoundingClientRect().top + scrollY")
    last_entry = tab.eval_on_selector_all(
        "[data-finder-item]", "items => items.at(-1).getBoundingClientRect().bottom + scrollY"
    )
    assert last_entry < first_image
    context.close()


def test_the_compact_entry_names_the_office_and_its_hours_today(demo_url, browser):
    context = browser.new_context(viewport={"width": 390, "height": 800}, locale="de-DE")
    tab = context.new_page()
    # Tuesday, 1 December 2026 in Berlin: the Hof office is open 10:00–16:00 on Tuesdays.
    tab.clock.set_fixed_time("2026-12-01T11:00:00+01:00")
    tab.goto(f"{demo_url}/standorte/")
    entry = tab.locator("[data-finder-item]", has_text="Hof – Bahnhofsviertel")
    assert "Musterstraße 12, 95028 Hof" in entry.inner_text()
    assert entry.locator("[data-opening-today]").inner_text() == "Heute geöffnet: 10:00–16:00"
    tab.clock.set_fixed_time("2026-12-06T11:00:00+01:00")  # a Sunday
    tab.reload()
    assert entry.locator("[data-opening-today]").is_hidden()
    context.close()


def test_on_a_phone_the_menu_folds_behind_a_button(browser, demo_url):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    tab = context.new_page()
    tab.goto(f"{demo_url}/projekte/")
    toggle = tab.locator(".qs-nav__toggle")
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    assert tab.is_hidden(".qs-nav__list >> text=Themen")
    assert tab.is_visible(".qs-nav__list >> text=Leichte Sprache")  # stays in view on every page
    header = tab.eval_on_selector(".qs-header", "h => h.getBoundingClientRect().height")
    assert header < 160
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert tab.is_visible(".qs-nav__list >> text=Themen")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390  # the open menu reflows too
    tab.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert tab.evaluate("document.activeElement.classList.contains('qs-nav__toggle')")
    tab.set_viewport_size({"width": 1280, "height": 800})
    assert toggle.is_hidden() and tab.is_visible(".qs-nav__list >> text=Themen")
    context.close()
