"""Open data at /daten/: sites as JSON and GeoJSON, projects as JSON and CSV.

Made from the same catalogue as the pages, so the counts always match the site. The
field list below is the single description of every column: the exports are built
from it and the /daten/ page documents it.

Texts are data: JSON carries them as they are (``json.dumps`` quotes them). A
spreadsheet program, though, runs a CSV cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return as a formula (``=HYPERLINK(…)`` in a summary), so
``csv_cell`` puts an apostrophe before such a text – the usual mark for "this is
text" – and the /daten/ page says so (``CSV_NOTE``).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from ..catalogue.catalogue import Catalogue
from ..catalogue.model import Project, Site

FOLDER = "daten"


@dataclass(frozen=True)
class Field:
    name: str
    description: str
    example: str = ""


SITE_FIELDS = (
    Field("id", "Kennung des Standorts, zugleich Teil der Adresse seiner Seite", "hof-bahnhofsviertel"),
    Field("name", "Name des Standorts", "Hof – Bahnhofsviertel"),
    Field("city", "Stadt oder Gemeinde", "Hof"),
    Field("quarter", "Quartier oder Stadtteil; leer, wenn noch nicht festgelegt", "Bahnhofsviertel"),
    Field("region", "Kennung der Region (Bundesland)", "bayern"),
    Field("region_name", "Name der Region", "Bayern"),
    Field("region_code", "Amtlicher Code der Region nach ISO 3166-2", "DE-BY"),
    Field("phase", "Kennung der Phase im Programm", "new"),
    Field("phase_name", "Bezeichnung der Phase", "Neu seit 2022"),
    Field("since", "Jahr, seit dem der Standort dabei ist", "2022"),
    Field("organisation", "Träger des Standorts; leer, wenn noch nicht bestätigt", "Caritasverband …"),
    Field("lat", "Geografische Breite (WGS84, ungefähre Mitte des Quartiers)", "50.31"),
    Field("lon", "Geografische Länge (WGS84)", "11.92"),
    Field("residents", "Einwohnerinnen und Einwohner des Quartiers, wenn bekannt", "5489"),
    Field("themes", "Kennungen der Schwerpunkt-Themen (in CSV durch ; getrennt)", "bildung;nachbarschaft"),
    Field("office_address", "Anschrift des Vor-Ort-Büros", "Musterstraße 5, 95028 Hof"),
    Field("office_email", "E-Mail-Adresse des Vor-Ort-Büros", "hof@example.org"),
    Field("office_phone", "Telefonnummer des Vor-Ort-Büros", "09281 0000 100"),
    Field("projects", "Zahl der Projekte am Standort", "3"),
    Field("url", "Adresse der Seite des Standorts", "https://…/standorte/hof-bahnhofsviertel/"),
)

PROJECT_FIELDS = (
    Field("id", "Kennung des Projekts, zugleich Teil der Adresse seiner Seite", "fahrradwerkstatt"),
    Field("title", "Titel des Projekts", "Fahrradwerkstatt"),
    Field("site", "Kennung des Standorts", "hof-bahnhofsviertel"),
    Field("site_name", "Name des Standorts", "Hof – Bahnhofsviertel"),
    Field("region", "Kennung der Region (Bundesland) des Standorts", "bayern"),
    Field("year", "Jahr, in dem das Projekt begann", "2023"),
    Field("start", "Erster Tag (JJJJ-MM-TT), wenn bekannt", "2023-03-01"),
    Field("end", "Letzter Tag (JJJJ-MM-TT), wenn bekannt", "2023-09-30"),
    Field("status", "Stand: planned (geplant), running (läuft), completed (abgeschlossen)", "completed"),
    Field("themes", "Kennungen der Themen (in CSV durch ; getrennt)", "nachbarschaft;kultur"),
    Field("format", "Art des Projekts", "Werkstatt"),
    Field("target_groups", "Zielgruppen (in CSV durch ; getrennt)", "Jugendliche von 14 bis 21 Jahren"),
    Field("participants", "Ungefähre Zahl der Teilnehmenden", "25"),
    Field("partners", "Partnerorganisationen (in CSV durch ; getrennt)", "Jugendzentrum im Quartier"),
    Field("funding_source", "Herkunft der Förderung", "Mikroprojektmittel"),
    Field("funding_amount", "Förderbetrag in Euro", "1500"),
    Field("summary", "Kurzbeschreibung", "Jugendliche reparieren Fahrräder."),
    Field("url", "Adresse der Seite des Projekts", "https://…/projekte/fahrradwerkstatt/"),
)


def _site_row(site: Site, base: str) -> dict:
    office = site.office
    return {
        "id": site.id,
        "name": site.name,
        "city": site.city,
        "quarter": site.quarter,
        "region": site.region.id,
        "region_name": site.region.label,
        "region_code": site.region.code,
        "phase": site.phase.id,
        "phase_name": site.phase.label,
        "since": site.since,
        "organisation": site.organisation.name if site.organisation else None,
        "lat": site.lat,
        "lon": site.lon,
        "residents": site.residents.count if site.residents else None,
        "themes": [t.id for t in site.themes],
        "office_address": ", ".join(office.address.lines) if office else None,
        "office_email": office.email if office else None,
        "office_phone": office.phone if office else None,
        "projects": len(site.projects),
        "url": f"{base}/{site.url}",
    }


def _project_row(project: Project, base: str) -> dict:
    return {
        "id": project.id,
        "title": project.title,
        "site": project.site.id,
        "site_name": project.site.name,
        "region": project.site.region.id,
        "year": project.year,
        "start": project.start.isoformat() if project.start else None,
        "end": project.end.isoformat() if project.end else None,
        "status": project.status,
        "themes": [t.id for t in project.themes],
        "format": project.format,
        "target_groups": list(project.target_groups),
        "participants": project.participants,
        "partners": [p.name for p in project.partners],
        "funding_source": project.funding_source,
        "funding_amount": project.funding_amount,
        "summary": project.summary,
        "url": f"{base}/{project.url}",
    }


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def _about(catalogue: Catalogue, base: str) -> dict:
    p = catalogue.programme
    return {"programme": p.name, "source": f"{base}/{FOLDER}/", "licence": p.licence_name, "licence_url": p.licence_url}


# First characters that make Excel, LibreOffice Calc or Google Sheets read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
CSV_NOTE = (
    "In CSV steht vor einem Text, der mit =, +, - oder @ beginnt, ein Apostroph ('), "
    "damit Tabellenprogramme ihn als Text zeigen und nicht als Formel ausführen; in JSON steht er unverändert."
)


def csv_cell(value) -> str | int | float:
    """One CSV cell: lists joined with ';', None empty, a text that a spreadsheet would run as a formula defused."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = ";".join(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv(rows: list[dict], fields: tuple[Field, ...]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[f.name for f in fields], lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
    return out.getvalue()


def export_files(catalogue: Catalogue, base: str) -> dict[str, str]:
    """File name (below /daten/) → content, for every open-data file."""
    sites = [_site_row(s, base) for s in catalogue.sites]
    projects = [_project_row(p, base) for p in catalogue.projects]
    geojson = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                "properties": row,
            }
            for row in sites
        ],
    }
    return {
        "standorte.json": _json({**_about(catalogue, base), "sites": sites}),
        "standorte.geojson": _json(geojson),
        "projekte.json": _json({**_about(catalogue, base), "projects": projects}),
        "projekte.csv": _csv(projects, PROJECT_FIELDS),
    }


# The /daten/ page documents every field; see render.environment.
TEMPLATE_GLOBALS = {"export_fields": {"sites": SITE_FIELDS, "projects": PROJECT_FIELDS}, "csv_note": CSV_NOTE}
