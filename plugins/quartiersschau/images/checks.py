"""Image fields of records: each names a usable original inside ``content/images/``.

Run with the cross-record rules, before anything is written, so a missing file, a
path out of the images folder or an image over the pixel limit is reported at the
record's ``src`` line together with every other problem. A file name that is nearly
right (``Foto.JPG`` for ``foto.jpg``, ``foto.png`` for ``foto.jpg``) is named.
"""

from __future__ import annotations

import difflib
from pathlib import Path, PurePosixPath

from ..records.accepted import accepted_records
from ..records.paths import ContentPaths
from ..records.problems import Problem
from ..records.reading import RecordSet, record_images
from .derivatives import DEFAULT_MAX_PIXELS, inspect_image


class _Listings(dict):
    """The file names of each folder, listed once per check."""

    def __missing__(self, folder: Path) -> list[str]:
        try:
            names = sorted(p.name for p in folder.iterdir() if p.is_file())
        except OSError:
            names = []
        self[folder] = names
        return names


def _meant(name: str, names: list[str]) -> str | None:
    """The file *name* probably means: same letters in another case, another suffix, or close."""
    folded = name.casefold()
    stems = {PurePosixPath(n.casefold()).stem: n for n in reversed(names)}
    stem = PurePosixPath(folded).stem
    same = [n for n in names if n.casefold() == folded]
    if same:
        return same[0]
    if stem in stems:
        return stems[stem]
    # Only the stems are compared: a shared ".jpg" would make any two names look alike.
    close = difflib.get_close_matches(stem, list(stems), n=1, cutoff=0.75)
    return stems[close[0]] if close else None


def _missing(target: Path, src: str, listings: _Listings) -> str:
    message = f"Bilddatei nicht gefunden: content/images/{src}"
    meant = _meant(target.name, listings[target.parent])
    if meant:
        message += f" (meinten Sie '{PurePosixPath(src).with_name(meant)}'?)"
    return message


def _image_problem(base: Path, src: str, max_pixels: int, listings: _Listings) -> str | None:
    target = (base / src).resolve()
    if Path(src).is_absolute() or not target.is_relative_to(base):
        return f"Bildpfad '{src}' führt aus content/images/ hinaus – Pfad relativ zu content/images/ angeben"
    if not target.is_file():
        return _missing(target, src, listings)
    if target.name not in listings[target.parent]:
        # A file system that ignores letter case found it; the web server will not.
        actual = _meant(target.name, listings[target.parent]) or target.name
        return (
            f"die Datei heißt '{actual}', nicht '{target.name}' – genau so schreiben, "
            "auf dem Server zählen große und kleine Buchstaben"
        )
    _, problem = inspect_image(target, max_pixels, f"content/images/{src}")
    return problem


def check_images(records: RecordSet, paths: ContentPaths, max_pixels: int = DEFAULT_MAX_PIXELS) -> list[Problem]:
    """A problem for every image field of a site, project or story whose file cannot be used.

    Only fields the schema accepted are looked at: a refused ``src`` was reported already.
    """
    records = accepted_records(records)
    base = paths.images.resolve()
    problems: list[Problem] = []
    listings = _Listings()
    # One look per file, however many records show it.
    found: dict[str, str | None] = {}
    for record in records.sites + records.projects + records.stories:
        for path, image in record_images(record):
            src = image.get("src") if isinstance(image, dict) else None
            if not isinstance(src, str):
                continue  # a wrong shape was reported by the schema check
            if src not in found:
                found[src] = _image_problem(base, src, max_pixels, listings)
            message = found[src]
            if message:
                problems.append(record.problem(path + ("src",), message))
    return problems
