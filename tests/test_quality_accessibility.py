"""WCAG 2.1 A/AA with axe-core in Chromium, on every page of the demo build, and keyboard use.

One browser, one tab, pages in sequence: about half a second per page.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from helpers import html_pages

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}

# One page of every type, for the keyboard checks.
PAGE_TYPES = [
    "",
    "standorte/",
    "standorte/hof-bahnhofsviertel/",
    "projekte/",
    "projekte/kubus-der-solidaritaet/",
    "themen/",
    "themen/bildung/",
    "regionen/",
    "regionen/bayern/",
    "geschichten/",
    "geschichten/digitale-bilanzveranstaltung-2021/",
    "ueber/",
    "mitmachen/",
    "leichte-sprache/",
    "impressum/",
    "datenschutz/",
    "barrierefreiheit/",
    "karte/",
    "suche/",
    "daten/",
    "404.html",
]
# Pages whose content changes with JavaScript: checked again in that state, once it is there.
STATES = {
    "suche/?q=Quartier": "[data-results][aria-busy=false] a",
    "projekte/?thema=bildung&jahr=2019": "form.qs-filter:not([hidden]) [data-status]:not(:empty)",
    "projekte/?standort=aalen&jahr=2017": "[data-empty]:not([hidden])",
}

BERLIN_STATES = {
    "suche/?q=Quartiersrat": "[data-results][aria-busy=false] a",
    # Over several pages, the project filter opens the search (render.paging).
    "suche/?Art=Projekt&Fonds=Aktionsfonds": "[data-results][aria-busy=false] a",
}


def _violations(results):
    return [f"{v['id']}: {v['help']} – {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]]


def test_axe_finds_no_violation_on_any_page(browser, programme, programme_url, programme_output):
    axe = Axe()
    context = browser.new_context()
    tab = context.new_page()
    pages = html_pages(programme_output)
    assert len(pages) > 130
    found = {}
    for path in pages + (list(STATES) if programme == "jmd" else list(BERLIN_STATES)):
        tab.goto(f"{programme_url}/{path}")
        state = STATES.get(path) or BERLIN_STATES.get(path) if "?" in path else None
        if state:
            tab.wait_for_selector(state)
        problems = _violations(axe.run(tab, options=WCAG))
        if problems:
            found[path] = problems
    context.close()
    assert found == {}


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, demo_url, path):
    page.goto(f"{demo_url}/{path}")
    page.keyboard.press("Tab")
    first = page.evaluate(
        "() => ({cls: document.activeElement.className, top: document.activeElement.getBoundingClientRect().top})"
    )
    assert first["cls"] == "qs-skip-link" and first["top"] >= 0  # focused and on screen
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "inhalt"


# Focus every keyboard-reachable element (as Tab would, with :focus-visible) and read its focus style.
FOCUS_STATES = """() => {
  const selector = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  const states = [];
  for (const el of document.querySelectorAll(selector)) {
    if (el.closest('[hidden], details:not([open]) > :not(summary)') || el.disabled) continue;
    const r0 = el.getBoundingClientRect();
    if (r0.width * r0.height === 0 && !el.classList.contains('qs-skip-link')) continue;
    el.focus({ focusVisible: true });
    if (document.activeElement !== el) continue;
    const s = getComputedStyle(el);
    states.push({
      what: `${el.tagName.toLowerCase()} ${(el.getAttribute('href') || el.id || el.textContent || '').trim().slice(0, 50)}`,
      visible: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none',
    });
  }
  return states;
}"""


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_every_interactive_element_shows_visible_focus(page, demo_url, path):
    page.goto(f"{demo_url}/{path}")
    page.keyboard.press("Tab")  # keyboard modality, as a keyboard user would be in
    states = page.evaluate(FOCUS_STATES)
    assert len(states) > 5
    assert [s["what"] for s in states if not s["visible"]] == []
