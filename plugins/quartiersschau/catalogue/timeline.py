"""Build the participation entities from records and put their dates on one timeline.

Repeating dates (an event's ``repeat``, a committee's ``meets.repeat``) are RFC 5545
rules, expanded with dateutil in Berlin time, so a meeting at 18:00 stays at 18:00
across the change to summer time. Only what lies between the build date and the
horizon is expanded: a site rebuilt every night always shows its next dates.
"""

from __future__ import annotations

import datetime as dt

from dateutil.rrule import rrulestr

from ..common.clock import BERLIN
from . import basics as b
from .participation import Call, Committee, Event, Kind, Occurrence, Place, VenueAccess

# How far ahead dates are listed, and how many dates of one repeating event at most.
HORIZON_DAYS = 366
MAX_REPEATS = 12


def kinds(items) -> dict[str, Kind]:
    return {i["id"]: Kind(i["id"], i["label"], i.get("description")) for i in items or ()}


def _time(value: str | None) -> dt.time | None:
    return dt.time.fromisoformat(value) if value else None


def _moment(day: dt.date, time: dt.time | None) -> dt.datetime | dt.date:
    return dt.datetime.combine(day, time, tzinfo=BERLIN) if time else day


def call_status(opens: dt.date, deadline: dt.date, today: dt.date) -> str:
    if today < opens:
        return "coming"
    return "open" if today <= deadline else "closed"


def starts(rule: str, first: dt.datetime | dt.date, until: dt.date | None, after: dt.datetime, before: dt.datetime):
    """The starts of a repeating date between *after* and *before* (at most MAX_REPEATS)."""
    start = first if isinstance(first, dt.datetime) else dt.datetime.combine(first, dt.time(0), tzinfo=BERLIN)
    recurrence = rrulestr(rule.removeprefix("RRULE:"), dtstart=start.replace(tzinfo=None))
    out = []
    for naive in recurrence.xafter(after.replace(tzinfo=None), inc=True):
        if naive > before.replace(tzinfo=None) or (until and naive.date() > until) or len(out) >= MAX_REPEATS:
            break
        moment = naive.replace(tzinfo=BERLIN)
        out.append(moment if isinstance(first, dt.datetime) else moment.date())
    return out


def _shift(start, first, end):
    """The end of one repetition: as far from its start as the first end is from the first start."""
    if end is None:
        return None
    return start + (end - first)


def event(record, kinds_by_id: dict, sites: dict, projects: dict, description, url: str) -> Event:
    d = record.data
    day = b.date(d["date"])
    start_time, end_time = _time(d.get("start_time")), _time(d.get("end_time"))
    last_day = b.date(d.get("end_date"))
    start = _moment(day, start_time)
    # All day (perhaps several), or from a time to a time.
    end = last_day if start_time is None else (_moment(last_day or day, end_time) if end_time else None)
    place = d.get("place")
    access = d.get("accessibility")
    return Event(
        id=record.id,
        title=d["title"],
        kind=kinds_by_id[d["kind"]],
        summary=d["summary"],
        description=description,
        start=start,
        end=end,
        all_day=start_time is None,
        rule=d.get("repeat"),
        rule_label=d.get("repeat_label"),
        until=b.date(d.get("until")),
        place=Place(place["name"], b.address(place.get("address"))) if place else None,
        accessibility=VenueAccess(access["step_free"], access.get("notes")) if access else None,
        registration=d.get("registration"),
        cost=d.get("cost"),
        languages=tuple(d.get("languages", ())),
        sites=tuple(sites[s] for s in d.get("sites", ())),
        projects=tuple(projects[p] for p in d.get("projects", ())),
        url=url,
        save_as=f"{url}index.html",
        source=record.source,
    )


def committee(data: dict, kinds_by_id: dict) -> Committee:
    meets, election = data.get("meets") or {}, data.get("next_election") or {}
    return Committee(
        kind=kinds_by_id[data["kind"]],
        composition=data.get("composition"),
        who_may_join=data.get("who_may_join"),
        term=data.get("term"),
        election_start=b.date(election.get("start")),
        election_end=b.date(election.get("end")),
        meets_label=meets.get("label"),
        rule=meets.get("repeat"),
        start_time=_time(meets.get("start_time")),
        end_time=_time(meets.get("end_time")),
        since=b.date(meets.get("since")),
        public=bool(meets.get("public")),
        contact=data.get("contact"),
    )


def call(record, funds: dict, sites: dict, description, url: str, today: dt.date) -> Call:
    d = record.data
    opens, deadline = b.date(d["opens"]), b.date(d["deadline"])
    return Call(
        id=record.id,
        title=d["title"],
        fund=funds[d["fund"]],
        sites=tuple(sites[s] for s in d.get("sites", ())),
        opens=opens,
        deadline=deadline,
        amount=d.get("amount"),
        summary=d["summary"],
        how_to_apply=d["how_to_apply"],
        description=description,
        status=call_status(opens, deadline, today),
        url=url,
        source=record.source,
    )


def event_dates(item: Event, now: dt.datetime) -> tuple[Occurrence, ...]:
    """The dates of an event from *now* on: its one date if not over, or its next repetitions."""
    horizon = now + dt.timedelta(days=HORIZON_DAYS)
    firsts = starts(item.rule, item.start, item.until, now, horizon) if item.rule else [item.start]
    place = item.place or _office_place(item.sites)
    dates = [
        Occurrence(
            item.title,
            s,
            _shift(s, item.start, item.end),
            item.all_day,
            item.url,
            item.kind.label,
            place,
            item.sites,
            event=item,
        )
        for s in firsts
    ]
    return tuple(o for o in dates if o.ends_at > now)


def meeting_dates(body: Committee, site, now: dt.datetime) -> tuple[Occurrence, ...]:
    if not body.rule:
        return ()
    first_day = body.since or now.date()
    first = _moment(first_day, body.start_time)
    horizon = now + dt.timedelta(days=HORIZON_DAYS)
    end = _moment(first_day, body.end_time) if body.end_time and body.start_time else None
    place = _office_place((site,))
    return tuple(
        Occurrence(
            f"{body.kind.label}: Sitzung",
            s,
            _shift(s, first, end),
            body.start_time is None,
            f"{site.url}#mitmachen",
            "Sitzung",
            place,
            (site,),
            committee=body,
        )
        # A committee meets while its site is funded: not after the site's end.
        for s in starts(body.rule, first, site.end, now, horizon)
    )


def _office_place(sites) -> Place | None:
    office = sites[0].office if sites and sites[0].office else None
    return Place(office.name or "Vor-Ort-Büro", office.address) if office else None


def sort_key(occurrence: Occurrence):
    start = occurrence.start
    moment = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time(0), tzinfo=BERLIN)
    return (moment, occurrence.title)
