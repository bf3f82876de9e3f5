"""A record file's bytes become checked text: readable, UTF-8, free of refused characters.

Every record file (YAML, and Markdown with front matter) passes through here before it is
parsed, so what YAML, Python-Markdown, Jinja and XML cannot take never reaches them, and
the editor hears where it is: ``path:line:column``. Markdown bodies are also checked for
nesting deeper than Python-Markdown can follow (it recurses once per list or quote level).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from .characters import describe, find_refused, line_column
from .problems import Problem

# Lists and quotes nested deeper than this are refused (Python-Markdown fails near 300).
MAX_MARKDOWN_DEPTH = 20

_UTF16_32 = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}
# The leading run of a Markdown line that nests: indentation, quote marks, list markers.
_MARKER = re.compile(r">|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])")
_NESTING = re.compile(rf"(?:[ \t]*(?:{_MARKER.pattern}))*[ \t]*")
_NESTING_CHARS = " \t>-*+.)0123456789"
_RULE = re.compile(r"[ ]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")


_OS_REASONS = {
    errno.ENOENT: "nicht gefunden (ein Verweis ins Leere?)",
    errno.EACCES: "keine Leserechte",
    errno.EPERM: "keine Leserechte",
    errno.ELOOP: "Verweise im Kreis",
    errno.EISDIR: "ist ein Ordner",
    errno.ENOTDIR: "ein Teil des Pfads ist kein Ordner",
    errno.EIO: "Lesefehler des Datenträgers",
}


def os_reason(error: OSError) -> str:
    """Why the system could not read a file or folder, in German."""
    return _OS_REASONS.get(error.errno, "Lesefehler des Systems")


def read_bytes(path: Path, source: str) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes, or why there are none: one open and one ``fstat``, not a ``stat`` before.

    Opened without blocking, so a pipe in a record folder is reported instead of waiting for
    a writer.
    """
    not_a_file = [Problem(source, 1, 1, "", "keine gewöhnliche Datei (z. B. ein Ordner oder eine Pipe) – löschen")]
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except IsADirectoryError:
        return None, not_a_file
    except OSError as error:
        return None, [Problem(source, 1, 1, "", f"Datei kann nicht gelesen werden: {os_reason(error)}")]
    try:
        with open(fd, "rb") as file:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None, not_a_file
            return file.read(), []
    except OSError as error:
        return None, [Problem(source, 1, 1, "", f"Datei kann nicht gelesen werden: {os_reason(error)}")]


def _encoding_problem(raw: bytes, error: UnicodeDecodeError, source: str) -> Problem:
    for bom, name in _UTF16_32.items():
        if raw.startswith(bom):
            return Problem(source, 1, 1, "", f"Datei ist als {name} gespeichert – im Editor als UTF-8 speichern")
    line_start = raw.rfind(b"\n", 0, error.start) + 1
    line = raw.count(b"\n", 0, error.start) + 1
    column = len(raw[line_start : error.start].decode("utf-8", "replace")) + 1
    byte = raw[error.start]
    return Problem(
        source,
        line,
        column,
        "",
        f"Datei ist nicht UTF-8-kodiert (Byte 0x{byte:02X} an dieser Stelle) – im Editor als UTF-8 speichern",
    )


def character_problems(text: str, source: str, line_offset: int = 0) -> list[Problem]:
    """A problem for each refused character (the first ten, then how many more)."""
    found, total = find_refused(text)
    problems = []
    for index, char in found:
        line, column = line_column(text, index)
        problems.append(Problem(source, line + line_offset, column, "", describe(char)))
    if total > len(found):
        line, column = line_column(text, found[-1][0])
        more = total - len(found)
        problems.append(
            Problem(source, line + line_offset, column + 1, "", f"… und {more} weitere solche Zeichen in dieser Datei")
        )
    return problems


def decode_text(raw: bytes, source: str) -> tuple[str | None, list[Problem]]:
    """A file's bytes as UTF-8 text (a leading byte-order mark is dropped), or the problems why not."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, [_encoding_problem(raw, error, source)]
    if raw.count(0) * 4 >= len(raw) > 0:  # every second or fourth byte zero: UTF-16/32 without a byte-order mark
        return None, [
            Problem(source, 1, 1, "", "Datei ist als UTF-16 oder UTF-32 gespeichert – im Editor als UTF-8 speichern")
        ]
    problems = character_problems(text, source)
    return (None, problems) if problems else (text, [])


def read_text(path: Path, source: str) -> tuple[str | None, list[Problem]]:
    """Read a file as checked UTF-8 text."""
    raw, problems = read_bytes(path, source)
    return (None, problems) if raw is None else decode_text(raw, source)


def _depth(line: str) -> int:
    """How deep a Markdown line nests: quote marks and list markers, plus one per four columns of indentation."""
    if len(line) - len(line.lstrip(_NESTING_CHARS)) <= MAX_MARKDOWN_DEPTH:
        return 0  # every level takes at least one of these characters: the common case, checked cheaply
    if _RULE.match(line):
        return 0  # a horizontal rule such as '* * * *'
    prefix = _NESTING.match(line).group()
    markers = len(_MARKER.findall(prefix))
    # one space after each marker belongs to it; the rest is indentation, four columns a level
    return markers + max(0, prefix.expandtabs(4).count(" ") - markers) // 4


def markdown_problems(body: str, source: str, first_line: int) -> list[Problem]:
    """The first line of a Markdown body nested deeper than :data:`MAX_MARKDOWN_DEPTH`, if any."""
    for number, line in enumerate(body.splitlines(), start=first_line):
        if _depth(line) > MAX_MARKDOWN_DEPTH:
            message = (
                f"Text zu tief verschachtelt (mehr als {MAX_MARKDOWN_DEPTH} Ebenen aus Einrückung, Listen "
                "und Zitaten) – Einrückung verringern"
            )
            return [Problem(source, number, 1, "", message)]
    return []
