"""Read YAML records safely, keeping the line and column of every value.

Records are written by hand, so we refuse what hides mistakes: duplicate keys (YAML
silently keeps the last), anchors and aliases (a change in one place alters another),
and any explicit tag such as ``!!python/object`` (code execution in unsafe loaders).
Dates stay text so that the schema, not PyYAML, decides what a valid date is. Nesting
deeper than :data:`MAX_DEPTH` is refused before a tree is built (PyYAML builds it by
recursion), and so are values no output can carry: refused characters written as escapes
(``"\\u202e"``), numbers that are not finite (``.nan``) or too long to be one. Every
error, also one without a position from PyYAML, becomes a :class:`Problem`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .characters import REFUSED, describe, shown
from .problems import Problem, field_name
from .resolvers import implicit_resolvers
from .syntax import syntax_problem
from .text import markdown_problems, read_text

# Records nest a few levels (programme → legal → accessibility → limitations → entry).
MAX_DEPTH = 20
# Longer digit strings are no counts, years or amounts (Python refuses ints past 4300 digits).
_MAX_INT_LENGTH = 30

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_C_LOADER = _BaseLoader is not yaml.SafeLoader

_CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}


class RecordLoader(_BaseLoader):
    """The safe loader (C where available), with dates left as text and YAML 1.2's numbers and booleans.

    The web editor (Decap CMS) writes YAML 1.2 and leaves ``17:00`` and ``yes`` unquoted:
    for YAML 1.1, PyYAML's default, those are the number 1020 (base 60) and true. Here they
    stay text, as in YAML 1.2; only ``true``/``false`` are booleans (``resolvers``).
    """


RecordLoader.yaml_implicit_resolvers = implicit_resolvers(_BaseLoader.yaml_implicit_resolvers)


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


def _finite(value: str) -> bool:
    """Whether a YAML float is a finite number (``.nan``, ``.inf`` and ``1e999`` are not)."""
    text = value.replace("_", "").lower()
    if ":" in text:
        return True  # YAML 1.1 sexagesimal (1:30.5): finite by construction
    try:
        return math.isfinite(float(text.replace(".inf", "inf").replace(".nan", "nan")))
    except ValueError:
        return True


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
            self._check_scalar(node, path)

    def _check_scalar(self, node, path: tuple) -> None:
        """Values that parse but that no page, feed or file can carry."""
        refused = REFUSED.search(node.value)
        if refused:
            self._refuse(node.start_mark, path, describe(refused.group()))
        elif node.tag == _CORE + "float" and not _finite(node.value):
            self._refuse(
                node.start_mark,
                path,
                f"'{shown(node.value)}' ist keine endliche Zahl – Zahl angeben oder Text in Anführungszeichen setzen",
            )
        elif node.tag == _CORE + "int" and len(node.value) > _MAX_INT_LENGTH:
            self._refuse(
                node.start_mark,
                path,
                f"Zahl mit {len(node.value)} Stellen ist zu lang – ist es ein Text, in Anführungszeichen setzen",
            )

    def _walk_mapping(self, node, path: tuple) -> None:
        seen_keys: dict[str, tuple[int, int]] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _CORE + "merge":
                self._refuse(
                    key_node.start_mark, path, "Zusammenführen mit '<<' ist nicht erlaubt – Felder ausschreiben"
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                what = "eine Liste" if isinstance(key_node, yaml.SequenceNode) else "eine Gruppe von Feldern"
                self._refuse(key_node.start_mark, path, f"Feldname muss ein einfacher Text sein, gefunden wurde {what}")
                continue
            if key_node.tag != _CORE + "str":
                self._refuse(
                    key_node.start_mark, path, f"Feldname '{shown(key_node.value)}' muss ein einfacher Text sein"
                )
                continue
            key = key_node.value
            refused = REFUSED.search(key)
            if refused:
                self._refuse(key_node.start_mark, path, f"im Feldnamen: {describe(refused.group())}")
                continue
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


def _event_problems(text: str, source: str, line_offset: int) -> tuple[list[Problem], bool]:
    """Anchors, aliases and too deep nesting, from one pass over the parser's events.

    The second value is True when the nesting is too deep: then no tree may be built.
    The pass stops there, so even a million opening brackets cost next to nothing.
    """
    problems: list[Problem] = []
    depth = 0
    events = yaml.parse(text, Loader=RecordLoader)
    try:
        for event in events:
            mark = event.start_mark
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    message = f"zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen) – Einrückung und Klammern prüfen"
                    problems.append(Problem(source, mark.line + 1 + line_offset, mark.column + 1, "", message))
                    return problems, True
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
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
        pass  # the composer reports the syntax error
    finally:
        events.close()
    return problems, False


def load_yaml(
    text: str, source: str, line_offset: int = 0, *, empty: str = "Datei ist leer"
) -> tuple[LoadedDocument | None, list[Problem]]:
    """Parse one YAML document. Returns the document (or None) and every problem found.

    *empty* is the message for a document without any value (only comments, or nothing).
    """
    problems, too_deep = _event_problems(text, source, line_offset)
    if too_deep:
        return None, problems
    loader = RecordLoader(text)
    try:
        try:
            node = loader.get_single_node()
        except (yaml.YAMLError, RecursionError) as error:
            return None, problems + [syntax_problem(error, text, source, line_offset, byte_offsets=_C_LOADER)]
        if node is None:
            return None, problems + [Problem(source, 1 + line_offset, 1, "", empty)]
        walker = _Walker(source, line_offset)
        walker.walk(node)
        problems += walker.problems
        if problems:
            return None, problems
        try:
            data = loader.construct_document(node)
        except (yaml.YAMLError, ValueError, OverflowError, RecursionError):
            line, column = walker.positions.get((), (1 + line_offset, 1))
            message = "Werte der Datei können nicht gelesen werden – Zahlen und Texte prüfen"
            return None, [Problem(source, line, column, "", message)]
    finally:
        loader.dispose()
    doc = LoadedDocument(source, data, walker.positions, walker.key_positions, walker.raw)
    return doc, []


def load_file(path: Path, source: str) -> tuple[LoadedDocument | None, list[Problem]]:
    """Read and parse one YAML record file."""
    text, problems = read_text(path, source)
    if text is None:
        return None, problems
    return load_yaml(text, source)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$\n?", re.S | re.M)
_OPENING = re.compile(r"---[ \t]*\r?\n")


@dataclass(frozen=True)
class FrontMatterDocument:
    """A Markdown file with YAML front matter: the header as a document, the body as text."""

    header: LoadedDocument
    body: str
    body_line: int


def load_front_matter(text: str, source: str) -> tuple[FrontMatterDocument | None, list[Problem]]:
    """Split ``---`` YAML front matter from a Markdown body and parse it with positions.

    With a document, the problems are those of the body (nested too deep); without one,
    those of the header.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        message = "Kopfbereich fehlt: die Datei muss mit '---', den Feldern und wieder '---' beginnen"
        if _OPENING.match(text):
            message += " – nach den Feldern fehlt die Zeile mit '---'"
        elif text.lstrip().startswith("---"):
            message += " – vor dem ersten '---' darf nichts stehen, auch keine Leerzeile"
        return None, [Problem(source, 1, 1, "", message)]
    header_text = match.group(1)
    empty = "Kopfbereich ist leer – zwischen die beiden '---' gehören die Felder (title, date …)"
    doc, problems = load_yaml(header_text, source, line_offset=1, empty=empty)
    if doc is None:
        return None, problems
    body_line = text.count("\n", 0, match.end()) + 1
    body = text[match.end() :]
    return FrontMatterDocument(doc, body, body_line), markdown_problems(body, source, body_line)
