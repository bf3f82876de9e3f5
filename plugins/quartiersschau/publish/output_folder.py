"""The output folder: what it may be, where a build stages, and how the new site replaces the old.

``output/`` belongs to the build: each successful build replaces it as a whole. What
the path may be:

- missing: it is created by the first successful build;
- a folder: it is replaced (staging folder renamed into its place);
- a symbolic link to a folder, or to a path not yet there (common on servers, e.g.
  ``output -> /srv/www/quartier``): the build publishes into the link's target and the
  link stays as it is;
- anything else (a file, a link to a file, a device), or a folder that holds or lies
  inside the sources (content, data, theme, caches, the working folder): refused with
  one line; the build never moves or deletes what it did not create.

Staging and swapped-out folders have unique names beside the target
(``output.tmp-build-…``, ``output.old-…``), so two builds can never share one; a
build's leftovers (after ``kill -9``) are removed by the next build, and only names
of exactly that form are.

The folder a swap replaced is kept as the spare (``output.spare-…``, named by the
settings that shape the output's paths). The next build empties it of its files and
stages in it: its folders stay, so a build does not create (and later remove) one
folder per page again, which on a slow disk costs more than writing the pages. A
refused build gives its staging folder back as the spare (``staging.abandon_run``).
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import stat
import tempfile
from pathlib import Path

from ..common.refusal import refuse

STAGING_MARK = ".tmp-build-"
OLD_MARK = ".old-"
SPARE_MARK = ".spare-"
# In a spare that was emptied right after its swap (``empty_spare``): the next build need not look.
EMPTIED = ".qs-geleert"


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


# What a folder is, in the forms the messages need: (is …, holds …, lies in …).
_NOUNS = {
    "content": ("der Inhaltsordner", "den Inhaltsordner", "im Inhaltsordner"),
    "data": ("der Datenordner", "den Datenordner", "im Datenordner"),
    "theme": ("das Theme", "das Theme", "im Theme"),
    "cache": ("der Cache-Ordner", "den Cache-Ordner", "im Cache-Ordner"),
    "work": ("der Arbeitsordner", "den Arbeitsordner", None),  # output/ inside it is the normal case
}


def protected_folders(settings: dict) -> dict[str, str]:
    """Folders the output must not be, hold, or (but for the working folder) lie in: real path → kind."""
    folders = [
        (settings.get("PATH"), "content"),
        (settings.get("QS_DATA_PATH"), "data"),
        (settings.get("THEME"), "theme"),
        (settings.get("CACHE_PATH"), "cache"),
        (settings.get("QS_CACHE_PATH"), "cache"),
        (os.getcwd(), "work"),
    ]
    return {os.path.realpath(path): kind for path, kind in folders if path}


def _clash(target: Path, protected: dict[str, str]) -> str | None:
    folders = [(Path(path), _NOUNS[kind]) for path, kind in protected.items()]
    for folder, (is_, _, _) in folders:
        if target == folder:
            return f"ist {is_}"
    for folder, (_, holds, lies_in) in folders:
        if target in folder.parents:
            return f"enthält {holds} ({folder})"
        if lies_in and folder in target.parents:
            return f"liegt {lies_in} ({folder})"
    return None


def resolve_target(output_path: str, protected: dict[str, str] | None = None) -> Path:
    """The folder a build publishes into, or a refusal explaining why the path cannot be one.

    *protected* (see ``protected_folders``) are folders a swap must never move away.
    """
    given = Path(os.path.abspath(output_path))
    target = Path(os.path.realpath(given))
    via = f" (Verweis auf {target})" if target != given else ""
    clash = _clash(target, protected or {})
    if clash:
        refuse(
            f"{_shown(given)}: als Ausgabeordner ungeeignet, er {clash}{via} – der Build ersetzt den "
            "Ausgabeordner ganz; einen eigenen Ordner wählen (pelican -o …)"
        )
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        refuse(f"{_shown(given)}: Ausgabeordner nicht erreichbar{via} ({error.strerror}) – Pfad prüfen")
    if mode is not None and not stat.S_ISDIR(mode):
        kind = "eine Datei" if stat.S_ISREG(mode) else "kein Ordner"
        refuse(
            f"{_shown(given)}: ist {kind}{via}, kein Ausgabeordner – umbenennen oder einen anderen "
            "Ausgabeordner wählen (pelican -o …); der Build verändert die Datei nicht"
        )
    if not target.parent.is_dir():
        refuse(f"{_shown(given)}: der übergeordnete Ordner {target.parent} fehlt{via} – anlegen oder Pfad prüfen")
    if not os.access(target.parent, os.W_OK | os.X_OK):
        refuse(
            f"{_shown(given)}: im Ordner {target.parent} darf nicht geschrieben werden{via} – "
            "dort entstehen der neue Stand und der Austausch; Schreibrechte geben"
        )
    if mode is not None and not os.access(target, os.W_OK | os.X_OK):
        refuse(f"{_shown(given)}: Ausgabeordner ist schreibgeschützt{via} – Schreibrechte geben (chmod u+w)")
    return target


def _leftover_pattern(target: Path) -> re.Pattern:
    name = re.escape(target.name)
    # tempfile's names: 8 characters from [a-z0-9_]; tokens from secrets.token_hex(4).
    return re.compile(rf"^{name}(?:\.tmp-build|\.tmp-build-[a-z0-9_]{{8}}|\.(?:old|spare)-[0-9a-f]{{8}})$")


def remove_leftovers(target: Path, keep: Path | None = None) -> None:
    """Remove staging, swapped-out and spare folders that earlier builds of *target* left behind (but *keep*)."""
    pattern = _leftover_pattern(target)
    for entry in target.parent.iterdir():
        if entry == keep:
            continue
        if pattern.match(entry.name) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)


def spare_folder(target: Path, settings_key: str) -> Path:
    """Where the folder a swap replaced is kept for the next build with the same *settings_key*."""
    return target.parent / f"{target.name}{SPARE_MARK}{settings_key[:8]}"


def _empty(folder: Path, model: Path) -> None:
    """Remove every file below *folder*, and every folder that is no folder in *model*; keep the others."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                mirror = model / entry.name
                if mirror.is_dir() and not mirror.is_symlink():
                    _empty(Path(entry.path), mirror)
                else:
                    shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)


def reuse_spare(spare: Path, target: Path) -> Path | None:
    """*spare* as a new staging folder: no files, the folders *target* has. None without a spare.

    Its files are only names: those of unchanged pages are links to the published files,
    and removing a name leaves the published file as it is.
    """
    if not spare.is_dir() or spare.is_symlink():
        return None
    staging = target.parent / f"{target.name}{STAGING_MARK}{secrets.token_hex(4)}"
    os.rename(spare, staging)
    emptied = staging / EMPTIED
    if emptied.is_file():
        emptied.unlink()  # no file in it since the swap, and only the folders the output had then
    else:
        _empty(staging, target)
    return staging


def empty_spare(spare: Path | None, target: Path) -> None:
    """Empty the *spare* right after a swap, so that the next build need not: the devserver's
    quick build, which an editor waits for, follows a build nobody waits for. Best effort:
    what is left, the next build removes (``reuse_spare``)."""
    if spare is None or not spare.is_dir() or spare.is_symlink():
        return
    try:
        _empty(spare, target)
        (spare / EMPTIED).touch()
    except OSError:
        pass


def remove_empty_folders(folder: Path) -> bool:
    """Remove the folders below *folder* that hold nothing (a reused spare's folders the build did not fill).

    Returns whether *folder* is empty now. One listing per folder.
    """
    empty = True
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False) and remove_empty_folders(Path(entry.path)):
                os.rmdir(entry.path)
            else:
                empty = False
    return empty


def new_staging(target: Path) -> Path:
    """An empty folder of a unique name beside *target*, readable like an ordinary folder."""
    staging = Path(tempfile.mkdtemp(prefix=target.name + STAGING_MARK, dir=target.parent))
    umask = os.umask(0o022)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)
    return staging


def swap_in(staging: Path, target: Path, spare: Path | None = None) -> None:
    """Make *staging* the new *target*: two renames; the old folder becomes the *spare*, or is removed.

    If the second rename fails, the old folder is put back, so *target* is never left
    missing or half-replaced.
    """
    old = None
    if target.is_dir():
        old = target.parent / f"{target.name}{OLD_MARK}{secrets.token_hex(4)}"
        os.rename(target, old)
    try:
        os.rename(staging, target)
    except OSError:
        if old is not None:
            os.rename(old, target)
        raise
    if old is not None:
        set_aside(old, spare)


def set_aside(folder: Path, spare: Path | None) -> None:
    """Keep *folder* as the *spare* for the next build, or remove it (no spare, or one is there already)."""
    if spare is not None and not spare.exists():
        try:
            os.rename(folder, spare)
            return
        except OSError:
            pass
    shutil.rmtree(folder, ignore_errors=True)
