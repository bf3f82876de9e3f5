"""Fields named as editors know them: the key, and the German title the schema gives it.

A message reads ``summary (Kurzbeschreibung): Pflichtfeld fehlt``: the key is what stands
in the file, the title is what the web editor shows. Problems of a document that knows
its kind (:class:`TitledDocument`) name their field this way.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from .loading import LoadedDocument
from .problems import Problem, field_name
from .schema_tree import node_at

# "Bildbeschreibung (Alternativtext)" → "Bildbeschreibung": no brackets inside the brackets.
_ASIDE = re.compile(r"\s*\(.*\)\s*$")


@functools.cache
def field_title(kind: str, path: tuple) -> str | None:
    """The German title of the field at *path* – of the nearest named key, for a list entry."""
    while path and isinstance(path[-1], int):
        path = path[:-1]
    if not path:
        return None
    found = node_at(kind, path)
    title = found[0].get("title") if found else None
    if not isinstance(title, str):
        return None
    return _ASIDE.sub("", title) or None


def titled_field(kind: str, path: tuple) -> str:
    """``summary (Kurzbeschreibung)``; the bare key for a field the schema does not know."""
    name = field_name(path)
    title = field_title(kind, tuple(path))
    return f"{name} ({title})" if name and title and title != name else name


@dataclasses.dataclass(frozen=True)
class TitledDocument(LoadedDocument):
    """A document that knows its record kind, so its problems name fields by their titles."""

    kind: str = ""

    def problem(self, path: tuple, message: str, *, key: bool = False) -> Problem:
        line, column = self.locate(path, key=key)
        return Problem(self.source, line, column, titled_field(self.kind, tuple(path)), message)


def titled(doc: LoadedDocument, kind: str, data: object = dataclasses.MISSING) -> TitledDocument:
    """*doc* as a :class:`TitledDocument` of *kind*, with other *data* if given (same positions)."""
    values = {f.name: getattr(doc, f.name) for f in dataclasses.fields(LoadedDocument)}
    if data is not dataclasses.MISSING:
        values["data"] = data
    return TitledDocument(**values, kind=kind)
