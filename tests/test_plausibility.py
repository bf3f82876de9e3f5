"""Values that are well-formed but impossible for a neighbourhood programme (coordinates: test_crossrefs).

Rules that compare records live in records.plausibility; rules about one value alone
(0 residents, a phone number without digits) are in the schemas.
"""

import datetime as dt
from pathlib import Path

import pytest
from sites import edit, fixture_copy, paths_of

from quartiersschau.records.plausibility import check_plausibility
from quartiersschau.records.reading import read_records

NEXT_YEAR = dt.date.today().year + 1
FAR_AHEAD = dt.date.today().year + 5


def problems_of(site: Path) -> list[str]:
    """Schema problems and plausibility problems of the tree (the outlines are not needed here)."""
    records, problems = read_records(paths_of(site))
    return [str(p) for p in sorted(problems + check_plausibility(records, None))]


@pytest.fixture
def site(tmp_path):
    return fixture_copy(tmp_path)


def test_fixture_is_plausible(site):
    assert problems_of(site) == []


def test_years_before_the_programme_began(site):
    edit(site / "data/sites/ingolstadt.yaml", "since: 2019", "since: 2009")
    edit(site / "data/projects/lesecafe.yaml", "year: 2019", "year: 2013")
    edit(site / "content/stories/garten-im-sommer.md", 'date: "2020-07-01"', 'date: "2002-07-01"')
    assert problems_of(site) == [
        "content/stories/garten-im-sommer.md:3:7: date (Datum): das Datum 2002-07-01 liegt vor dem Beginn des Programms "
        "(2019-01-01) – prüfen",
        "data/projects/lesecafe.yaml:3:7: year (Jahr): das Jahr 2013 liegt vor dem Beginn des Programms (2019-01-01) – prüfen",
        "data/sites/ingolstadt.yaml:9:8: since (Dabei seit): das Jahr 2009 liegt vor dem Beginn des Programms (2019-01-01) – prüfen",
    ]


def test_project_start_before_the_programme_within_its_first_year(site):
    programme = site / "data/programme.yaml"
    edit(programme, 'start: "2019-01-01"', 'start: "2022-06-01"')
    problems = [p for p in problems_of(site) if "fahrradwerkstatt" in p]
    assert problems == [
        "data/projects/fahrradwerkstatt.yaml:5:10: period.start (Beginn): der Beginn 2022-03-01 liegt vor dem Beginn des "
        "Programms (2022-06-01) – prüfen"
    ]


def test_a_project_before_its_site_joined(site):
    edit(site / "data/projects/hausaufgabenhilfe.yaml", "year: 2023", "year: 2020")
    assert problems_of(site) == [
        "data/projects/hausaufgabenhilfe.yaml:3:7: year (Jahr): das Projekt beginnt 2020, 'hof' ist aber erst "
        "seit 2022 dabei – year hier oder since in data/sites/hof.yaml prüfen"
    ]


def test_typos_far_in_the_future_but_plans_for_next_year_are_fine(site):
    edit(site / "data/projects/hausaufgabenhilfe.yaml", "year: 2023\n", f"year: {NEXT_YEAR}\n")
    edit(site / "data/projects/hausaufgabenhilfe.yaml", "status: running", "status: planned")
    assert problems_of(site) == []
    edit(site / "data/projects/hausaufgabenhilfe.yaml", f"year: {NEXT_YEAR}\n", f"year: {FAR_AHEAD}\n")
    edit(site / "content/stories/garten-im-sommer.md", 'date: "2020-07-01"', f'date: "{FAR_AHEAD}-07-01"')
    assert problems_of(site) == [
        f"content/stories/garten-im-sommer.md:3:7: date (Datum): {FAR_AHEAD} liegt mehr als 2 Jahre in der Zukunft – Tippfehler?",
        f"data/projects/hausaufgabenhilfe.yaml:3:7: year (Jahr): {FAR_AHEAD} liegt mehr als 2 Jahre in der Zukunft – Tippfehler?",
    ]


def test_funding_larger_than_the_whole_programme(site):
    edit(site / "data/projects/fahrradwerkstatt.yaml", "amount: 1500", "amount: 15000000")
    assert problems_of(site) == [
        "data/projects/fahrradwerkstatt.yaml:17:11: funding.amount (Betrag in Euro): 15.000.000 € ist mehr als das Budget des ganzen "
        "Programms (1.500.000 €) – Betrag prüfen"
    ]


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ('"10:00–25:00"', "„25:00“ ist keine Uhrzeit – 00:00 bis 24:00 eintragen"),
        ('"9.75 bis 12.00"', "„9.75“ ist keine Uhrzeit – 00:00 bis 24:00 eintragen"),
        ('"16:00–10:00"', "„16:00–10:00“ endet nicht nach dem Beginn – Uhrzeiten prüfen"),
    ],
)
def test_opening_hours_that_do_not_exist(site, hours, message):
    edit(site / "data/sites/hof.yaml", '"10:00–16:00"', hours)
    assert problems_of(site) == [f"data/sites/hof.yaml:20:14: office.opening_hours[1].hours (Uhrzeit): {message}"]


@pytest.mark.parametrize(
    "hours",
    ['"10:00–16:00"', '"10.00 bis 24:00"', '"nach Vereinbarung"', '"9:30–12:00 und 14:00–18:00"', '"nicht am 24.12."'],
)
def test_real_opening_hours_pass(site, hours):
    edit(site / "data/sites/hof.yaml", '"10:00–16:00"', hours)
    assert problems_of(site) == []


def test_two_sites_with_the_same_name(site):
    edit(site / "data/sites/moabit.yaml", "name: Berlin – Moabit West", "name: Hof –  Bahnhofsviertel")
    assert problems_of(site) == [
        "data/sites/moabit.yaml:1:7: name (Name): den Namen trägt schon data/sites/hof.yaml – Namen unterscheiden "
        "(Karte, Listen und Suchfilter zeigen nur ihn)"
    ]


def test_accessibility_statement_reviewed_before_it_was_made(site):
    edit(site / "data/programme.yaml", 'reviewed: "2024-06-01"', 'reviewed: "2023-06-01"')
    assert problems_of(site) == [
        "data/programme.yaml:66:15: legal.accessibility.reviewed (Zuletzt überprüft): überprüft (2023-06-01) vor der Erstellung "
        "(2024-05-01) – Daten prüfen"
    ]


# --- single values: the schemas -------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        (
            "data/sites/hof.yaml",
            "count: 5489",
            "count: 0",
            "data/sites/hof.yaml:33:10: residents.count (Anzahl): in einem Quartier leben Menschen – die Zahl eintragen "
            "oder residents weglassen, wenn sie nicht bekannt ist",
        ),
        (
            "data/projects/fahrradwerkstatt.yaml",
            "participants: 25",
            "participants: 0",
            "data/projects/fahrradwerkstatt.yaml:12:15: participants (Teilnehmende): 0 Teilnehmende – die Zahl eintragen oder "
            "participants weglassen, wenn sie (noch) nicht bekannt ist",
        ),
        (
            "data/projects/fahrradwerkstatt.yaml",
            "amount: 1500",
            "amount: 0.0",
            "data/projects/fahrradwerkstatt.yaml:17:11: funding.amount (Betrag in Euro): 0 € ist keine Förderung – den Betrag "
            "eintragen oder amount weglassen, wenn er nicht bekannt ist",
        ),
        (
            "data/programme.yaml",
            "amount: 1500000",
            "amount: 0",
            "data/programme.yaml:16:11: budget.amount (Betrag in Euro): 0 € ist kein Budget – den Betrag eintragen oder budget "
            "weglassen, wenn er nicht bekannt ist",
        ),
        (
            "data/sites/hof.yaml",
            'phone: "09281 0000 100"',
            'phone: "0----"',
            "data/sites/hof.yaml:21:10: office.phone (Telefon): keine gültige Telefonnummer – mindestens 6 Ziffern mit "
            "Vorwahl; erlaubt sind Ziffern, Leerzeichen, +, /, - und Klammern",
        ),
        (
            "data/sites/hof.yaml",
            "email: hof@example.org",
            "email: hof@example.org?bcc=jemand%40example.net",
            "data/sites/hof.yaml:22:10: office.email (E-Mail): keine gültige E-Mail-Adresse (Beispiel: quartier@example.org)",
        ),
    ],
)
def test_single_values_that_mean_nothing(site, path, old, new, expected):
    edit(site / path, old, new)
    assert problems_of(site) == [expected]


def test_negative_values_are_still_refused_with_the_minimum(site):
    edit(site / "data/projects/fahrradwerkstatt.yaml", "participants: 25", "participants: -3")
    assert problems_of(site) == [
        "data/projects/fahrradwerkstatt.yaml:12:15: participants (Teilnehmende): muss mindestens 0 sein"
    ]
