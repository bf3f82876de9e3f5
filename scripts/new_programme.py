"""Start a programme of your own: ``make new-programme DIR=programme/mein-programm NAME="Mein Programm"``.

Writes a folder that builds at once: settings that use the shared ones, a programme.yaml
with every required field, one theme, the 16 Länder as regions with their outlines
(BKG, dl-de/by-2-0), one site, and the required pages. Then: replace the example texts,
add your sites and projects, and build with ``make html PROGRAMME=<DIR>``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
from pathlib import Path

import yaml

from _project import ROOT
from quartiersschau.records.geo import interior_point, read_features
from quartiersschau.records.ids import make_id

TODAY = dt.date.today()

SETTINGS = '''"""Pelican settings of the programme „{name}“: the shared settings, its name and address."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), {root!r}))

from sharedconf import *  # noqa: F403

SITENAME = {name!r}
SITEURL = ""
QS_PUBLIC_URL = "https://www.example.org"
'''

PUBLISH = '''"""Settings for publishing this programme: everything from its pelicanconf.py, with absolute URLs."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("QS_SITEURL") or QS_PUBLIC_URL  # noqa: F405
QS_PUBLIC_URL = SITEURL
RELATIVE_URLS = False
# The public site never shows "Kurzbeschreibung folgt." or TODO: placeholders are errors here.
QS_REFUSE_PLACEHOLDERS = True
'''


def _yaml(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def _address() -> dict:
    return {"street": "Musterstraße 1", "postcode": "10117", "city": "Musterstadt"}


def programme(name: str) -> dict:
    contact = {"organisation": f"Koordinierungsstelle {name}", "address": _address(), "email": "kontakt@example.org"}
    return {
        "name": name,
        "short_name": name,
        "summary": f"{name} stärkt Nachbarschaften in ihren Quartieren.",
        "description": f"**{name}** fördert Projekte in Quartieren. Hier steht, wer das Programm trägt und was es will.",
        "period": {"start": f"{TODAY.year}-01-01"},
        "phases": [{"id": "aktiv", "label": "aktiv", "description": "Ein Quartier, das gerade gefördert wird."}],
        "vocabulary": {
            "site": {
                "singular": "Quartier",
                "plural": "Quartiere",
                "dative_plural": "Quartieren",
                "genitive": "Quartiers",
                "gender": "n",
            },
            "region": {
                "singular": "Bundesland",
                "plural": "Bundesländer",
                "dative_plural": "Bundesländern",
                "genitive": "Bundeslands",
                "gender": "n",
            },
            "project": {
                "singular": "Projekt",
                "plural": "Projekte",
                "dative_plural": "Projekten",
                "genitive": "Projekts",
                "gender": "n",
            },
        },
        "map": {
            "outlines": "geo/de-laender.geojson",
            "key": "iso_3166_2",
            "area": "Deutschland",
            "attribution": "© GeoBasis-DE / BKG (2026), Daten verändert",
            "licence": {
                "name": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
                "url": "https://www.govdata.de/dl-de/by-2-0",
            },
        },
        "contact": contact,
        "demo": True,
        "licence": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/deed.de"},
        "legal": {
            "publisher": {
                "name": contact["organisation"],
                "address": _address(),
                "email": "kontakt@example.org",
                "phone": "030 0000 100",
                "representative": "Leitung der Koordinierungsstelle",
            },
            "content_responsible": {"name": "Leitung der Koordinierungsstelle"},
            "privacy": {
                "email": "datenschutz@example.org",
                "officer": {"name": "Datenschutzbeauftragte Person", "email": "datenschutzbeauftragte@example.org"},
                "host": {"name": "Hosting-Anbieter", "log_retention_days": 7},
                "supervisory_authority": {
                    "name": "Landesbeauftragte für den Datenschutz",
                    "url": "https://www.example.org",
                },
                "reviewed": TODAY.isoformat(),
            },
            "accessibility": {
                "status": "partial",
                "method": "Selbstbewertung mit automatischen Prüfungen jeder Seite",
                "prepared": TODAY.isoformat(),
                "reviewed": TODAY.isoformat(),
                "limitations": [
                    {
                        "issue": "Es gibt noch keine Videos in Deutscher Gebärdensprache.",
                        "alternative": "Die Seite in Leichter Sprache erklärt die Website.",
                    }
                ],
                "feedback": {"email": "barrierefreiheit@example.org"},
                "enforcement": {
                    "name": "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz (BGG)",
                    "url": "https://www.schlichtungsstelle-bgg.de",
                },
            },
        },
    }


def site(data: Path) -> dict:
    regions = yaml.safe_load((data / "regions.yaml").read_text(encoding="utf-8"))
    lat, lon = interior_point(read_features(data / "geo/de-laender.geojson", "iso_3166_2")[regions[0]["geo"]])
    return {
        "name": "Beispielquartier",
        "city": "Musterstadt",
        "region": regions[0]["id"],
        "coordinates": {"lat": round(lat, 2), "lon": round(lon, 2)},
        "phase": "aktiv",
        "themes": ["nachbarschaft"],
        "summary": "Ein erstes Quartier als Beispiel: Name, Lage und Texte hier ersetzen.",
    }


PAGES = {
    "ueber.md": "---\ntitle: Über das Programm\nsummary: Wer das Programm trägt und was es will.\nmenu: main\n---\nHier steht, was das Programm will und wer es trägt.\n",
    "leichte-sprache.md": (
        "---\ntitle: Leichte Sprache\nsummary: Die Website in Leichter Sprache.\n---\n"
        "Das ist die Website von einem Programm.\n\nDas Programm hilft Menschen in ihrem Stadtteil.\n"
    ),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Legt einen neuen Programmordner an, der sofort gebaut werden kann.")
    parser.add_argument("folder", help="neuer Ordner, z. B. programme/mein-programm")
    parser.add_argument("--name", default="", help="Name des Programms")
    args = parser.parse_args(argv)
    folder = Path(args.folder).resolve()
    name = args.name.strip() or "Mein Programm"
    if folder.exists() and any(folder.iterdir()):
        raise SystemExit(f"{args.folder} gibt es schon und ist nicht leer – bitte einen neuen Ordner angeben.")
    data, content = folder / "data", folder / "content"
    for sub in ("sites", "projects", "geo"):
        (data / sub).mkdir(parents=True, exist_ok=True)
    for sub in ("stories", "pages", "images", "downloads"):
        (content / sub).mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "data/geo/de-laender.geojson", data / "geo")
    shutil.copy(ROOT / "data/geo/README.md", data / "geo")
    shutil.copy(ROOT / "data/regions.yaml", data / "regions.yaml")
    (data / "programme.yaml").write_text(_yaml(programme(name)), encoding="utf-8")
    theme = [
        {"id": "nachbarschaft", "label": "Nachbarschaft", "description": "Menschen im Quartier lernen sich kennen."}
    ]
    (data / "themes.yaml").write_text(_yaml(theme), encoding="utf-8")
    (data / "sites" / f"{make_id('Beispielquartier')}.yaml").write_text(_yaml(site(data)), encoding="utf-8")
    for page, text in PAGES.items():
        (content / "pages" / page).write_text(text, encoding="utf-8")
    root = os.path.relpath(ROOT, folder)
    (folder / "pelicanconf.py").write_text(SETTINGS.format(name=name, root=root), encoding="utf-8")
    (folder / "publishconf.py").write_text(PUBLISH, encoding="utf-8")
    shown = os.path.relpath(folder)
    print(
        f"Angelegt: {shown}/ – bauen mit: make html PROGRAMME={shown}\nDann die Beispieltexte ersetzen (make validate PROGRAMME={shown})."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
