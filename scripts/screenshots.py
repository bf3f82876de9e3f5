"""Screenshots for the editors' guide (docs/redaktion.md), taken from a real build: ``make screenshots``.

Builds nothing: it serves a built output folder (default: the demo's ``output/``, made by
``make html``) on localhost and photographs a few pages with Playwright and the system's
Chromium, viewport only, into ``docs/bilder/``. Every request to another address is
aborted, so the web editor shows its login page and nothing is fetched from elsewhere.

``--error-page`` also shoots the preview's error page: a copy of the programme's records
with three mistakes is checked by ``scripts/validate.py``, and its messages are shown in
the page ``make devserver`` shows (``preview_errors``), styled by the build's own CSS.
The guide refers to the images by the names in ``SHOTS``; ``tests/test_screenshots.py``
keeps both in step.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import _browser
import yaml
from preview_errors import error_page, parse_report

from _project import ROOT
from quartiersschau.records.canonical import dump

PHONE = {"width": 390, "height": 844}
SCREEN = {"width": 1280, "height": 800}
# The address the error page is shown at; the devserver shows it in place of any page.
ERROR_PATH = "/__vorschau/fehler/"


@dataclass(frozen=True)
class Shot:
    path: str  # below the site's root; "{site}" is the first site's folder
    viewport: dict
    wait_for: str = ""  # a text (regular expression) to wait for before the shot
    error_page: bool = False  # only with --error-page


SHOTS = {
    "startseite-handy.png": Shot("/", PHONE),
    "standort-handy.png": Shot("/standorte/{site}/", PHONE),
    "projektliste.png": Shot("/projekte/", SCREEN),
    "web-editor-anmeldung.png": Shot("/admin/", SCREEN, wait_for="einloggen"),
    "vorschau-fehlerseite.png": Shot(ERROR_PATH, SCREEN, error_page=True),
}


def serve(folder: Path):
    """Serve *folder* on a free localhost port; yields the base URL."""
    return _browser.serve_with(_browser.QuietHandler, folder)


def first_site(output: Path) -> str:
    sites = sorted(p.parent.name for p in (output / "standorte").glob("*/index.html"))
    if not sites:
        raise SystemExit(f"{output}: keine Standortseite gefunden – zuerst bauen (make html)")
    return sites[0]


def _break_records(data: Path) -> None:
    """Three mistakes editors make: a site typed wrong, a German date, a photo of people without consent."""
    project_file = sorted((data / "projects").glob("*.yaml"))[0]
    project = yaml.safe_load(project_file.read_text(encoding="utf-8"))
    project["site"] = project["site"][:-1]
    project["period"] = {**project.get("period", {}), "start": "01.04.2025"}
    project_file.write_text(dump("project", project), encoding="utf-8")
    for site_file in sorted((data / "sites").glob("*.yaml")):
        site = yaml.safe_load(site_file.read_text(encoding="utf-8"))
        if isinstance(site.get("image"), dict):
            site["image"] = {**site["image"], "people": True}
            site["image"].pop("consent", None)
            site_file.write_text(dump("site", site), encoding="utf-8")
            return


def error_report_page(programme: Path) -> str:
    """The preview's error page for a copy of *programme*'s records with three mistakes."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder)
        shutil.copytree(programme / "data", copy / "data")
        shutil.copytree(programme / "content", copy / "content")
        _break_records(copy / "data")
        result = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "validate.py"), "--data", "data", "--content", "content"],
            cwd=copy,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
    if result.returncode != 1:
        raise SystemExit(f"validate.py hat die Fehler nicht gemeldet:\n{result.stdout}{result.stderr}")
    return error_page(parse_report(result.stderr.splitlines()), "")


def take(output: Path, target: Path, *, with_error_page: bool = False, programme: Path = ROOT) -> list[Path]:
    """Write the shots of SHOTS into *target*; returns their paths."""
    from playwright.sync_api import sync_playwright

    shots = {name: shot for name, shot in SHOTS.items() if with_error_page or not shot.error_page}
    error_html = error_report_page(programme) if with_error_page else ""
    site = first_site(output)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(output) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_browser.chromium_path(), args=_browser.CHROMIUM_ARGS)
        own = urlsplit(url).netloc

        def route(request_route):
            request = request_route.request
            if urlsplit(request.url).netloc != own:
                request_route.abort()  # the editor's probe for `make cms`, anything from elsewhere
            elif urlsplit(request.url).path == ERROR_PATH:
                request_route.fulfill(body=error_html, content_type="text/html; charset=utf-8")
            else:
                request_route.continue_()

        try:
            for name, shot in shots.items():
                context = browser.new_context(viewport=shot.viewport, locale="de-DE", reduced_motion="reduce")
                context.route("**/*", route)
                tab = context.new_page()
                tab.goto(url + shot.path.format(site=site), wait_until="networkidle")
                if shot.wait_for:
                    tab.get_by_text(re.compile(shot.wait_for)).first.wait_for(timeout=30_000)
                tab.evaluate("document.fonts.ready.then(() => true)")
                tab.screenshot(path=target / name, animations="disabled", caret="hide")
                context.close()
                written.append(target / name)
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Macht die Bildschirmfotos für die Anleitung (docs/redaktion.md).")
    parser.add_argument("output", nargs="?", default=str(ROOT / "output"), help="gebaute Website (Standard: output/)")
    parser.add_argument("--to", default=str(ROOT / "docs" / "bilder"), help="Zielordner (Standard: docs/bilder/)")
    parser.add_argument("--error-page", action="store_true", help="auch die Fehlerseite der Vorschau fotografieren")
    parser.add_argument("--programme", default=str(ROOT), help="Programm für die Fehlerseite (Standard: die Demo)")
    args = parser.parse_args(argv)
    output = Path(args.output)
    if not (output / "index.html").is_file():
        raise SystemExit(f"{output}: keine gebaute Website – zuerst bauen (make html)")
    for path in take(output, Path(args.to), with_error_page=args.error_page, programme=Path(args.programme)):
        print(f"Geschrieben: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
