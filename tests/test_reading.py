"""Finding and reading the record files of a content tree."""

import pytest
from sites import edit, fixture_copy, paths_of

from quartiersschau.common.cache import KeyValueCache
from quartiersschau.records.reading import read_records


def test_reads_every_kind(tmp_path):
    records, problems = read_records(paths_of(fixture_copy(tmp_path)))
    assert problems == []
    assert [len(x) for x in (records.sites, records.projects, records.stories, records.pages)] == [3, 5, 3, 3]
    assert records.programme.data["short_name"] == "Testprogramm"


def test_wrong_extension_is_reported(tmp_path):
    site = fixture_copy(tmp_path)
    (site / "data/sites/hof.yaml").rename(site / "data/sites/hof.yml")
    _, problems = read_records(paths_of(site))
    assert [str(p) for p in problems] == [
        "data/sites/hof.yml:1:1: (Datei): unerwartete Datei – Datensätze hier enden auf .yaml – in 'hof.yaml' umbenennen"
    ]


@pytest.mark.parametrize("cached", [False, True])
def test_unreadable_file_is_reported_not_a_crash(tmp_path, cached):
    site = fixture_copy(tmp_path)
    (site / "data/projects/kaputt.yaml").symlink_to(tmp_path / "nirgendwo.yaml")
    cache = KeyValueCache(tmp_path / "cache", "records") if cached else None
    records, problems = read_records(paths_of(site), cache)
    assert [str(p) for p in problems] == [
        "data/projects/kaputt.yaml:1:1: (Datei): Datei kann nicht gelesen werden: nicht gefunden (ein Verweis ins Leere?)"
    ]
    assert records.unreadable["project"] == {"kaputt"}


def test_missing_programme_file(tmp_path):
    site = fixture_copy(tmp_path)
    (site / "data/programme.yaml").unlink()
    _, problems = read_records(paths_of(site))
    assert [str(p) for p in problems] == [
        "data/programme.yaml:1:1: (Datei): Datei fehlt – sie ist für jede Website nötig"
    ]


def test_story_without_body(tmp_path):
    site = fixture_copy(tmp_path)
    path = site / "content/stories/garten-im-sommer.md"
    path.write_text(
        path.read_text(encoding="utf-8").split("---\n", 2)[0]
        + "---\n"
        + path.read_text(encoding="utf-8").split("---\n")[1]
        + "---\n\n",
        encoding="utf-8",
    )
    _, problems = read_records(paths_of(site))
    assert [str(p) for p in problems] == [
        "content/stories/garten-im-sommer.md:10:1: (Datei): Text fehlt: unter dem Kopfbereich steht nichts"
    ]


def test_all_problems_of_all_files_in_one_run(tmp_path):
    site = fixture_copy(tmp_path)
    edit(site / "data/sites/hof.yaml", 'postcode: "95028"', "postcode: 95028")
    edit(site / "data/projects/lesecafe.yaml", "status: completed", "status: done")
    edit(site / "content/stories/garten-im-sommer.md", 'date: "2020-07-01"', "date: 01.07.2020")
    _, problems = read_records(paths_of(site))
    assert [(p.path, p.line) for p in problems] == [
        ("data/sites/hof.yaml", 16),
        ("data/projects/lesecafe.yaml", 6),
        ("content/stories/garten-im-sommer.md", 3),
    ]


def test_cache_skips_unchanged_files_and_rereads_changed_ones(tmp_path, monkeypatch):
    from quartiersschau.common.cache import KeyValueCache
    from quartiersschau.records import reading as records_module

    site = fixture_copy(tmp_path)
    cache = KeyValueCache(tmp_path / "cache", "records")
    first, _ = read_records(paths_of(site), cache)
    parsed = []
    original = records_module._read_yaml_record
    monkeypatch.setattr(records_module, "_read_yaml_record", lambda *a: parsed.append(a[0].name) or original(*a))
    edit(site / "data/projects/lesecafe.yaml", "Lesecafé", "Lesecafé am Park")
    second, problems = read_records(paths_of(site), cache)
    assert problems == [] and parsed == ["lesecafe.yaml"]  # only the changed file is parsed again
    assert next(r for r in second.projects if r.id == "lesecafe").data["title"] == "Lesecafé am Park"
    assert [r.digest for r in second.sites] == [r.digest for r in first.sites]
