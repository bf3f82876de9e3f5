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
    """One column of the open data. *description* may name the programme's words:
    ``{site}``, ``{of_site}`` (des Standorts), ``{region}``, ``{project}``, ``{of_project}``."""

    name: str
    description: str

    def describe(self, words) -> str:
        site, region, project = words.site, words.region, words.project
        return self.description.format(
            site=site.singular,
            of_site=site.of_the,
            region=region.singular,
            of_region=region.of_the,
            project=project.singular,
            projects=project.plural,
            of_project=project.of_the,
        )


SITE_FIELDS = (
    Field("id", "Kennung {of_site}, zugleich Teil der Adresse seiner Seite"),
    Field("name", "Name {of_site}"),
    Field("city", "Stadt oder Gemeinde"),
    Field("quarter", "Quartier oder Stadtteil; leer, wenn nicht angegeben"),
    Field("region", "Kennung {of_region}"),
    Field("region_name", "Name {of_region}"),
    Field("region_code", "Amtlicher Code {of_region}"),
    Field("phase", "Kennung der Phase im Programm"),
    Field("phase_name", "Bezeichnung der Phase"),
    Field("archived", "true, wenn die Förderung beendet ist (Archiv)"),
    Field("since", "Jahr, seit dem es dabei ist"),
    Field("end", "Ende der Förderung (JJJJ-MM-TT), wenn bekannt"),
    Field("organisation", "Träger; leer, wenn nicht angegeben"),
    Field("lat", "Geografische Breite (WGS84, ungefähre Mitte des Quartiers)"),
    Field("lon", "Geografische Länge (WGS84)"),
    Field("area_ha", "Fläche in Hektar, wenn bekannt"),
    Field("residents", "Einwohnerinnen und Einwohner, wenn bekannt"),
    Field("themes", "Kennungen der Schwerpunkt-Themen (in CSV durch ; getrennt)"),
    Field("office_address", "Anschrift des Vor-Ort-Büros"),
    Field("office_email", "E-Mail-Adresse des Vor-Ort-Büros"),
    Field("office_phone", "Telefonnummer des Vor-Ort-Büros"),
    Field("projects", "Zahl der {projects}"),
    Field("url", "Adresse der Seite {of_site}"),
)

PROJECT_FIELDS = (
    Field("id", "Kennung {of_project}, zugleich Teil der Adresse seiner Seite"),
    Field("title", "Titel {of_project}"),
    Field("site", "Kennung {of_site}"),
    Field("site_name", "Name {of_site}"),
    Field("region", "Kennung {of_region}"),
    Field("year", "Jahr, in dem es begann"),
    Field("start", "Erster Tag (JJJJ-MM-TT), wenn bekannt"),
    Field("end", "Letzter Tag (JJJJ-MM-TT), wenn bekannt"),
    Field("status", "Stand: planned (geplant), running (läuft), completed (abgeschlossen)"),
    Field("themes", "Kennungen der Themen (in CSV durch ; getrennt)"),
    Field("format", "Art {of_project}"),
    Field("target_groups", "Zielgruppen (in CSV durch ; getrennt)"),
    Field("participants", "Ungefähre Zahl der Teilnehmenden"),
    Field("partners", "Partnerorganisationen (in CSV durch ; getrennt)"),
    Field("provider", "Träger oder Antragsteller"),
    Field("place", "Ort, an dem es stattfindet"),
    Field("fund", "Kennung des Fonds, aus dem es gefördert wird"),
    Field("fund_name", "Name des Fonds"),
    Field("programme_lines", "Kennungen der Programmlinien (in CSV durch ; getrennt)"),
    Field("funding_source", "Herkunft der Förderung"),
    Field("funding_amount", "Förderbetrag in Euro"),
    Field("summary", "Kurzbeschreibung"),
    Field("url", "Adresse der Seite {of_project}"),
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
        "archived": site.archived,
        "since": site.since,
        "end": site.end.isoformat() if site.end else None,
        "organisation": site.organisation.name if site.organisation else None,
        "lat": site.lat,
        "lon": site.lon,
        "area_ha": site.area_ha,
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
        "provider": project.provider.name if project.provider else None,
        "place": project.place,
        "fund": project.fund.id if project.fund else None,
        "fund_name": project.fund.label if project.fund else None,
        "programme_lines": [line.id for line in project.programme_lines],
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


def examples(catalogue: Catalogue) -> dict[str, dict]:
    """The first site's and project's row: the /daten/ page shows them as examples of each field."""
    return {
        "sites": _site_row(catalogue.sites[0], "…") if catalogue.sites else {},
        "projects": _project_row(catalogue.projects[0], "…") if catalogue.projects else {},
    }


# The /daten/ page documents every field; see render.environment.
TEMPLATE_GLOBALS = {
    "export_fields": {"sites": SITE_FIELDS, "projects": PROJECT_FIELDS},
    "export_examples": examples,
    "csv_note": CSV_NOTE,
}
