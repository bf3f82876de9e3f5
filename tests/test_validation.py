"""Schema validation: every kind of message, in German, at the right place."""

import json

import pytest

from quartiersschau.records.loading import load_yaml
from quartiersschau.records.validation import KINDS, SCHEMA_DIR, schema_problems

SITE = """\
name: Hof – Bahnhofsviertel
city: Hof
region: bayern
coordinates:
  lat: 50.31
  lon: 11.92
phase: new
themes:
  - bildung
summary: Kurz.
"""


def check(text: str, kind: str = "site"):
    doc, problems = load_yaml(text, f"data/{kind}.yaml")
    assert problems == []
    return [str(p) for p in schema_problems(doc, kind)]


def test_valid_site_has_no_problems():
    assert check(SITE) == []


def test_missing_required_field_points_at_the_parent():
    assert check(SITE.replace("city: Hof\n", "")) == ["data/site.yaml:1:1: city (Stadt): Pflichtfeld fehlt"]


def test_unknown_field_suggests_the_close_one():
    assert check(SITE + "sumary: x\n") == [
        "data/site.yaml:11:1: sumary: unbekanntes Feld 'sumary' (meinten Sie 'summary'?)"
    ]


def test_unknown_field_without_close_match_lists_the_allowed_ones():
    (message,) = check(SITE + "farbe: blau\n")
    assert message.startswith(
        "data/site.yaml:11:1: farbe: unbekanntes Feld 'farbe' – erlaubt sind: area_ha, city, committees, contacts,"
    )


def test_unquoted_postcode_gets_the_postcode_hint():
    text = SITE + "office:\n  address:\n    street: Musterstraße 5\n    postcode: 01067\n    city: Dresden\n"
    assert check(text) == [
        "data/site.yaml:14:15: office.address.postcode (Postleitzahl): erwartet Text, gefunden wurde die Zahl 01067 – "
        'Postleitzahl in Anführungszeichen setzen, z. B. "01067"'
    ]


def test_unquoted_time_is_read_as_text_as_the_web_editor_writes_it():
    text = (
        SITE
        + "office:\n  address: {street: a, postcode: '01067', city: b}\n  opening_hours:\n    - days: Montag\n      hours: 10:30\n"
    )
    assert check(text) == []


def test_unquoted_phone_number():
    text = SITE + "office:\n  address: {street: a, postcode: '01067', city: b}\n  phone: 0301234567\n"
    (message,) = check(text)
    assert "office.phone (Telefon): erwartet Text" in message and "Telefonnummer in Anführungszeichen" in message


def test_invalid_id_reference_format():
    (message,) = check(SITE.replace("region: bayern", "region: Bayern"))
    assert (
        message
        == "data/site.yaml:3:9: region (Region): keine gültige Kennung – nur Kleinbuchstaben a–z, Ziffern und Bindestriche (z. B. hof-bahnhofsviertel); gemeint ist wohl 'bayern'"
    )


def test_enum_suggests_the_close_value():
    text = "title: T\nsite: hof\nyear: 2022\nthemes: [bildung]\nstatus: complete\nsummary: S\n"
    assert check(text, "project") == [
        "data/project.yaml:5:9: status (Stand): unzulässiger Wert 'complete' (meinten Sie 'completed'?) – erlaubt: planned, running, completed"
    ]


def test_impossible_month_is_named():
    assert check("title: T\ndate: 2021-13-45\nsummary: S\n", "story") == [
        "data/story.yaml:2:7: date (Datum): Monat 13 gibt es nicht – der Monat steht in der Mitte und geht von 01 bis 12"
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "2026-13-01",
            "Monat 13 gibt es nicht – der Monat steht in der Mitte und geht von 01 bis 12; "
            "Tag und Monat vertauscht? Dann 2026-01-13",
        ),
        ("2026-00-10", "Monat 0 gibt es nicht – der Monat steht in der Mitte und geht von 01 bis 12"),
        (
            "2026-15-04",
            "Monat 15 gibt es nicht – der Monat steht in der Mitte und geht von 01 bis 12; "
            "Tag und Monat vertauscht? Dann 2026-04-15",
        ),
        ("2026-02-30", "Den 30. Februar gibt es nicht – der Februar hat 28 Tage"),
        ("2026-04-31", "Den 31. April gibt es nicht – der April hat 30 Tage"),
        ("2026-04-00", "Tag 0 gibt es nicht – der Tag steht am Ende und beginnt mit 01"),
        ("2025-02-29", "Den 29. Februar gibt es 2025 nicht – 2025 ist kein Schaltjahr"),
    ],
)
def test_impossible_date_names_the_part(value, message):
    text = f'title: T\nsite: hof\nyear: 2026\nperiod:\n  start: "{value}"\nthemes: [bildung]\nstatus: running\nsummary: S\n'
    assert check(text, "project") == [f"data/project.yaml:5:10: period.start (Beginn): {message}"]


@pytest.mark.parametrize(
    ("value", "meant"),
    [
        ("01.04.2026", "2026-04-01"),
        ("1.4.2026", "2026-04-01"),
        ("1. 4. 2026", "2026-04-01"),
        ("01.04.26", "2026-04-01"),
        ("2026-4-1", "2026-04-01"),
        ("2026/04/01", "2026-04-01"),
    ],
)
def test_german_date_is_converted_in_the_message(value, meant):
    assert check(f"title: T\ndate: {value}\nsummary: S\n", "story") == [
        f"data/story.yaml:2:7: date (Datum): Datum als JJJJ-MM-TT schreiben, z. B. {meant}"
    ]


def test_german_date_that_does_not_exist():
    assert check("title: T\ndate: 31.02.2026\nsummary: S\n", "story") == [
        "data/story.yaml:2:7: date (Datum): Den 31. Februar gibt es nicht – der Februar hat 28 Tage – "
        "außerdem Datum als JJJJ-MM-TT schreiben"
    ]


def test_unrecognisable_date_keeps_the_schema_message():
    assert check("title: T\ndate: Anfang April\nsummary: S\n", "story") == [
        "data/story.yaml:2:7: date (Datum): kein gültiges Datum – Format JJJJ-MM-TT verwenden, z. B. 2021-06-08"
    ]


PROJECT = "title: T\nsite: hof\nyear: 2026\nthemes: [bildung]\nstatus: running\nsummary: S\n"


def test_fields_indented_too_little_belong_to_their_group():
    text = PROJECT + 'period:\nstart: "2026-04-01"\nend: "2026-05-01"\n'
    assert check(text, "project") == [
        "data/project.yaml:8:1: start: 'start' gehört zu period: – die Zeile zwei Leerzeichen weiter einrücken als 'period:'",
        "data/project.yaml:9:1: end: 'end' gehört zu period: – die Zeile zwei Leerzeichen weiter einrücken als 'period:'",
    ]


def test_nested_field_indented_too_little_belongs_to_its_group():
    text = SITE + "office:\n  address:\n  street: Musterstraße 5\n  postcode: '01067'\n  city: Dresden\n"
    problems = check(text)
    assert problems[0] == (
        "data/site.yaml:13:3: office.street: 'street' gehört zu address: – "
        "die Zeile zwei Leerzeichen weiter einrücken als 'address:'"
    )
    assert len(problems) == 3 and not any("address (" in p for p in problems)


def test_misspelt_required_field_is_not_also_missing():
    assert check(SITE.replace("summary: Kurz.", "sumary: Kurz.")) == [
        "data/site.yaml:10:1: sumary: unbekanntes Feld 'sumary' (meinten Sie 'summary'?)"
    ]


def test_field_names_carry_their_german_title():
    assert check(SITE.replace("summary: Kurz.\n", "")) == [
        "data/site.yaml:1:1: summary (Kurzbeschreibung): Pflichtfeld fehlt"
    ]


def test_too_long_summary():
    (message,) = check(SITE.replace("summary: Kurz.", "summary: " + "x" * 301))
    assert (
        message
        == "data/site.yaml:10:10: summary (Kurzbeschreibung): zu lang: 301 Zeichen, erlaubt sind höchstens 300 – kürzer fassen"
    )


def test_blank_text_is_empty():
    assert check(SITE.replace("summary: Kurz.", 'summary: "   "')) == [
        "data/site.yaml:10:10: summary (Kurzbeschreibung): darf nicht leer sein"
    ]


def test_empty_theme_list():
    assert check(SITE.replace("themes:\n  - bildung\n", "themes: []\n")) == [
        "data/site.yaml:8:9: themes (Themen): Liste darf nicht leer sein"
    ]


def test_duplicate_list_entry():
    assert check(SITE.replace("  - bildung\n", "  - bildung\n  - bildung\n")) == [
        "data/site.yaml:9:3: themes (Themen): ein Eintrag steht doppelt in der Liste"
    ]


def test_number_out_of_range():
    (message,) = check(SITE.replace("lat: 50.31", "lat: 500"))
    assert message == "data/site.yaml:5:8: coordinates.lat (Breitengrad): darf höchstens 90 sein"


def test_bad_email():
    text = SITE + "office:\n  address: {street: a, postcode: '01067', city: b}\n  email: hof(at)example.org\n"
    (message,) = check(text)
    assert message.endswith("office.email (E-Mail): keine gültige E-Mail-Adresse (Beispiel: quartier@example.org)")


def test_image_without_alt():
    text = SITE + "image:\n  src: hof.jpg\n  credit: Träger\n  licence: CC BY 4.0\n"
    assert check(text) == [
        "data/site.yaml:12:3: image.alt (Bildbeschreibung): Bildbeschreibung fehlt – unter alt beschreiben, was zu sehen ist, "
        "oder decorative: true setzen, wenn das Bild nur schmückt"
    ]


def test_decorative_image_must_not_have_alt():
    text = SITE + "image:\n  src: hof.jpg\n  alt: Ein Haus\n  decorative: true\n  credit: T\n  licence: L\n"
    (message,) = check(text)
    assert "ein schmückendes Bild (decorative: true) hat keine Bildbeschreibung" in message


@pytest.mark.parametrize("consent", ["", "  consent: false\n"])
def test_people_without_consent(consent):
    text = SITE + "image:\n  src: hof.jpg\n  alt: Jugendliche\n  credit: T\n  licence: L\n  people: true\n" + consent
    (message,) = check(text)
    assert "auf dem Bild sind Personen erkennbar – consent: true setzen" in message


def test_contact_name_needs_consent():
    (message,) = check(SITE + "contacts:\n  - role: Koordination\n    name: Erika Musterfrau\n")
    assert "contacts[1].consent (Einwilligung): Namen nur mit Einwilligung veröffentlichen" in message


def test_list_top_level_kinds():
    assert check("- id: bildung\n  label: Bildung\n", "themes") == [
        "data/themes.yaml:1:3: [1].description (Beschreibung): Pflichtfeld fehlt"
    ]


def _properties(schema, path=""):
    """Every property definition in a schema, with its path."""
    if isinstance(schema, dict):
        for name, sub in schema.get("properties", {}).items():
            yield f"{path}.{name}", sub
        for key, value in schema.items():
            if key in ("properties",):
                for name, sub in value.items():
                    yield from _properties(sub, f"{path}.{name}")
            elif isinstance(value, dict | list):
                yield from _properties(value, f"{path}/{key}")
    elif isinstance(schema, list):
        for index, item in enumerate(schema):
            yield from _properties(item, f"{path}[{index}]")


@pytest.mark.parametrize("name", [*KINDS, "common"])
def test_every_key_has_a_german_title_and_description(name):
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert schema.get("title") and schema.get("description")
    for path, prop in _properties(schema):
        if set(prop) <= {"const"} or set(prop) <= {"const", "x-message"}:
            continue  # an if/then condition, not a field
        assert prop.get("title"), f"{name}{path} has no title"
        assert prop.get("description"), f"{name}{path} has no description"
