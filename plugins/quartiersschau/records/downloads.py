"""Documents that records offer for download: files below ``content/downloads/``.

Checked with the other cross-record rules (the file exists, stays inside the folder,
is not empty); their sizes are measured once for the pages ("PDF, 1,2 MB") and the
files are published unchanged.
"""

from __future__ import annotations

from pathlib import Path

from .paths import ContentPaths
from .problems import Problem
from .reading import RecordSet


def _entries(records: RecordSet):
    programme = records.programme
    funds = programme.data.get("funds") if programme is not None and isinstance(programme.data, dict) else None
    for index, fund in enumerate(funds if isinstance(funds, list) else []):
        form = fund.get("form") if isinstance(fund, dict) else None
        if isinstance(form, dict) and isinstance(form.get("file"), str):
            yield programme, ("funds", index, "form", "file"), form["file"]
    for record in records.sites:
        items = record.data.get("downloads")
        for index, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and isinstance(item.get("file"), str):
                yield record, (("downloads", index, "file")), item["file"]


def check_downloads(records: RecordSet, paths: ContentPaths) -> list[Problem]:
    base = paths.downloads.resolve()
    problems = []
    for record, path, file in _entries(records):
        target = (base / file).resolve()
        if not target.is_relative_to(base):
            problems.append(record.problem(path, f"'{file}' führt aus content/downloads/ hinaus – Pfad darin angeben"))
        elif not target.is_file():
            problems.append(record.problem(path, f"Datei nicht gefunden: content/downloads/{file}"))
        elif target.stat().st_size == 0:
            problems.append(record.problem(path, f"content/downloads/{file} ist leer – die richtige Datei ablegen"))
    return problems


def download_files(records: RecordSet, paths: ContentPaths) -> dict[str, Path]:
    """Every file a record offers (path below content/downloads/ → file), each once."""
    return {file: paths.downloads / file for _, _, file in _entries(records)}
