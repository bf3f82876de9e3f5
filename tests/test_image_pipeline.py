"""All images of a build: cache by content hash, parallel work, publishing derivatives only."""

import os

import pytest
from imagefiles import camera_jpeg
from PIL import Image

from quartiersschau.images.pipeline import ImagePipeline
from quartiersschau.records.problems import ContentError


@pytest.fixture
def originals(tmp_path):
    folder = tmp_path / "images"
    (folder / "fotos").mkdir(parents=True)
    camera_jpeg(folder / "fotos" / "a.jpg")
    Image.new("RGB", (1000, 700), (10, 90, 115)).save(folder / "b.png")
    Image.new("RGB", (700, 1000), (163, 64, 15)).save(folder / "c.webp")
    return folder


def pipeline(originals, tmp_path, workers=2):
    return ImagePipeline(originals, tmp_path / "cache", workers=workers, max_pixels=50_000_000)


def test_renditions_and_a_second_run_processes_nothing(originals, tmp_path):
    first = pipeline(originals, tmp_path)
    renditions = first.prepare(["fotos/a.jpg", "b.png", "c.webp"])
    assert (first.processed, first.reused) == (3, 0)
    b = renditions["b.png"]
    assert (b.width, b.height) == (1000, 700)
    assert b.mimes == ("image/avif", "image/webp", "image/jpeg")
    assert b.srcset("image/webp", "/sub").startswith("/sub/bilder/b-")
    assert b.fallback("").endswith("-1000.jpg")
    second = pipeline(originals, tmp_path)
    assert second.prepare(["fotos/a.jpg", "b.png", "c.webp"]) == renditions
    assert (second.processed, second.reused) == (0, 3)


def test_cache_follows_content_not_modification_time(originals, tmp_path):
    pipeline(originals, tmp_path).prepare(["b.png"])
    os.utime(originals / "b.png", (1, 1))
    again = pipeline(originals, tmp_path)
    again.prepare(["b.png"])
    assert again.processed == 0
    Image.new("RGB", (1000, 700), (0, 0, 0)).save(originals / "b.png")
    changed = pipeline(originals, tmp_path)
    changed.prepare(["b.png"])
    assert changed.processed == 1


def test_publish_copies_derivatives_only(originals, tmp_path):
    p = pipeline(originals, tmp_path, workers=1)
    renditions = p.prepare(["fotos/a.jpg", "b.png"])
    out = tmp_path / "out"
    count = p.publish(out)
    files = sorted(f.relative_to(out).as_posix() for f in out.rglob("*") if f.is_file())
    assert count == len(files) == sum(len(r.variants) for r in renditions.values())
    assert all(f.startswith(("bilder/fotos/a-", "bilder/b-")) for f in files)
    originals_bytes = {(originals / "fotos/a.jpg").read_bytes(), (originals / "b.png").read_bytes()}
    assert not any((out / f).read_bytes() in originals_bytes for f in files)


def test_a_broken_image_is_a_content_error_naming_it(originals, tmp_path):
    data = (originals / "fotos/a.jpg").read_bytes()
    (originals / "kaputt.jpg").write_bytes(data[: len(data) // 3])
    with pytest.raises(ContentError) as caught:
        pipeline(originals, tmp_path).prepare(["b.png", "kaputt.jpg"])
    (problem,) = caught.value.problems
    assert problem.path == "content/images/kaputt.jpg"
    assert "Bild kann nicht verarbeitet werden" in problem.message
