"""Pelican reader for Markdown with YAML front matter (stories and pages).

Pelican's own Markdown reader expects ``Key: value`` metadata; our editors write YAML
between ``---`` lines, checked by the same loader and schema as every record. The
reader itself stays lenient: a broken header yields a draft stub, because the
plugin's validation step reports the precise problem and stops the build anyway.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

from markupsafe import escape
from pelican.readers import BaseReader
from pelican.utils import SafeDatetime

from .records.loading import load_front_matter, read_text
from .render.markdown import markdown_renderer

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
    file_extensions: ClassVar[list[str]] = ["md", "markdown"]

    def read(self, source_path: str):
        path = Path(source_path)
        stub = {
            "title": path.stem,
            "slug": path.stem,
            "status": "draft",
            "date": _EPOCH,
            "category": self.process_metadata("category", "Geschichten"),
        }
        text, _ = read_text(path, source_path)
        parsed, _ = load_front_matter(text, source_path) if text is not None else (None, [])
        if parsed is None or not isinstance(parsed.header.data, dict):
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
