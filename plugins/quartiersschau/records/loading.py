"""Read YAML records safely, keeping the line and column of every value.

Records are written by hand, so we refuse what hides mistakes: duplicate keys (YAML
silently keeps the last), anchors and aliases (a change in one place alters another),
and any explicit tag such as ``!!python/object`` (code execution in unsafe loaders).
Dates stay text so that the schema, not PyYAML, decides what a valid date is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem, field_name

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}


class RecordLoader(_BaseLoader):
    """The safe loader (C where available), with dates left as text."""


RecordLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _CORE + "timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}

# Common PyYAML syntax messages, said in German with what to do.
_SYNTAX_HINTS = [
    ("found character '\\t'", "Tabulator gefunden – in YAML nur Leerzeichen zum Einrücken verwenden"),
    (
        "mapping values are not allowed",
        "Doppelpunkt an unerwarteter Stelle – Text mit ':' in Anführungszeichen setzen oder die Einrückung prüfen",
    ),
    ("could not find expected ':'", "Doppelpunkt nach dem Feldnamen fehlt"),
    ("did not find expected key", "Einrückung prüfen: ein Feld steht nicht auf der erwarteten Ebene"),
    ("did not find expected '-' indicator", "Einrückung der Liste prüfen"),
    ("found unexpected end of stream", "Anführungszeichen oder Klammer nicht geschlossen"),
    ("while scanning a quoted scalar", "Anführungszeichen nicht geschlossen"),
    ("found undefined alias", "Verweise (*name) sind nicht erlaubt"),
    ("expected a single document", "nur ein YAML-Dokument pro Datei (kein zweites '---')"),
]


@dataclass(frozen=True)
class LoadedDocument:
    """A parsed YAML document and where each of its values stands in the file."""

    source: str
    data: Any
    positions: dict = field(repr=False)
    key_positions: dict = field(repr=False)
    raw: dict = field(repr=False)

    def locate(self, path: tuple, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at *path*, or of the nearest enclosing value."""
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))

    def problem(self, path: tuple, message: str, *, key: bool = False) -> Problem:
        line, column = self.locate(path, key=key)
        return Problem(self.source, line, column, field_name(path), message)


def _syntax_message(error: yaml.MarkedYAMLError, source_text: str) -> str:
    text = f"{error.context or ''} {error.problem or ''}"
    mark = error.problem_mark
    if mark is not None and 0 <= mark.index < len(source_text) and source_text[mark.index] == "\t":
        text += " found character '\\t'"
    for needle, german in _SYNTAX_HINTS:
        if needle in text:
            return f"YAML-Syntaxfehler: {german}"
    return f"YAML-Syntaxfehler: {(error.problem or error.context or 'unbekannt').strip()}"


class _Walker:
    """Collects positions and refusals from a composed node tree."""

    def __init__(self, source: str, line_offset: int):
        self.source = source
        self.offset = line_offset
        self.positions: dict = {}
        self.key_positions: dict = {}
        self.raw: dict = {}
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def _pos(self, mark) -> tuple[int, int]:
        return (mark.line + 1 + self.offset, mark.column + 1)

    def _refuse(self, mark, path: tuple, message: str) -> None:
        line, column = self._pos(mark)
        self.problems.append(Problem(self.source, line, column, field_name(path), message))

    def walk(self, node, path: tuple = ()) -> None:
        if id(node) in self._seen:
            return  # an alias: reported by _anchor_problems; this guard only stops recursive ones
        self._seen.add(id(node))
        self.positions[path] = self._pos(node.start_mark)
        if node.tag not in ALLOWED_TAGS:
            tag = node.tag.replace(_CORE, "!!")
            self._refuse(node.start_mark, path, f"Typangabe '{tag}' ist nicht erlaubt – Angabe entfernen")
            return
        if isinstance(node, yaml.MappingNode):
            self._walk_mapping(node, path)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self.walk(item, path + (index,))
        else:
            self.raw[path] = node.value

    def _walk_mapping(self, node, path: tuple) -> None:
        seen_keys: dict[str, tuple[int, int]] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _CORE + "merge":
                self._refuse(
                    key_node.start_mark, path, "Zusammenführen mit '<<' ist nicht erlaubt – Felder ausschreiben"
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _CORE + "str":
                self._refuse(
                    key_node.start_mark,
                    path,
                    f"Feldname '{getattr(key_node, 'value', '?')}' muss ein einfacher Text sein",
                )
                continue
            key = key_node.value
            if key in seen_keys:
                first_line = seen_keys[key][0]
                self._refuse(
                    key_node.start_mark,
                    path + (key,),
                    f"Feld doppelt (zuerst in Zeile {first_line}) – einen der beiden Einträge entfernen",
                )
                continue
            seen_keys[key] = self._pos(key_node.start_mark)
            self.key_positions[path + (key,)] = seen_keys[key]
            self.walk(value_node, path + (key,))


def _anchor_problems(text: str, source: str, line_offset: int) -> list[Problem]:
    """Find anchors (``&a``) and aliases (``*a``); only scanned when the text could hold one."""
    if "&" not in text and "*" not in text:
        return []
    problems = []
    try:
        for event in yaml.parse(text, Loader=RecordLoader):
            anchor = getattr(event, "anchor", None)
            if isinstance(event, yaml.AliasEvent) or anchor:
                mark = event.start_mark
                problems.append(
                    Problem(
                        source,
                        mark.line + 1 + line_offset,
                        mark.column + 1,
                        "",
                        "Anker und Verweise (&name, *name) sind nicht erlaubt – Wert ausschreiben",
                    )
                )
    except yaml.YAMLError:
        return []  # the composer reports the syntax error
    return problems


def load_yaml(text: str, source: str, line_offset: int = 0) -> tuple[LoadedDocument | None, list[Problem]]:
    """Parse one YAML document. Returns the document (or None) and every problem found."""
    problems = _anchor_problems(text, source, line_offset)
    loader = RecordLoader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line, column = (mark.line + 1 + line_offset, mark.column + 1) if mark else (1 + line_offset, 1)
            return None, problems + [Problem(source, line, column, "", _syntax_message(error, text))]
        if node is None:
            return None, problems + [Problem(source, 1 + line_offset, 1, "", "Datei ist leer")]
        walker = _Walker(source, line_offset)
        walker.walk(node)
        problems += walker.problems
        if problems:
            return None, problems
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    doc = LoadedDocument(source, data, walker.positions, walker.key_positions, walker.raw)
    return doc, []


def read_bytes(path: Path, source: str) -> tuple[bytes | None, list[Problem]]:
    try:
        return path.read_bytes(), []
    except OSError as error:
        return None, [Problem(source, 1, 1, "", f"Datei kann nicht gelesen werden: {error.strerror}")]


def decode_text(raw: bytes, source: str) -> tuple[str | None, list[Problem]]:
    """A file's bytes as UTF-8 text (a leading byte-order mark is dropped)."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        return None, [
            Problem(source, 1, 1, "", f"Datei ist nicht UTF-8-kodiert (Byte {error.start}) – als UTF-8 speichern")
        ]


def read_text(path: Path, source: str) -> tuple[str | None, list[Problem]]:
    """Read a file as UTF-8 text."""
    raw, problems = read_bytes(path, source)
    return (None, problems) if raw is None else decode_text(raw, source)


def load_file(path: Path, source: str) -> tuple[LoadedDocument | None, list[Problem]]:
    """Read and parse one YAML record file."""
    text, problems = read_text(path, source)
    if text is None:
        return None, problems
    return load_yaml(text, source)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$\n?", re.S | re.M)


@dataclass(frozen=True)
class FrontMatterDocument:
    """A Markdown file with YAML front matter: the header as a document, the body as text."""

    header: LoadedDocument
    body: str
    body_line: int


def load_front_matter(text: str, source: str) -> tuple[FrontMatterDocument | None, list[Problem]]:
    """Split ``---`` YAML front matter from a Markdown body and parse it with positions."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, [
            Problem(
                source, 1, 1, "", "Kopfbereich fehlt: die Datei muss mit '---', den Feldern und wieder '---' beginnen"
            )
        ]
    header_text = match.group(1)
    doc, problems = load_yaml(header_text, source, line_offset=1)
    if doc is None:
        return None, problems
    body_line = text.count("\n", 0, match.end()) + 1
    return FrontMatterDocument(doc, text[match.end() :], body_line), []
