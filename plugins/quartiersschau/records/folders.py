"""Which files of a record folder are records, and a German problem for everything else in it.

Hidden files and folders (``.DS_Store``, ``.git``, editor locks such as ``.#hof.yaml``)
are left out on purpose, here and by the Pelican reader (``ignored``). Everything else
that is not a record is refused with what to do: another suffix (``.yml``, ``.MD``), an
editor's backup (``hof.yaml~``), a name with invisible characters, something that is no
ordinary file, and every file in a subfolder.
"""

from __future__ import annotations

import os
from pathlib import Path

from .characters import REFUSED
from .paths import ContentPaths
from .problems import Problem
from .text import os_reason

_BACKUP_SUFFIXES = {".bak", ".old", ".orig", ".swp", ".tmp"}
_OTHER_SPELLINGS = {".yml": ".yaml", ".markdown": ".md", ".mkd": ".md", ".mdown": ".md"}


def ignored(name: str) -> bool:
    """Hidden files and folders (``.DS_Store``, ``.git``, editor locks) are no records, for Pelican neither."""
    return name.startswith(".")


def bad_name(name: str) -> bool:
    """A file name with invisible, control or undecodable characters: no record, whatever its suffix."""
    return bool(REFUSED.search(name)) or "\n" in name or "\r" in name


def _nested_files(folder: Path) -> list[Path]:
    """Every file below a subfolder (hidden ones left out); a linked folder is one entry, not followed."""
    if folder.is_symlink():
        return [folder]
    found = []
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        found += [here / d for d in dirs if not ignored(d) and (here / d).is_symlink()]
        dirs[:] = sorted(d for d in dirs if not ignored(d) and not (here / d).is_symlink())
        found += [here / f for f in sorted(files) if not ignored(f)]
    return found


def _file_problem(path: Path, suffixes: set[str], is_file: bool) -> str | None:
    """Why a file in a record folder is not read as a record, or None when it is one (*is_file*: a regular file, links followed)."""
    if bad_name(path.name):
        return "Dateiname enthält unsichtbare oder ungültige Zeichen – Datei umbenennen (nur a–z, 0–9 und Bindestriche)"
    wanted = " oder ".join(sorted(suffixes))
    if path.name.endswith("~") or path.suffix.lower() in _BACKUP_SUFFIXES:
        return f"Sicherungskopie eines Editors – löschen oder außerhalb des Ordners ablegen (Datensätze hier enden auf {wanted})"
    if path.suffix not in suffixes:
        right = _OTHER_SPELLINGS.get(path.suffix.lower(), path.suffix.lower())
        rename = f" – in '{path.stem}{right}' umbenennen" if right in suffixes else ""
        return f"unerwartete Datei – Datensätze hier enden auf {wanted}{rename}"
    if not is_file and (path.exists() or not path.is_symlink()):
        return "keine gewöhnliche Datei (z. B. eine Pipe) – löschen"
    return None


def folder_files(folder: Path, suffixes: set[str], paths: ContentPaths) -> tuple[list[Path] | None, list[Problem]]:
    """The record files of one folder; a problem for everything else in it except hidden files.

    Subfolders are refused, not read: an id is the file's stem and every URL is flat, so
    ``stories/2023/fest.md`` and ``stories/fest.md`` would be the same story. No list
    (None) when the folder is there but cannot be listed: then nobody knows its ids.
    """
    files, problems = [], []
    if not folder.exists() and not folder.is_symlink():
        return files, problems
    try:
        # One listing with the entries' types: no stat of each of 10,000 files.
        with os.scandir(folder) as listing:
            entries = sorted(((e.name, e.is_dir(), e.is_file()) for e in listing), key=lambda e: e[0])
    except NotADirectoryError:
        return None, [Problem(paths.display(folder), 1, 1, "", "ist kein Ordner – hier muss ein Ordner stehen")]
    except OSError as error:
        return None, [Problem(paths.display(folder), 1, 1, "", f"Ordner kann nicht gelesen werden: {os_reason(error)}")]
    for name, is_dir, is_file in entries:
        if ignored(name):
            continue
        path = folder / name
        if is_dir:
            problems += [
                Problem(
                    paths.display(nested),
                    1,
                    1,
                    "",
                    f"liegt in einem Unterordner – Unterordner werden nicht gelesen; Datei direkt in "
                    f"{paths.display(folder)}/ ablegen (die Kennung ist der Dateiname)",
                )
                for nested in _nested_files(path)
            ]
            continue
        message = _file_problem(path, suffixes, is_file)
        if message:
            problems.append(Problem(paths.display(path), 1, 1, "", message))
        else:
            files.append(path)
    return files, problems
