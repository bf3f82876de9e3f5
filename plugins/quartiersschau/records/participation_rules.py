"""Rules across records for taking part: events, calls, committees and funds per site.

Like ``crossrefs``: defensive about shapes (the schema check reported wrong types
already), every problem at its field's position, in German, all in one run.
"""

from __future__ import annotations

import datetime as dt

from dateutil.rrule import rrulestr

from .dates import parse_date
from .problems import Problem
from .reading import Record, RecordSet
from .validation import did_you_mean


def _time(value) -> dt.time | None:
    try:
        return dt.time.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


class _Rules:
    def __init__(self, records: RecordSet, event_kinds, committee_kinds, funds):
        self.records = records
        self.problems: list[Problem] = []
        self.event_kinds, self.committee_kinds, self.funds = event_kinds, committee_kinds, funds

    def add(self, record: Record, path: tuple, message: str) -> None:
        self.problems.append(record.problem(path, message))

    def ref(self, record: Record, path: tuple, value, known, noun: str, where: str) -> None:
        if known is not None and isinstance(value, str) and value not in known:
            hint = did_you_mean(value, known) or f" – in {where} eintragen oder eine vorhandene Kennung nehmen"
            self.add(record, path, f"{noun} '{value}'{hint}")

    def refs(self, record: Record, field: str, known, noun: str, where: str) -> None:
        values = record.data.get(field)
        for index, value in enumerate(values if isinstance(values, list) else []):
            self.ref(record, (field, index), value, known, noun, where)

    def rule(self, record: Record, path: tuple, rule, first: dt.date | None) -> None:
        """A repetition rule must parse, and the first date must be one of its dates."""
        if not isinstance(rule, str):
            return
        try:
            start = dt.datetime.combine(first or dt.date(2000, 1, 1), dt.time(0))
            recurrence = rrulestr(rule.removeprefix("RRULE:"), dtstart=start)
            following = recurrence.after(start, inc=True)
        except (ValueError, TypeError) as error:
            self.add(record, path, f"Wiederholungsregel nicht lesbar ({error}) – z. B. FREQ=WEEKLY;BYDAY=TU")
            return
        if first and (following is None or following.date() != first):
            shown = f"der {following.date().isoformat()}" if following else "keiner"
            self.add(
                record,
                path[:-1] + ("date",) if path[-1] == "repeat" and len(path) == 1 else path,
                f"{first.isoformat()} ist kein Tag dieser Wiederholung (der erste wäre {shown}) – Datum oder Regel anpassen",
            )

    def times(self, record: Record, base: tuple, data: dict, first_key: str, last_key: str | None) -> None:
        start, end = _time(data.get("start_time")), _time(data.get("end_time"))
        if "start_time" in data and start is None:
            return  # reported by the schema; comparing with it would only repeat that
        if end and "start_time" not in data:  # a start of the wrong type was reported already
            self.add(record, base + ("end_time",), "Ende ohne Beginn – start_time eintragen oder end_time weglassen")
        first, last = parse_date(data.get(first_key)), parse_date(data.get(last_key)) if last_key else None
        if first and last and last < first:
            self.add(
                record,
                base + (last_key,),
                f"letzter Tag ({last.isoformat()}) liegt vor dem ersten ({first.isoformat()})",
            )
        elif start and end and end <= start and (not last or last == first):
            self.add(
                record,
                base + ("end_time",),
                f"Ende ({end.strftime('%H:%M')}) liegt nicht nach dem Beginn ({start.strftime('%H:%M')})",
            )

    def event(self, record: Record, sites: set, projects: set) -> None:
        d = record.data
        self.ref(
            record,
            ("kind",),
            d.get("kind"),
            self.event_kinds,
            "unbekannte Terminart",
            "data/programme.yaml unter event_kinds",
        )
        self.refs(record, "sites", sites, "unbekannter Ort", "data/sites/")
        self.refs(record, "projects", projects, "unbekanntes Projekt", "data/projects/")
        self.times(record, (), d, "date", "end_date")
        first, until = parse_date(d.get("date")), parse_date(d.get("until"))
        if "repeat" in d:
            self.rule(record, ("repeat",), d.get("repeat"), first)
        elif until:
            self.add(record, ("until",), "until gilt nur für Wiederholungen – repeat eintragen oder until weglassen")
        if first and until and until < first:
            self.add(
                record,
                ("until",),
                f"Wiederholung endet ({until.isoformat()}) vor dem ersten Termin ({first.isoformat()})",
            )

    def call(self, record: Record, sites: set) -> None:
        d = record.data
        self.ref(record, ("fund",), d.get("fund"), self.funds, "unbekannter Fonds", "data/programme.yaml unter funds")
        self.refs(record, "sites", sites, "unbekannter Ort", "data/sites/")
        opens, deadline = parse_date(d.get("opens")), parse_date(d.get("deadline"))
        if opens and deadline and deadline < opens:
            self.add(
                record, ("deadline",), f"Frist ({deadline.isoformat()}) liegt vor dem Beginn ({opens.isoformat()})"
            )

    def site(self, record: Record) -> None:
        bodies = record.data.get("committees")
        for index, body in enumerate(bodies if isinstance(bodies, list) else []):
            if not isinstance(body, dict):
                continue
            path = ("committees", index)
            self.ref(
                record,
                path + ("kind",),
                body.get("kind"),
                self.committee_kinds,
                "unbekannte Gremienart",
                "data/programme.yaml unter committee_kinds",
            )
            election = body.get("next_election")
            if isinstance(election, dict):
                self.times(record, path + ("next_election",), election, "start", "end")
            meets = body.get("meets")
            if isinstance(meets, dict):
                self.times(record, path + ("meets",), meets, "since", None)
                if "repeat" in meets:
                    self.rule(record, path + ("meets", "repeat"), meets.get("repeat"), None)
        amounts = record.data.get("fund_amounts")
        for index, item in enumerate(amounts if isinstance(amounts, list) else []):
            if isinstance(item, dict):
                self.ref(
                    record,
                    ("fund_amounts", index, "fund"),
                    item.get("fund"),
                    self.funds,
                    "unbekannter Fonds",
                    "data/programme.yaml unter funds",
                )


def check_participation(records: RecordSet, event_kinds, committee_kinds, funds) -> list[Problem]:
    """*event_kinds*, *committee_kinds*, *funds*: the ids programme.yaml defines (None: unreadable, not checked).

    Called by ``crossrefs``, which reads those lists once and reports their duplicates.
    """
    rules = _Rules(records, event_kinds, committee_kinds, funds)
    sites, projects = records.ids("site"), records.ids("project")
    for record in records.events:
        rules.event(record, sites, projects)
    for record in records.calls:
        rules.call(record, sites)
    for record in records.sites:
        rules.site(record)
    return rules.problems
