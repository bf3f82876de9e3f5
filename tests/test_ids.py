from quartiersschau.records.ids import make_id


def test_german_transliteration():
    assert make_id("Nähcafé Gotha-West") == "naehcafe-gotha-west"
    assert make_id("Straße der Begegnung") == "strasse-der-begegnung"
    assert make_id("Öffentlicher Raum – Übergänge") == "oeffentlicher-raum-uebergaenge"


def test_other_characters_and_length():
    assert make_id("  Łódź!! 2024 ") == "lodz-2024"
    assert len(make_id("Wort " * 40)) <= 60
    assert not make_id("Wort " * 40).endswith("-")
