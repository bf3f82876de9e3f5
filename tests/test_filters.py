"""German formatting filters used by the templates."""

import datetime as dt

from quartiersschau.render.filters import euro, german_date, german_number, month_year, page_url, plural


def test_german_date_does_not_depend_on_locale():
    assert german_date(dt.date(2021, 6, 8)) == "8. Juni 2021"
    assert german_date(dt.date(2022, 3, 1)) == "1. März 2022"
    assert month_year(dt.date(2017, 7, 1)) == "Juli 2017"


def test_numbers_and_money():
    assert german_number(13186) == "13.186"
    assert german_number(6.95, 1) == "7,0"
    assert euro(1500) == "1.500 €"
    assert euro(6_900_000) == "6,9 Mio. €"


def test_plural_and_page_url():
    assert plural(1, "Projekt", "Projekte") == "1 Projekt"
    assert plural(1200, "Projekt", "Projekte") == "1.200 Projekte"
    assert page_url("standorte/hof/index.html") == "standorte/hof/"
    assert page_url("index.html") == ""
