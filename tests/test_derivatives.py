"""One image: refusals of bad originals, and clean, upright derivatives."""

import json

import pytest
from imagefiles import SECRETS, bomb_png, camera_jpeg, eps_as_jpg
from PIL import Image

from quartiersschau.images.derivatives import derivative_widths, inspect_image, make_derivatives

LIMIT = 50_000_000


def test_widths_are_never_enlarged():
    assert derivative_widths(3000) == [480, 960, 1600]
    assert derivative_widths(1200) == [480, 960, 1200]
    assert derivative_widths(500) == [500]  # 480 would be almost the same
    assert derivative_widths(800) == [480, 800]
    assert derivative_widths(300) == [300]


@pytest.fixture(scope="module")
def camera_derivatives(tmp_path_factory):
    folder = tmp_path_factory.mktemp("camera")
    source = camera_jpeg(folder / "handy.jpg")
    made = make_derivatives((str(source), str(folder / "out"), LIMIT))
    return source, folder / "out", made


def test_camera_photo_has_metadata_to_begin_with(camera_derivatives):
    source, _, _ = camera_derivatives
    raw = source.read_bytes()
    assert all(secret in raw for secret in SECRETS.values())
    with Image.open(source) as im:
        assert im.getexif()[0x0112] == 6


def test_every_format_and_width_is_made(camera_derivatives):
    _, out, made = camera_derivatives
    assert {(m["ext"], m["width"]) for m in made} == {(e, w) for e in ("avif", "webp", "jpg") for w in (480, 600)}
    assert json.loads((out / "meta.json").read_text()) == made


def test_derivatives_are_upright(camera_derivatives):
    _, out, made = camera_derivatives
    for item in made:
        with Image.open(out / f"{item['width']}.{item['ext']}") as im:
            assert im.width < im.height, item  # the 900×600 original, shown upright, is 600×900
            rgb = im.convert("RGB")
            assert rgb.getpixel((im.width - 5, 5))[0] > 180, item  # the red block is now top-right
            assert rgb.getpixel((5, 5))[2] > 150, item  # and top-left is blue


def test_no_metadata_survives(camera_derivatives):
    _, out, made = camera_derivatives
    for item in made:
        path = out / f"{item['width']}.{item['ext']}"
        raw = path.read_bytes()
        for name, secret in SECRETS.items():
            assert secret not in raw, (path.name, name)
        assert b"Exif\x00\x00" not in raw and b"http://ns.adobe.com/xap" not in raw
        with Image.open(path) as im:
            assert not im.getexif(), path.name
            assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment", "icc_profile"} & set(im.info), (
                path.name,
                im.info,
            )


def test_plain_pillow_save_would_keep_the_comment(tmp_path):
    """Why derivatives are new images: re-saving a loaded JPEG carries its comment along."""
    source = camera_jpeg(tmp_path / "handy.jpg")
    with Image.open(source) as im:
        im.save(tmp_path / "plain.jpg")
    assert SECRETS["comment"] in (tmp_path / "plain.jpg").read_bytes()


def test_transparency_is_kept_in_modern_formats_and_flattened_in_jpeg(tmp_path):
    source = tmp_path / "logo.png"
    Image.new("RGBA", (500, 400), (0, 0, 0, 0)).save(source)
    made = make_derivatives((str(source), str(tmp_path / "out"), LIMIT))
    with Image.open(tmp_path / "out" / f"{made[0]['width']}.webp") as im:
        assert im.mode == "RGBA"
    with Image.open(tmp_path / "out" / f"{made[0]['width']}.jpg") as im:
        assert im.mode == "RGB" and im.getpixel((10, 10)) == (255, 255, 255)


def test_cmyk_becomes_rgb(tmp_path):
    source = tmp_path / "druck.jpg"
    Image.new("CMYK", (600, 400), (0, 200, 200, 0)).save(source)
    made = make_derivatives((str(source), str(tmp_path / "out"), LIMIT))
    with Image.open(tmp_path / "out" / f"{made[0]['width']}.jpg") as im:
        assert im.mode == "RGB"
        red, green, _ = im.getpixel((10, 10))
        assert red > 200 and green < 120


def test_decompression_bomb_is_refused_by_name(tmp_path):
    size, problem = inspect_image(bomb_png(tmp_path / "riesig.png"), LIMIT, "content/images/riesig.png")
    assert size is None
    assert (
        problem
        == "content/images/riesig.png: Bild ist zu groß (mehr als 50 Megapixel) – bitte verkleinern, z. B. auf 4000 Pixel Breite"
    )


def test_eps_renamed_to_jpg_is_refused(tmp_path):
    _, problem = inspect_image(eps_as_jpg(tmp_path / "plakat.jpg"), LIMIT, "content/images/plakat.jpg")
    assert (
        problem
        == "content/images/plakat.jpg: kein erlaubtes Bildformat. Die Datei ist ein EPS/PostScript-Bild. Bitte als JPEG, PNG oder WebP speichern"
    )


def test_gif_is_not_an_allowed_format(tmp_path):
    Image.new("P", (10, 10)).save(tmp_path / "anim.gif")
    (tmp_path / "anim.gif").rename(tmp_path / "anim.png")
    _, problem = inspect_image(tmp_path / "anim.png", LIMIT, "anim.png")
    assert "Die Datei ist ein GIF-Bild" in problem


def test_allowed_image_reports_its_size(tmp_path):
    Image.new("RGB", (640, 480)).save(tmp_path / "ok.webp")
    assert inspect_image(tmp_path / "ok.webp", LIMIT, "ok.webp") == ((640, 480), None)
