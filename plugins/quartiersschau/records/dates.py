"""Dates as editors write them: one strict form for the checks, plain German for the mistakes.

Records keep dates as text (``loading``), and the schema allows only ``JJJJ-MM-TT``.
Editors often write the German form (``1.4.2026``) or a day that does not exist
(``2026-02-30``); the message then says what was meant, in the editor's own date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# 1.4.2026, 01.04.26, 1. 4. 2026
_GERMAN = re.compile(r"\s*([0-9]{1,2})\.\s*([0-9]{1,2})\.\s*([0-9]{4}|[0-9]{2})\s*")
# 2026-4-1, 2026/04/01, 2026.04.01, " 2026-04-01 "
_LOOSE = re.compile(r"\s*([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})\s*")
_ASKED = "Datum als JJJJ-MM-TT schreiben"
MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)


def parse_date(value: object) -> dt.date | None:
    """The date of a text in the one form the schema allows (``2026-04-01``), else None.

    Stricter than :meth:`datetime.date.fromisoformat`, which also reads ``20260401``:
    a rule must not compare a value the schema refused.
    """
    if not isinstance(value, str) or not _ISO.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _impossible(year: int, month: int, day: int) -> str | None:
    """Which part of a date does not exist, or None when the day is real."""
    if year < 1:
        return f"Jahr {year} gibt es nicht"
    if not 1 <= month <= 12:
        message = f"Monat {month} gibt es nicht – der Monat steht in der Mitte und geht von 01 bis 12"
        if month > 12 and 1 <= day <= 12:
            message += f"; Tag und Monat vertauscht? Dann {year:04d}-{day:02d}-{month:02d}"
        return message
    if day < 1:
        return f"Tag {day} gibt es nicht – der Tag steht am Ende und beginnt mit 01"
    last = calendar.monthrange(year, month)[1]
    if day <= last:
        return None
    if month == 2 and day == 29:
        return f"Den 29. Februar gibt es {year} nicht – {year} ist kein Schaltjahr"
    return f"Den {day}. {MONTHS[month - 1]} gibt es nicht – der {MONTHS[month - 1]} hat {last} Tage"


def date_message(value: object) -> str | None:
    """What is wrong with a date as written, in plain German; None when it is right or unrecognisable.

    ``01.04.2026`` → ``Datum als JJJJ-MM-TT schreiben, z. B. 2026-04-01``;
    ``2026-13-01`` → ``Monat 13 gibt es nicht …``; ``2026-02-30`` → ``Den 30. Februar gibt es nicht …``.
    """
    if not isinstance(value, str):
        return None
    if _ISO.fullmatch(value):
        year, month, day = (int(part) for part in value.split("-"))
        return _impossible(year, month, day)
    german, loose = _GERMAN.fullmatch(value), _LOOSE.fullmatch(value)
    if german:
        day, month, year = (int(part) for part in german.groups())
        year += 2000 if len(german.group(3)) == 2 else 0
    elif loose:
        year, month, day = (int(part) for part in loose.groups())
    else:
        return None
    wrong = _impossible(year, month, day)
    if wrong:
        return f"{wrong} – außerdem {_ASKED}"
    return f"{_ASKED}, z. B. {year:04d}-{month:02d}-{day:02d}"
