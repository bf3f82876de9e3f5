"""Which rows of an office's opening hours apply on a given day ("heute geöffnet …").

The rows are free text ("Montag bis Mittwoch" / "09:30–15:30"). Only days written as plain
weekday names, joined by "bis", "und", commas or dashes, are understood; a row with any
other word ("andere Tage", "jeden ersten Montag") is not, and then nothing is said.
"""

from __future__ import annotations

import datetime as dt
import re

WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("montag", "mo"),
            ("dienstag", "di"),
            ("mittwoch", "mi"),
            ("donnerstag", "do"),
            ("freitag", "fr"),
            ("samstag", "sonnabend", "sa"),
            ("sonntag", "so"),
        ),
        start=1,
    )
    for name in names
}
_TOKEN = re.compile(r"[a-zäöüß]+\.?|[–—-]|,|&", re.IGNORECASE)
_RANGE = {"bis", "–", "—", "-"}
_AND = {"und", ",", "&", "sowie"}


def weekdays(days: str) -> tuple[int, ...]:
    """ISO weekdays (1 = Monday) a row's `days` names, or () when the text is not understood."""
    text = days.strip()
    tokens = _TOKEN.findall(text)
    if not tokens or "".join(tokens).replace(" ", "") != re.sub(r"\s+", "", text):
        return ()
    found: list[int] = []
    pending_range = False
    expect_day = True
    for raw in tokens:
        token = raw.lower().rstrip(".")
        if token in WEEKDAYS:
            if not expect_day:
                return ()
            day = WEEKDAYS[token]
            if pending_range:
                start = found[-1]
                if day <= start:
                    return ()
                found.extend(range(start + 1, day + 1))
                pending_range = False
            else:
                found.append(day)
            expect_day = False
        elif token in _RANGE and not expect_day and not pending_range:
            pending_range, expect_day = True, True
        elif token in _AND and not expect_day:
            expect_day = True
        else:
            return ()
    if expect_day:
        return ()
    return tuple(dict.fromkeys(found))


def hours_on(office, day: dt.date) -> str | None:
    """The office's hours on *day* ("09:30–15:30"), or None when closed or unsure."""
    rows = [row for row in office.opening_hours if day.isoweekday() in weekdays(row.days)]
    if not rows or not all(any(ch.isdigit() for ch in row.hours) for row in rows):
        return None
    return ", ".join(row.hours for row in rows)


def understood(office) -> bool:
    """Whether every row's days are understood, so the browser may say which apply today."""
    return bool(office.opening_hours) and all(weekdays(row.days) for row in office.opening_hours)
