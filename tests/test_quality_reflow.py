"""Reflow (WCAG 1.4.10): no page of either demo is wider than a phone's screen, also once its scripts ran.

Every page at 320, 360 and 390 CSS px; the pages whose content changes with JavaScript
are checked again in that state (search results, filtered lists).
"""

import pytest
from helpers import html_pages

WIDTHS = (320, 360, 390)
# Pages that change with JavaScript, and the element that says the change is done.
STATES = {
    "suche/?q=Quartier": "[data-results][aria-busy=false] a",
    "termine/?art=Sprechstunde": "form.qs-filter:not([hidden]) [data-status]:not(:empty)",
    "standorte/?suche=Berlin": "form.qs-finder:not([hidden]) [data-status]:not(:empty)",
}
# The project filter: over one page (JMD) it filters the cards; over several (Berlin) it opens the search.
PROJECT_STATES = {
    "jmd": {
        "projekte/?jahr=2024": "form.qs-filter:not([hidden]) [data-status]:not(:empty)",
        "projekte/?stand=running": "form.qs-filter:not([hidden]) [data-status]:not(:empty)",
    },
    "qm-berlin": {
        "suche/?Art=Projekt&Jahr=2024": "[data-results][aria-busy=false] a",
        "suche/?Art=Projekt&Stand=Läuft": "[data-results][aria-busy=false] a",
    },
}


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_is_wider_than_the_screen(browser, programme, programme_url, programme_output, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="de-DE")
    tab = context.new_page()
    too_wide = {}
    states = {**STATES, **PROJECT_STATES[programme]}
    for path in html_pages(programme_output) + list(states):
        tab.goto(f"{programme_url}/{path}")
        if path in states:
            tab.wait_for_selector(states[path])
        scroll_width = tab.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            too_wide[path] = scroll_width
    context.close()
    assert too_wide == {}
