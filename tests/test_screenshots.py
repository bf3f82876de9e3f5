"""The guide's screenshots: scripts/screenshots.py shoots what docs/redaktion*.md show, in the expected size."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from helpers import ROOT, import_script
from PIL import Image

DOCS = ROOT / "docs"
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)\)")


@pytest.fixture(scope="module")
def screenshots():
    return import_script("screenshots")


def _guide_images() -> list[tuple[str, str, str]]:
    """(file, alt text, image name) of every image in the editors' guide."""
    found = []
    for page in [DOCS / "redaktion.md", *sorted((DOCS / "redaktion").glob("*.md"))]:
        for match in IMAGE.finditer(page.read_text(encoding="utf-8")):
            target = (page.parent / match["src"]).resolve()
            assert target.parent == DOCS / "bilder", f"{page.name}: {match['src']} liegt nicht in docs/bilder/"
            found.append((page.name, match["alt"], target.name))
    return found


def test_the_guide_shows_exactly_the_scripts_shots(screenshots):
    images = _guide_images()
    assert images, "die Anleitung zeigt kein Bildschirmfoto"
    shown = {name for _, _, name in images}
    assert shown - set(screenshots.SHOTS) == set(), "Bilder in der Anleitung, die das Skript nicht macht"
    assert set(screenshots.SHOTS) - shown == set(), "Bildschirmfotos, die die Anleitung nicht zeigt"
    for page, alt, name in images:
        assert len(alt.split()) >= 3, f"{page}: {name} braucht einen Alternativtext"
        assert (DOCS / "bilder" / name).is_file(), f"docs/bilder/{name} fehlt: make html && make screenshots"


def test_the_script_shoots_every_image_in_its_size(screenshots, demo_output, tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "screenshots.py"),
            str(demo_output),
            "--to",
            str(tmp_path),
            "--error-page",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(screenshots.SHOTS)
    for name, shot in screenshots.SHOTS.items():
        with Image.open(tmp_path / name) as image:
            assert image.format == "PNG"
            assert image.size == (shot.viewport["width"], shot.viewport["height"]), name
            # Not a blank page: a screenshot has more than a handful of colours.
            assert len(image.convert("RGB").getcolors(maxcolors=1 << 16) or range(1 << 16)) > 8, name


def test_the_committed_images_have_the_expected_size(screenshots):
    for name, shot in screenshots.SHOTS.items():
        with Image.open(DOCS / "bilder" / name) as image:
            assert image.size == (shot.viewport["width"], shot.viewport["height"]), name
