"""All images of a build: derivatives cached by content hash, made on all cores, published.

Derivatives live in the cache folder (outside ``output/``) under a key over the
original's bytes, the pipeline's parameters and its version — not the file's
modification time, so a checkout or copy does not re-encode anything. Only
derivatives are copied into the output; originals never are.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from PIL import Image

from ..common.cache import content_key
from ..common.filesystem import link_or_copy
from ..common.log import LOG_PREFIX
from ..common.parallel import imap_parallel
from ..records.problems import ContentError, Problem
from ..records.reading import RecordSet, record_images
from . import derivatives

PIPELINE_VERSION = "1"
_PARAMETERS = json.dumps(
    {"widths": derivatives.WIDTHS, "formats": derivatives.FORMATS, "version": PIPELINE_VERSION}, sort_keys=True
)


@dataclass(frozen=True)
class Variant:
    url: str
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class Rendition:
    """The derivatives of one original, as templates need them for ``<picture>``."""

    src: str
    variants: tuple[Variant, ...]

    @property
    def width(self) -> int:
        return max(v.width for v in self.variants)

    @property
    def height(self) -> int:
        return max(v.height for v in self.variants if v.width == self.width)

    @property
    def mimes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(v.mime for v in self.variants))

    def srcset(self, mime: str, prefix: str = "") -> str:
        return ", ".join(f"{prefix}/{v.url} {v.width}w" for v in self.variants if v.mime == mime)

    def fallback(self, prefix: str = "") -> str:
        """The JPEG closest to 960 px: what a browser without ``srcset`` support shows."""
        jpegs = [v for v in self.variants if v.mime == "image/jpeg"]
        best = min(jpegs, key=lambda v: abs(v.width - 960))
        return f"{prefix}/{best.url}"


def _make(task: tuple[str, str, int]) -> list[dict] | str:
    """Make one image's derivatives in a worker; a broken file becomes a message, not a crash."""
    try:
        return derivatives.make_derivatives(task)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        return f"Bild kann nicht verarbeitet werden ({error}) – Datei neu speichern oder ersetzen"


def image_sources(records: RecordSet) -> list[str]:
    """Every image path referenced by a record, each once, in a stable order."""
    found: dict[str, None] = {}
    for record in records.sites + records.projects + records.stories:
        for _, image in record_images(record):
            if isinstance(image, dict):
                found[image["src"]] = None
    return list(found)


class ImagePipeline:
    def __init__(self, images_dir: Path, cache_dir: Path, *, workers: int, max_pixels: int, url_prefix: str = "bilder"):
        self.images_dir = Path(images_dir)
        self.cache_dir = Path(cache_dir) / "images"
        self.workers = workers
        self.max_pixels = max_pixels
        self.url_prefix = url_prefix
        self.processed = 0
        self.reused = 0
        self._files: list[tuple[Path, str]] = []

    def _key(self, src: str) -> str:
        return content_key(_PARAMETERS, (self.images_dir / src).read_bytes())

    def _folder(self, key: str) -> Path:
        return self.cache_dir / key[:2] / key

    def prepare(self, sources: list[str]) -> dict[str, Rendition]:
        """Make what is missing from the cache; return the rendition of every source."""
        keys = {src: self._key(src) for src in sources}
        missing = [src for src in sources if not (self._folder(keys[src]) / "meta.json").is_file()]
        tasks = [(str(self.images_dir / src), str(self._folder(keys[src])), self.max_pixels) for src in missing]
        problems = []
        results = imap_parallel(_make, tasks, workers=self.workers, min_items=2, chunksize=1)
        for done, (src, result) in enumerate(zip(missing, results, strict=True), 1):
            if isinstance(result, str):
                problems.append(Problem(f"content/images/{src}", 1, 1, "", result))
            if len(tasks) >= 20 and (done % max(1, len(tasks) // 10) == 0 or done == len(tasks)):
                print(f"{LOG_PREFIX} Bilder: {done}/{len(tasks)} verarbeitet", file=sys.stderr, flush=True)
        if problems:
            raise ContentError(problems)
        self.processed, self.reused = len(missing), len(sources) - len(missing)
        print(
            f"{LOG_PREFIX} Bilder: {self.processed} neu verarbeitet, {self.reused} aus dem Cache",
            file=sys.stderr,
            flush=True,
        )
        renditions = {}
        self._files = []
        for src in sources:
            folder = self._folder(keys[src])
            stem = PurePosixPath(src).with_suffix("").as_posix()
            variants = []
            for item in json.loads((folder / "meta.json").read_text(encoding="utf-8")):
                url = f"{self.url_prefix}/{stem}-{keys[src][:10]}-{item['width']}.{item['ext']}"
                variants.append(Variant(url, item["width"], item["height"], item["mime"]))
                self._files.append((folder / f"{item['width']}.{item['ext']}", url))
            renditions[src] = Rendition(src, tuple(variants))
        return renditions

    def publish(self, output_dir: Path) -> int:
        """Copy every derivative of this build into the output; returns the number of files."""
        for source, url in self._files:
            link_or_copy(source, Path(output_dir) / url)
        return len(self._files)
