"""Every refusal of the build: non-zero exit, `path:line` in the message, output/ untouched."""

import shutil

import pytest
from helpers import build_site, tree_digest
from sites import edit, fixture_copy

from quartiersschau.publish.output_folder import EMPTIED

CASES = {
    "duplicate key": (
        "data/sites/hof.yaml",
        "city: Hof\n",
        "city: Hof\ncity: Hof\n",
        "data/sites/hof.yaml:3:1: city: Feld doppelt",
    ),
    "anchor and alias": (
        "data/sites/moabit.yaml",
        "themes:\n  - klima-und-umwelt\n",
        "themes: &t\n  - klima-und-umwelt\nlinks: *t\n",
        "data/sites/moabit.yaml:10:9: (Datei): Anker und Verweise",
    ),
    "python tag": (
        "data/projects/lesecafe.yaml",
        "summary: Ein Café",
        "summary: !!python/object/apply:os.system [ls]\nformat: Ein Café",
        "data/projects/lesecafe.yaml:7:10: summary: Typangabe",
    ),
    "unquoted postcode": (
        "data/sites/hof.yaml",
        'postcode: "95028"',
        "postcode: 01067",
        "data/sites/hof.yaml:16:15: office.address.postcode (Postleitzahl): erwartet Text",
    ),
    "unknown site": (
        "data/projects/lesecafe.yaml",
        "site: ingolstadt",
        "site: ingolstat",
        "data/projects/lesecafe.yaml:2:7: site (Standort): unbekannter Standort 'ingolstat' (meinten Sie 'ingolstadt'?)",
    ),
    "missing image": (
        "data/projects/lesecafe.yaml",
        "summary:",
        "images:\n  - src: fehlt.jpg\n    alt: Ein Bild\n    credit: c\n    licence: l\nsummary:",
        "data/projects/lesecafe.yaml:8:10: images[1].src (Bilddatei): Bilddatei nicht gefunden",
    ),
    "image without alt": (
        "data/sites/hof.yaml",
        "  alt: Zwei Häuser und eine Sonne\n",
        "",
        "data/sites/hof.yaml:38:3: image.alt (Bildbeschreibung): Bildbeschreibung fehlt",
    ),
    "people without consent": (
        "data/sites/hof.yaml",
        "  licence: CC0 1.0\n",
        "  licence: CC0 1.0\n  people: true\n",
        "data/sites/hof.yaml:38:3: image.consent (Einwilligung liegt vor): auf dem Bild sind Personen erkennbar",
    ),
    "story front matter": (
        "content/stories/garten-im-sommer.md",
        "themes:\n  - klima-und-umwelt\n---\n",
        "themes:\n  - klima-und-umwelt\n",
        "content/stories/garten-im-sommer.md:1:1: (Datei): Kopfbereich fehlt",
    ),
    "bad story date": (
        "content/stories/garten-im-sommer.md",
        'date: "2020-07-01"',
        "date: 2020-7-1",
        "content/stories/garten-im-sommer.md:3:7: date (Datum): Datum als JJJJ-MM-TT schreiben, z. B. 2020-07-01",
    ),
}


@pytest.fixture(scope="module")
def good_build(tmp_path_factory):
    base = tmp_path_factory.mktemp("good")
    site = fixture_copy(base)
    result = build_site(site, base / "output", base / "cache")
    assert result.returncode == 0, result.stderr
    return base / "output"


def _prepare(tmp_path, good_build):
    site = fixture_copy(tmp_path)
    output = tmp_path / "output"
    shutil.copytree(good_build, output)
    return site, output, tree_digest(output)


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_record_stops_the_build_and_keeps_output(tmp_path, good_build, case):
    file, old, new, expected = CASES[case]
    site, output, before = _prepare(tmp_path, good_build)
    edit(site / file, old, new)
    result = build_site(site, output, tmp_path / "cache")
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert "in den Inhalten – es wurde nichts geschrieben" in result.stderr
    assert tree_digest(output) == before


def test_all_problems_are_reported_in_one_run(tmp_path, good_build):
    site, output, before = _prepare(tmp_path, good_build)
    edit(site / "data/projects/lesecafe.yaml", "site: ingolstadt", "site: ingolstat")
    edit(site / "data/sites/hof.yaml", 'postcode: "95028"', "postcode: 01067")
    edit(site / "content/stories/garten-im-sommer.md", "  - klimagarten", "  - klimagartn")
    result = build_site(site, output, tmp_path / "cache")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith(("data/", "content/"))]
    assert [line.split(": ")[0] for line in lines] == [
        "content/stories/garten-im-sommer.md:6:5",
        "data/projects/lesecafe.yaml:2:7",
        "data/sites/hof.yaml:16:15",
    ]
    assert "3 Fehler in den Inhalten" in result.stderr
    assert tree_digest(output) == before


def test_template_error_fails_the_build_and_keeps_output(tmp_path, good_build):
    site, output, before = _prepare(tmp_path, good_build)
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "site.html").write_text(
        '{% extends "base.html" %}{% block title %}{{ site.nmae }}{% endblock %}', encoding="utf-8"
    )
    result = build_site(site, output, tmp_path / "cache", f'THEME_TEMPLATES_OVERRIDES=["{overrides}"]')
    assert result.returncode != 0
    assert "nmae" in result.stdout + result.stderr
    assert tree_digest(output) == before


def test_a_good_build_replaces_the_output_and_leaves_no_staging(tmp_path, good_build):
    site, output, _ = _prepare(tmp_path, good_build)
    (output / "stale.html").write_text("alt", encoding="utf-8")
    edit(site / "data/projects/lesecafe.yaml", "title: Lesecafé", "title: Lesecafé am Park")
    result = build_site(site, output, tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    assert not (output / "stale.html").exists()
    assert "Lesecafé am Park" in (output / "projekte/lesecafe/index.html").read_text(encoding="utf-8")
    # No staging or swapped-out folder: only the replaced output, kept (emptied) as the next build's spare.
    [spare] = [p for p in tmp_path.glob("output.*") if p.is_dir()]
    assert spare.name.startswith("output.spare-")
    assert [p.name for p in spare.rglob("*") if p.is_file()] == [EMPTIED]
