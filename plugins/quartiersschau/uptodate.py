"""Nothing changed since the last published build: say so and stop at once, as ``make`` would.

A build's inputs are files (content, data, theme, plugin code, the web editor's bundle),
the settings and the build day. Their listing – every file's path, size and modification
time, not its bytes – is hashed at the start of a run and kept, with a listing of the
output it published, once the output is swapped in. The next run that finds both listings
as they were has nothing to do. Anything else (an edited record, a new day, another
setting, a hand-edited or deleted output) builds as usual, and the page, image and
record caches make that build cost what changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib import metadata
from pathlib import Path

from .common.cache import HOW_TO_RUN, settings_key
from .common.clock import build_date
from .common.filesystem import files_below, write_atomic
from .common.log import LOG_PREFIX
from .publish.admin import bundle_path

STAMP = "up-to-date.json"


def _listing(folders: list[Path]) -> str:
    """Hash of (path, size, mtime) of every file below *folders* (Python's byte-code caches left out).

    File names as the file system has them (bytes: a name may not be valid UTF-8). The lines
    are sorted as bytes, not the (path, stat) pairs of ``walk_files``: at N = 10,000 the output
    alone is 45,000 files, and this listing is most of what a build with nothing to do costs.
    """
    digest = hashlib.sha256()
    for folder in folders:
        digest.update(os.fsencode(folder) + b"\0")
        lines = []
        for relative, entry in files_below(folder):
            if "__pycache__/" in relative:
                continue
            info = entry.stat(follow_symlinks=False)
            lines.append(b"%s\0%d\0%d\n" % (os.fsencode(relative), info.st_size, info.st_mtime_ns))
        lines.sort()
        digest.update(b"".join(lines))
    return digest.hexdigest()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return ""


def inputs_digest(settings: dict) -> str:
    folders = [settings["PATH"], settings["QS_DATA_PATH"], settings["THEME"], *settings.get("PLUGIN_PATHS", [])]
    folders += list(settings.get("THEME_TEMPLATES_OVERRIDES", []))
    folders.append(str(bundle_path(settings).parent))
    parts = (
        _listing([Path(f) for f in folders if os.path.isdir(f)]),
        settings_key(settings, HOW_TO_RUN),
        build_date().isoformat(),
        sys.version,
        _version("pelican"),
        _version("pagefind"),
        _version("pagefind_bin"),
    )
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _stamp(settings: dict) -> Path:
    return Path(settings["QS_CACHE_PATH"]) / STAMP


def is_up_to_date(settings: dict, target: Path, inputs: str) -> bool:
    """Whether the last publish had these *inputs* and *target* is as it left it."""
    try:
        kept = json.loads(_stamp(settings).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(kept, dict) or kept.get("inputs") != inputs or not target.is_dir():
        return False
    return kept.get("output") == _listing([target])


def remember(settings: dict, target: Path, inputs: str) -> None:
    """After a publish: the inputs it was built from and the output it left."""
    write_atomic(_stamp(settings), json.dumps({"inputs": inputs, "output": _listing([target])}))


def stop_if_up_to_date(settings: dict, target: Path, inputs: str) -> None:
    if is_up_to_date(settings, target, inputs):
        print(f"{LOG_PREFIX} Nichts geändert seit dem letzten Bau – die Ausgabe ist aktuell.", file=sys.stderr)
        raise SystemExit(0)
