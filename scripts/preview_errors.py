"""The devserver's error page: a refused build's messages in the browser, where the editor looks.

The build prints each problem as ``path:line:column: field: message`` (warnings with
``Hinweis:`` before the message) and any other reason as a plain line. Everything here
comes from the content – file names and values included – so every bit is escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

# The field is a key, with the schema's title in brackets (``summary (Kurzbeschreibung)``).
PROBLEM = re.compile(
    r"(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<field>\S+(?: \(.*?\))?|[^:]+?): (?P<message>.*)"
)
WARNING_PREFIX = "Hinweis: "
# The summary after the problems ("2 Fehler in den Inhalten – …"): the page counts for itself.
SUMMARY = re.compile(r"\d+ Fehler in den Inhalten\b")


@dataclass(frozen=True)
class Message:
    path: str
    line: int
    column: int
    field: str
    text: str


@dataclass
class Report:
    """A refused build's stderr, sorted into errors, warnings and other lines."""

    errors: list[Message] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)
    other: list[str] = field(default_factory=list)


def parse_report(lines: list[str]) -> Report:
    report = Report()
    for line in lines:
        line = line.rstrip()
        if not line.strip() or SUMMARY.match(line):
            continue
        match = PROBLEM.fullmatch(line)
        if not match:
            report.other.append(line)
            continue
        text = match["message"]
        kind = report.warnings if text.startswith(WARNING_PREFIX) else report.errors
        text = text.removeprefix(WARNING_PREFIX)
        kind.append(Message(match["path"], int(match["line"]), int(match["column"]), match["field"], text))
    return report


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _by_file(messages: list[Message], heading_level: int) -> str:
    """One heading per file, then a list of its messages in the order the build printed them."""
    files: dict[str, list[Message]] = {}
    for message in messages:
        files.setdefault(message.path, []).append(message)
    parts = []
    for path, items in files.items():
        parts.append(f"<h{heading_level}><code>{escape(path)}</code></h{heading_level}>\n<ul>")
        for m in items:
            parts.append(
                f"<li>Zeile {m.line}, Spalte {m.column} – Feld <strong>{escape(m.field)}</strong>: {escape(m.text)}</li>"
            )
        parts.append("</ul>")
    return "\n".join(parts)


def error_page(report: Report, script: str) -> str:
    """The whole page; *script* is the reload tag, so the page goes away once the content is fixed."""
    files = len({m.path for m in report.errors})
    if report.errors:
        lead = f"Der Bau hat {len(report.errors)} Fehler in {_count(files, 'Datei', 'Dateien')} gefunden."
    else:
        lead = "Der Bau wurde abgebrochen."
    body = [
        "<h1>Die Vorschau kann den neuen Stand nicht zeigen</h1>",
        f"<p>{lead} Darum wurde die Website nicht neu gebaut. Bitte die Stellen unten beheben und speichern – "
        "diese Seite lädt dann von selbst neu und zeigt wieder die Website. Die Meldungen stehen auch im Terminal.</p>",
    ]
    if report.errors:
        body += ["<h2>Fehler</h2>", _by_file(report.errors, 3)]
    if report.warnings:
        body += [
            "<h2>Hinweise</h2>",
            "<p>Hinweise halten den Bau nicht auf, sollten aber bei Gelegenheit behoben werden.</p>",
            _by_file(report.warnings, 3),
        ]
    if report.other:
        body += ["<h2>Weitere Meldungen</h2>", f"<pre>{escape(chr(10).join(report.other))}</pre>"]
    if not (report.errors or report.warnings or report.other):
        body.append("<p>Der Bau hat keine Meldung ausgegeben; bitte im Terminal nachsehen.</p>")
    return (
        '<!doctype html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Vorschau: Fehler in den Inhalten</title>\n"
        '<link rel="stylesheet" href="/theme/css/quartiersschau.css">\n</head>\n<body>\n'
        '<main class="qs-main qs-width" id="inhalt">\n' + "\n".join(body) + f"\n</main>\n{script}\n</body>\n</html>\n"
    )
