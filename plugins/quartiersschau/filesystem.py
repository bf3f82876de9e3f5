"""File helpers for reusing work between builds."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


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
