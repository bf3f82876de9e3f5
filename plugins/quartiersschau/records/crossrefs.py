"""Rules across records: ids are valid and unique, references exist, periods and legal data agree.

Runs after every file has been read, so it can report *all* broken links in one go.
It is defensive about shapes: a field with the wrong type was already reported by
the schema check and is skipped here. Values that are well-formed but impossible
(coordinates outside the map, a project before the programme) are the rules of
``plausibility``, run from here with the same outlines.
"""

from __future__ import annotations

import re
from pathlib import Path

from .accepted import accepted_records
from .dates import parse_date
from .fixed_pages import EASY_LANGUAGE_PAGE, RESERVED_SLUGS
from .geo import MapSource, map_source, programme_area, read_features
from .ids import ID_PATTERN, make_id
from .participation_rules import check_participation
from .paths import ContentPaths
from .plausibility import check_plausibility
from .problems import Problem
from .reading import Record, RecordSet
from .validation import did_you_mean
from .vocabulary import vocabulary

_ID = re.compile(ID_PATTERN)
# Lists this short are named in full when a reference matches none of their ids.
_LISTED = 12


class _Checker:
    def __init__(self, records: RecordSet, paths: ContentPaths):
        self.records = records
        self.paths = paths
        self.problems: list[Problem] = []

    def add(self, record: Record, path: tuple, message: str, *, key: bool = False) -> None:
        self.problems.append(record.problem(path, message, key=key))

    # --- ids -------------------------------------------------------------

    def file_ids(self, records: list[Record], folder_label: str) -> None:
        for record in records:
            if not _ID.match(record.id):
                suggestion = make_id(record.id) or "name"
                self.problems.append(
                    Problem(
                        record.source,
                        1,
                        1,
                        "(Dateiname)",
                        f"'{record.id}' ist keine gültige Kennung für {folder_label} – Datei umbenennen, "
                        f"z. B. in '{suggestion}{Path(record.source).suffix}' (nur a–z, 0–9 und Bindestriche)",
                    )
                )

    def list_ids(self, record: Record | None, items_path: tuple = ()) -> set[str] | None:
        """Ids of a list of entries (themes, regions, phases); duplicates are problems.

        None when the file could not be read: references to it are then not checked.
        """
        if record is None:
            return None
        items = record.data
        for part in items_path:
            items = items.get(part) if isinstance(items, dict) else None
        seen: dict[str, int] = {}
        for index, item in enumerate(items if isinstance(items, list) else []):
            value = item.get("id") if isinstance(item, dict) else None
            if not isinstance(value, str):
                continue
            if value in seen:
                first_line = record.doc.locate(items_path + (seen[value], "id"))[0]
                self.add(
                    record,
                    items_path + (index, "id"),
                    f"Kennung '{value}' kommt doppelt vor (zuerst in Zeile {first_line})",
                )
            else:
                seen[value] = index
        return set(seen)

    # --- references --------------------------------------------------------

    def ref(self, record: Record, path: tuple, value, known: set[str] | None, noun: str) -> None:
        if known is not None and isinstance(value, str) and value not in known:
            hint = did_you_mean(value, known)
            if not hint and 0 < len(known) <= _LISTED:
                hint = f" – vorhanden sind: {', '.join(sorted(known))}"
            self.add(record, path, f"{noun} '{value}'{hint}")

    def refs(self, record: Record, field: str, known: set[str] | None, noun: str) -> None:
        values = record.data.get(field)
        for index, value in enumerate(values if isinstance(values, list) else []):
            self.ref(record, (field, index), value, known, noun)

    # --- periods -----------------------------------------------------------

    def period(self, record: Record, year_field: str | None = None) -> None:
        period = record.data.get("period")
        if not isinstance(period, dict):
            return
        start, end = parse_date(period.get("start")), parse_date(period.get("end"))
        year = record.data.get(year_field) if year_field else None
        if start and isinstance(year, int) and not isinstance(year, bool) and start.year != year:
            self.add(
                record,
                ("period", "start"),
                f"Beginn liegt im Jahr {start.year}, unter year steht aber {year} – angleichen",
            )
        if start and end and end < start:
            self.add(record, ("period", "end"), f"Ende ({end.isoformat()}) liegt vor dem Beginn ({start.isoformat()})")


def _outlines(c: _Checker, records: RecordSet, source: MapSource | None, paths: ContentPaths) -> dict[str, dict] | None:
    """The region outlines by code, or None (and a problem) when the file is unusable."""
    if records.regions is None or source is None:
        return None
    try:
        outlines = read_features(source.path, source.key)
        programme_area(outlines.values())  # every geometry is an outline made of points
        return outlines
    except FileNotFoundError:
        c.add(records.programme, ("map", "outlines"), f"Datei nicht gefunden: {paths.display(source.path)}")
    except (OSError, ValueError, KeyError, TypeError, IndexError) as error:
        c.problems.append(Problem(paths.display(source.path), 1, 1, "", f"Umrisse der Regionen nicht lesbar ({error})"))
    return None


def _legal_rules(c: _Checker, programme: Record) -> None:
    """An accessibility statement that is not 'full' must name its limitations (§ 12b BGG)."""
    accessibility = (programme.data.get("legal") or {}).get("accessibility")
    if (
        isinstance(accessibility, dict)
        and accessibility.get("status") in ("partial", "none")
        and accessibility.get("limitations") == []
    ):
        c.add(
            programme,
            ("legal", "accessibility", "limitations"),
            "bei teilweiser oder fehlender Vereinbarkeit die bekannten Einschränkungen nennen",
        )


def check_references(records: RecordSet, paths: ContentPaths) -> list[Problem]:
    """Every cross-record problem of the whole tree (image files: see images.checks).

    The rules see only values the schema accepted: a refused one was reported already.
    """
    words = vocabulary(records.programme.data if records.programme else None)
    records = accepted_records(records)
    c = _Checker(records, paths)
    site_word, region_word, project_word = words["site"], words["region"], words["project"]
    c.file_ids(records.sites, site_word.a_accusative)
    c.file_ids(records.projects, project_word.a_accusative)
    c.file_ids(records.stories, "eine Geschichte")
    c.file_ids(records.pages, "eine Seite")

    themes = c.list_ids(records.themes)
    regions = c.list_ids(records.regions)
    phases = c.list_ids(records.programme, ("phases",))
    funds = c.list_ids(records.programme, ("funds",))
    lines = c.list_ids(records.programme, ("programme_lines",))
    event_kinds = c.list_ids(records.programme, ("event_kinds",))
    committee_kinds = c.list_ids(records.programme, ("committee_kinds",))
    sites = records.ids("site")
    projects = records.ids("project")

    source = map_source(records.programme.data if records.programme else None, paths.data)
    outlines = _outlines(c, records, source, paths)
    geo_codes = set(outlines) if outlines is not None else None
    if records.regions is not None and geo_codes is not None:
        for index, region in enumerate(records.regions.data):
            if isinstance(region, dict):
                c.ref(
                    records.regions,
                    (index, "geo"),
                    region.get("geo"),
                    geo_codes,
                    f"kein Umriss in {paths.display(source.path)} für",
                )
    for page in records.pages:
        if page.id in RESERVED_SLUGS:
            c.problems.append(
                Problem(
                    page.source,
                    1,
                    1,
                    "(Dateiname)",
                    f"der Seitenname '{page.id}' ist für die Website reserviert – Datei umbenennen",
                )
            )
    if records.programme is not None:
        c.period(records.programme)
        _legal_rules(c, records.programme)
    if EASY_LANGUAGE_PAGE not in records.ids("page"):
        c.problems.append(
            Problem(
                paths.display(paths.pages / f"{EASY_LANGUAGE_PAGE}.md"),
                1,
                1,
                "(Datei)",
                "Seite in Leichter Sprache fehlt – sie erklärt die Website und das Programm (BITV 2.0); Datei anlegen",
            )
        )
    for record in records.sites:
        c.ref(record, ("region",), record.data.get("region"), regions, region_word.adjective("unbekannt"))
        c.ref(record, ("phase",), record.data.get("phase"), phases, "unbekannte Phase")
        c.refs(record, "themes", themes, "unbekanntes Thema")
    for record in records.projects:
        c.ref(record, ("site",), record.data.get("site"), sites, site_word.adjective("unbekannt"))
        c.refs(record, "themes", themes, "unbekanntes Thema")
        c.ref(record, ("fund",), record.data.get("fund"), funds, "unbekannter Fonds")
        c.refs(record, "programme_lines", lines, "unbekannte Programmlinie")
        c.period(record, "year")
    for record in records.stories:
        c.refs(record, "sites", sites, site_word.adjective("unbekannt"))
        c.refs(record, "projects", projects, project_word.adjective("unbekannt"))
        c.refs(record, "themes", themes, "unbekanntes Thema")
    participation = check_participation(records, event_kinds, committee_kinds, funds)
    return c.problems + participation + check_plausibility(records, outlines)
