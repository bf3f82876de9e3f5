"""Image fields of records: the file exists, stays inside content/images/, and can be used."""

import shutil
from pathlib import Path

import pytest
from imagefiles import bomb_png
from sites import edit, fixture_copy, paths_of

from quartiersschau.images.checks import check_images
from quartiersschau.records.reading import read_records


def problems_of(site: Path, max_pixels: int = 50_000_000) -> list[str]:
    paths = paths_of(site)
    records, problems = read_records(paths)
    assert problems == []
    return [str(p) for p in sorted(check_images(records, paths, max_pixels))]


@pytest.fixture
def site(tmp_path):
    return fixture_copy(tmp_path)


def test_fixture_images_are_usable(site):
    assert problems_of(site) == []


def test_image_must_exist_and_stay_inside_images(site):
    images = "images:\n  - src: fehlt.jpg\n    alt: a\n    credit: c\n    licence: l\n  - src: ../../data/programme.jpg\n    alt: a\n    credit: c\n    licence: l\n"
    path = site / "data/projects/lesecafe.yaml"
    path.write_text(path.read_text(encoding="utf-8") + images, encoding="utf-8")
    assert problems_of(site) == [
        "data/projects/lesecafe.yaml:9:10: images[1].src (Bilddatei): Bilddatei nicht gefunden: content/images/fehlt.jpg",
        "data/projects/lesecafe.yaml:13:10: images[2].src (Bilddatei): Bildpfad '../../data/programme.jpg' führt aus content/images/ hinaus – Pfad relativ zu content/images/ angeben",
    ]


def test_image_over_the_pixel_limit_is_reported_at_its_src_line(site):
    bomb_png(site / "content/images/riesig.png")
    images = "images:\n  - src: riesig.png\n    alt: a\n    credit: c\n    licence: l\n"
    path = site / "data/projects/lesecafe.yaml"
    path.write_text(path.read_text(encoding="utf-8") + images, encoding="utf-8")
    problems = problems_of(site)
    assert len(problems) == 1
    assert problems[0].startswith("data/projects/lesecafe.yaml:9:10: images[1].src (Bilddatei): ")
    assert "riesig.png" in problems[0]


@pytest.mark.parametrize(
    ("written", "meant"),
    [("Hof.JPG", "hof.jpg"), ("hof.png", "hof.jpg"), ("werkstat.png", "werkstatt.png"), ("hoff.jpeg", "hof.jpg")],
)
def test_a_nearly_right_file_name_is_suggested(site, written, meant):
    path = site / "data/projects/fahrradwerkstatt.yaml"
    edit(path, "  - src: hof.jpg", f"  - src: {written}")
    assert problems_of(site) == [
        f"data/projects/fahrradwerkstatt.yaml:28:10: images[2].src (Bilddatei): Bilddatei nicht gefunden: "
        f"content/images/{written} (meinten Sie '{meant}'?)"
    ]


def test_a_file_name_in_a_subfolder_is_suggested_with_its_folder(site):
    (site / "content/images/standorte").mkdir()
    shutil.copy(site / "content/images/hof.jpg", site / "content/images/standorte/hof.jpg")
    edit(site / "data/projects/fahrradwerkstatt.yaml", "  - src: hof.jpg", "  - src: standorte/Hof.jpg")
    assert problems_of(site) == [
        "data/projects/fahrradwerkstatt.yaml:28:10: images[2].src (Bilddatei): Bilddatei nicht gefunden: "
        "content/images/standorte/Hof.jpg (meinten Sie 'standorte/hof.jpg'?)"
    ]


def test_a_src_the_schema_refused_is_not_looked_for(site):
    path = site / "data/projects/fahrradwerkstatt.yaml"
    edit(path, "  - src: hof.jpg", "  - src: hof.gif")
    records, problems = read_records(paths_of(site))
    assert [str(p) for p in problems] == [
        "data/projects/fahrradwerkstatt.yaml:28:10: images[2].src (Bilddatei): keine gültige Bilddatei – "
        "Pfad unter content/images/ mit Endung .jpg, .png oder .webp"
    ]
    assert check_images(records, paths_of(site)) == []
