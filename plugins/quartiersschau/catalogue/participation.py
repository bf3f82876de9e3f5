"""Taking part: committees, funds' details, calls (Aufrufe) and dates (Termine).

Plain, immutable entities like the rest of the catalogue. Whether a date is upcoming or
a call open is decided against the build date (``common.clock``), once per build: the
pages say "Stand: …", and a small script corrects what has passed since.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from markupsafe import Markup

from ..common.clock import BERLIN
from .basics import Address


@dataclass(frozen=True)
class Kind:
    """A kind of committee or date, from programme.yaml (``committee_kinds``, ``event_kinds``)."""

    id: str
    label: str
    description: str | None


@dataclass(frozen=True)
class Place:
    name: str
    address: Address | None


@dataclass(frozen=True)
class VenueAccess:
    step_free: bool
    notes: str | None


@dataclass(frozen=True, eq=False)
class Event:
    """One record of data/events/: a single date, or a rule that repeats (``rule``)."""

    id: str
    title: str
    kind: Kind
    summary: str
    description: Markup | None
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date | None
    all_day: bool
    rule: str | None
    rule_label: str | None
    until: dt.date | None
    place: Place | None
    accessibility: VenueAccess | None
    registration: str | None
    cost: str | None
    languages: tuple[str, ...]
    sites: tuple = ()
    projects: tuple = ()
    url: str = ""
    save_as: str = ""
    source: str = ""
    # Set by the builder: the dates of this event from the build date on (a few, for repeating ones).
    upcoming: tuple[Occurrence, ...] = field(default=(), repr=False)

    @property
    def recurring(self) -> bool:
        return self.rule is not None

    @property
    def next(self) -> Occurrence | None:
        return self.upcoming[0] if self.upcoming else None


@dataclass(frozen=True)
class Occurrence:
    """One date on the timeline: of an event, or a committee's regular meeting."""

    title: str
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date | None
    all_day: bool
    url: str
    kind_label: str
    place: Place | None
    sites: tuple
    event: Event | None = None
    committee: Committee | None = None

    @property
    def day(self) -> dt.date:
        return self.start if not isinstance(self.start, dt.datetime) else self.start.date()

    @property
    def ends_at(self) -> dt.datetime:
        """When the date is over: its end, else its start (a whole day ends at midnight)."""
        last = self.end or self.start
        if isinstance(last, dt.datetime):
            return last
        return dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0), tzinfo=BERLIN)


@dataclass(frozen=True, eq=False)
class Committee:
    """A body where residents decide, of one site: its Quartiersrat, jury, youth council …"""

    kind: Kind
    composition: str | None
    who_may_join: str | None
    term: str | None
    election_start: dt.date | None
    election_end: dt.date | None
    meets_label: str | None
    rule: str | None
    start_time: dt.time | None
    end_time: dt.time | None
    since: dt.date | None
    public: bool
    contact: str | None
    site: object = field(default=None, repr=False)
    upcoming: tuple[Occurrence, ...] = field(default=(), repr=False)

    @property
    def next(self) -> Occurrence | None:
        return self.upcoming[0] if self.upcoming else None


@dataclass(frozen=True, eq=False)
class Call:
    id: str
    title: str
    fund: object
    sites: tuple
    opens: dt.date
    deadline: dt.date
    amount: float | None
    summary: str
    how_to_apply: str
    description: Markup | None
    status: str  # "coming", "open" or "closed", on the build date
    url: str
    source: str

    @property
    def status_label(self) -> str:
        return CALL_STATUS[self.status]


CALL_STATUS = {"coming": "bald", "open": "offen", "closed": "beendet"}
