"""Characters an editor cannot see, or that break what the build writes: found, named, neutralised.

Refused anywhere in a record file (YAML, front matter, Markdown body), written literally
or as a YAML escape (``"\\u202e"``):

- control characters (C0 except tab, line feed and carriage return; DEL; C1): invisible,
  and XML (feeds, sitemap) cannot carry most of them;
- bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069): they
  reverse the rest of the line wherever a title is shown, in a page, a feed or a terminal;
- invisible characters that make two equal-looking texts differ: zero width space U+200B,
  word joiner and invisible operators U+2060–U+2064, deprecated format controls
  U+206A–U+206F, U+180E, a byte-order mark U+FEFF inside the text, interlinear annotation
  U+FFF9–U+FFFB, language tag U+E0001;
- line and paragraph separators U+2028/U+2029 (YAML counts them as line breaks, editors do not);
- lone surrogates and noncharacters, which cannot be written as UTF-8.

Allowed although invisible, because texts need them: the soft hyphen U+00AD (German
hyphenation), zero width (non-)joiners U+200C/U+200D (emoji sequences, typography) and the
tag characters U+E0020–U+E007F (flag emoji).
"""

from __future__ import annotations

import re
import unicodedata

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

REFUSED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\u200b\u2060-\u2064\u206a-\u206f\u180e\ufeff\ufff9-\ufffb\U000e0001"
    "\u2028\u2029"
    "\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)

_NAMES = {
    0x00: "Nullzeichen",
    0x08: "Rückschritt",
    0x0B: "vertikaler Tabulator",
    0x0C: "Seitenvorschub",
    0x1B: "Escape",
    0x7F: "Löschzeichen",
    0x85: "Zeilenende NEL",
    0x200B: "Leerzeichen ohne Breite",
    0x2060: "Wortverbinder",
    0xFEFF: "Byte-Order-Mark mitten im Text",
}

# Lines as YAML and Python-Markdown count them (a lone carriage return ends a line too).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def describe(char: str) -> str:
    """What the character is and what to do, in German: ``Steuerzeichen U+000B (vertikaler Tabulator) – …``."""
    code = ord(char)
    label = f"U+{code:04X}"
    name = _NAMES.get(code)
    if char in BIDI_CONTROLS:
        return f"unsichtbares Steuerzeichen {label} (Schreibrichtung) – bitte löschen"
    if char in "\u2028\u2029":
        return f"Zeilentrenner {label} – durch einen normalen Zeilenumbruch ersetzen"
    if 0xD800 <= code <= 0xDFFF or unicodedata.category(char) == "Cn":
        return f"ungültiges Zeichen {label} – bitte löschen"
    if unicodedata.category(char) == "Cc":
        return f"Steuerzeichen {label}{f' ({name})' if name else ''} – bitte löschen"
    return f"unsichtbares Zeichen {label}{f' ({name})' if name else ''} – bitte löschen"


def line_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column (in characters) of *index* in *text*."""
    line, start = 1, 0
    for match in _LINE_BREAK.finditer(text, 0, index):
        line, start = line + 1, match.end()
    return line, index - start + 1


def find_refused(text: str, limit: int = 10) -> tuple[list[tuple[int, str]], int]:
    """The first *limit* refused characters as (index, character), and how many there are in all."""
    found, total = [], 0
    for match in REFUSED.finditer(text):
        total += 1
        if len(found) < limit:
            found.append((match.start(), match.group()))
    return found, total


_REFUSED_OR_BREAK = re.compile(f"{REFUSED.pattern[:-1]}\r\n]")


def neutralise(text: str) -> str:
    """*text* on one line, every refused character and line break shown as ``<U+202E>``: safe to print."""
    return _REFUSED_OR_BREAK.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def shown(value: object, limit: int = 80) -> str:
    """An editor's value for a message: neutralised, and cut with '…' when long."""
    text = neutralise(str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"
