"""Pelican reader for Markdown with YAML front matter (stories and pages).

Pelican's own Markdown reader expects ``Key: value`` metadata; our editors write YAML
between ``---`` lines, checked by the same loader and schema as every record. The
reader itself stays lenient and never raises (Pelican would log a traceback and skip the
file): a broken file yields a draft stub, because the plugin's validation step reports
the precise problem and stops the build anyway. Files the records stage does not read as
stories or pages – hidden ones (Pelican's ``IGNORE_FILES`` default ``**/.*`` does not match
them) and other suffixes – become stubs as well, so Pelican never publishes a page that
has no record.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path
from typing import ClassVar

from markupsafe import escape
from pelican.readers import BaseReader
from pelican.utils import SafeDatetime

from .records.folders import bad_name, ignored
from .records.loading import load_front_matter
from .records.text import read_text
from .render.markdown import markdown_renderer

log = logging.getLogger(__name__)

_EPOCH = SafeDatetime(1970, 1, 1)


def _date(value) -> SafeDatetime | None:
    try:
        day = dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return SafeDatetime(day.year, day.month, day.day) if day else None


class FrontMatterMarkdownReader(BaseReader):
    """Reads ``.md`` files: YAML header for metadata, Markdown body rendered and sanitised."""

    enabled = True
    # Every suffix Pelican's own Markdown reader would take, so that it never reads one of ours.
    file_extensions: ClassVar[list[str]] = ["md", "markdown", "mkd", "mdown"]

    def read(self, source_path: str):
        path = Path(source_path)
        stub = {
            "title": path.stem,
            "slug": path.stem,
            "status": "draft",
            "date": _EPOCH,
            "category": self.process_metadata("category", "Geschichten"),
        }
        if not self._is_record(source_path):
            return "", stub
        try:
            return self._read(path, stub)
        except Exception:  # the records stage reports what is wrong with the file, in German
            log.warning("%s: Datei konnte nicht als Geschichte oder Seite gelesen werden", source_path)
            return "", stub

    def _is_record(self, source_path: str) -> bool:
        """Whether the records stage reads this file too: suffix .md, no hidden or misnamed folder or file on the way."""
        relative = Path(os.path.relpath(source_path, self.settings.get("PATH", os.curdir)))
        parts = [part for part in relative.parts if part not in (os.curdir, os.pardir)]
        return relative.suffix == ".md" and not any(ignored(part) or bad_name(part) for part in parts)

    def _read(self, path: Path, stub: dict):
        text, _ = read_text(path, str(path))
        parsed, problems = load_front_matter(text, str(path)) if text is not None else (None, [])
        if parsed is None or problems or not isinstance(parsed.header.data, dict):
            return "", stub
        data = parsed.header.data
        date = _date(data.get("date"))
        metadata = {
            "title": str(data.get("title") or path.stem),
            "slug": path.stem,
            "summary": str(escape(str(data.get("summary", "")))),
            "status": data.get("status", "published")
            if data.get("status", "published") in ("published", "draft")
            else "draft",
        }
        if date is not None:
            metadata["date"] = date
        elif "date" in data:
            metadata.update(status="draft", date=_EPOCH)
        # Pelican expects a category on every article (drafts included); ours are all stories.
        metadata["category"] = self.process_metadata("category", "Geschichten")
        if path.stem == self.settings.get("QS_ABOUT_PAGE"):
            metadata["template"] = "about"
        html = markdown_renderer(self.settings).render(parsed.body, 2)
        return str(html), metadata
