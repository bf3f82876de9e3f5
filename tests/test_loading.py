"""Loading YAML with positions, and the refusals of the loader."""

from pathlib import Path

from quartiersschau.records.loading import load_file, load_front_matter, load_yaml


def messages(problems):
    return [(p.line, p.column, p.field, p.message) for p in problems]


def test_positions_of_values_and_keys():
    doc, problems = load_yaml(
        "name: Hof\noffice:\n  address:\n    postcode: '95028'\nthemes:\n  - a\n  - b\n", "x.yaml"
    )
    assert problems == []
    assert doc.data["office"]["address"]["postcode"] == "95028"
    assert doc.locate(("office", "address", "postcode")) == (4, 15)
    assert doc.locate(("office", "address", "postcode"), key=True) == (4, 5)
    assert doc.locate(("themes", 1)) == (7, 5)
    # a missing path falls back to the nearest existing parent
    assert doc.locate(("office", "address", "street")) == (4, 5)


def test_dates_stay_text_and_yaml_1_1_numbers_keep_their_source():
    doc, _ = load_yaml("date: 2021-06-08\npostcode: 01067\ntime: 10:30\n", "x.yaml")
    assert doc.data["date"] == "2021-06-08"
    assert doc.data["postcode"] == 567  # YAML 1.1 octal: the schema will refuse it
    assert doc.raw[("postcode",)] == "01067"
    assert doc.raw[("time",)] == "10:30"


def test_duplicate_key_is_refused_with_both_lines():
    doc, problems = load_yaml("name: a\ncity: b\nname: c\n", "d.yaml")
    assert doc is None
    assert messages(problems) == [
        (3, 1, "name", "Feld doppelt (zuerst in Zeile 1) – einen der beiden Einträge entfernen")
    ]


def test_anchor_and_alias_are_refused():
    _, problems = load_yaml("a: &x\n  b: 1\nc: *x\n", "a.yaml")
    assert {(p.line, p.column) for p in problems} == {(1, 4), (3, 4)}
    assert all("Anker" in p.message for p in problems)


def test_merge_key_is_refused():
    _, problems = load_yaml("base:\n  a: 1\nother:\n  <<: {a: 2}\n", "m.yaml")
    assert any("'<<'" in p.message for p in problems)


def test_python_tag_is_refused_and_not_executed():
    _, problems = load_yaml("a: !!python/object/apply:os.system ['touch /tmp/pwned']\n", "p.yaml")
    assert messages(problems) == [
        (1, 4, "a", "Typangabe '!!python/object/apply:os.system' ist nicht erlaubt – Angabe entfernen")
    ]


def test_custom_and_timestamp_tags_are_refused():
    _, problems = load_yaml("a: !secret x\nb: !!timestamp 2020-01-01\n", "t.yaml")
    assert [p.line for p in problems] == [1, 2]


def test_non_text_key_is_refused():
    _, problems = load_yaml("1: a\nyes: b\n", "k.yaml")
    assert [p.line for p in problems] == [1, 2]


def test_syntax_error_in_german_with_position():
    _, problems = load_yaml("name: Hof\ncity: Hof: Bahnhof\n", "s.yaml")
    assert messages(problems) == [
        (
            2,
            10,
            "",
            "YAML-Syntaxfehler: Doppelpunkt an unerwarteter Stelle – Text mit ':' in Anführungszeichen setzen oder die Einrückung prüfen",
        )
    ]


def test_tab_indentation_gets_a_hint():
    _, problems = load_yaml("themes:\n\t- a\n", "t.yaml")
    assert problems[0].line == 2
    assert "Tabulator" in problems[0].message


def test_empty_file():
    _, problems = load_yaml("# nur ein Kommentar\n", "e.yaml")
    assert problems[0].message == "Datei ist leer"


def test_file_that_is_not_utf8(tmp_path: Path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("name: Gießen\n".encode("latin-1"))
    _, problems = load_file(path, "latin1.yaml")
    assert "nicht UTF-8" in problems[0].message


def test_front_matter_lines_count_from_the_file_start():
    text = "---\ntitle: Hallo\ndate: 2021-06-08\nsites: [hof, hof2]\n---\nText\n\n## Zwischentitel\n"
    parsed, problems = load_front_matter(text, "s.md")
    assert problems == []
    assert parsed.header.data["title"] == "Hallo"
    assert parsed.header.locate(("sites", 1)) == (4, 14)
    assert parsed.body.startswith("Text")
    assert parsed.body_line == 6


def test_front_matter_missing():
    parsed, problems = load_front_matter("Kein Kopf\n", "s.md")
    assert parsed is None
    assert "Kopfbereich fehlt" in problems[0].message


def test_front_matter_error_positions_are_file_lines():
    _, problems = load_front_matter("---\ntitle: a\ntitle: b\n---\nText\n", "s.md")
    assert (problems[0].line, problems[0].field) == (3, "title")
