"""'Heute geöffnet': weekday names in free-text opening hours, understood conservatively."""

import datetime as dt
from types import SimpleNamespace

import pytest

from quartiersschau.render.opening_hours import hours_on, understood, weekdays


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ("Montag bis Mittwoch", (1, 2, 3)),
        ("Dienstag und Donnerstag", (2, 4)),
        ("Donnerstag", (4,)),
        ("Mo–Fr", (1, 2, 3, 4, 5)),
        ("Di, Do", (2, 4)),
        ("andere Tage", ()),
        ("jeden ersten Montag", ()),
        ("Montag bis", ()),
        ("Freitag bis Montag", ()),
        ("Montag (nach Absprache)", ()),
    ],
)
def test_weekdays_are_read_only_when_clear(days, expected):
    assert weekdays(days) == expected


def _office(*rows):
    return SimpleNamespace(opening_hours=tuple(SimpleNamespace(days=d, hours=h) for d, h in rows))


def test_hours_on_a_day():
    office = _office(("Montag bis Mittwoch", "09:30–15:30"), ("Donnerstag", "14:00–18:00"))
    assert hours_on(office, dt.date(2026, 12, 1)) == "09:30–15:30"  # a Tuesday
    assert hours_on(office, dt.date(2026, 12, 3)) == "14:00–18:00"
    assert hours_on(office, dt.date(2026, 12, 4)) is None  # Friday: nothing is said
    assert understood(office)


def test_unclear_rows_say_nothing_on_their_day():
    office = _office(("Montag", "nach Vereinbarung"), ("andere Tage", "geschlossen"))
    assert hours_on(office, dt.date(2026, 11, 30)) is None
    assert not understood(office)
