"""Scaffold a new record that already passes validation: ``make new-site``, ``new-project``, ``new-story``.

The id is made from the title (ä → ae, ß → ss). The file is written in the canonical
form (records.canonical, no comments: the web editor would drop them). Fields that
cannot be guessed get valid values to check and texts that say "… folgt.", which
``make validate`` shows as placeholders and ``make publish`` refuses (records.cautions);
a new story starts as a draft, so nothing half-written is published.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import yaml

from _project import ROOT
from quartiersschau.records.canonical import dump
from quartiersschau.records.cautions import SCAFFOLD_TEXTS
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


def _placeholder_point(data: Path) -> tuple[float, float]:
    """A point inside the first region's outline: coordinates must lie in the site's region."""
    try:
        regions = yaml.safe_load((data / "regions.yaml").read_text(encoding="utf-8"))
        source = map_source(yaml.safe_load((data / "programme.yaml").read_text(encoding="utf-8")), data)
        lat, lon = interior_point(read_features(source.path, source.key)[regions[0]["geo"]])
    except (OSError, LookupError, TypeError, ValueError, AttributeError):
        return 51.16, 10.45  # the middle of Germany
    return round(lat, 2), round(lon, 2)


def site_data(title: str, data: Path) -> dict:
    city = title.split("–")[0].split(" - ")[0].strip()
    lat, lon = _placeholder_point(data)
    return {
        "name": title,
        "city": city,
        "region": _first_id(data / "regions.yaml"),
        "coordinates": {"lat": lat, "lon": lon},
        "phase": _first_id(data / "programme.yaml", "phases"),
        "since": TODAY.year,
        "themes": [_first_id(data / "themes.yaml")],
        "summary": SCAFFOLD_TEXTS["summary"],
    }


def project_data(title: str, site: str, data: Path) -> dict:
    site_file = data / "sites" / f"{site}.yaml"
    if not site_file.is_file():
        known = ", ".join(sorted(p.stem for p in (data / "sites").glob("*.yaml")))
        raise SystemExit(f"Unbekannter Standort '{site}'. Bekannt sind: {known}")
    themes = yaml.safe_load(site_file.read_text(encoding="utf-8")).get("themes") or [_first_id(data / "themes.yaml")]
    return {
        "title": title,
        "site": site,
        "year": TODAY.year,
        "themes": themes[:1],
        "status": "planned",
        "summary": SCAFFOLD_TEXTS["summary"],
    }


def story_text(title: str) -> str:
    header = {
        "title": title,
        "date": TODAY.isoformat(),
        "summary": SCAFFOLD_TEXTS["story_summary"],
        "sites": [],
        "projects": [],
        "themes": [],
        # A draft is not published until this field is removed or set to published.
        "status": "draft",
    }
    return f"---\n{dump('story', header)}---\n{SCAFFOLD_TEXTS['story_body']}\n"


def _first_of(data: Path, key: str, what: str) -> str:
    """The first id of a list in programme.yaml; without one, say what to add first."""
    try:
        return _first_id(data / "programme.yaml", key)
    except (LookupError, TypeError, OSError):
        raise SystemExit(
            f"In data/programme.yaml steht noch keine {what} (Liste {key}:) – bitte zuerst eine eintragen "
            "(siehe docs/redaktion.md)."
        ) from None


def event_data(title: str, site: str, data: Path) -> dict:
    next_week = TODAY + dt.timedelta(days=7)
    return {
        "title": title,
        "kind": _first_of(data, "event_kinds", "Terminart"),
        "date": next_week.isoformat(),
        "start_time": "18:00",
        "end_time": "20:00",
        **({"sites": [site]} if site else {}),
        "summary": SCAFFOLD_TEXTS["summary"],
    }


def call_data(title: str, data: Path) -> dict:
    return {
        "title": title,
        "fund": _first_of(data, "funds", "Förderung (Fonds)"),
        "opens": TODAY.isoformat(),
        "deadline": (TODAY + dt.timedelta(days=42)).isoformat(),
        "summary": SCAFFOLD_TEXTS["call_summary"],
        "how_to_apply": SCAFFOLD_TEXTS["how_to_apply"],
    }


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
        path, text = data / "sites" / f"{record_id}.yaml", dump("site", site_data(title, data))
    elif args.kind == "project":
        site = _ask("Standort (Kennung)", args.site)
        path, text = data / "projects" / f"{record_id}.yaml", dump("project", project_data(title, site, data))
    elif args.kind == "event":
        path, text = data / "events" / f"{record_id}.yaml", dump("event", event_data(title, args.site, data))
    elif args.kind == "call":
        path, text = data / "calls" / f"{record_id}.yaml", dump("call", call_data(title, data))
    else:
        path, text = root / "content" / "stories" / f"{record_id}.md", story_text(title)
    if path.exists():
        raise SystemExit(f"{path.relative_to(root)} gibt es schon – bitte einen anderen Titel wählen.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(
        f"Angelegt: {path.relative_to(root)}\n"
        "Jetzt die Texte mit „folgt“ ersetzen und die vorgeschlagenen Werte prüfen; "
        "'make validate' zeigt, was noch fehlt (Felder und Erklärungen: docs/redaktion.md)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
