"""Pages that are as published: linked from the last output instead of written again.

After a publish, the hash of every page written is kept (``published-pages.json`` in the
cache folder, written only once the output is swapped in). The next build links each page
whose HTML has the same hash from the published output into its staging folder: no bytes
written, and the file keeps its time stamp. Pages that changed are written as usual.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..common.filesystem import write_atomic

MANIFEST = "published-pages.json"


def page_hash(html: str) -> str:
    return hashlib.blake2b(html.encode("utf-8"), digest_size=16).hexdigest()


class PublishedPages:
    """What the last publish wrote (*folder*: that output; None for a first build)."""

    def __init__(self, cache_folder: Path, folder: Path | None):
        self.path = Path(cache_folder) / MANIFEST
        self.folder = folder if folder is not None and folder.is_dir() else None
        try:
            self.hashes = json.loads(self.path.read_text(encoding="utf-8")) if self.folder else {}
        except (OSError, ValueError):
            self.hashes = {}
        if not isinstance(self.hashes, dict):
            self.hashes = {}
        self.written: dict[str, str] = {}

    def source(self, save_as: str, digest: str) -> Path | None:
        """The published file to link for this page (of hash *digest*, see ``page_hash``), or None to write it."""
        self.written[save_as] = digest
        if self.hashes.get(save_as) != digest:
            return None
        published = self.folder / save_as
        return published if published.is_file() else None

    def remember(self) -> None:
        """After the publish: the pages of this build are what is published now."""
        write_atomic(self.path, json.dumps(self.written, sort_keys=True))
