"""Finding and reading the record files of a content tree."""

import os
import shutil

import pytest
from sites import edit, fixture_copy, paths_of

from quartiersschau.common.cache import KeyValueCache
from quartiersschau.records.crossrefs import check_references
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


def test_known_results_are_taken_without_asking_the_cache(tmp_path, monkeypatch):
    """The devserver's build server unpickles the cache between builds (know_cached); a build takes those."""
    from quartiersschau.records import reading as records_module

    site = fixture_copy(tmp_path)
    cache = KeyValueCache(tmp_path / "cache", "records")
    first, _ = read_records(paths_of(site), cache)
    try:
        assert records_module.know_cached(cache) == len(list(first.all())) > 0
        asked, parsed = [], []
        get_many, parse = cache.get_many, records_module._read_yaml_record
        monkeypatch.setattr(cache, "get_many", lambda keys: asked.extend(keys) or get_many(keys))
        monkeypatch.setattr(records_module, "_read_yaml_record", lambda *a: parsed.append(a[0].name) or parse(*a))
        edit(site / "data/projects/lesecafe.yaml", "Lesecafé", "Lesecafé am Park")
        second, problems = read_records(paths_of(site), cache)
        # Only the edited file is neither known nor cached: asked for, then parsed.
        assert problems == [] and len(asked) == 1 and parsed == ["lesecafe.yaml"]
        assert next(r for r in second.projects if r.id == "lesecafe").data["title"] == "Lesecafé am Park"
        assert [r.data for r in second.sites] == [r.data for r in first.sites]
        # Knowing again unpickles only what is new in the cache; the edited file's old entry is gone.
        asked.clear()
        assert records_module.know_cached(cache) == len(list(second.all()))
        assert len(asked) == 1 and len(records_module._KNOWN) == len(cache.keys())
    finally:
        assert records_module.know_cached(None) == 0
        cache.close()


# --- files of the wrong shape, folders and names ------------------------------------------


def _lines(problems):
    return [str(p) for p in problems]


def test_files_of_the_wrong_shape_are_no_records(tmp_path):
    site = fixture_copy(tmp_path)
    (site / "data/sites/liste.yaml").write_text("- a\n- b\n", encoding="utf-8")
    (site / "data/sites/satz.yaml").write_text("Ein Satz.\n", encoding="utf-8")
    (site / "content/stories/zahl.md").write_text("---\n42\n---\nText\n", encoding="utf-8")
    records, problems = read_records(paths_of(site))
    assert _lines(problems) == [
        "data/sites/liste.yaml:1:1: (Datei): erwartet Gruppe von Feldern, gefunden wurde eine Liste"
        " – jede Zeile 'feld: Wert', ohne '-' davor",
        "data/sites/satz.yaml:1:1: (Datei): erwartet Gruppe von Feldern, gefunden wurde der Text 'Ein Satz.'"
        " – jede Zeile 'feld: Wert', ohne '-' davor",
        "content/stories/zahl.md:2:1: (Datei): erwartet Gruppe von Feldern, gefunden wurde die Zahl 42"
        " – jede Zeile 'feld: Wert', ohne '-' davor",
    ]
    assert {r.id for r in records.sites} == {"hof", "ingolstadt", "moabit"}
    assert {"liste", "satz"} <= records.unreadable["site"] and "zahl" in records.unreadable["story"]
    assert check_references(records, paths_of(site)) == []


@pytest.mark.parametrize(
    ("file", "old", "new", "kind"),
    [
        ("data/themes.yaml", None, "id: bildung\nlabel: Bildung\n", "themes"),
        ("data/themes.yaml", None, "- bildung\n- nachbarschaft\n- klima-und-umwelt\n", "themes"),
        ("data/themes.yaml", "- id: bildung", "- id: 42", "themes"),
        ("data/regions.yaml", None, "Bayern\n", "regions"),
        ("data/programme.yaml", "phases:", "phases: keine\nxphases:", "programme"),
    ],
)
def test_a_broken_id_list_blames_no_other_file(tmp_path, file, old, new, kind):
    site = fixture_copy(tmp_path)
    if old is None:
        (site / file).write_text(new, encoding="utf-8")
    else:
        edit(site / file, old, new)
    records, problems = read_records(paths_of(site))
    assert getattr(records, kind) is None
    assert problems and {p.path for p in problems} == {file}
    assert [str(p) for p in check_references(records, paths_of(site)) if p.path != file] == []


def test_subfolders_are_refused_file_by_file_and_hidden_ones_ignored(tmp_path):
    site = fixture_copy(tmp_path)
    for name in ("content/stories/2023/fest.md", "content/stories/2023/alt/x.md", "content/stories/2023/.notiz"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text("---\ntitle: a\n---\nText\n", encoding="utf-8")
    (site / "content/stories/.obsidian").mkdir()
    (site / "content/stories/.obsidian/x.md").write_text("x", encoding="utf-8")
    (site / "data/sites/verweis").symlink_to(site / "data/projects")
    records, problems = read_records(paths_of(site))
    unter = "liegt in einem Unterordner – Unterordner werden nicht gelesen; Datei direkt in"
    assert _lines(problems) == [
        f"data/sites/verweis:1:1: (Datei): {unter} data/sites/ ablegen (die Kennung ist der Dateiname)",
        f"content/stories/2023/fest.md:1:1: (Datei): {unter} content/stories/ ablegen (die Kennung ist der Dateiname)",
        f"content/stories/2023/alt/x.md:1:1: (Datei): {unter} content/stories/ ablegen (die Kennung ist der Dateiname)",
    ]
    assert len(records.stories) == 3


def test_hidden_files_are_ignored_on_purpose(tmp_path):
    site = fixture_copy(tmp_path)
    for name in ("data/sites/.DS_Store", "data/sites/.#hof.yaml", "content/stories/.versteckt.md"):
        (site / name).write_bytes(b"\x00\xff kaputt")
    _, problems = read_records(paths_of(site))
    assert problems == []


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("data/sites/neu.yml", "unerwartete Datei – Datensätze hier enden auf .yaml – in 'neu.yaml' umbenennen"),
        ("data/sites/neu.YAML", "unerwartete Datei – Datensätze hier enden auf .yaml – in 'neu.yaml' umbenennen"),
        ("content/stories/neu.markdown", "unerwartete Datei – Datensätze hier enden auf .md – in 'neu.md' umbenennen"),
        ("content/pages/neu.MD", "unerwartete Datei – Datensätze hier enden auf .md – in 'neu.md' umbenennen"),
        ("content/stories/neu.txt", "unerwartete Datei – Datensätze hier enden auf .md"),
        (
            "data/sites/hof.yaml~",
            "Sicherungskopie eines Editors – löschen oder außerhalb des Ordners ablegen (Datensätze hier enden auf .yaml)",
        ),
        (
            "data/projects/lesecafe.yaml.bak",
            "Sicherungskopie eines Editors – löschen oder außerhalb des Ordners ablegen (Datensätze hier enden auf .yaml)",
        ),
    ],
)
def test_other_files_in_record_folders_say_what_to_do(tmp_path, name, message):
    site = fixture_copy(tmp_path)
    (site / name).write_text("name: x\n", encoding="utf-8")
    _, problems = read_records(paths_of(site))
    assert _lines(problems) == [f"{name}:1:1: (Datei): {message}"]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("\u202eneu.yaml", "<U+202E>neu.yaml"),
        ("neu\nzeile.yaml", "neu<U+000A>zeile.yaml"),
        (os.fsdecode(b"neu\xff.yaml"), "neu<U+DCFF>.yaml"),
    ],
)
def test_file_names_with_invisible_or_undecodable_characters_are_refused(tmp_path, name, shown):
    site = fixture_copy(tmp_path)
    (site / "data/sites" / name).write_text("name: x\n", encoding="utf-8")
    records, problems = read_records(paths_of(site), KeyValueCache(tmp_path / "cache", "records"))
    assert _lines(problems) == [
        f"data/sites/{shown}:1:1: (Datei): Dateiname enthält unsichtbare oder ungültige Zeichen – Datei umbenennen "
        "(nur a–z, 0–9 und Bindestriche)"
    ]
    assert len(records.sites) == 3


def test_a_pipe_is_refused_not_waited_for(tmp_path):
    site = fixture_copy(tmp_path)
    os.mkfifo(site / "content/stories/rohr.md")
    _, problems = read_records(paths_of(site))
    assert _lines(problems) == [
        "content/stories/rohr.md:1:1: (Datei): keine gewöhnliche Datei (z. B. eine Pipe) – löschen"
    ]


def test_a_record_folder_that_is_a_file_hides_no_references(tmp_path):
    site = fixture_copy(tmp_path)
    shutil.rmtree(site / "data/sites")
    (site / "data/sites").write_text("kein Ordner\n", encoding="utf-8")
    records, problems = read_records(paths_of(site))
    assert _lines(problems) == ["data/sites:1:1: (Datei): ist kein Ordner – hier muss ein Ordner stehen"]
    assert "hof" in records.ids("site") and "irgendwas" in records.ids("site")
    assert [str(p) for p in check_references(records, paths_of(site)) if "Standort" in p.message] == []


def test_a_programme_that_is_a_folder(tmp_path):
    site = fixture_copy(tmp_path)
    (site / "data/programme.yaml").unlink()
    (site / "data/programme.yaml").mkdir()
    records, problems = read_records(paths_of(site))
    assert records.programme is None
    assert _lines(problems) == ["data/programme.yaml:1:1: (Datei): ist keine Datei – hier muss eine YAML-Datei stehen"]


def test_refused_characters_in_a_story_body_are_located_in_the_file(tmp_path):
    site = fixture_copy(tmp_path)
    edit(site / "content/stories/garten-im-sommer.md", "Die Hochbeete", "Die \u202eHochbeete")
    records, problems = read_records(paths_of(site))
    assert _lines(problems) == [
        "content/stories/garten-im-sommer.md:10:5: (Datei): unsichtbares Steuerzeichen U+202E (Schreibrichtung) "
        "– bitte löschen"
    ]
    assert "garten-im-sommer" in records.unreadable["story"]
