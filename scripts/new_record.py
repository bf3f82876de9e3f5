"""Scaffold a new record that already passes validation: ``make new-site``, ``new-project``, ``new-story``.

The id is made from the title (ä → ae, ß → ss). Fields that cannot be guessed get
valid placeholders and a ``# TODO`` comment; a new story starts as a draft, so nothing
half-written is published.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import yaml

from _project import ROOT
from quartiersschau.records.geo import interior_point, map_source, read_features
from quartiersschau.records.ids import make_id

TODAY = dt.date.today()


def _ask(label: str, value: str | None) -> str:
    if value:
        return value.strip()
    if not sys.stdin.isatty():
        raise SystemExit(f'Bitte {label} angeben, z. B. TITLE="…"')
    answer = input(f"{label}: ").strip()
    if not answer:
        raise SystemExit(f"Abgebrochen: kein {label} angegeben.")
    return answer


def _first_id(path: Path, key: str | None = None) -> str:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = data[key] if key else data
    return items[0]["id"]


def _quote(text: str) -> str:
    return yaml.safe_dump(text, allow_unicode=True, default_style='"', width=1000).strip()


def _placeholder_point(data: Path) -> tuple[float, float]:
    """A point inside the first region's outline: coordinates must lie in the site's region."""
    try:
        regions = yaml.safe_load((data / "regions.yaml").read_text(encoding="utf-8"))
        source = map_source(yaml.safe_load((data / "programme.yaml").read_text(encoding="utf-8")), data)
        lat, lon = interior_point(read_features(source.path, source.key)[regions[0]["geo"]])
    except (OSError, LookupError, TypeError, ValueError, AttributeError):
        return 51.16, 10.45  # the middle of Germany
    return round(lat, 2), round(lon, 2)


def site_text(title: str, data: Path) -> str:
    city = title.split("–")[0].split(" - ")[0].strip()
    lat, lon = _placeholder_point(data)
    return f"""# Standort: {title}
# Felder und Erklärungen: plugins/quartiersschau/records/schemas/site.schema.json
name: {_quote(title)}
city: {_quote(city)}
region: {_first_id(data / "regions.yaml")}  # TODO: Kennung aus data/regions.yaml
coordinates:  # TODO: ungefähre Mitte des Quartiers
  lat: {lat}
  lon: {lon}
phase: {_first_id(data / "programme.yaml", "phases")}  # TODO: Kennung einer Phase aus data/programme.yaml
since: {TODAY.year}
themes:
  - {_first_id(data / "themes.yaml")}  # TODO: Kennungen aus data/themes.yaml
summary: "Kurzbeschreibung folgt."  # TODO: ein bis zwei Sätze über das Quartier
"""


def project_text(title: str, site: str, data: Path) -> str:
    site_file = data / "sites" / f"{site}.yaml"
    if not site_file.is_file():
        known = ", ".join(sorted(p.stem for p in (data / "sites").glob("*.yaml")))
        raise SystemExit(f"Unbekannter Standort '{site}'. Bekannt sind: {known}")
    themes = yaml.safe_load(site_file.read_text(encoding="utf-8")).get("themes") or [_first_id(data / "themes.yaml")]
    return f"""# Mikroprojekt: {title}
# Felder und Erklärungen: plugins/quartiersschau/records/schemas/project.schema.json
title: {_quote(title)}
site: {site}
year: {TODAY.year}
themes:
  - {themes[0]}  # TODO: passende Themen aus data/themes.yaml
status: planned  # planned, running oder completed
summary: "Kurzbeschreibung folgt."  # TODO: ein bis zwei Sätze
"""


def story_text(title: str) -> str:
    return f"""---
title: {_quote(title)}
date: "{TODAY.isoformat()}"
summary: "Kurzfassung folgt."  # TODO: ein bis zwei Sätze
sites: []  # TODO: Kennungen der Standorte
projects: []
themes: []
status: draft  # Entwurf: wird erst veröffentlicht, wenn diese Zeile entfernt ist
---
Text folgt. Zwischenüberschriften mit ## beginnen.
"""


def _first_of(data: Path, key: str, fallback: str) -> str:
    try:
        return _first_id(data / "programme.yaml", key)
    except (LookupError, TypeError, OSError):
        return fallback


def event_text(title: str, site: str, data: Path) -> str:
    next_week = TODAY + dt.timedelta(days=7)
    sites = f"sites:\n  - {site}\n" if site else ""
    return f"""# Termin: {title}
# Felder und Erklärungen: plugins/quartiersschau/records/schemas/event.schema.json
title: {_quote(title)}
kind: {_first_of(data, "event_kinds", "sitzung")}  # TODO: Kennung aus event_kinds in data/programme.yaml
date: "{next_week.isoformat()}"
start_time: "18:00"
end_time: "20:00"
{sites}summary: "Kurzbeschreibung folgt."  # TODO: ein bis zwei Sätze
"""


def call_text(title: str, data: Path) -> str:
    return f"""# Aufruf: {title}
# Felder und Erklärungen: plugins/quartiersschau/records/schemas/call.schema.json
title: {_quote(title)}
fund: {_first_of(data, "funds", "fonds")}  # TODO: Kennung aus funds in data/programme.yaml
opens: "{TODAY.isoformat()}"
deadline: "{(TODAY + dt.timedelta(days=42)).isoformat()}"
summary: "Was gesucht wird, folgt."  # TODO: ein bis zwei Sätze
how_to_apply: "Im Vor-Ort-Büro."  # TODO: wie man sich bewirbt
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Legt einen neuen, gültigen Datensatz an.")
    parser.add_argument("kind", choices=["site", "project", "story", "event", "call"])
    parser.add_argument("--title", default="")
    parser.add_argument("--site", default="", help="Kennung des Standorts (nur für Projekte)")
    parser.add_argument("--root", default=str(ROOT), help="Projektordner (Standard: dieser)")
    args = parser.parse_args(argv)
    root = Path(args.root)
    data = root / "data"
    title = _ask("Titel", args.title)
    record_id = make_id(title)
    if not record_id:
        raise SystemExit("Aus dem Titel lässt sich keine Kennung bilden – bitte Buchstaben verwenden.")
    if args.kind == "site":
        path, text = data / "sites" / f"{record_id}.yaml", site_text(title, data)
    elif args.kind == "project":
        site = _ask("Standort (Kennung)", args.site)
        path, text = data / "projects" / f"{record_id}.yaml", project_text(title, site, data)
    elif args.kind == "event":
        path, text = data / "events" / f"{record_id}.yaml", event_text(title, args.site, data)
    elif args.kind == "call":
        path, text = data / "calls" / f"{record_id}.yaml", call_text(title, data)
    else:
        path, text = root / "content" / "stories" / f"{record_id}.md", story_text(title)
    if path.exists():
        raise SystemExit(f"{path.relative_to(root)} gibt es schon – bitte einen anderen Titel wählen.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(
        f"Angelegt: {path.relative_to(root)}\nJetzt die mit TODO markierten Felder ausfüllen und mit 'make validate' prüfen."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
