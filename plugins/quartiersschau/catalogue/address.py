"""A postal address, as entities of the catalogue and the legal pages carry it.

Its own module because both ``model`` (offices, the programme's contact) and
``legal`` (publisher, host) need it, and ``model`` needs ``legal``.
"""

from __future__ import annotations

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
