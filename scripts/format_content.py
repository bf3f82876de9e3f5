"""Write every record of a programme in its canonical form: ``make format-content``.

The form is defined in ``quartiersschau.records.canonical`` (key order of the schema,
quoting, line width); the web editor's files and hand-edited ones then give equal diffs.
The data stays the same – a file whose data would change is left as it is and reported.
Comments in the YAML are lost. ``--check`` only lists the files that are not in the form.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from _project import programme_folder
from quartiersschau.records import canonical

# kind → (folder below the programme, glob, Markdown with front matter?)
RECORD_FILES = (
    ("programme", "data", "programme.yaml", False),
    ("themes", "data", "themes.yaml", False),
    ("regions", "data", "regions.yaml", False),
    ("site", "data/sites", "*.yaml", False),
    ("project", "data/projects", "*.yaml", False),
    ("event", "data/events", "*.yaml", False),
    ("call", "data/calls", "*.yaml", False),
    ("story", "content/stories", "*.md", True),
    ("page", "content/pages", "*.md", True),
)


def record_files(data: Path, content: Path):
    """(kind, path, front matter?) of every record file; hidden files are no records."""
    roots = {"data": data, "content": content}
    for kind, folder, pattern, front_matter in RECORD_FILES:
        top, _, sub = folder.partition("/")
        base = roots[top] / sub if sub else roots[top]
        for path in sorted(base.glob(pattern)):
            if path.is_file() and not path.name.startswith("."):
                yield kind, path, front_matter


def _data_of(text: str, front_matter: bool):
    return canonical.load(canonical.split_front_matter(text)[0] if front_matter else text)


def format_file(kind: str, path: Path, front_matter: bool, *, write: bool) -> str | None:
    """Bring one file into the form. Returns what happened (for the report) or None if nothing."""
    text = path.read_text(encoding="utf-8")
    try:
        new = canonical.format_text(kind, text, front_matter=front_matter)
        same = _data_of(new, front_matter) == _data_of(text, front_matter)
    except (ValueError, canonical.yaml.YAMLError) as error:
        return f"{path}: nicht lesbar, unverändert gelassen – erst `make validate` ({str(error).splitlines()[0]})"
    if not same:
        return f"{path}: Daten würden sich ändern, unverändert gelassen – bitte melden"
    if new == text:
        return None
    if write:
        path.write_text(new, encoding="utf-8")
    return f"{path}: {'umformatiert' if write else 'nicht in der einheitlichen Form'}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Schreibt alle Datensätze in der einheitlichen Form.")
    parser.add_argument("--programme", help="Programmordner (Standard: das Demo-Programm oben im Projekt)")
    parser.add_argument("--data", help="Ordner mit den Daten (Standard: data/ des Programms)")
    parser.add_argument("--content", help="Ordner mit Geschichten und Seiten (Standard: content/ des Programms)")
    parser.add_argument("--check", action="store_true", help="nur prüfen, nichts schreiben")
    args = parser.parse_args(argv)
    folder = programme_folder(args.programme) if not (args.data and args.content) else None
    data = Path(args.data) if args.data else folder / "data"
    content = Path(args.content) if args.content else folder / "content"
    total, lines = 0, []
    for kind, path, front_matter in record_files(data, content):
        total += 1
        line = format_file(kind, path, front_matter, write=not args.check)
        if line:
            lines.append(line)
    for line in lines:
        print(line)
    verb = "nicht in der einheitlichen Form" if args.check else "geändert"
    print(f"{len(lines)} von {total} Dateien {verb}.", file=sys.stderr)
    return 1 if args.check and lines else 0


if __name__ == "__main__":
    sys.exit(main())
