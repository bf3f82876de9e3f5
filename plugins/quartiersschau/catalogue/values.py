"""Small value objects of the catalogue made from record data: images, offices, residents, downloads.

(Dates, links, organisations and addresses are made in ``basics``.)

Each takes the validated data of one field (or None) and returns an immutable value;
the builder calls them for every record.
"""

from __future__ import annotations

from . import model as m
from .basics import address, date


def image(data: dict | None, renditions: dict) -> m.Image | None:
    if not data:
        return None
    return m.Image(
        data["src"],
        data.get("alt", ""),
        bool(data.get("decorative")),
        data["credit"],
        data["licence"],
        renditions.get(data["src"]),
    )


def office(data: dict | None) -> m.Office | None:
    if not data:
        return None
    acc = data.get("accessibility")
    return m.Office(
        name=data.get("name"),
        address=address(data["address"]),
        opening_hours=tuple(m.OpeningHours(h["days"], h["hours"]) for h in data.get("opening_hours", ())),
        phone=data.get("phone"),
        email=data.get("email"),
        accessibility=m.Accessibility(acc["step_free"], acc.get("accessible_toilet"), acc.get("notes"))
        if acc
        else None,
        languages=tuple(data.get("languages", ())),
        lat=data.get("coordinates", {}).get("lat"),
        lon=data.get("coordinates", {}).get("lon"),
    )


def residents(data: dict | None) -> m.Residents | None:
    if not data:
        return None
    return m.Residents(
        data["count"],
        bool(data.get("approximate")),
        data.get("year"),
        date(data.get("as_of")),
        data.get("under_18_percent"),
    )


# File types residents recognise, by suffix.
_KINDS = {".pdf": "PDF", ".odt": "ODT", ".docx": "Word", ".xlsx": "Excel", ".ods": "ODS", ".csv": "CSV", ".txt": "Text"}


def downloads(data: list | None, sizes: dict[str, int], url_prefix: str) -> tuple[m.Download, ...]:
    """*sizes* maps a file (below content/downloads/) to its size in bytes, measured by the caller."""
    out = []
    for item in data or ():
        file = item["file"]
        kind = _KINDS.get(file[file.rfind(".") :].lower(), file.rsplit(".", 1)[-1].upper())
        out.append(m.Download(item["title"], f"{url_prefix}/{file}", kind, sizes[file], bool(item.get("accessible"))))
    return tuple(out)
