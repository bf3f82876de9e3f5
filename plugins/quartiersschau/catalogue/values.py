"""Small value objects of the catalogue made from record data: dates, images, links, addresses, offices.

Each takes the validated data of one field (or None) and returns an immutable value;
the builder calls them for every record.
"""

from __future__ import annotations

import datetime as dt

from . import model as m


def date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


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


def links(data: list | None) -> tuple[m.Link, ...]:
    return tuple(m.Link(d["label"], d["url"]) for d in data or ())


def organisation(data: dict | None) -> m.Organisation | None:
    return m.Organisation(data["name"], data.get("url")) if data else None


def address(data: dict | None) -> m.Address | None:
    return m.Address(data["street"], data["postcode"], data["city"], data.get("addition")) if data else None


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
        lat=data.get("coordinates", {}).get("lat"),
        lon=data.get("coordinates", {}).get("lon"),
    )
