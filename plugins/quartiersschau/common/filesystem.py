"""File helpers for reusing work between builds: digests of folders, links instead of copies."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path


def files_digest(folders: list[Path], pattern: str) -> str:
    """One hash over the relative paths and bytes of the files matching *pattern*, in a stable order."""
    h = hashlib.sha256()
    for folder in folders:
        for path in sorted(Path(folder).rglob(pattern)):
            if path.is_file():
                h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def link_or_copy(source: Path, target: Path) -> None:
    """Hard-link *source* to *target* (no bytes copied), or copy where links are not possible.

    Safe because nothing in a build rewrites a published file in place: every step
    writes new files, and a new build starts from an empty staging folder.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
