"""iCalendar feeds (RFC 5545) made with the icalendar library: all dates, per site, per event.

Repeating dates keep their rule (RRULE), so a phone's calendar shows every meeting,
also those after the next build. Times are Europe/Berlin with a VTIMEZONE; every event
has a stable UID, so a subscribed calendar updates it instead of adding a copy.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from icalendar import Calendar, Event, vRecur

from ..catalogue.catalogue import Catalogue
from ..catalogue.participation import Committee
from ..catalogue.participation import Event as Date
from ..common.clock import BERLIN

ALL_EVENTS = "termine/termine.ics"
SITE_EVENTS = "{url}termine.ics"
EVENT_FILE = "{url}termin.ics"


def site_calendar_url(site) -> str:
    return SITE_EVENTS.format(url=site.url)


def event_calendar_url(event) -> str:
    return EVENT_FILE.format(url=event.url)


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Quartiersschau//DE")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Berlin")
    return cal


def _rule(text: str, until: dt.date | None, timed: bool) -> vRecur:
    rule = vRecur.from_ical(text.removeprefix("RRULE:"))
    if until:
        # With a TZID start, UNTIL is given in UTC (RFC 5545, 3.3.10).
        end = dt.datetime.combine(until, dt.time(23, 59, 59), tzinfo=BERLIN)
        rule["UNTIL"] = [end.astimezone(dt.UTC) if timed else until]
    return rule


def _location(place) -> str | None:
    if place is None:
        return None
    return ", ".join([place.name, *(place.address.lines if place.address else ())])


def _times(component: Event, start, end, all_day: bool) -> None:
    component.add("dtstart", start)
    if all_day:
        # An all-day date ends the day after its last day (exclusive end).
        component.add("dtend", (end or start) + dt.timedelta(days=1))
    elif end is not None:
        component.add("dtend", end)


def _host(base: str) -> str:
    return urlsplit(base).netloc or "quartiersschau.invalid"


def _event(item: Date, base: str, stamp: dt.datetime) -> Event:
    component = Event()
    component.add("uid", f"termin-{item.id}@{_host(base)}")
    component.add("dtstamp", stamp)
    component.add("summary", item.title)
    component.add("description", item.summary)
    component.add("url", f"{base}/{item.url}")
    component.add("categories", [item.kind.label])
    _times(component, item.start, item.end, item.all_day)
    if item.rule:
        component.add("rrule", _rule(item.rule, item.until, not item.all_day))
    location = _location(item.place or (item.upcoming[0].place if item.upcoming else None))
    if location:
        component.add("location", location)
    return component


def _meeting(body: Committee, base: str, stamp: dt.datetime) -> Event | None:
    if not body.rule or not body.upcoming:
        return None
    first = body.upcoming[0]
    component = Event()
    component.add("uid", f"gremium-{body.site.id}-{body.kind.id}@{_host(base)}")
    component.add("dtstamp", stamp)
    component.add("summary", f"{first.title} ({body.site.name})")
    if body.meets_label:
        component.add("description", body.meets_label)
    component.add("url", f"{base}/{first.url}")
    _times(component, first.start, first.end, first.all_day)
    component.add("rrule", _rule(body.rule, None, not first.all_day))
    location = _location(first.place)
    if location:
        component.add("location", location)
    return component


def _write(cal: Calendar, components) -> str:
    for component in components:
        if component is not None:
            cal.add_component(component)
    cal.add_missing_timezones()
    return cal.to_ical().decode("utf-8")


def calendar_files(catalogue: Catalogue, base: str) -> dict[str, str]:
    """File → iCalendar text: all dates, one file per site with dates, one per event."""
    part = catalogue.participation
    stamp = part.now.astimezone(dt.UTC).replace(microsecond=0)
    name = catalogue.programme.short_name
    bodies = [c for site in catalogue.sites for c in site.committees]
    files = {
        ALL_EVENTS: _write(
            _calendar(f"Termine – {name}"),
            [_event(e, base, stamp) for e in part.events] + [_meeting(c, base, stamp) for c in bodies],
        )
    }
    for site in catalogue.sites:
        if site.events or site.committees:
            files[site_calendar_url(site)] = _write(
                _calendar(f"Termine – {site.name}"),
                [_event(e, base, stamp) for e in site.events] + [_meeting(c, base, stamp) for c in site.committees],
            )
    for item in part.events:
        files[event_calendar_url(item)] = _write(_calendar(item.title), [_event(item, base, stamp)])
    return files


# What pages link to (see render.environment).
TEMPLATE_GLOBALS = {
    "all_events_calendar_url": ALL_EVENTS,
    "site_calendar_url": site_calendar_url,
    "event_calendar_url": event_calendar_url,
}
