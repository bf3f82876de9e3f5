"""A small persistent key-value store for work cached by content hash.

One SQLite file per kind of work (Markdown HTML, rendered pages, …) under the cache
folder, outside ``output/``. SQLite gives atomic writes and one file instead of
thousands; only the main process touches it, workers just compute.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path


def content_key(*parts: str | bytes) -> str:
    """A SHA-256 over the parts, each separated so that ("ab", "c") != ("a", "bc")."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


# Settings that change how a build runs, not what it writes (waiting for a lock, processes).
HOW_TO_RUN = frozenset({"QS_LOCK_WAIT", "QS_WORKERS", "QS_PARALLEL_MIN"})
# Settings of the steps after the pages are written (search index, compression): no page reads them.
AFTER_PAGES = frozenset({"QS_SEARCH", "QS_QUICK_PREVIEW", "QS_SEARCH_PART_PAGES", "QS_PRECOMPRESS"})
# Settings that neither a page nor the output's paths depend on (the page cache, the spare folder).
NOT_ON_PAGES = HOW_TO_RUN | AFTER_PAGES


def settings_key(settings: dict, leave_out: frozenset[str] = frozenset()) -> str:
    """A key over the settings (the upper-case names Pelican reads) that JSON can write; the rest is left out.

    *leave_out* names settings that cannot change what is keyed (how long to wait for a lock).
    """
    plain = {}
    for key, value in settings.items():
        if key.isupper() and key not in leave_out:
            try:
                plain[key] = json.dumps(value, sort_keys=True, default=None)
            except (TypeError, ValueError):
                continue
    return content_key(json.dumps(plain, sort_keys=True))


class KeyValueCache:
    """Text or bytes values by key, kept in ``<folder>/<name>.sqlite``."""

    def __init__(self, folder: Path, name: str):
        self.path = Path(folder) / f"{name}.sqlite"
        self._db: sqlite3.Connection | None = None

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=60)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
            db.execute("SELECT 1 FROM kv LIMIT 1").fetchall()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._db = self._open()
            except sqlite3.DatabaseError:
                # Not a database (damaged, or some other file under our name): it only
                # holds work that can be redone, so start it anew.
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{self.path}{suffix}").unlink(missing_ok=True)
                self._db = self._open()
        return self._db

    def get_many(self, keys: list[str]) -> dict[str, bytes]:
        db = self._connect()
        found: dict[str, bytes] = {}
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for key, value in db.execute(f"SELECT key, value FROM kv WHERE key IN ({marks})", chunk):
                found[key] = value
        return found

    def keys(self) -> set[str]:
        """The key of every entry (the last build's)."""
        return {key for (key,) in self._connect().execute("SELECT key FROM kv")}

    def put_many(self, items: dict[str, bytes]) -> None:
        if not items:
            return
        db = self._connect()
        with db:
            db.executemany("INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)", items.items())

    def keep_only(self, keys: set[str]) -> None:
        """Drop every entry not in *keys*, so the cache holds one build's worth."""
        db = self._connect()
        with db:
            db.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
            db.execute("DELETE FROM keep")
            db.executemany("INSERT OR IGNORE INTO keep (key) VALUES (?)", ((k,) for k in keys))
            db.execute("DELETE FROM kv WHERE key NOT IN (SELECT key FROM keep)")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
