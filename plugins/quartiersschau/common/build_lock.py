"""One build at a time per output folder and per cache folder.

Two builds of one checkout (the devserver and ``make html``, two CI jobs in one
workspace) would otherwise write into the same caches and swap the same output. Each
build takes an exclusive ``flock`` on a lock file for every folder it writes; the
kernel releases it when the process ends, also after ``kill -9``, so a crashed build
never leaves a stale lock. The lock file holds the owner's PID for the message.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from .refusal import refuse

_POLL_SECONDS = 0.2
# Lock files held by this process: path → file descriptor (kept open until exit).
_held: dict[str, int] = {}


def _owner(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 32).decode("ascii", "replace").strip()
    except OSError:
        text = ""
    return text if text.isdigit() else "unbekannt"


def _open(lock_file: Path, label: str) -> int:
    try:
        lock_file.parent.mkdir(parents=True, exist_ok=True)
        return os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        refuse(f"{label}: Sperrdatei {lock_file} kann nicht angelegt werden ({error.strerror}) – Schreibrechte prüfen")


def acquire(lock_files: dict[Path, str], wait_seconds: float = 0) -> None:
    """Lock every file of *lock_files* (path → what it guards, for messages), or stop the build.

    Waits up to *wait_seconds* for another build to finish, then refuses with the
    other build's PID. Locks are taken in a fixed order, so two builds never wait for
    each other in a circle.
    """
    wanted = {Path(os.path.abspath(path)): label for path, label in lock_files.items()}
    for lock_file, label in sorted(wanted.items()):
        if str(lock_file) in _held:
            continue
        fd = _open(lock_file, label)
        deadline = time.monotonic() + wait_seconds
        announced = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                owner = _owner(fd)
                if time.monotonic() >= deadline:
                    os.close(fd)
                    refuse(f"{label}: Ein anderer Build läuft gerade (PID {owner}) – warten oder beenden")
                if not announced:
                    print(f"{label}: Ein anderer Build läuft gerade (PID {owner}) – warte …", flush=True)
                    announced = True
                time.sleep(_POLL_SECONDS)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        _held[str(lock_file)] = fd


def release_all() -> None:
    """Give up every lock of this process (for in-process builds that run one after another)."""
    for fd in _held.values():
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    _held.clear()
