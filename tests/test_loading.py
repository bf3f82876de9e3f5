"""Loading YAML with positions, and the refusals of the loader."""

import time
from pathlib import Path

import pytest

from quartiersschau.records.loading import MAX_DEPTH, load_file, load_front_matter, load_yaml
from quartiersschau.records.problems import Problem
from quartiersschau.records.text import MAX_MARKDOWN_DEPTH, decode_text, markdown_problems


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


def test_times_and_yes_stay_text_as_the_web_editor_writes_them():
    """Decap CMS writes YAML 1.2: `17:00` unquoted is a time (not 1020 in base 60), `yes` a word."""
    doc, _ = load_yaml("start_time: 17:00\nnote: yes\nlong: 190:20:30\nflag: true\ncount: 12\n", "x.yaml")
    assert doc.data == {"start_time": "17:00", "note": "yes", "long": "190:20:30", "flag": True, "count": 12}


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
    _, problems = load_yaml("1: a\ntrue: b\n", "k.yaml")
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


# --- characters ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "position", "message"),
    [
        ("name: H\x00of\n", (1, 8), "Steuerzeichen U+0000 (Nullzeichen) – bitte löschen"),
        ("a: b\ncity: ä\x0bö\n", (2, 8), "Steuerzeichen U+000B (vertikaler Tabulator) – bitte löschen"),
        ("a: \x1b[1m\n", (1, 4), "Steuerzeichen U+001B (Escape) – bitte löschen"),
        ("a: \x85\n", (1, 4), "Steuerzeichen U+0085 (Zeilenende NEL) – bitte löschen"),
        ("a: x\ufeffy\n", (1, 5), "unsichtbares Zeichen U+FEFF (Byte-Order-Mark mitten im Text) – bitte löschen"),
        ("a: x\u200by\n", (1, 5), "unsichtbares Zeichen U+200B (Leerzeichen ohne Breite) – bitte löschen"),
        (
            "title: \u202eVöffentlichung\n",
            (1, 8),
            "unsichtbares Steuerzeichen U+202E (Schreibrichtung) – bitte löschen",
        ),
        ("a: b\r\nc: \u2066d\r\n", (2, 4), "unsichtbares Steuerzeichen U+2066 (Schreibrichtung) – bitte löschen"),
        ("a: b\rc: \u061c\n", (2, 4), "unsichtbares Steuerzeichen U+061C (Schreibrichtung) – bitte löschen"),
        ("a: eins\u2028zwei\n", (1, 8), "Zeilentrenner U+2028 – durch einen normalen Zeilenumbruch ersetzen"),
    ],
)
def test_refused_characters_are_located_before_parsing(text, position, message):
    decoded, problems = decode_text(text.encode("utf-8"), "x.yaml")
    assert decoded is None
    assert messages(problems) == [(*position, "", message)]


def test_wanted_invisible_characters_tabs_and_line_ends_stay_allowed():
    text = "\ufeffname: Nähcafé\u00a0Mitte 👩‍👩‍👧 🏴󠁧󠁢󠁥󠁮󠁧󠁿\r\nnote: Silben\u00adtrennung\tmit Tab\n"
    decoded, problems = decode_text(text.encode("utf-8"), "x.yaml")
    assert problems == [] and decoded == text[1:]


def test_many_refused_characters_are_summed_up():
    _, problems = decode_text(("a: " + "\x0b" * 50 + "\n").encode(), "x.yaml")
    assert len(problems) == 11
    assert problems[-1].message == "… und 40 weitere solche Zeichen in dieser Datei"


def test_refused_characters_written_as_escapes_are_refused_at_the_value():
    _, problems = load_yaml('name: "\\u202eHof"\nimage:\n  src: "a\\0b.jpg"\n"k\\u200f": 1\n', "x.yaml")
    assert messages(problems) == [
        (1, 7, "name", "unsichtbares Steuerzeichen U+202E (Schreibrichtung) – bitte löschen"),
        (3, 8, "image.src", "Steuerzeichen U+0000 (Nullzeichen) – bitte löschen"),
        (4, 1, "", "im Feldnamen: unsichtbares Steuerzeichen U+200F (Schreibrichtung) – bitte löschen"),
    ]


def test_a_character_yaml_refuses_is_located_also_without_the_text_check():
    # load_yaml called directly (not through decode_text): PyYAML's reader error, counted in bytes, becomes a Problem
    _, problems = load_yaml("a: b\ncity: äöü\x07\n", "x.yaml", line_offset=1)
    assert messages(problems) == [(3, 10, "", "Steuerzeichen U+0007 – bitte löschen")]


def test_problem_lines_neutralise_control_characters():
    problem = Problem("data/sites/\u202eab\n.yaml", 1, 1, "", "Wert '\x1b[2J'")
    assert str(problem) == "data/sites/<U+202E>ab<U+000A>.yaml:1:1: (Datei): Wert '<U+001B>[2J'"


# --- encodings -------------------------------------------------------------------------


def test_not_utf8_is_located_at_the_byte():
    _, problems = decode_text("name: Hof\ncity: Gießen\n".encode("latin-1"), "x.yaml")
    assert messages(problems) == [
        (2, 10, "", "Datei ist nicht UTF-8-kodiert (Byte 0xDF an dieser Stelle) – im Editor als UTF-8 speichern")
    ]


@pytest.mark.parametrize(
    ("codec", "name"),
    [
        ("utf-16", "UTF-16"),
        ("utf-32", "UTF-32"),
        ("utf-16-le", "UTF-16 oder UTF-32"),
        ("utf-32-be", "UTF-16 oder UTF-32"),
    ],
)
def test_utf16_and_utf32_are_named(codec, name):
    _, problems = decode_text("name: Hof\ncity: Hof\n".encode(codec), "x.yaml")
    assert messages(problems) == [(1, 1, "", f"Datei ist als {name} gespeichert – im Editor als UTF-8 speichern")]


# --- nesting and values ----------------------------------------------------------------


def test_nesting_is_refused_where_it_gets_too_deep():
    deep = "a: " + "[" * 10_000 + "]" * 10_000 + "\n"
    _, problems = load_yaml(deep, "x.yaml")
    assert messages(problems) == [
        (1, 3 + MAX_DEPTH, "", f"zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen) – Einrückung und Klammern prüfen")
    ]
    block = "".join("  " * i + "a:\n" for i in range(MAX_DEPTH + 5)) + "  " * (MAX_DEPTH + 5) + "b\n"
    _, problems = load_yaml(block, "x.yaml", line_offset=1)
    assert [(p.line, p.column) for p in problems] == [(MAX_DEPTH + 2, 2 * MAX_DEPTH + 1)]


def test_nesting_up_to_the_limit_is_read():
    text = "a: " + "[" * (MAX_DEPTH - 1) + "x" + "]" * (MAX_DEPTH - 1) + "\n"
    doc, problems = load_yaml(text, "x.yaml")
    assert problems == [] and doc is not None


def test_a_million_brackets_are_refused_quickly():
    started = time.monotonic()
    _, problems = load_yaml("[" * 1_000_000, "x.yaml")
    assert "zu tief verschachtelt" in problems[0].message
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "-.Inf", "1.0e+999"])
def test_numbers_that_are_not_finite_are_refused(value):
    _, problems = load_yaml(f"lat: {value}\n", "x.yaml")
    assert messages(problems) == [
        (1, 6, "lat", f"'{value}' ist keine endliche Zahl – Zahl angeben oder Text in Anführungszeichen setzen")
    ]


def test_a_number_too_long_to_be_one_is_refused_not_a_crash():
    _, problems = load_yaml("since: " + "9" * 5000 + "\n", "x.yaml")
    assert messages(problems) == [
        (1, 8, "since", "Zahl mit 5000 Stellen ist zu lang – ist es ein Text, in Anführungszeichen setzen")
    ]
    doc, problems = load_yaml("a: 1.5\nb: -3\nc: 1_000\n", "x.yaml")
    assert problems == [] and doc.data == {"a": 1.5, "b": -3, "c": 1000}


def test_a_list_or_mapping_as_key_is_named_not_dumped():
    _, problems = load_yaml("? [a, b]\n: x\n? {c: d}\n: y\n", "k.yaml")
    assert [p.message for p in problems] == [
        "Feldname muss ein einfacher Text sein, gefunden wurde eine Liste",
        "Feldname muss ein einfacher Text sein, gefunden wurde eine Gruppe von Feldern",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('a: "\\q"\n', "unbekannte Escape-Folge mit '\\' in doppelten Anführungszeichen"),
        ('a: "\\ud800"\n', "ungültige Escape-Folge '\\u…' – das Zeichen selbst schreiben"),
        ("a: [b, c\n", "Liste in eckigen Klammern nicht geschlossen"),
        ("a: @b\n", "ein Wert beginnt mit einem Zeichen, das YAML nicht erlaubt"),
        ("summary: *neu* im Quartier\n", "ein Wert beginnt mit '*' oder '&'"),
        ("a: b\n- c\n", "YAML-Syntaxfehler"),
    ],
)
def test_more_syntax_errors_in_german(text, message):
    _, problems = load_yaml(text, "s.yaml")
    assert message in problems[-1].message
    assert all(p.line >= 1 and p.column >= 1 for p in problems)


# --- front matter ----------------------------------------------------------------------


def test_front_matter_not_closed_says_what_is_missing():
    _, problems = load_front_matter("---\ntitle: a\nText\n", "s.md")
    assert problems[0].message.endswith("– nach den Feldern fehlt die Zeile mit '---'")
    _, problems = load_front_matter("\n---\ntitle: a\n---\nText\n", "s.md")
    assert problems[0].message.endswith("– vor dem ersten '---' darf nichts stehen, auch keine Leerzeile")


def test_empty_front_matter():
    _, problems = load_front_matter("---\n# nichts\n---\nText\n", "s.md")
    assert messages(problems) == [
        (2, 1, "", "Kopfbereich ist leer – zwischen die beiden '---' gehören die Felder (title, date …)")
    ]


def test_markdown_nested_too_deep_is_reported_with_the_document():
    body = "Text\n\n" + "".join("    " * i + "- x\n" for i in range(30))
    parsed, problems = load_front_matter("---\ntitle: a\n---\n" + body, "s.md")
    assert parsed is not None and parsed.header.data == {"title": "a"}
    assert messages(problems) == [
        (
            4 + 2 + MAX_MARKDOWN_DEPTH,
            1,
            "",
            f"Text zu tief verschachtelt (mehr als {MAX_MARKDOWN_DEPTH} Ebenen aus Einrückung, Listen und Zitaten) "
            "– Einrückung verringern",
        )
    ]


@pytest.mark.parametrize(
    "line", ["- " * 25 + "x", "> " * 25 + "x", "1. " * 25 + "x", "\t" * 25 + "- x", "    " * 25 + "- x"]
)
def test_markdown_nesting_of_every_kind_is_counted(line):
    assert markdown_problems(line + "\n", "s.md", 1)


@pytest.mark.parametrize(
    "line", ["* * * * * * * * * * * * * * * * * * * * * * * *", "-" * 80, "- " * 10 + "x", "2021 war ein gutes Jahr."]
)
def test_rules_and_ordinary_lines_are_not_nesting(line):
    assert markdown_problems(line + "\n", "s.md", 1) == []
