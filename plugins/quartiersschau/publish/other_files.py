"""The files beside the pages (feeds, open data, calendars, vCards, the map, the web editor's
files): made by every build, linked from the last output by the quick preview.

Each of them reads many records, so making them all is about a fifth of a quick preview
build at N = 1,000 (``QS_QUICK_PREVIEW``). That build links the last output's ones instead;
the follow-up build right after it makes them anew. After each full publish, the names of
the files it made are kept in the cache with the output they are in: the quick preview links
only those, and only from that output.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ..common.filesystem import link_or_copy, write_atomic

MANIFEST = "other-files.json"


def remember(cache_folder: Path, output: Path, names: Iterable[str]) -> None:
    """After a full publish into *output*: these files of it are the ones a build makes."""
    state = {"output": str(output), "files": sorted(names)}
    write_atomic(Path(cache_folder) / MANIFEST, json.dumps(state, ensure_ascii=False))


def link_last(cache_folder: Path, output: Path | None, staging: Path) -> bool:
    """Link *output*'s files of the last full publish into *staging*; False if none are known for it.

    A file that the last publish made and that is gone from *output* since stays missing,
    until the next full build makes it again.
    """
    if output is None:
        return False
    try:
        state = json.loads((Path(cache_folder) / MANIFEST).read_text(encoding="utf-8"))
        known, names = state["output"], state["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if known != str(output) or not isinstance(names, list):
        return False
    for name in names:
        source = output / name
        if source.is_file():
            link_or_copy(source, staging / name)
    return True
