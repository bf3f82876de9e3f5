"""Find and read every record of a content tree, checking each against its schema.

This is the *load* step of the flow: it knows where each kind of record lives and
turns files into :class:`Record` objects. It never links records to each other; that
is the job of ``crossrefs`` (checks) and ``catalogue`` (the object graph).
"""

from __future__ import annotations

import functools
import hashlib
import pickle
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..common.cache import KeyValueCache, content_key
from .folders import folder_files
from .loading import LoadedDocument, load_front_matter, load_yaml
from .paths import ContentPaths
from .problems import Problem
from .text import decode_text, read_bytes
from .validation import schema_for, schema_problems


@dataclass(frozen=True)
class Record:
    """One record file: its kind, id (the file stem), parsed data and positions."""

    kind: str
    id: str
    source: str
    doc: LoadedDocument
    digest: str
    body: str | None = None
    # The line of the file where the Markdown body begins (1 for YAML records).
    body_line: int = 1
    # Whether the schema accepted every value: later rules then need not check again (records.accepted).
    schema_clean: bool = False

    @property
    def data(self):
        return self.doc.data

    def problem(self, path: tuple, message: str, *, key: bool = False) -> Problem:
        return self.doc.problem(path, message, key=key)


class _EveryId(frozenset):
    """The ids of a folder that could not be listed: any id may be in it, so none is unknown."""

    def __contains__(self, item: object) -> bool:
        return True


@dataclass
class RecordSet:
    """All records of a site, as read from disk (not yet linked)."""

    programme: Record | None = None
    themes: Record | None = None
    regions: Record | None = None
    sites: list[Record] = field(default_factory=list)
    projects: list[Record] = field(default_factory=list)
    stories: list[Record] = field(default_factory=list)
    pages: list[Record] = field(default_factory=list)
    events: list[Record] = field(default_factory=list)
    calls: list[Record] = field(default_factory=list)
    # Ids of files that could not be parsed, by kind: references to them are not
    # reported as unknown, because the file's own problem is already reported.
    unreadable: dict[str, set[str]] = field(default_factory=dict)
    # Kinds whose folder is there but could not be listed (a file, no permission).
    unlisted: set[str] = field(default_factory=set)

    def ids(self, kind: str) -> set[str]:
        """Ids of one folder kind ("site", "project", "story", "page"), readable or not.

        For a folder that could not be listed, a set that contains every id.
        """
        if kind in self.unlisted:
            return _EveryId()
        records = self.folder(kind)
        return {r.id for r in records} | self.unreadable.get(kind, set())

    def folder(self, kind: str) -> list[Record]:
        """The records of one folder kind, in the order they were read."""
        return {
            "site": self.sites,
            "project": self.projects,
            "story": self.stories,
            "page": self.pages,
            "event": self.events,
            "call": self.calls,
        }[kind]

    def all(self) -> list[Record]:
        singles = [r for r in (self.programme, self.themes, self.regions) if r is not None]
        return singles + self.sites + self.projects + self.stories + self.pages + self.events + self.calls

    def digest(self) -> str:
        """One hash over every input file: equal digests mean equal content."""
        h = hashlib.sha256()
        for record in self.all():
            h.update(f"{record.source}\0{record.digest}\0".encode())
        return h.hexdigest()


# Where each record kind keeps its images: one image per field, or a list of them.
_SINGLE_IMAGE = {"site": "image", "story": "cover"}
_IMAGE_LISTS = {"project": "images"}


def record_images(record: Record) -> Iterator[tuple[tuple, object]]:
    """Each image entry of a record with its path in the record, e.g. (("images", 0), {...})."""
    data = record.data
    if record.kind in _SINGLE_IMAGE and _SINGLE_IMAGE[record.kind] in data:
        name = _SINGLE_IMAGE[record.kind]
        yield (name,), data[name]
    if record.kind in _IMAGE_LISTS and isinstance(data.get(_IMAGE_LISTS[record.kind]), list):
        name = _IMAGE_LISTS[record.kind]
        for index, image in enumerate(data[name]):
            yield (name, index), image


_YAML_SUFFIXES = {".yaml"}
_MARKDOWN_SUFFIXES = {".md"}
_SHAPES = {"object": dict, "array": list}
# Where other records look up ids: a broken list cannot say which ids exist, so a file
# with one is not used at all (its own problems are reported; references are not checked).
_ID_LISTS = {"themes": (), "regions": (), "programme": ("phases",)}


def _usable(data, kind: str) -> bool:
    """Whether *data* has the shape of its kind at the top, and a sound id list where others look ids up."""
    shape = _SHAPES.get(schema_for(kind).get("type"))
    if shape is not None and not isinstance(data, shape):
        return False
    if kind not in _ID_LISTS:
        return True
    items = data
    for part in _ID_LISTS[kind]:
        items = items.get(part)
    return isinstance(items, list) and all(isinstance(i, dict) and isinstance(i.get("id"), str) for i in items)


def _read_yaml_record(path: Path, raw: bytes, kind: str, paths: ContentPaths) -> tuple[Record | None, list[Problem]]:
    source = paths.display(path)
    text, problems = decode_text(raw, source)
    if text is None:
        return None, problems
    doc, problems = load_yaml(text, source)
    if doc is None:
        return None, problems
    problems = schema_problems(doc, kind)
    if not _usable(doc.data, kind):
        return None, problems
    record = Record(kind, path.stem, source, doc, hashlib.sha256(raw).hexdigest(), schema_clean=not problems)
    return record, problems


def _read_markdown_record(
    path: Path, raw: bytes, kind: str, paths: ContentPaths
) -> tuple[Record | None, list[Problem]]:
    source = paths.display(path)
    text, problems = decode_text(raw, source)
    if text is None:
        return None, problems
    parsed, problems = load_front_matter(text, source)
    if parsed is None:
        return None, problems
    schema = schema_problems(parsed.header, kind)
    problems += schema
    if not _usable(parsed.header.data, kind):
        return None, problems
    if not parsed.body.strip():
        problems.append(Problem(source, parsed.body_line, 1, "", "Text fehlt: unter dem Kopfbereich steht nichts"))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    record = Record(kind, path.stem, source, parsed.header, digest, parsed.body, parsed.body_line, not schema)
    return record, problems


@functools.cache
def code_version() -> str:
    """Parsing and checking depend on this code and the schemas: a change invalidates cached results."""
    here = Path(__file__).parent
    # Every module of the stage, not a list to keep up to date: a forgotten one would keep old messages.
    files = sorted(here.glob("*.py")) + sorted((here / "schemas").glob("*.json"))
    return content_key(*(f.read_bytes() for f in files))


# Cached results unpickled before this build began, by cache key (``know_cached``).
_KNOWN: dict[str, tuple] = {}


def know_cached(cache: KeyValueCache | None) -> int:
    """Know the entries of the records *cache* unpickled (None: forget them); returns how many.

    For the devserver's build server, between builds: each build is forked from it and then
    finds these without a query or an unpickling. A key names the file's bytes and this code,
    so a known result is the result, however old: only entries new since the last call are
    unpickled, and those the cache dropped are forgotten.
    """
    if cache is None:
        _KNOWN.clear()
        return 0
    try:
        keys = cache.keys()
        for gone in _KNOWN.keys() - keys:
            del _KNOWN[gone]
        fresh = cache.get_many([key for key in keys if key not in _KNOWN])
        _KNOWN.update((key, pickle.loads(value)) for key, value in fresh.items())
    except Exception:  # a damaged cache: the build starts it anew; nothing is known
        _KNOWN.clear()
        raise
    return len(_KNOWN)


def _read_all(jobs: list[tuple[str, Path, object]], paths: ContentPaths, cache: KeyValueCache | None) -> list[tuple]:
    """Read and check each (kind, path, reader) job; results are cached by the file's bytes.

    Each file is read once: its bytes make the cache key and, on a miss, are parsed.
    """
    read = [read_bytes(path, paths.display(path)) for _, path, _ in jobs]
    keys = [
        content_key(code_version(), kind, paths.display(path), raw) if cache is not None and raw is not None else None
        for (kind, path, _), (raw, _) in zip(jobs, read, strict=True)
    ]
    hits = cache.get_many([k for k in keys if k and k not in _KNOWN]) if cache is not None else {}
    results, fresh = [], {}
    for key, (kind, path, reader), (raw, problems) in zip(keys, jobs, read, strict=True):
        if raw is None:
            results.append((None, problems))
        elif key in _KNOWN:
            results.append(_KNOWN[key])
        elif key in hits:
            results.append(pickle.loads(hits[key]))
        else:
            result = reader(path, raw, kind, paths)
            if key:
                fresh[key] = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
            results.append(result)
    if cache is not None:
        cache.put_many(fresh)
        cache.keep_only({k for k in keys if k})
    return results


def read_records(paths: ContentPaths, cache: KeyValueCache | None = None) -> tuple[RecordSet, list[Problem]]:
    """Read every record and return all problems found on the way.

    A record that parses but breaks its schema is still returned, so that references
    to it are not reported as unknown as well; any problem stops the build anyway.
    With a *cache*, unchanged files (same bytes, same code) are not parsed again.
    """
    records = RecordSet()
    problems: list[Problem] = []
    jobs: list[tuple[str, Path, object]] = []
    for name in ("programme", "themes", "regions"):
        path = paths.data / f"{name}.yaml"
        if path.is_file():
            jobs.append((name, path, _read_yaml_record))
        elif path.exists():
            problems.append(
                Problem(paths.display(path), 1, 1, "", "ist keine Datei – hier muss eine YAML-Datei stehen")
            )
        else:
            problems.append(Problem(paths.display(path), 1, 1, "", "Datei fehlt – sie ist für jede Website nötig"))
    for folder, kind, suffixes, reader in (
        (paths.sites, "site", _YAML_SUFFIXES, _read_yaml_record),
        (paths.projects, "project", _YAML_SUFFIXES, _read_yaml_record),
        (paths.stories, "story", _MARKDOWN_SUFFIXES, _read_markdown_record),
        (paths.pages, "page", _MARKDOWN_SUFFIXES, _read_markdown_record),
        (paths.events, "event", _YAML_SUFFIXES, _read_yaml_record),
        (paths.calls, "call", _YAML_SUFFIXES, _read_yaml_record),
    ):
        files, found = folder_files(folder, suffixes, paths)
        problems += found
        if files is None:
            records.unlisted.add(kind)
        jobs += [(kind, path, reader) for path in files or []]
        records.unreadable[kind] = set()
    lists = {kind: records.folder(kind) for kind in ("site", "project", "story", "page", "event", "call")}
    for (kind, path, _), (record, found) in zip(jobs, _read_all(jobs, paths, cache), strict=True):
        problems += found
        if kind in lists:
            if record is not None:
                lists[kind].append(record)
            else:
                records.unreadable[kind].add(path.stem)
        else:
            setattr(records, kind, record)
    return records, problems
