"""Link committees, events and calls into the catalogue: on their sites, and on one timeline.

Called by the builder once sites and projects exist. Everything time-dependent is
decided against *now*, the build's moment (``common.clock.build_now``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from . import timeline as t
from .participation import Call, Event, Kind, Occurrence

# How many dates /termine/ lists (repeating ones count each time).
DATES_LISTED = 80


@dataclass(frozen=True)
class Participation:
    """The catalogue's part on taking part, as of the build date."""

    now: dt.datetime
    committee_kinds: tuple[Kind, ...]
    event_kinds: tuple[Kind, ...]
    events: tuple[Event, ...]
    calls: tuple[Call, ...]
    # Every date from now on (events, their repetitions, committees' meetings), soonest first.
    dates: tuple[Occurrence, ...]
    # Single events that are over, newest first.
    past_events: tuple[Event, ...]

    @property
    def today(self) -> dt.date:
        return self.now.date()

    @property
    def open_calls(self) -> tuple[Call, ...]:
        return tuple(c for c in self.calls if c.status == "open")

    @property
    def upcoming_events(self) -> tuple[Event, ...]:
        """Events with a date still to come, by their next date."""
        return tuple(sorted((e for e in self.events if e.upcoming), key=lambda e: t.sort_key(e.upcoming[0])))

    @property
    def dates_by_month(self) -> tuple[tuple[dt.date, tuple[Occurrence, ...]], ...]:
        """The next dates (at most DATES_LISTED), grouped by month: (first of the month, dates)."""
        groups: list[tuple[tuple[int, int], list[Occurrence]]] = []
        for occurrence in self.dates[:DATES_LISTED]:
            key = (occurrence.day.year, occurrence.day.month)
            if not groups or groups[-1][0] != key:
                groups.append((key, []))
            groups[-1][1].append(occurrence)
        return tuple((dt.date(y, m, 1), tuple(items)) for (y, m), items in groups)

    @property
    def past_by_year(self) -> tuple[tuple[int, tuple[Event, ...]], ...]:
        years = sorted({_day(e.start).year for e in self.past_events}, reverse=True)
        return tuple((y, tuple(e for e in self.past_events if _day(e.start).year == y)) for y in years)


def _day(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _link(obj, **values) -> None:
    for name, value in values.items():
        object.__setattr__(obj, name, value)


def link(
    records, programme_data: dict, sites: dict, projects: dict, funds: dict, html: dict, url, now
) -> Participation:
    """*html* maps (id(record), "description") to rendered Markdown; *url(kind, id)* gives a page's URL."""
    committee_kinds = t.kinds(programme_data.get("committee_kinds"))
    event_kinds = t.kinds(programme_data.get("event_kinds"))
    dates: list[Occurrence] = []
    committees_of = {}
    fund_data = {r.id: r.data.get("fund_amounts", ()) for r in records.sites}
    for record in records.sites:
        site = sites[record.id]
        bodies = tuple(t.committee(c, committee_kinds) for c in record.data.get("committees", ()))
        for body in bodies:
            _link(body, site=site, upcoming=t.meeting_dates(body, site, now))
            dates += body.upcoming
        committees_of[site] = bodies
    events = []
    for record in records.events:
        item = t.event(
            record, event_kinds, sites, projects, html.get((id(record), "description")), url("event", record.id)
        )
        _link(item, upcoming=t.event_dates(item, now))
        dates += item.upcoming
        events.append(item)
    calls = [
        t.call(
            record,
            funds,
            sites,
            html.get((id(record), "description")),
            f"{url('participation', '')}#aufruf-{record.id}",
            now.date(),
        )
        for record in records.calls
    ]
    calls.sort(key=lambda c: ({"open": 0, "coming": 1, "closed": 2}[c.status], c.deadline, c.title))
    events.sort(key=lambda e: (t.sort_key(e.upcoming[0]) if e.upcoming else t.sort_key(_first(e)), e.id))
    dates.sort(key=t.sort_key)
    past = sorted(
        (e for e in events if not e.recurring and not e.upcoming), key=lambda e: t.sort_key(_first(e)), reverse=True
    )
    by_site_events, by_site_dates = defaultdict(list), defaultdict(list)
    for item in events:
        for site in item.sites:
            by_site_events[site].append(item)
    for occurrence in dates:
        for site in occurrence.sites:
            by_site_dates[site].append(occurrence)
    for site in sites.values():
        here = tuple(c for c in calls if not c.sites or site in c.sites)
        _link(
            site,
            committees=committees_of.get(site, ()),
            events=tuple(by_site_events[site]),
            calls=here,
            dates=tuple(by_site_dates[site]),
            fund_amounts=tuple(
                (funds[f["fund"]], f.get("yearly_budget"), f.get("max_per_action")) for f in fund_data.get(site.id, ())
            ),
        )
    return Participation(
        now=now,
        committee_kinds=tuple(committee_kinds.values()),
        event_kinds=tuple(event_kinds.values()),
        events=tuple(events),
        calls=tuple(calls),
        dates=tuple(dates),
        past_events=tuple(past),
    )


def _first(item: Event) -> Occurrence:
    return Occurrence(
        item.title, item.start, item.end, item.all_day, item.url, item.kind.label, item.place, item.sites, event=item
    )
