"""Taking part: committees, funds, calls and dates (Termine) – states, repetitions, iCalendar, pages.

Test builds happen on 1 December 2026, 10:00 in Berlin (helpers.BUILD_EPOCH); the
fixture programme has a summer festival before that date, a workshop day after it, a
weekly consultation hour, a youth council that meets every first Monday, one open
and one closed call.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from icalendar import Calendar
from sites import edit, fixture_copy, paths_of

from quartiersschau.catalogue.timeline import call_status, starts
from quartiersschau.check import check_content, load_catalogue
from quartiersschau.common.clock import BERLIN, build_now
from quartiersschau.records.problems import ContentError
from quartiersschau.render.markdown import MarkdownRenderer


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BERLIN)


def test_build_date_comes_from_source_date_epoch():
    assert build_now({"SOURCE_DATE_EPOCH": "1796115600"}) == at(2026, 12, 1, 10, 0)
    assert build_now({}).tzinfo is BERLIN


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (dt.date(2026, 10, 31), "coming"),
        (dt.date(2026, 11, 1), "open"),
        (dt.date(2027, 1, 31), "open"),
        (dt.date(2027, 2, 1), "closed"),
    ],
)
def test_call_status_follows_from_the_dates(today, state):
    assert call_status(dt.date(2026, 11, 1), dt.date(2027, 1, 31), today) == state


def test_a_meeting_at_six_stays_at_six_across_summer_time():
    found = starts("FREQ=MONTHLY;BYDAY=-1TU", at(2026, 1, 27, 18, 0), None, at(2027, 2, 1), at(2027, 5, 1))
    assert found == [at(2027, 2, 23, 18, 0), at(2027, 3, 30, 18, 0), at(2027, 4, 27, 18, 0)]
    assert [d.utcoffset() for d in found] == [dt.timedelta(hours=1), dt.timedelta(hours=2), dt.timedelta(hours=2)]


def test_repetitions_end_at_until_and_all_day_ones_stay_dates():
    found = starts("FREQ=WEEKLY;BYDAY=SA", dt.date(2026, 12, 5), dt.date(2026, 12, 19), at(2026, 12, 1), at(2027, 6, 1))
    assert found == [dt.date(2026, 12, 5), dt.date(2026, 12, 12), dt.date(2026, 12, 19)]


def _catalogue(site, now):
    return load_catalogue(paths_of(site), MarkdownRenderer(), now=now)


@pytest.fixture(scope="module")
def programme(tmp_path_factory):
    return fixture_copy(tmp_path_factory.mktemp("participation"))


@pytest.mark.parametrize(
    ("now", "upcoming", "past", "open_calls"),
    [
        (at(2026, 6, 1, 9), ["sprechstunde-hof", "sommerfest", "werkstatt-tag"], [], []),
        (at(2026, 4, 30, 23), ["sprechstunde-hof", "sommerfest", "werkstatt-tag"], [], ["sommer-2026"]),
        (at(2026, 12, 1, 10), ["sprechstunde-hof", "werkstatt-tag"], ["sommerfest"], ["ideen-2027"]),
        (at(2027, 3, 1, 9), ["sprechstunde-hof"], ["werkstatt-tag", "sommerfest"], []),
    ],
)
def test_upcoming_and_past_and_open_calls_for_three_build_dates(programme, now, upcoming, past, open_calls):
    part = _catalogue(programme, now).participation
    assert [e.id for e in part.upcoming_events] == upcoming  # by their next date
    assert [e.id for e in part.past_events] == past
    assert [c.id for c in part.open_calls] == open_calls
    assert all(d.ends_at > now for d in part.dates)
    moments = [
        d.start if isinstance(d.start, dt.datetime) else at(d.start.year, d.start.month, d.start.day)
        for d in part.dates
    ]
    assert moments == sorted(moments)


def test_the_site_knows_its_committee_calls_and_next_dates(programme):
    catalogue = _catalogue(programme, at(2026, 12, 1, 10))
    hof = catalogue.site_by_id["hof"]
    (council,) = hof.committees
    assert council.kind.label == "Jugendbeirat" and council.next.start == at(2026, 12, 7, 17, 0)
    assert [c.id for c in hof.calls] == ["ideen-2027", "sommer-2026"]
    assert [d.start for d in hof.dates[:3]] == [at(2026, 12, 2, 15), at(2026, 12, 7, 17), at(2026, 12, 9, 15)]
    assert catalogue.site_by_id["moabit"].dates == ()


@pytest.fixture(scope="module")
def calendars(fixture_output):
    def read(name):
        return Calendar.from_ical((fixture_output / name).read_bytes())

    return read


def _events(cal):
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def test_the_calendar_of_all_dates_holds_exactly_the_expected_events(calendars):
    cal = calendars("termine/termine.ics")
    events = _events(cal)
    assert sorted(events) == [
        "gremium-hof-jugendbeirat@jmd-im-quartier.example.org",
        "termin-sommerfest@jmd-im-quartier.example.org",
        "termin-sprechstunde-hof@jmd-im-quartier.example.org",
        "termin-werkstatt-tag@jmd-im-quartier.example.org",
    ]
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]
    hour = events["termin-sprechstunde-hof@jmd-im-quartier.example.org"]
    assert hour["dtstart"].params["TZID"] == "Europe/Berlin" and hour["dtstart"].dt == at(2026, 1, 7, 15)
    assert hour["rrule"]["FREQ"] == ["WEEKLY"] and hour["rrule"]["BYDAY"] == ["WE"]
    assert str(hour["url"]) == "https://jmd-im-quartier.example.org/termine/sprechstunde-hof/"
    day = events["termin-werkstatt-tag@jmd-im-quartier.example.org"]
    assert day["dtstart"].dt == dt.date(2027, 2, 13) and day["dtend"].dt == dt.date(2027, 2, 14)
    fest = events["termin-sommerfest@jmd-im-quartier.example.org"]
    assert "Schulstraße 3, 95028 Hof" in str(fest["location"])


def test_a_site_and_a_single_event_have_their_own_calendar(calendars):
    assert len(_events(calendars("standorte/hof/termine.ics"))) == 4
    assert list(_events(calendars("termine/werkstatt-tag/termin.ics"))) == [
        "termin-werkstatt-tag@jmd-im-quartier.example.org"
    ]


def test_open_data_lists_dates_and_calls(fixture_output):
    dates = json.loads((fixture_output / "daten/termine.json").read_text(encoding="utf-8"))
    calls = json.loads((fixture_output / "daten/aufrufe.json").read_text(encoding="utf-8"))
    assert dates["as_of"] == "2026-12-01" and dates["dates"][0]["start"] == "2026-12-02T15:00:00+01:00"
    assert {c["id"]: c["status"] for c in calls["calls"]} == {"ideen-2027": "open", "sommer-2026": "closed"}
    assert (fixture_output / "daten/termine.csv").read_text(encoding="utf-8").startswith("title,kind,start,end")


def test_pages_show_the_participation_data(fixture_output):
    termine = (fixture_output / "termine/index.html").read_text(encoding="utf-8")
    assert "Stand: 1. Dezember 2026" in termine and "Sommerfest" not in termine
    assert termine.index("Mittwoch, 2. Dezember 2026, 15:00–17:00 Uhr") < termine.index("Offener Werkstatt-Tag")
    archive = (fixture_output / "termine/archiv/index.html").read_text(encoding="utf-8")
    assert "Sommerfest im Bahnhofsviertel" in archive
    mitmachen = (fixture_output / "mitmachen/index.html").read_text(encoding="utf-8")
    assert "Ideen für 2027 gesucht" in mitmachen and "2.500 €" in mitmachen and "Jugendbeirat" in mitmachen
    site = (fixture_output / "standorte/hof/index.html").read_text(encoding="utf-8")
    box = site[site.index('id="mitmachen"') : site.index("</section>", site.index('id="mitmachen"'))]
    assert "Montag, 7. Dezember 2026, 17:00–18:30 Uhr" in box and "Ideen für 2027 gesucht" in box
    event = (fixture_output / "termine/sommerfest/index.html").read_text(encoding="utf-8")
    assert '"@type": "Event"' in event and '"startDate": "2026-07-04T14:00:00+02:00"' in event


def problems(site) -> list[str]:
    try:
        check_content(paths_of(site))
    except ContentError as error:
        return [str(p) for p in error.problems]
    return []


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "data/events/sommerfest.yaml",
            'end_time: "19:00"',
            'end_time: "13:00"',
            "data/events/sommerfest.yaml:5:11: end_time (Ende): Ende (13:00) liegt nicht nach dem Beginn (14:00)",
        ),
        (
            "data/events/werkstatt-tag.yaml",
            "kind: fest",
            'kind: fest\nend_time: "18:00"',
            "data/events/werkstatt-tag.yaml:3:11: end_time (Ende): Ende ohne Beginn",
        ),
        (
            "data/events/sprechstunde-hof.yaml",
            "BYDAY=WE",
            "BYDAY=XX",
            "data/events/sprechstunde-hof.yaml:6:9: repeat (Wiederholung): Wiederholungsregel nicht lesbar",
        ),
        (
            "data/events/sprechstunde-hof.yaml",
            'date: "2026-01-07"',
            'date: "2026-01-08"',
            "data/events/sprechstunde-hof.yaml:3:7: date (Datum): 2026-01-08 ist kein Tag dieser Wiederholung (der erste wäre der 2026-01-14)",
        ),
        (
            "data/events/sommerfest.yaml",
            "kind: fest",
            "kind: feier",
            "data/events/sommerfest.yaml:2:7: kind (Art): unbekannte Terminart 'feier'",
        ),
        (
            "data/events/sommerfest.yaml",
            "  - hof",
            "  - hoff",
            "data/events/sommerfest.yaml:7:5: sites[1] (Orte): unbekannter Ort 'hoff' (meinten Sie 'hof'?)",
        ),
        (
            "data/calls/ideen-2027.yaml",
            'deadline: "2027-01-31"',
            'deadline: "2026-10-31"',
            "data/calls/ideen-2027.yaml:4:11: deadline (Frist): Frist (2026-10-31) liegt vor dem Beginn (2026-11-01)",
        ),
        (
            "data/calls/ideen-2027.yaml",
            "fund: mikroprojektmittel",
            "fund: aktionsfonds",
            "data/calls/ideen-2027.yaml:2:7: fund (Fonds): unbekannter Fonds 'aktionsfonds'",
        ),
        (
            "data/calls/sommer-2026.yaml",
            'deadline: "2026-04-30"\n',
            "",
            "data/calls/sommer-2026.yaml:1:1: deadline (Frist): Pflichtfeld fehlt",
        ),
        (
            "data/events/sommerfest.yaml",
            'start_time: "14:00"',
            "start_time: 14",
            "data/events/sommerfest.yaml:4:13: start_time (Beginn): erwartet Text",
        ),
        ("data/sites/hof.yaml", "kind: jugendbeirat", "kind: jugendrat", "data/sites/hof.yaml:"),
        (
            "data/programme.yaml",
            "  - id: sprechstunde\n    label: Sprechstunde\n",
            "  - id: sprechstunde\n    label: Sprechstunde\n  - id: fest\n    label: Feier\n",
            "data/programme.yaml:",
        ),
    ],
)
def test_broken_participation_records_get_one_line_each(tmp_path, file, old, new, expected):
    site = fixture_copy(tmp_path)
    edit(site / file, old, new)
    found = problems(site)
    assert len(found) == 1, found
    assert found[0].startswith(expected), found


def test_the_page_script_hides_dates_that_passed_since_the_build(browser, fixture_output):
    """Read ten days after the build (clock mocked in Chromium): the dates of those days are gone."""
    from browser_support import serve

    with serve(fixture_output) as url:
        context = browser.new_context(locale="de-DE")
        page = context.new_page()
        page.clock.install(time=at(2026, 12, 10, 12, 0))
        page.goto(f"{url}/termine/")
        visible = page.locator("[data-date]:visible time").all_inner_texts()
        assert visible[0] == "Mittwoch, 16. Dezember 2026, 15:00–17:00 Uhr"
        assert page.locator("[data-date][data-past]").count() == 3  # 2 and 9 December, 7 December
        page.clock.set_fixed_time(at(2027, 2, 5, 12, 0))
        page.goto(f"{url}/mitmachen/")
        assert page.inner_text("#aufruf-ideen-2027 [data-status-label]") == "beendet"
        context.close()


def test_without_the_script_the_build_date_stands(browser, fixture_output):
    from browser_support import serve

    with serve(fixture_output) as url:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(f"{url}/termine/")
        assert page.locator("[data-date]:visible").count() == page.locator("[data-date]").count() > 3
        assert page.is_visible("text=Stand: 1. Dezember 2026")
        context.close()


def test_the_date_filter_narrows_by_kind_and_keeps_its_state_in_the_address(browser, fixture_output):
    from browser_support import serve

    with serve(fixture_output) as url:
        context = browser.new_context(locale="de-DE")
        page = context.new_page()
        page.clock.install(time=at(2026, 12, 1, 12, 0))
        page.goto(f"{url}/termine/?art=Fest")
        page.wait_for_selector("form.qs-filter:not([hidden]) [data-status]:not(:empty)")
        titles = page.locator("[data-date]:visible .qs-dates__title a").all_inner_texts()
        assert titles == ["Offener Werkstatt-Tag"]
        page.select_option("#filter-art", "")
        assert page.locator("[data-date]:visible").count() > 10
        assert "art=" not in page.url
        context.close()


def test_a_build_on_the_next_day_renders_the_pages_anew(tmp_path):
    """The page cache must not keep yesterday's dates: the build day is part of its key."""
    from helpers import FIXTURE, build_site

    day_one = build_site(FIXTURE, tmp_path / "one", tmp_path / "cache", env={"SOURCE_DATE_EPOCH": "1796115600"})
    same_day = build_site(FIXTURE, tmp_path / "two", tmp_path / "cache", env={"SOURCE_DATE_EPOCH": "1796140800"})
    next_day = build_site(FIXTURE, tmp_path / "three", tmp_path / "cache", env={"SOURCE_DATE_EPOCH": "1796202000"})
    assert day_one.returncode == same_day.returncode == next_day.returncode == 0
    from helpers import tree_digest

    assert tree_digest(tmp_path / "one") == tree_digest(tmp_path / "two")  # 17:00 the same day: the same site
    one = (tmp_path / "one/termine/index.html").read_text(encoding="utf-8")
    three = (tmp_path / "three/termine/index.html").read_text(encoding="utf-8")
    assert "Stand: 1. Dezember 2026" in one and "Mittwoch, 2. Dezember 2026" in one
    assert "Stand: 2. Dezember 2026" in three
