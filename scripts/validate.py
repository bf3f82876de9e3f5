"""Check every record without building: ``make validate``.

Prints each problem as ``path:line:column: field: message`` and exits 1 if there is
any; the same checks as the build, so what passes here builds.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from _project import programme_folder
from quartiersschau.check import check_content
from quartiersschau.common.cache import KeyValueCache
from quartiersschau.records.paths import ContentPaths
from quartiersschau.records.problems import ContentError
from quartiersschau.records.vocabulary import vocabulary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Prüft alle Datensätze, ohne die Website zu bauen.")
    parser.add_argument("--programme", help="Programmordner (Standard: das Demo-Programm oben im Projekt)")
    parser.add_argument("--data", help="Ordner mit den Daten (Standard: data/ des Programms)")
    parser.add_argument("--content", help="Ordner mit Geschichten und Seiten (Standard: content/ des Programms)")
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
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    words = vocabulary(records.programme.data if records.programme else None)
    print(
        f"Alles in Ordnung: {words['site'].count(len(records.sites))}, {words['project'].count(len(records.projects))}, "
        f"{len(records.stories)} Geschichten, {len(records.pages)} Seiten geprüft "
        f"({seconds:.1f} s)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
