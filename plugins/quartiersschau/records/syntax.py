"""PyYAML's errors, said in German with what to do, at their position in the file.

PyYAML (libyaml) reports syntax errors with a mark, reader errors (a character YAML does
not allow) with a byte offset, and a few errors with no position at all; each becomes one
:class:`Problem` with the best position there is – line 1, column 1 when none is known.
"""

from __future__ import annotations

import yaml
from yaml.reader import ReaderError

from .characters import REFUSED, describe, line_column
from .problems import Problem

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
    (
        "while scanning an a",
        "ein Wert beginnt mit '*' oder '&' – Text, der so beginnt, in Anführungszeichen setzen",
    ),
    ("expected a single document", "nur ein YAML-Dokument pro Datei (kein zweites '---')"),
    (
        "cannot start any token",
        "ein Wert beginnt mit einem Zeichen, das YAML nicht erlaubt (z. B. '@', '`' oder '%') – Wert in Anführungszeichen setzen",
    ),
    ("did not find expected node content", "Wert fehlt oder beginnt mit einem unerlaubten Zeichen"),
    (
        "unknown escape character",
        "unbekannte Escape-Folge mit '\\' in doppelten Anführungszeichen – einfache Anführungszeichen verwenden",
    ),
    ("expected ',' or ']'", "Liste in eckigen Klammern nicht geschlossen – ',' oder ']' fehlt"),
    ("expected ',' or '}'", "Gruppe in geschweiften Klammern nicht geschlossen – ',' oder '}' fehlt"),
    ("block sequence entries are not allowed", "Listeneintrag ('-') an unerwarteter Stelle – Einrückung prüfen"),
    ("tag handle", "Typangaben mit '!' sind nicht erlaubt – Wert in Anführungszeichen setzen"),
    ("invalid Unicode character escape", "ungültige Escape-Folge '\\u…' – das Zeichen selbst schreiben"),
    ("expected <document start>", "unerwarteter Text nach dem Ende der Daten – Einrückung und Klammern prüfen"),
]


_UNREADABLE = (
    "YAML-Syntaxfehler: Aufbau an dieser Stelle nicht lesbar – Einrückung, Doppelpunkte und Anführungszeichen prüfen"
)


def _syntax_message(error: yaml.MarkedYAMLError, source_text: str) -> str:
    text = f"{error.context or ''} {error.problem or ''}"
    mark = error.problem_mark
    if mark is not None and 0 <= mark.index < len(source_text) and source_text[mark.index] == "\t":
        text += " found character '\\t'"
    for needle, german in _SYNTAX_HINTS:
        if needle in text:
            return f"YAML-Syntaxfehler: {german}"
    return _UNREADABLE


def _reader_problem(error: ReaderError, text: str, source: str, line_offset: int, byte_offsets: bool) -> Problem:
    """A character YAML does not allow; libyaml counts its position in bytes of UTF-8."""
    index = error.position
    if byte_offsets:
        index = len(text.encode("utf-8", "surrogatepass")[: error.position].decode("utf-8", "ignore"))
    index = min(max(index, 0), max(len(text) - 1, 0))
    line, column = line_column(text, index)
    char = text[index] if text else "\x00"
    message = (
        describe(char)
        if REFUSED.match(char)
        else f"Zeichen U+{ord(char):04X} ist in YAML nicht erlaubt – bitte löschen"
    )
    return Problem(source, line + line_offset, column, "", message)


def syntax_problem(
    error: BaseException, text: str, source: str, line_offset: int = 0, *, byte_offsets: bool = True
) -> Problem:
    """The problem for any error PyYAML raised while reading *text* (a RecursionError too)."""
    if isinstance(error, ReaderError):
        return _reader_problem(error, text, source, line_offset, byte_offsets)
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return Problem(source, line + line_offset, column, "", _syntax_message(error, text))
    return Problem(source, 1 + line_offset, 1, "", _UNREADABLE)
