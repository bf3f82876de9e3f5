"""Jinja filters for German text: dates, numbers, amounts, plurals, page URLs.

Fixed German forms, independent of the machine's locale, so a build gives the same
bytes everywhere. Templates use them by their German names (``datum``, ``zahl`` …).
"""

from __future__ import annotations

import datetime as dt

from ..records.dates import MONTHS  # one list of the German month names


def german_date(value: dt.date | dt.datetime) -> str:
    """``8. Juni 2021``: fixed German month names, independent of the machine's locale."""
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def month_year(value: dt.date | dt.datetime) -> str:
    return f"{MONTHS[value.month - 1]} {value.year}"


def german_number(value: int | float, decimals: int = 0) -> str:
    """``13186`` → ``13.186``; ``6.9`` with one decimal → ``6,9``."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def euro(value: int | float) -> str:
    """Amounts as residents read them: ``1.500 €``, ``6,9 Mio. €``."""
    if value >= 1_000_000:
        return f"{german_number(value / 1_000_000, 1)} Mio. €"
    return f"{german_number(value)} €"


def iso_date(value: dt.date | dt.datetime) -> str:
    return value.strftime("%Y-%m-%d")


def plural(count: int, singular: str, plural_form: str) -> str:
    return f"{german_number(count)} {singular if count == 1 else plural_form}"


def page_url(output_file: str) -> str:
    """The directory-style URL of the file being written: ``standorte/hof/index.html`` → ``standorte/hof/``."""
    return output_file[: -len("index.html")] if output_file.endswith("index.html") else output_file


def upper_first(text: str) -> str:
    """``das QM-Gebiet`` → ``Das QM-Gebiet`` (Jinja's ``capitalize`` would lower the rest)."""
    return text[:1].upper() + text[1:]


def file_size(size: int) -> str:
    """Sizes as residents read them before a download on a slow connection: ``340 KB``, ``1,2 MB``."""
    if size < 1000 * 1000:
        return f"{german_number(max(1, round(size / 1000)))} KB"
    return f"{german_number(size / 1_000_000, 1)} MB"


WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")


def _day(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def clock_time(value: dt.datetime) -> str:
    """``18:00``, or ``18:30``: German style, 24 hours."""
    return f"{value.hour:02d}:{value.minute:02d}"


def when(date) -> str:
    """When an occurrence (or event) takes place, as residents read it.

    ``Mittwoch, 10. Dezember 2026, 18:00–20:00 Uhr``; ``Samstag, 12. Juni 2027, ganztägig``;
    ``12. bis 13. Juni 2027``.
    """
    start, end = date.start, date.end
    first = _day(start)
    if date.all_day:
        if end and _day(end) != first:
            return f"{german_date(first)} bis {german_date(_day(end))}"
        return f"{WEEKDAYS[first.weekday()]}, {german_date(first)}, ganztägig"
    text = f"{WEEKDAYS[first.weekday()]}, {german_date(first)}, {clock_time(start)}"
    if end and _day(end) != first:
        return f"{text} Uhr bis {german_date(_day(end))}, {clock_time(end)} Uhr"
    return f"{text}–{clock_time(end)} Uhr" if end else f"{text} Uhr"


def machine_time(value) -> str:
    """For ``<time datetime>`` and the page script: ``2026-12-10T18:00:00+01:00`` or ``2026-12-10``."""
    return value.isoformat()


def by_year(projects) -> list[tuple[int, list]]:
    """Projects in runs of one year, in their order: one page of a list newest first, in year sections."""
    groups: list[tuple[int, list]] = []
    for project in projects:
        if not groups or groups[-1][0] != project.year:
            groups.append((project.year, []))
        groups[-1][1].append(project)
    return groups


FILTERS = {
    "nach_jahren": by_year,
    "seiten_url": page_url,
    "datum": german_date,
    "monat_jahr": month_year,
    "zahl": german_number,
    "euro": euro,
    "iso": iso_date,
    "mehrzahl": plural,
    "gross": upper_first,
    "wann": when,
    "maschinenzeit": machine_time,
    "wochentag": lambda value: WEEKDAYS[_day(value).weekday()],
    "dateigroesse": file_size,
}
