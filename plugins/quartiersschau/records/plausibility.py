"""Values that are well-formed but impossible for a neighbourhood programme.

The schema checks each value on its own (a latitude between -90 and 90, a year with
four digits); these rules compare it with what the rest of the content says: a site
lies inside the programme's map area and in its own region, a project does not start
before the programme, an office is open at hours that exist. Like the cross-record
rules they are defensive about shapes: what the schema refused is skipped here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..common.clock import build_date
from . import geo
from .accepted import accepted_records
from .dates import parse_date
from .problems import Problem
from .reading import Record, RecordSet

# Outlines are generalised (VG2500: hundreds of metres) and hold land only: a quarter on a
# river, a border or the coast may lie just outside its own outline.
REGION_TOLERANCE_KM = 2.0
# An office is in its quarter; one farther away than this has a typo in its coordinates.
OFFICE_MAX_KM = 15.0
# Years and dates this far ahead are typos (2032 for 2023), not plans.
FUTURE_YEARS = 2

# A time of day is 10:00 or 10.00; "24.12." is a date (no digit and no dot may follow).
_CLOCK = r"(?<![0-9.])([0-9]{1,2})[:.]([0-9]{2})(?![0-9.])"
_TIME = re.compile(_CLOCK)
_RANGE = re.compile(_CLOCK + r"\s*(?:–|—|-|bis)\s*" + _CLOCK)


def _number(value: float) -> str:
    """German decimal comma, one place: 47.2 → '47,2'."""
    return f"{value:.1f}".replace(".", ",")


def _euro(value: float) -> str:
    text = f"{value:,.2f}".removesuffix(".00")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".") + " €"


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _point(data) -> tuple[float, float] | None:
    """(lat, lon) of a coordinates mapping, or None when the schema refused it."""
    if not isinstance(data, dict):
        return None
    lat, lon = data.get("lat"), data.get("lon")
    return (lat, lon) if _is_number(lat) and _is_number(lon) else None


@dataclass(frozen=True)
class _Region:
    label: str
    outline: dict | None


class _Rules:
    def __init__(self, records: RecordSet, outlines: dict[str, dict] | None, today: dt.date):
        self.records = records
        self.problems: list[Problem] = []
        self.area = geo.programme_area(outlines.values()) if outlines else None
        self.regions: dict[str, _Region] = {}
        for item in records.regions.data if records.regions and isinstance(records.regions.data, list) else []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                code = item.get("geo")
                outline = outlines.get(code) if outlines and isinstance(code, str) else None
                self.regions[item["id"]] = _Region(str(item.get("label") or item["id"]), outline)
        programme = records.programme.data if records.programme and isinstance(records.programme.data, dict) else {}
        period = programme.get("period") if isinstance(programme.get("period"), dict) else {}
        self.start = parse_date(period.get("start"))
        budget = programme.get("budget") if isinstance(programme.get("budget"), dict) else {}
        self.budget = budget.get("amount") if _is_number(budget.get("amount")) else None
        self.latest_year = today.year + FUTURE_YEARS

    def add(self, record: Record, path: tuple, message: str, *, key: bool = False) -> None:
        self.problems.append(record.problem(path, message, key=key))

    # --- coordinates -------------------------------------------------------

    def in_area(self, record: Record, path: tuple, point: tuple[float, float]) -> bool:
        """Report a point outside the programme's map area; True when it is inside."""
        area = self.area
        if area is None or area.contains(*point):
            return True
        message = (
            f"liegt außerhalb des Programmgebiets (Breite {_number(area.south)}–{_number(area.north)}, "
            f"Länge {_number(area.west)}–{_number(area.east)})"
        )
        if point == (0, 0):
            message += " – 0/0 ist ein Platzhalter, keine Lage: die Mitte des Quartiers eintragen"
        elif area.contains(point[1], point[0]):
            message += " – Breite und Länge vertauscht?"
        self.add(record, path, message, key=True)
        return False

    def in_region(self, record: Record, path: tuple, point: tuple[float, float], region_id) -> None:
        region = self.regions.get(region_id) if isinstance(region_id, str) else None
        if region is None or region.outline is None:
            return
        if geo.contains(region.outline, *point) or geo.distance_km(region.outline, *point) <= REGION_TOLERANCE_KM:
            return
        elsewhere = [r.label for r in self.regions.values() if r.outline and geo.contains(r.outline, *point)]
        message = f"liegt nicht in der Region {region.label}"
        message += f", sondern in {elsewhere[0]}" if elsewhere else ""
        if geo.contains(region.outline, point[1], point[0]):
            message += " – Breite und Länge vertauscht?"
        else:
            message += f" – Koordinaten prüfen oder eine andere Region als '{region_id}' eintragen"
        self.add(record, path, message, key=True)

    def site_coordinates(self, site: Record) -> None:
        point = _point(site.data.get("coordinates"))
        if point is not None and self.in_area(site, ("coordinates",), point):
            self.in_region(site, ("coordinates",), point, site.data.get("region"))
        office = site.data.get("office")
        office_point = _point(office.get("coordinates")) if isinstance(office, dict) else None
        path = ("office", "coordinates")
        if office_point is None or not self.in_area(site, path, office_point) or point is None:
            return
        distance = geo.distance_between_km(point, office_point)
        if distance > OFFICE_MAX_KM:
            self.add(
                site,
                path,
                f"das Büro liegt {distance:.0f} km von der Lage des Quartiers (coordinates) entfernt – "
                "Koordinaten prüfen",
                key=True,
            )

    # --- years and dates ---------------------------------------------------

    def not_before_start(self, record: Record, path: tuple, value, what: str) -> bool:
        """Report a year (int) or date (text) before the programme began; True when it is fine."""
        start = self.start
        if start is None:
            return True
        day = parse_date(value)
        too_early = (isinstance(value, int) and value < start.year) or (day is not None and day < start)
        if too_early:
            self.add(record, path, f"{what} {value} liegt vor dem Beginn des Programms ({start.isoformat()}) – prüfen")
        return not too_early

    def not_far_ahead(self, record: Record, path: tuple, value) -> None:
        day = parse_date(value)
        year = value if isinstance(value, int) else day.year if day else None
        if year is not None and year > self.latest_year:
            self.add(record, path, f"{year} liegt mehr als {FUTURE_YEARS} Jahre in der Zukunft – Tippfehler?")

    def site_years(self, site: Record) -> None:
        since = site.data.get("since")
        self.not_before_start(site, ("since",), since, "das Jahr")
        self.not_far_ahead(site, ("since",), since)

    def project_years(self, project: Record, since_by_site: dict[str, int]) -> None:
        data = project.data
        year = data.get("year")
        period = data.get("period") if isinstance(data.get("period"), dict) else {}
        self.not_far_ahead(project, ("year",), year)
        if not self.not_before_start(project, ("year",), year, "das Jahr"):
            return  # one problem per year: the site's since would only say it again
        self.not_before_start(project, ("period", "start"), period.get("start"), "der Beginn")
        site = data.get("site")
        since = since_by_site.get(site) if isinstance(site, str) else None
        if isinstance(year, int) and since is not None and year < since:
            self.add(
                project,
                ("year",),
                f"das Projekt beginnt {year}, '{site}' ist aber erst seit {since} dabei – "
                f"year hier oder since in data/sites/{site}.yaml prüfen",
            )

    def story_date(self, story: Record) -> None:
        date = story.data.get("date")
        self.not_before_start(story, ("date",), date, "das Datum")
        self.not_far_ahead(story, ("date",), date)

    # --- amounts, hours, names ---------------------------------------------

    def funding(self, project: Record) -> None:
        funding = project.data.get("funding")
        amount = funding.get("amount") if isinstance(funding, dict) else None
        if _is_number(amount) and self.budget and amount > self.budget:
            self.add(
                project,
                ("funding", "amount"),
                f"{_euro(amount)} ist mehr als das Budget des ganzen Programms ({_euro(self.budget)}) – Betrag prüfen",
            )

    def opening_hours(self, site: Record) -> None:
        office = site.data.get("office")
        hours = office.get("opening_hours") if isinstance(office, dict) else None
        for index, entry in enumerate(hours if isinstance(hours, list) else []):
            text = entry.get("hours") if isinstance(entry, dict) else None
            if not isinstance(text, str):
                continue
            path = ("office", "opening_hours", index, "hours")
            wrong = [m.group(0) for m in _TIME.finditer(text) if _minutes(m.group(1), m.group(2)) is None]
            if wrong:
                self.add(site, path, f"„{wrong[0]}“ ist keine Uhrzeit – 00:00 bis 24:00 eintragen")
                continue
            for m in _RANGE.finditer(text):
                if _minutes(m.group(3), m.group(4)) <= _minutes(m.group(1), m.group(2)):
                    self.add(site, path, f"„{m.group(0)}“ endet nicht nach dem Beginn – Uhrzeiten prüfen")

    def unique_site_names(self) -> None:
        first: dict[str, Record] = {}
        for site in sorted(self.records.sites, key=lambda r: r.source):
            name = site.data.get("name")
            if not isinstance(name, str):
                continue
            key = " ".join(name.split()).casefold()
            if key in first:
                self.add(
                    site,
                    ("name",),
                    f"den Namen trägt schon {first[key].source} – Namen unterscheiden "
                    "(Karte, Listen und Suchfilter zeigen nur ihn)",
                )
            else:
                first[key] = site

    def accessibility_dates(self, programme: Record) -> None:
        legal = programme.data.get("legal")
        statement = legal.get("accessibility") if isinstance(legal, dict) else None
        if not isinstance(statement, dict):
            return
        prepared, reviewed = parse_date(statement.get("prepared")), parse_date(statement.get("reviewed"))
        if prepared and reviewed and reviewed < prepared:
            self.add(
                programme,
                ("legal", "accessibility", "reviewed"),
                f"überprüft ({reviewed.isoformat()}) vor der Erstellung ({prepared.isoformat()}) – Daten prüfen",
            )


def _minutes(hours: str, minutes: str) -> int | None:
    """Minutes since midnight of a time of day (24:00 allowed as the end of a day), else None."""
    h, m = int(hours), int(minutes)
    if m > 59 or h > 24 or (h == 24 and m):
        return None
    return h * 60 + m


def check_plausibility(
    records: RecordSet, outlines: dict[str, dict] | None, today: dt.date | None = None
) -> list[Problem]:
    """Every implausible value of the tree. *outlines*: GeoJSON geometry per code, or None if unreadable.

    Only values the schema accepted are compared (see ``accepted``).
    """
    records = accepted_records(records)
    rules = _Rules(records, outlines, today or build_date())
    if records.programme is not None and isinstance(records.programme.data, dict):
        rules.accessibility_dates(records.programme)
    since_by_site = {}
    for site in records.sites:
        if not isinstance(site.data, dict):
            continue
        rules.site_coordinates(site)
        rules.site_years(site)
        rules.opening_hours(site)
        if isinstance(site.data.get("since"), int):
            since_by_site[site.id] = site.data["since"]
    rules.unique_site_names()
    for project in records.projects:
        if isinstance(project.data, dict):
            rules.project_years(project, since_by_site)
            rules.funding(project)
    for story in records.stories:
        if isinstance(story.data, dict):
            rules.story_date(story)
    return rules.problems
