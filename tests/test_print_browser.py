"""A site page prints as a one-page notice with a QR code back to the page."""

import re

import pytest

SITES = ["hof-bahnhofsviertel", "frankfurt-gallus", "wuppertal-oberbarmen-wichlinghausen", "aalen"]


@pytest.mark.parametrize("site", SITES)
def test_site_page_prints_on_one_page(page, demo_url, site):
    page.goto(f"{demo_url}/standorte/{site}/")
    pdf = page.pdf(format="A4", print_background=False)
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1


def test_print_layout_shows_office_and_qr_and_hides_the_rest(page, demo_url):
    page.goto(f"{demo_url}/standorte/hof-bahnhofsviertel/")
    page.emulate_media(media="print")
    assert page.is_visible("svg.qs-qr") and page.is_visible(".qs-office")
    assert page.is_visible("text=https://jmd-im-quartier.example.org/standorte/hof-bahnhofsviertel/")
    assert page.is_visible("#hier")  # "Das passiert hier"
    for hidden in (".qs-header", ".qs-footer", ".qs-map", "#projekte"):
        assert not page.is_visible(hidden), hidden
    page.emulate_media(media="screen")
    assert not page.is_visible("svg.qs-qr") and page.is_visible("#projekte")


def test_qr_code_encodes_the_page_address(demo_output):
    html = (demo_output / "standorte/hof-bahnhofsviertel/index.html").read_text(encoding="utf-8")
    assert 'class="qs-qr"' in html and 'aria-label="QR-Code mit der Adresse dieser Seite"' in html
