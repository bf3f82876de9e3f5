"""Image fields of records: each names a usable original inside ``content/images/``.

Run with the cross-record rules, before anything is written, so a missing file, a
path out of the images folder or an image over the pixel limit is reported at the
record's ``src`` line together with every other problem.
"""

from __future__ import annotations

from pathlib import Path

from ..records.paths import ContentPaths
from ..records.problems import Problem
from ..records.reading import RecordSet, record_images
from .derivatives import DEFAULT_MAX_PIXELS, inspect_image


def _image_problem(base: Path, src: str, max_pixels: int) -> str | None:
    target = (base / src).resolve()
    if Path(src).is_absolute() or not target.is_relative_to(base):
        return f"Bildpfad '{src}' führt aus content/images/ hinaus – Pfad relativ zu content/images/ angeben"
    if not target.is_file():
        return f"Bilddatei nicht gefunden: content/images/{src}"
    _, problem = inspect_image(target, max_pixels, f"content/images/{src}")
    return problem


def check_images(records: RecordSet, paths: ContentPaths, max_pixels: int = DEFAULT_MAX_PIXELS) -> list[Problem]:
    """A problem for every image field of a site, project or story whose file cannot be used."""
    base = paths.images.resolve()
    problems: list[Problem] = []
    for record in records.sites + records.projects + records.stories:
        for path, image in record_images(record):
            src = image.get("src") if isinstance(image, dict) else None
            if not isinstance(src, str):
                continue  # a wrong shape was reported by the schema check
            message = _image_problem(base, src, max_pixels)
            if message:
                problems.append(record.problem(path + ("src",), message))
    return problems
