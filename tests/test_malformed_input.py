"""Guard: no file an editor can write makes the build print a traceback or blame another file.

Each case is one malformed file (or folder) put into a copy of the fixture programme. The
cases of one group break different files that do not hide each other (every problem of
the records stage is reported in one run), so one Pelican build checks a whole group;
the groups are built in parallel. For every case: exit status 1, no traceback and no
Python exception name, the case's own ``path:line:column: field: message`` in German, no
line about a file that is not broken, and ``output/`` exactly as before.
"""

from __future__ import annotations

import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from helpers import FIXTURE, FIXTURE_SETTINGS, build_site, copy_site, tree_digest

STORY = "---\ntitle: Neu\ndate: '2020-01-01'\nsummary: Kurz.\n---\n"  # the body starts in line 6
FIFO = object()  # a named pipe instead of a file
SITES_AS_FILE = "kein Ordner\n"


def _deep_block(levels: int) -> str:
    return "".join(" " * i + "a:\n" for i in range(levels)) + " " * levels + "b\n"


# name: (group, {path: content}, expected line start). Content is text (UTF-8), bytes or FIFO.
CASES = {
    # --- record files of the wrong shape ----------------------------------------------
    "site is a list": (
        "sites",
        {"data/sites/liste.yaml": "- a\n- b\n"},
        "data/sites/liste.yaml:1:1: (Datei): erwartet Gruppe von Feldern, gefunden wurde eine Liste",
    ),
    "site is a sentence": (
        "sites",
        {"data/sites/satz.yaml": "Das ist ein Satz.\n"},
        "data/sites/satz.yaml:1:1: (Datei): erwartet Gruppe von Feldern, gefunden wurde der Text 'Das ist ein Satz.'",
    ),
    "site is a number": (
        "sites",
        {"data/sites/zahl.yaml": "42\n"},
        "data/sites/zahl.yaml:1:1: (Datei): erwartet Gruppe von Feldern, gefunden wurde die Zahl 42",
    ),
    "empty site": ("sites", {"data/sites/leer.yaml": ""}, "data/sites/leer.yaml:1:1: (Datei): Datei ist leer"),
    "site of only a comment": (
        "sites",
        {"data/sites/kommentar.yaml": "# nur ein Kommentar\n"},
        "data/sites/kommentar.yaml:1:1: (Datei): Datei ist leer",
    ),
    "programme is a list": (
        "singles",
        {"data/programme.yaml": "- Programm\n"},
        "data/programme.yaml:1:1: (Datei): erwartet Gruppe von Feldern, gefunden wurde eine Liste",
    ),
    "themes are a mapping": (
        "singles",
        {"data/themes.yaml": "id: bildung\nlabel: Bildung\n"},
        "data/themes.yaml:1:1: (Datei): erwartet Liste, gefunden wurde eine Gruppe von Feldern",
    ),
    "regions are a string": (
        "singles",
        {"data/regions.yaml": "Bayern\n"},
        "data/regions.yaml:1:1: (Datei): erwartet Liste, gefunden wurde der Text 'Bayern'",
    ),
    "story front matter is a list": (
        "singles",
        {"content/stories/garten-im-sommer.md": "---\n- a\n- b\n---\nText\n"},
        "content/stories/garten-im-sommer.md:2:1: (Datei): erwartet Gruppe von Feldern, gefunden wurde eine Liste",
    ),
    "story front matter is a number": (
        "singles",
        {"content/stories/werkstatt-eroeffnet.md": "---\n42\n---\nText\n"},
        "content/stories/werkstatt-eroeffnet.md:2:1: (Datei): erwartet Gruppe von Feldern, gefunden wurde die Zahl 42",
    ),
    "story front matter not closed": (
        "singles",
        {"content/stories/entwurf.md": "---\ntitle: Entwurf\nText ohne Ende\n"},
        "content/stories/entwurf.md:1:1: (Datei): Kopfbereich fehlt: die Datei muss mit '---', den Feldern und "
        "wieder '---' beginnen – nach den Feldern fehlt die Zeile mit '---'",
    ),
    "data/sites is a file": ("singles", {"data/sites": SITES_AS_FILE}, "data/sites:1:1: (Datei): ist kein Ordner"),
    # --- nesting ------------------------------------------------------------------------
    "YAML flow nested 10 000 deep": (
        "sites",
        {"data/sites/klammern.yaml": "a: " + "[" * 10_000 + "]" * 10_000 + "\n"},
        "data/sites/klammern.yaml:1:23: (Datei): zu tief verschachtelt (mehr als 20 Ebenen)",
    ),
    "YAML blocks nested 3 000 deep": (
        "sites",
        {"data/sites/einrueckung.yaml": _deep_block(3000)},
        "data/sites/einrueckung.yaml:21:21: (Datei): zu tief verschachtelt (mehr als 20 Ebenen)",
    ),
    "front matter nested 10 000 deep": (
        "singles",
        {"content/pages/mitmachen.md": "---\ntitle: " + "[" * 10_000 + "]" * 10_000 + "\n---\nText\n"},
        "content/pages/mitmachen.md:2:27: (Datei): zu tief verschachtelt (mehr als 20 Ebenen)",
    ),
    "Markdown list nested 400 deep": (
        "stories",
        {"content/stories/liste.md": STORY + "- " * 400 + "x\n"},
        "content/stories/liste.md:6:1: (Datei): Text zu tief verschachtelt (mehr als 20 Ebenen",
    ),
    # --- characters ---------------------------------------------------------------------
    "U+0000 in YAML": (
        "sites",
        {"data/sites/nul.yaml": "name: H\x00of\n"},
        "data/sites/nul.yaml:1:8: (Datei): Steuerzeichen U+0000 (Nullzeichen) – bitte löschen",
    ),
    "U+000B in YAML": (
        "sites",
        {"data/sites/vt.yaml": "name: Hof\ncity: H\x0bof\n"},
        "data/sites/vt.yaml:2:8: (Datei): Steuerzeichen U+000B (vertikaler Tabulator) – bitte löschen",
    ),
    "U+001B in YAML": (
        "sites",
        {"data/sites/esc.yaml": "name: \x1b[31mHof\n"},
        "data/sites/esc.yaml:1:7: (Datei): Steuerzeichen U+001B (Escape) – bitte löschen",
    ),
    "U+FEFF inside YAML": (
        "sites",
        {"data/sites/bom.yaml": "\ufeffname: H\ufeffof\n"},
        "data/sites/bom.yaml:1:8: (Datei): unsichtbares Zeichen U+FEFF (Byte-Order-Mark mitten im Text)",
    ),
    "U+202E in YAML": (
        "sites",
        {"data/sites/rlo.yaml": "name: \u202eVöffentlichung\n"},
        "data/sites/rlo.yaml:1:7: (Datei): unsichtbares Steuerzeichen U+202E (Schreibrichtung) – bitte löschen",
    ),
    "U+2067 as a YAML escape": (
        "sites",
        {"data/sites/rli.yaml": 'name: "Hof \\u2067Mitte"\n'},
        "data/sites/rli.yaml:1:7: name: unsichtbares Steuerzeichen U+2067 (Schreibrichtung)",
    ),
    "U+0000 as a YAML escape in an image path": (
        "sites",
        {"data/sites/bildpfad.yaml": 'image:\n  src: "hof\\0.jpg"\n'},
        "data/sites/bildpfad.yaml:2:8: image.src: Steuerzeichen U+0000 (Nullzeichen)",
    ),
    "lone surrogate as a YAML escape": (
        "sites",
        {"data/sites/surrogat-escape.yaml": 'name: "\\ud800"\n'},
        "data/sites/surrogat-escape.yaml:1:10: (Datei): YAML-Syntaxfehler: ungültige Escape-Folge",
    ),
    "lone surrogate in the bytes": (
        "sites",
        {"data/sites/surrogat.yaml": b"name: \xed\xa0\x80\n"},
        "data/sites/surrogat.yaml:1:7: (Datei): Datei ist nicht UTF-8-kodiert (Byte 0xED an dieser Stelle)",
    ),
    "Latin-1 file": (
        "sites",
        {"data/sites/latin1.yaml": "name: Gießen\n".encode("latin-1")},
        "data/sites/latin1.yaml:1:10: (Datei): Datei ist nicht UTF-8-kodiert (Byte 0xDF an dieser Stelle)",
    ),
    "UTF-16 file": (
        "sites",
        {"data/sites/utf16.yaml": "name: Hof\n".encode("utf-16")},
        "data/sites/utf16.yaml:1:1: (Datei): Datei ist als UTF-16 gespeichert – im Editor als UTF-8 speichern",
    ),
    "U+0000 in front matter": (
        "singles",
        {"content/pages/ueber.md": "---\ntitle: Üb\x00er\n---\nText\n"},
        "content/pages/ueber.md:2:10: (Datei): Steuerzeichen U+0000 (Nullzeichen)",
    ),
    "U+000B in a Markdown body": (
        "singles",
        {"content/pages/leichte-sprache.md": "---\ntitle: Leichte Sprache\n---\nText\x0b mit Tabulator\n"},
        "content/pages/leichte-sprache.md:4:5: (Datei): Steuerzeichen U+000B (vertikaler Tabulator)",
    ),
    "U+202E in a story title": (
        "stories",
        {"content/stories/rlo.md": "---\ntitle: \u202egnuhciltneffeöV\n---\nText\n"},
        "content/stories/rlo.md:2:8: (Datei): unsichtbares Steuerzeichen U+202E (Schreibrichtung)",
    ),
    "U+200F in a Markdown body": (
        "stories",
        {"content/stories/rlm.md": STORY + "Ein \u200fText\n"},
        "content/stories/rlm.md:6:5: (Datei): unsichtbares Steuerzeichen U+200F (Schreibrichtung)",
    ),
    "U+0000 in a Markdown body": (
        "stories",
        {"content/stories/nul.md": STORY + "Ein\x00 Text\n"},
        "content/stories/nul.md:6:4: (Datei): Steuerzeichen U+0000 (Nullzeichen)",
    ),
    "U+2028 in a Markdown body": (
        "stories",
        {"content/stories/zeilentrenner.md": STORY + "Eins\u2028zwei\n"},
        "content/stories/zeilentrenner.md:6:5: (Datei): Zeilentrenner U+2028",
    ),
    "Markdown in UTF-16": (
        "stories",
        {"content/stories/utf16.md": (STORY + "Text\n").encode("utf-16")},
        "content/stories/utf16.md:1:1: (Datei): Datei ist als UTF-16 gespeichert",
    ),
    # --- values -------------------------------------------------------------------------
    "keys that are not text": (
        "sites",
        {"data/sites/schluessel.yaml": "1: a\nyes: b\n"},
        "data/sites/schluessel.yaml:1:1: (Datei): Feldname '1' muss ein einfacher Text sein",
    ),
    "a list as a key": (
        "sites",
        {"data/sites/listenschluessel.yaml": "? [a, b]\n: c\n"},
        "data/sites/listenschluessel.yaml:1:3: (Datei): Feldname muss ein einfacher Text sein, gefunden wurde eine Liste",
    ),
    ".nan as a coordinate": (
        "sites",
        {"data/sites/nan.yaml": "coordinates:\n  lat: .nan\n"},
        "data/sites/nan.yaml:2:8: coordinates.lat: '.nan' ist keine endliche Zahl",
    ),
    "a number of 5000 digits": (
        "sites",
        {"data/sites/grosse-zahl.yaml": "since: " + "9" * 5000 + "\n"},
        "data/sites/grosse-zahl.yaml:1:8: since: Zahl mit 5000 Stellen ist zu lang",
    ),
    "a 20 MB line": (
        "sites",
        {"data/sites/lang.yaml": "summary: " + "x" * 20_000_000 + "\n"},
        "data/sites/lang.yaml:1:10: summary (Kurzbeschreibung): zu lang: 20000000 Zeichen",
    ),
    # --- files and folders --------------------------------------------------------------
    "story in a subfolder": (
        "stories",
        {"content/stories/2023/fest.md": STORY + "Text\n"},
        "content/stories/2023/fest.md:1:1: (Datei): liegt in einem Unterordner – Unterordner werden nicht gelesen",
    ),
    "page in a subfolder": (
        "stories",
        {"content/pages/alt/info.md": "---\ntitle: Info\n---\nText\n"},
        "content/pages/alt/info.md:1:1: (Datei): liegt in einem Unterordner",
    ),
    "site in a subfolder": (
        "sites",
        {"data/sites/alt/hof.yaml": "name: Hof\n"},
        "data/sites/alt/hof.yaml:1:1: (Datei): liegt in einem Unterordner",
    ),
    "site as .yml": (
        "sites",
        {"data/sites/neu.yml": "name: Neu\n"},
        "data/sites/neu.yml:1:1: (Datei): unerwartete Datei – Datensätze hier enden auf .yaml – in 'neu.yaml' umbenennen",
    ),
    "editor backup": (
        "sites",
        {"data/sites/hof.yaml~": "name: Hof\n"},
        "data/sites/hof.yaml~:1:1: (Datei): Sicherungskopie eines Editors",
    ),
    "story as .markdown": (
        "stories",
        {"content/stories/neu.markdown": STORY + "Text\n"},
        "content/stories/neu.markdown:1:1: (Datei): unerwartete Datei – Datensätze hier enden auf .md – in 'neu.md'",
    ),
    "story as .MD": (
        "stories",
        {"content/stories/gross.MD": STORY + "Text\n"},
        "content/stories/gross.MD:1:1: (Datei): unerwartete Datei – Datensätze hier enden auf .md – in 'gross.md'",
    ),
    "story as .txt": (
        "stories",
        {"content/stories/notiz.txt": "Notiz\n"},
        "content/stories/notiz.txt:1:1: (Datei): unerwartete Datei – Datensätze hier enden auf .md",
    ),
    "file name with U+202E": (
        "stories",
        {"content/stories/\u202ekaputt.md": STORY + "Text\n"},
        "content/stories/<U+202E>kaputt.md:1:1: (Datei): Dateiname enthält unsichtbare oder ungültige Zeichen",
    ),
    "file name that is not UTF-8": (
        "stories",
        {os.fsdecode(b"content/stories/neu\xff.md"): STORY + "Text\n"},
        "content/stories/neu<U+DCFF>.md:1:1: (Datei): Dateiname enthält unsichtbare oder ungültige Zeichen",
    ),
    "named pipe as a story": (
        "stories",
        {"content/stories/rohr.md": FIFO},
        "content/stories/rohr.md:1:1: (Datei): keine gewöhnliche Datei",
    ),
    # --- a file Pelican reads that the records stage does not know -----------------------
    "Pelican reads a file that is no record": (
        "pelican",
        {"content/extra/fremd.md": STORY + "Text\n"},
        "content/extra/fremd.md:1:1: (Datei): Pelican liest die Datei, sie ist aber kein Datensatz",
    ),
}
# Extra settings of a group's build (JSON values, as in helpers.build_site).
GROUP_SETTINGS = {"pelican": ('ARTICLE_PATHS=["stories", "extra"]',)}

EXCEPTION_NAME = re.compile(r"\b[A-Z][A-Za-z]*(?:Error|Exception)\b|Traceback|Could not process")
LOCATED_LINE = re.compile(r"^(?P<path>[^\s:][^:]*):\d+:\d+: ", re.M)


def _put(site: Path, relative: str, content) -> None:
    target = site / relative
    if target.is_dir():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if content is FIFO:
        os.mkfifo(target)
    elif isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_bytes(content.encode("utf-8"))


def _build(base: Path, good: Path, group: str) -> dict:
    site = copy_site(FIXTURE, base / group / "site")
    output = base / group / "output"
    shutil.copytree(good, output)
    before = tree_digest(output)
    for case_group, files, _ in CASES.values():
        if case_group == group:
            for relative, content in files.items():
                _put(site, relative, content)
    result = build_site(site, output, base / group / "cache", *FIXTURE_SETTINGS, *GROUP_SETTINGS.get(group, ()))
    return {"result": result, "unchanged": tree_digest(output) == before}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    base = tmp_path_factory.mktemp("malformed")
    good = base / "good-output"
    result = build_site(FIXTURE, good, base / "good-cache", *FIXTURE_SETTINGS)
    assert result.returncode == 0, result.stderr
    groups = sorted({group for group, _, _ in CASES.values()})
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        done = dict(zip(groups, pool.map(lambda g: _build(base, good, g), groups), strict=True))
    return done


@pytest.mark.parametrize("case", sorted(CASES))
def test_malformed_file_gets_a_located_german_message(builds, case):
    group, _, expected = CASES[case]
    build = builds[group]
    result = build["result"]
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-3000:]
    assert not EXCEPTION_NAME.search(output), output[-3000:]
    assert any(line.startswith(expected) for line in result.stderr.splitlines()), result.stderr[-3000:]
    broken = {expected.split(":")[0] for g, _, expected in CASES.values() if g == group}
    blamed = {m.group("path") for m in LOCATED_LINE.finditer(result.stderr)}
    assert blamed <= broken, f"Meldungen zu Dateien, die nicht kaputt sind: {sorted(blamed - broken)}"
    assert build["unchanged"], "output/ wurde verändert"


def test_invisible_but_wanted_characters_still_build(tmp_path):
    """No-break space, soft hyphen, emoji with joiners and tag characters, CRLF, tabs, hidden files: all fine."""
    site = copy_site(FIXTURE, tmp_path / "site")
    story = site / "content/stories/garten-im-sommer.md"
    text = story.read_text(encoding="utf-8")
    text = text.replace("title: Ein Garten im Sommer", "title: Ein\u00a0Garten im Sommer 🌻👩‍👩‍👧")
    text = text.replace("Die Hochbeete sind voll.", "Die Hoch\u00adbeete sind voll 🏴󠁧󠁢󠁥󠁮󠁧󠁿.\n\n\tEingerückt mit Tab.")
    story.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    for hidden in ("content/stories/.versteckt.md", "data/sites/.#hof.yaml", "data/sites/.DS_Store"):
        (site / hidden).write_text(STORY + "Versteckt\n", encoding="utf-8")
    result = build_site(site, tmp_path / "output", tmp_path / "cache", *FIXTURE_SETTINGS)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "output/geschichten/garten-im-sommer/index.html").read_text(encoding="utf-8")
    assert "Ein\u00a0Garten im Sommer 🌻👩‍👩‍👧" in page
    assert "Hoch\u00adbeete" in page and "🏴󠁧󠁢󠁥󠁮󠁧󠁿" in page
    assert not (tmp_path / "output/geschichten/.versteckt").exists()
