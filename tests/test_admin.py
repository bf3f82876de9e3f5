"""The web editor under /admin/: Decap CMS's config generated from the schemas, served from the site."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
import yaml
from helpers import BERLIN, ROOT

from quartiersschau.publish.admin import admin_config, admin_files
from quartiersschau.records.validation import SCHEMA_DIR

FOLDERS = {
    "sites": "data/sites",
    "projects": "data/projects",
    "stories": "content/stories",
    "pages": "content/pages",
    "events": "data/events",
    "calls": "data/calls",
}
PROGRAMMES = {"jmd": (ROOT, ""), "qm-berlin": (BERLIN, "examples/qm-berlin/")}


def _config(name: str) -> dict:
    folder, _ = PROGRAMMES[name]
    return admin_config(folder / "data", folder / "content", {})


def _field(fields: list[dict], name: str) -> dict:
    return next(f for f in fields if f["name"] == name)


@pytest.mark.parametrize("name", PROGRAMMES)
def test_one_collection_per_kind_with_the_programmes_folders(name):
    config, prefix = _config(name), PROGRAMMES[name][1]
    folders = {c["name"]: c.get("folder") for c in config["collections"] if "folder" in c}
    assert folders == {k: prefix + v for k, v in FOLDERS.items()}
    assert config["locale"] == "de" and config["media_folder"] == prefix + "content/images"
    files = [c for c in config["collections"] if "files" in c]
    assert [f["file"] for f in files[0]["files"]] == [prefix + "data/programme.yaml"]


def test_labels_are_the_programmes_words_and_the_schemas_titles():
    jmd, berlin = _config("jmd"), _config("qm-berlin")
    assert jmd["collections"][0]["label"] == "Standorte"
    assert berlin["collections"][0]["label"] == "QM-Gebiete"
    project = next(c for c in jmd["collections"] if c["name"] == "projects")
    schema = json.loads((SCHEMA_DIR / "project.schema.json").read_text(encoding="utf-8"))
    for field in project["fields"]:
        assert field["label"] == schema["properties"][field["name"]]["title"]
        assert field["hint"] == schema["properties"][field["name"]]["description"]
        assert field["required"] == (field["name"] in schema["required"]), field["name"]


def test_references_widgets_and_images():
    collections = {c["name"]: c for c in _config("jmd")["collections"]}
    project = collections["projects"]["fields"]
    site = _field(project, "site")
    assert (site["widget"], site["collection"], site["value_field"]) == ("relation", "sites", "{{slug}}")
    story = collections["stories"]["fields"]
    assert _field(story, "projects")["multiple"] is True and _field(story, "sites")["collection"] == "sites"
    assert _field(story, "body")["widget"] == "markdown"
    status = _field(project, "status")
    assert status["widget"] == "select"
    # The editor sees German choices; the file gets the value the schema knows.
    assert status["options"] == [
        {"label": "geplant", "value": "planned"},
        {"label": "läuft", "value": "running"},
        {"label": "abgeschlossen", "value": "completed"},
    ]
    story_status = _field(story, "status")
    assert story_status["default"] == "draft" and {"label": "Entwurf", "value": "draft"} in story_status["options"]
    assert _field(project, "description")["widget"] == "markdown"
    assert _field(project, "featured")["widget"] == "boolean"
    assert _field(project, "year")["value_type"] == "int"
    period = _field(_field(project, "period")["fields"], "start")
    assert (period["widget"], period["format"], period["time_format"]) == ("datetime", "YYYY-MM-DD", False)
    sites = collections["sites"]["fields"]
    themes = _field(sites, "themes")
    assert (
        themes["widget"] == "select"
        and themes["multiple"]
        and {"value": "bildung", "label": "Bildung"} in themes["options"]
    )
    image = {f["name"]: f for f in _field(sites, "image")["fields"]}
    assert image["src"]["widget"] == "image"
    assert {"alt", "credit", "licence", "people", "consent"} <= set(image)
    committee = _field(_field(sites, "committees")["fields"], "kind")
    assert committee["widget"] == "select" and committee["options"]


def test_written_yaml_parses_and_equals_the_config():
    files = admin_files(ROOT / "data", ROOT / "content", {"SITENAME": "Test"})
    assert yaml.safe_load(files["admin/config.yml"]) == _config("jmd")
    page = files["admin/index.html"]
    assert '<html lang="de">' in page and '<meta name="robots" content="noindex">' in page
    assert '<script src="/admin/decap-cms.js"></script>' in page


def test_build_writes_the_editor(fixture_output):
    admin = fixture_output / "admin"
    assert (admin / "index.html").is_file() and (admin / "decap-cms.js").stat().st_size > 1_000_000
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["collections"][0]["folder"] == "tests/fixture_site/data/sites"  # relative to the checkout
    assert not list(admin.glob("*.map"))
    sitemap = (fixture_output / "sitemap.xml").read_text(encoding="utf-8")
    assert "/admin/" not in sitemap


def test_admin_loads_nothing_from_another_host_and_shows_the_german_login(browser, fixture_output, tmp_path):
    from browser_support import serve

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    requests = []

    def route(request_route):
        requests.append(request_route.request.url)
        if urlsplit(request_route.request.url).hostname == "127.0.0.1":
            request_route.continue_()
        else:
            request_route.abort()

    context.route("**/*", route)
    try:
        with serve(fixture_output) as url:
            tab = context.new_page()
            tab.goto(url + "/admin/")
            tab.get_by_text("Mit GitLab einloggen").wait_for(timeout=30_000)
            tab.screenshot(path=tmp_path / "admin.png")
    finally:
        context.close()
    # Only the site itself, and the probe for `make cms`'s local backend on 127.0.0.1:8081.
    others = [r for r in requests if not r.startswith(url + "/")]
    assert others in ([], ["http://127.0.0.1:8081/api/v1"]), others
    assert {urlsplit(r).path for r in requests} >= {"/admin/", "/admin/decap-cms.js", "/admin/config.yml"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [(True, {"url": "http://127.0.0.1:8081/api/v1"}), (False, None), ("http://127.0.0.1:8123/api/v1", None)],
)
def test_local_backend_is_offered_at_the_default_port_or_a_given_url(value, expected):
    config = admin_config(ROOT / "data", ROOT / "content", {"QS_ADMIN_LOCAL_BACKEND": value})
    if isinstance(value, str):
        expected = {"url": value}
    assert config.get("local_backend") == expected


def test_fields_of_an_optional_object_are_optional_in_the_editor():
    # Decap would refuse to save a new project whose empty, optional period lacks a start.
    project = next(c for c in _config("jmd")["collections"] if c["name"] == "projects")["fields"]
    period = _field(project, "period")
    assert period["required"] is False and not any(f["required"] for f in period["fields"])
    partner = _field(_field(project, "partners")["fields"], "name")  # in a list item: still required
    assert partner["required"] is True
