"""No programme lives in the code: plugin and theme hold no word of JMD im Quartier or Quartiersmanagement Berlin.

What a site, a region or a project is called, the map's area and attribution, phases and
funds come from each programme's data. Comments and docstrings may name examples; every
string the code uses and every word a template shows may not.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from helpers import ROOT

PLUGIN = ROOT / "plugins" / "quartiersschau"
THEME = ROOT / "theme"
# Words of one programme: its name, its vocabulary, its places. Case matters: URL slugs like
# "standorte/" are addresses (configurable with QS_URLS), not words a page shows.
WORDS = re.compile(
    r"JMD|Jugendmigrationsdienst|Quartiersmanagement|QM-Gebiet|Mikroprojekt|Standort|Bundesl[aä]nd|Bezirk"
    r"|Deutschland|(?<!Europe/)Berlin|Bayern|Saarland|Neukölln|BKG|GeoBasis|Servicestelle"
)


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def python_texts(path: Path) -> list[tuple[int, str]]:
    """Every string literal of a module but its docstrings (comments are not in the tree at all)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
    ]


_COMMENTS = {
    ".html": re.compile(r"\{#.*?#\}|<!--.*?-->", re.S),
    ".js": re.compile(r"/\*.*?\*/|(?<![:\"'])//[^\n]*", re.S),
    ".css": re.compile(r"/\*.*?\*/", re.S),
}


def text_without_comments(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    # Keep line numbers: a comment becomes as many line breaks as it had.
    return _COMMENTS[path.suffix].sub(lambda m: "\n" * m.group(0).count("\n"), text)


def programme_words(folders: list[Path]) -> list[str]:
    hits = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix == ".py":
                texts = python_texts(path)
            elif path.suffix in _COMMENTS:
                texts = list(enumerate(text_without_comments(path).splitlines(), 1))
            else:
                continue
            for line, text in texts:
                for match in WORDS.finditer(text):
                    hits.append(f"{path.relative_to(ROOT)}:{line}: {match.group(0)}")
    return hits


def test_plugin_and_theme_hold_no_word_of_a_programme():
    assert programme_words([PLUGIN, THEME]) == []


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        ("a.py", '"""Docstring: Standorte."""\n# Kommentar: JMD\nX = "Alle Standorte"\n', ["Standort"]),
        ("a.html", "{# Standorte #}<!-- JMD -->\n<h1>Bezirke</h1>", ["Bezirk"]),
        ("a.js", "// Standorte\n/* JMD */ const t = 'Karte von Deutschland';", ["Deutschland"]),
        ("a.css", "/* Berlin */ .x { content: 'Mikroprojekt'; }", ["Mikroprojekt"]),
        ("a.py", 'def f():\n    """Bundesland im Docstring."""\n    return "standorte/"\n', []),
    ],
)
def test_the_check_finds_words_outside_comments(tmp_path, name, text, found):
    (tmp_path / name).write_text(text, encoding="utf-8")
    original = ROOT
    try:
        globals()["ROOT"] = tmp_path
        assert [hit.rsplit(": ", 1)[1] for hit in programme_words([tmp_path])] == found
    finally:
        globals()["ROOT"] = original
