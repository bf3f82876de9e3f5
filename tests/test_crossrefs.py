"""Rules across records: references, ids, reserved names, periods (image files: test_image_checks)."""

from pathlib import Path

import pytest
from sites import edit, fixture_copy, paths_of

from quartiersschau.records.crossrefs import check_references
from quartiersschau.records.reading import read_records


def problems_of(site: Path) -> list[str]:
    paths = paths_of(site)
    records, problems = read_records(paths)
    assert problems == []
    return [str(p) for p in check_references(records, paths)]


@pytest.fixture
def site(tmp_path):
    return fixture_copy(tmp_path)


def test_fixture_is_clean(site):
    assert problems_of(site) == []


def test_unknown_site_with_suggestion(site):
    edit(site / "data/projects/fahrradwerkstatt.yaml", "site: hof", "site: hoff")
    assert problems_of(site) == [
        "data/projects/fahrradwerkstatt.yaml:2:7: site (Standort): unbekannter Standort 'hoff' (meinten Sie 'hof'?)"
    ]


def test_unknown_theme_in_a_list(site):
    edit(site / "data/sites/hof.yaml", "  - bildung\nresidents", "  - bildng\nresidents")
    assert problems_of(site) == [
        "data/sites/hof.yaml:31:5: themes[2] (Themen): unbekanntes Thema 'bildng' (meinten Sie 'bildung'?)"
    ]


def test_unknown_region_and_phase(site):
    edit(site / "data/sites/moabit.yaml", "region: berlin", "region: brandenburg")
    edit(site / "data/sites/moabit.yaml", "phase: model", "phase: modell")
    assert problems_of(site) == [
        "data/sites/moabit.yaml:4:9: region (Region): unbekanntes Bundesland 'brandenburg' – vorhanden sind: bayern, berlin, bremen",
        "data/sites/moabit.yaml:8:8: phase (Phase): unbekannte Phase 'modell' (meinten Sie 'model'?)",
    ]


def test_story_references(site):
    story = site / "content/stories/werkstatt-eroeffnet.md"
    edit(story, "  - hof\n", "  - hof\n  - nirgendwo\n")
    edit(story, "  - fahrradwerkstatt", "  - fahradwerkstatt")
    assert problems_of(site) == [
        "content/stories/werkstatt-eroeffnet.md:7:5: sites[2] (Standorte): unbekannter Standort 'nirgendwo' – vorhanden sind: hof, ingolstadt, moabit",
        "content/stories/werkstatt-eroeffnet.md:9:5: projects[1] (Projekte): unbekanntes Mikroprojekt 'fahradwerkstatt' (meinten Sie 'fahrradwerkstatt'?)",
    ]


def test_file_name_must_be_an_id(site):
    (site / "data/projects/lesecafe.yaml").rename(site / "data/projects/Lese_Café.yaml")
    assert problems_of(site) == [
        "data/projects/Lese_Café.yaml:1:1: (Dateiname): 'Lese_Café' ist keine gültige Kennung für ein Mikroprojekt – "
        "Datei umbenennen, z. B. in 'lese-cafe.yaml' (nur a–z, 0–9 und Bindestriche)"
    ]


def test_duplicate_theme_id(site):
    themes = site / "data/themes.yaml"
    themes.write_text(
        themes.read_text(encoding="utf-8") + "- id: bildung\n  label: Noch einmal\n  description: x\n", encoding="utf-8"
    )
    assert problems_of(site) == [
        "data/themes.yaml:10:7: [4].id (Kennung): Kennung 'bildung' kommt doppelt vor (zuerst in Zeile 1)"
    ]


def test_reserved_page_name(site):
    (site / "content/pages/mitmachen.md").rename(site / "content/pages/standorte.md")
    assert problems_of(site) == [
        "content/pages/standorte.md:1:1: (Dateiname): der Seitenname 'standorte' ist für die Website reserviert – Datei umbenennen"
    ]


def test_period_must_match_year_and_end_after_start(site):
    path = site / "data/projects/fahrradwerkstatt.yaml"
    edit(path, 'start: "2022-03-01"', 'start: "2021-03-01"')
    edit(path, 'end: "2022-09-30"', 'end: "2020-09-30"')
    assert problems_of(site) == [
        "data/projects/fahrradwerkstatt.yaml:5:10: period.start (Beginn): Beginn liegt im Jahr 2021, unter year steht aber 2022 – angleichen",
        "data/projects/fahrradwerkstatt.yaml:6:8: period.end (Ende): Ende (2020-09-30) liegt vor dem Beginn (2021-03-01)",
    ]


def test_region_outline_must_exist(site):
    edit(site / "data/regions.yaml", "geo: DE-HB", "geo: DE-HX")
    assert problems_of(site) == [
        "data/regions.yaml:12:8: [3].geo (Umriss): kein Umriss in data/geo/de-laender.geojson für 'DE-HX' (meinten Sie 'DE-HB'?)"
    ]


# --- coordinates: inside the programme's map area and in the site's own region ---------
# The fixture's outlines are Bayern, Berlin and Bremen: its map area is their bounding box.
AREA = "liegt außerhalb des Programmgebiets (Breite 47,2–53,7, Länge 8,4–13,9)"


def _coordinates(site: Path, lat: str, lon: str, name: str = "hof") -> None:
    path = site / f"data/sites/{name}.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("coordinates:\n")
    end = text.index("\n", text.index("  lon:", start))
    path.write_text(text[:start] + f"coordinates:\n  lat: {lat}\n  lon: {lon}" + text[end:], encoding="utf-8")


def test_coordinates_outside_the_programme_area(site):
    _coordinates(site, "40.42", "-3.70")  # Madrid
    assert problems_of(site) == [f"data/sites/hof.yaml:5:1: coordinates (Lage): {AREA}"]


def test_swapped_coordinates_get_a_hint(site):
    _coordinates(site, "11.92", "50.31")
    assert problems_of(site) == [f"data/sites/hof.yaml:5:1: coordinates (Lage): {AREA} – Breite und Länge vertauscht?"]


def test_zero_zero_is_a_placeholder_not_a_place(site):
    _coordinates(site, "0", "0.0")
    assert problems_of(site) == [
        f"data/sites/hof.yaml:5:1: coordinates (Lage): {AREA} – 0/0 ist ein Platzhalter, keine Lage: "
        "die Mitte des Quartiers eintragen"
    ]


def test_coordinates_in_another_region(site):
    _coordinates(site, "52.52", "13.40")  # Berlin, but the site is in region bayern
    assert problems_of(site) == [
        "data/sites/hof.yaml:5:1: coordinates (Lage): liegt nicht in der Region Bayern, sondern in Berlin – "
        "Koordinaten prüfen oder eine andere Region als 'bayern' eintragen"
    ]


def test_coordinates_in_no_region_of_the_programme(site):
    _coordinates(site, "51.05", "13.74", name="moabit")  # Dresden: inside the area, in no outline
    assert problems_of(site) == [
        "data/sites/moabit.yaml:5:1: coordinates (Lage): liegt nicht in der Region Berlin – "
        "Koordinaten prüfen oder eine andere Region als 'berlin' eintragen"
    ]


def test_a_quarter_just_outside_its_generalised_outline_is_accepted(site):
    from quartiersschau.records import geo

    outline = geo.read_features(site / "data/geo/de-laender.geojson", "iso_3166_2")["DE-BE"]
    lon, lat = geo.rings(outline)[0][0]  # a point of Berlin's border, moved 1 km outward (north)
    _coordinates(site, f"{lat + 0.009:.4f}", f"{lon:.4f}", name="moabit")
    if geo.contains(outline, lat + 0.009, lon):  # the border runs another way here: move south
        _coordinates(site, f"{lat - 0.009:.4f}", f"{lon:.4f}", name="moabit")
    assert problems_of(site) == []


def test_office_coordinates_in_the_area_and_near_the_quarter(site):
    path = site / "data/sites/hof.yaml"
    edit(
        path, "  email: hof@example.org\n", "  email: hof@example.org\n  coordinates:\n    lat: 11.93\n    lon: 50.32\n"
    )
    assert problems_of(site) == [
        f"data/sites/hof.yaml:23:3: office.coordinates (Lage des Büros): {AREA} – Breite und Länge vertauscht?"
    ]
    edit(path, "    lat: 11.93\n    lon: 50.32", "    lat: 49.45\n    lon: 11.08")  # Nürnberg, 113 km away
    assert problems_of(site) == [
        "data/sites/hof.yaml:23:3: office.coordinates (Lage des Büros): das Büro liegt 113 km von der Lage des Quartiers "
        "(coordinates) entfernt – Koordinaten prüfen"
    ]
    edit(path, "    lat: 49.45\n    lon: 11.08", "    lat: 50.32\n    lon: 11.91")
    assert problems_of(site) == []


def test_unreadable_outlines_are_one_problem_and_skip_the_coordinate_rules(site):
    (site / "data/geo/de-laender.geojson").write_text(
        '{"type": "FeatureCollection", "features": [{"properties": {"iso_3166_2": "DE-BY"}, '
        '"geometry": {"type": "Point", "coordinates": [11, 49]}}]}',
        encoding="utf-8",
    )
    assert problems_of(site) == [
        "data/geo/de-laender.geojson:1:1: (Datei): Umrisse der Regionen nicht lesbar "
        "(Geometrie vom Typ Point ist kein Umriss)"
    ]


def test_unknown_region_theme_and_fund_get_the_close_id(site):
    edit(site / "data/sites/hof.yaml", "region: bayern", "region: bayer")
    edit(site / "data/projects/fahrradwerkstatt.yaml", "  - nachbarschaft", "  - nachbarschft")
    edit(site / "data/projects/fahrradwerkstatt.yaml", "funding:", "fund: mikroprojektmitel\nfunding:")
    assert problems_of(site) == [
        "data/sites/hof.yaml:4:9: region (Region): unbekanntes Bundesland 'bayer' (meinten Sie 'bayern'?)",
        "data/projects/fahrradwerkstatt.yaml:8:5: themes[1] (Themen): unbekanntes Thema 'nachbarschft' "
        "(meinten Sie 'nachbarschaft'?)",
        "data/projects/fahrradwerkstatt.yaml:15:7: fund (Fonds): unbekannter Fonds 'mikroprojektmitel' "
        "(meinten Sie 'mikroprojektmittel'?)",
    ]
