"""Check every record without building: ``make validate``.

Prints each problem as ``path:line:column: field: message`` and exits 1 if there is
any; the same checks as the build, so what passes here builds. Warnings
(``… field: Hinweis: message``) are printed too and do not change the exit status;
``--publish`` treats placeholders as errors, as ``make publish`` does.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from _project import programme_folder
from quartiersschau.check import check_content, check_warnings
from quartiersschau.common.cache import KeyValueCache
from quartiersschau.records.paths import ContentPaths
from quartiersschau.records.problems import ContentError
from quartiersschau.records.vocabulary import vocabulary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Prüft alle Datensätze, ohne die Website zu bauen.")
    parser.add_argument("--programme", help="Programmordner (Standard: das Demo-Programm oben im Projekt)")
    parser.add_argument("--data", help="Ordner mit den Daten (Standard: data/ des Programms)")
    parser.add_argument("--content", help="Ordner mit Geschichten und Seiten (Standard: content/ des Programms)")
    parser.add_argument("--publish", action="store_true", help="Platzhalter als Fehler werten (wie make publish)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    folder = programme_folder(args.programme)
    data = Path(args.data) if args.data else folder / "data"
    content = Path(args.content) if args.content else folder / "content"
    paths = ContentPaths(root=Path(os.getcwd()), data=data, content=content)
    # A programme's own tree shares its build's cache: unchanged files are not parsed again.
    own_tree = data.resolve() == (folder / "data").resolve()
    cache = KeyValueCache(folder / ".cache/pelican/quartiersschau", "records") if own_tree else None
    try:
        records = check_content(paths, cache=cache)
        warnings = check_warnings(records, refuse_placeholders=args.publish)
    except ContentError as error:
        print(error.report(building=False), file=sys.stderr)
        return 1
    for warning in warnings:
        print(warning, file=sys.stderr)
    seconds = time.perf_counter() - started
    words = vocabulary(records.programme.data if records.programme else None)
    checked = (
        f"{words['site'].count(len(records.sites))}, {words['project'].count(len(records.projects))}, "
        f"{len(records.stories)} Geschichten, {len(records.pages)} Seiten geprüft ({seconds:.1f} s)."
    )
    if not warnings:
        print(f"Alles in Ordnung: {checked}")
    else:
        hints = "1 Hinweis" if len(warnings) == 1 else f"{len(warnings)} Hinweise"
        print(f"Keine Fehler, {hints} (siehe oben): {checked}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
