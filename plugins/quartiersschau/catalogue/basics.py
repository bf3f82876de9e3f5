"""Plain values that entities, the programme and the legal pages share: addresses, links, organisations.

Their own module because ``model``, ``programme`` and ``legal`` all need them, and
``programme`` needs ``legal``: keeping them here keeps the imports one-way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Address:
    street: str
    postcode: str
    city: str
    addition: str | None = None

    @property
    def lines(self) -> tuple[str, ...]:
        first = (self.street,) if not self.addition else (self.addition, self.street)
        return first + (f"{self.postcode} {self.city}",)

    @property
    def street_line(self) -> str:
        """Addition and street on one line, as vCards and schema.org want them."""
        return ", ".join(filter(None, (self.addition, self.street)))


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Organisation:
    name: str
    url: str | None = None


# From validated record data (None where the field is missing).


def date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def links(data: list | None) -> tuple[Link, ...]:
    return tuple(Link(d["label"], d["url"]) for d in data or ())


def organisation(data: dict | None) -> Organisation | None:
    return Organisation(data["name"], data.get("url")) if data else None


def address(data: dict | None) -> Address | None:
    return Address(data["street"], data["postcode"], data["city"], data.get("addition")) if data else None
