"""A round trip through the web editor: Decap CMS in Chromium, its local backend (decap-server,
as in `make cms`) writing into a copy of the fixture programme, then a build with the new file.

decap-server runs in its default file-system mode (MODE=fs: it writes the files, no Git
commits); the copy has no .git, so config.yml's paths are relative to the copy itself.
Only 127.0.0.1 is reachable from the browser: the site and decap-server. The site is
served with its ``_headers``, so the editor works under its own Content-Security-Policy,
whose connect-src names this decap-server (publish.headers).
"""

from __future__ import annotations

import json
import os
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from browser_support import free_port, serve
from helpers import FIXTURE, ROOT, build_site, copy_site
from sites import paths_of

from quartiersschau.check import check_content
from quartiersschau.records.canonical import format_text

DECAP_SERVER = ROOT / "node_modules" / ".bin" / "decap-server"
TITLE = "Repair-Café am Bahnhof"
SLUG = "repair-cafe-am-bahnhof"  # Decap's slug: ascii, accents cleaned


@dataclass
class Workspace:
    site: Path
    output: Path
    cache: Path
    api: str
    log: Path

    def build(self) -> None:
        result = build_site(self.site, self.output, self.cache, f"QS_ADMIN_LOCAL_BACKEND={json.dumps(self.api)}")
        assert result.returncode == 0, result.stderr


def _wait_for(api: str, server: subprocess.Popen, log: Path) -> None:
    request = urllib.request.Request(api, data=b'{"action": "info"}', headers={"Content-Type": "application/json"})
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        assert server.poll() is None, log.read_text(encoding="utf-8")
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                assert json.load(response)["type"] == "local_fs"
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"decap-server antwortet nicht: {log.read_text(encoding='utf-8')}")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    base = tmp_path_factory.mktemp("editor-roundtrip")
    site = copy_site(FIXTURE, base / "site")
    port = free_port()
    space = Workspace(site, base / "output", base / "cache", f"http://127.0.0.1:{port}/api/v1", base / "decap.log")
    env = {**os.environ, "PORT": str(port), "MODE": "fs", "GIT_REPO_DIRECTORY": str(site), "BIND_HOST": "127.0.0.1"}
    with space.log.open("w", encoding="utf-8") as log:
        server = subprocess.Popen([str(DECAP_SERVER)], cwd=site, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for(space.api, server, space.log)
        space.build()
        yield space
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


WATCH_CSP = "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"


@pytest.fixture
def editor(browser, workspace):
    """The editor's tab, logged in to the local backend; every other host is refused."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    context.add_init_script(WATCH_CSP)
    foreign, refused = [], []

    def route(request_route):
        if urlsplit(request_route.request.url).hostname == "127.0.0.1":
            request_route.continue_()
        else:
            foreign.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    try:
        with serve(workspace.output, with_headers=True) as url:
            tab = context.new_page()
            tab.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
            response = tab.goto(url + "/admin/")
            assert workspace.api.removesuffix("/api/v1") in response.headers["content-security-policy"]
            tab.get_by_role("button", name="Login").click(timeout=30_000)  # the local backend's button
            tab.get_by_role("link", name="Mikroprojekte").click()
            tab.get_by_role("link", name="Beitrag vom Typ Mikroprojekt erstellen").click()  # "＋ Mikroprojekt"
            tab.get_by_label("Titel", exact=True).wait_for()
            yield tab
            refused += tab.evaluate("window.__csp")
    finally:
        context.close()
    assert foreign == [] and refused == []


def _fill(tab, title: str, *, summary: str | None) -> None:
    """Every required field of a project (the summary only if given), then publish."""
    tab.get_by_label("Titel", exact=True).fill(title)
    tab.get_by_label("Standort", exact=True).click()  # relation widget: options from data/sites/
    tab.get_by_role("option", name="Ingolstadt – Piusviertel").click()
    tab.get_by_label("Jahr", exact=True).fill("2025")
    tab.get_by_label("Themen", exact=True).click()
    tab.get_by_role("option", name="Bildung", exact=True).click()
    tab.get_by_label("Stand", exact=True).click()
    tab.get_by_role("option", name="läuft", exact=True).click()  # the German label; the file gets "running"
    if summary is not None:
        tab.get_by_label("Kurzbeschreibung", exact=True).fill(summary)
    tab.get_by_role("button", name="Veröffentlichen").click()
    tab.get_by_text("Jetzt veröffentlichen").click()


def test_config_paths_are_relative_to_the_copy(workspace):
    config = yaml.safe_load((workspace.output / "admin" / "config.yml").read_text(encoding="utf-8"))
    folders = {c["name"]: c.get("folder") for c in config["collections"]}
    assert folders["projects"] == "data/projects" and config["media_folder"] == "content/images"
    assert config["local_backend"] == {"url": workspace.api}


def test_a_required_field_left_empty_is_refused(editor, workspace):
    before = sorted(p.name for p in (workspace.site / "data" / "projects").iterdir())
    _fill(editor, "Entwurf ohne Kurzbeschreibung", summary=None)
    editor.get_by_text("einige zwingend erforderliche Felder sind nicht ausgefüllt").wait_for()
    editor.get_by_text("Kurzbeschreibung ist erforderlich", exact=False).wait_for()
    editor.wait_for_timeout(500)  # not time.sleep: Playwright's routes run only while it waits
    assert sorted(p.name for p in (workspace.site / "data" / "projects").iterdir()) == before


def test_a_project_made_in_the_editor_validates_and_is_built(editor, workspace):
    written = workspace.site / "data" / "projects" / f"{SLUG}.yaml"
    _fill(editor, TITLE, summary="Nachbarinnen und Nachbarn reparieren gemeinsam.")
    editor.get_by_text("Beitrag gespeichert").wait_for()  # after decap-server answered
    assert written.is_file(), sorted(p.name for p in written.parent.iterdir())
    text = written.read_text(encoding="utf-8")
    assert yaml.safe_load(text) == {
        "title": TITLE,
        "site": "ingolstadt",
        "year": 2025,
        "themes": ["bildung"],
        "status": "running",
        "summary": "Nachbarinnen und Nachbarn reparieren gemeinsam.",
    }
    records = check_content(paths_of(workspace.site))  # raises on any problem
    assert SLUG in {p.id for p in records.projects}
    assert format_text("project", text, front_matter=False) == text  # already in the canonical form
    workspace.build()
    page = workspace.output / "projekte" / SLUG / "index.html"
    assert TITLE in page.read_text(encoding="utf-8")
