"""The editors' and CI's scripts: validate, scaffold, benchmark data."""

import subprocess
import sys

import yaml
from helpers import ROOT, import_script
from sites import edit, fixture_copy

SCRIPTS = ROOT / "scripts"


def run(*args, cwd=ROOT, stdin=None):
    return subprocess.run(
        [sys.executable, *map(str, args)], cwd=cwd, capture_output=True, text=True, input=stdin, timeout=300
    )


def test_validate_passes_on_the_demo():
    result = run(SCRIPTS / "validate.py")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Alles in Ordnung: 22 Standorte")


def test_validate_reports_problems_with_positions(tmp_path):
    site = fixture_copy(tmp_path)
    edit(site / "data/projects/lesecafe.yaml", "site: ingolstadt", "site: ingolstat")
    result = run(SCRIPTS / "validate.py", "--data", site / "data", "--content", site / "content", cwd=site)
    assert result.returncode == 1
    assert (
        result.stderr.splitlines()[0]
        == "data/projects/lesecafe.yaml:2:7: site (Standort): unbekannter Standort 'ingolstat' (meinten Sie 'ingolstadt'?)"
    )


def test_scaffolded_records_are_valid(tmp_path):
    site = fixture_copy(tmp_path)
    for args in (
        ("site", "--title", "Gießen – Nördliche Weststadt"),
        ("project", "--title", "Straßenfest für alle", "--site", "giessen-noerdliche-weststadt"),
        ("story", "--title", "Ein Sommer im Quartier"),
        ("event", "--title", "Fest im Hof", "--site", "hof"),
        ("call", "--title", "Ideen für 2028"),
    ):
        result = run(SCRIPTS / "new_record.py", *args, "--root", site)
        assert result.returncode == 0, result.stderr
    assert (site / "data/sites/giessen-noerdliche-weststadt.yaml").is_file()
    project = yaml.safe_load((site / "data/projects/strassenfest-fuer-alle.yaml").read_text(encoding="utf-8"))
    assert project["site"] == "giessen-noerdliche-weststadt" and project["title"] == "Straßenfest für alle"
    assert "status: draft" in (site / "content/stories/ein-sommer-im-quartier.md").read_text(encoding="utf-8")
    assert yaml.safe_load((site / "data/events/fest-im-hof.yaml").read_text(encoding="utf-8"))["sites"] == ["hof"]
    assert (site / "data/calls/ideen-fuer-2028.yaml").is_file()
    result = run(SCRIPTS / "validate.py", "--data", site / "data", "--content", site / "content", cwd=site)
    assert result.returncode == 0, result.stderr


def test_scaffold_asks_for_the_title_and_refuses_to_overwrite(tmp_path):
    site = fixture_copy(tmp_path)
    result = run(SCRIPTS / "new_record.py", "project", "--site", "hof", "--root", site)
    assert result.returncode != 0 and "Titel" in result.stderr  # no terminal to ask on
    result = run(SCRIPTS / "new_record.py", "project", "--title", "Lesecafé", "--site", "hof", "--root", site)
    assert result.returncode != 0 and "gibt es schon" in result.stderr


def test_scaffold_refuses_an_unknown_site(tmp_path):
    site = fixture_copy(tmp_path)
    result = run(SCRIPTS / "new_record.py", "project", "--title", "X", "--site", "hoff", "--root", site)
    assert result.returncode != 0 and "Unbekannter Standort 'hoff'" in result.stderr


def test_benchmark_generates_a_valid_programme(tmp_path):
    generate = import_script("bench").generate

    from quartiersschau.check import check_content
    from quartiersschau.records.paths import ContentPaths

    generate(tmp_path / "bench", 60)
    records = check_content(ContentPaths(tmp_path, tmp_path / "bench/data", tmp_path / "bench/content"))
    assert (len(records.sites), len(records.projects), len(records.stories)) == (40, 60, 3)
    words = len(records.projects[0].data["description"].split())
    assert 380 <= words <= 460


def test_validate_takes_a_programme_folder():
    result = run(SCRIPTS / "validate.py", "--programme", "examples/qm-berlin")
    assert result.returncode == 0, result.stderr
    assert "44 QM-Gebiete, 67 Projekte" in result.stdout
    refused = run(SCRIPTS / "validate.py", "--programme", "examples")
    assert refused.returncode != 0 and "kein Programmordner" in refused.stderr


def test_a_new_programme_builds_at_once(tmp_path):
    from helpers import build_site

    folder = tmp_path / "mein-programm"
    made = run(SCRIPTS / "new_programme.py", folder, "--name", "Nachbarschaft Plus")
    assert made.returncode == 0, made.stderr
    assert run(SCRIPTS / "validate.py", "--programme", folder).returncode == 0
    result = build_site(folder, tmp_path / "output", tmp_path / "cache", config=str(folder / "pelicanconf.py"))
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "output" / "index.html").read_text(encoding="utf-8")
    assert "Nachbarschaft Plus" in home and ">Quartiere</a>" in home  # the skeleton's own words
    assert (tmp_path / "output" / "standorte" / "beispielquartier" / "index.html").is_file()
    again = run(SCRIPTS / "new_programme.py", folder)
    assert again.returncode != 0 and "nicht leer" in again.stderr
