"""The entities of the catalogue: plain, immutable objects the templates read.

Each entity carries its own fields, its URL and links to related entities. Links
in both directions (a project's site, a site's projects) are set once by the
catalogue builder; after that nothing changes, so every generator and template sees
the same graph.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from markupsafe import Markup

from ..images.pipeline import Rendition
from ..records.schema_tree import choice_labels
from .basics import Address, Link, Organisation
from .programme import Fund, Phase, ProgrammeLine

# A project's status in words, as the schema's description gives them (planned → geplant …).
STATUS_LABELS = choice_labels("project", ("status",))


@dataclass(frozen=True)
class Image:
    src: str
    alt: str
    decorative: bool
    credit: str
    licence: str
    # The derivatives for <picture>; None only where no image pipeline ran (validation, unit tests).
    rendition: Rendition | None = None


@dataclass(frozen=True)
class OpeningHours:
    days: str
    hours: str


@dataclass(frozen=True)
class Accessibility:
    step_free: bool
    accessible_toilet: bool | None
    notes: str | None


@dataclass(frozen=True)
class Office:
    name: str | None
    address: Address
    opening_hours: tuple[OpeningHours, ...]
    phone: str | None
    email: str | None
    accessibility: Accessibility | None
    languages: tuple[str, ...]
    # Where the office itself is, if known (else routes lead to the quarter).
    lat: float | None
    lon: float | None

    @property
    def phone_uri(self) -> str | None:
        """``tel:`` link target: digits and a leading plus only."""
        if not self.phone:
            return None
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        return f"tel:{digits}"


@dataclass(frozen=True)
class Contact:
    role: str
    name: str | None
    email: str | None
    phone: str | None


@dataclass(frozen=True)
class Residents:
    count: int
    approximate: bool
    year: int | None
    as_of: dt.date | None
    under_18_percent: float | None


@dataclass(frozen=True)
class Download:
    title: str
    url: str
    # File type and size as residents see them before downloading: "PDF", 1.2 MB.
    kind: str
    size_bytes: int
    accessible: bool


@dataclass(frozen=True, eq=False)
class Theme:
    id: str
    label: str
    description: str
    url: str
    save_as: str
    sites: tuple[Site, ...] = field(default=(), repr=False)
    projects: tuple[Project, ...] = field(default=(), repr=False)
    stories: tuple[Story, ...] = field(default=(), repr=False)


@dataclass(frozen=True, eq=False)
class Region:
    id: str
    label: str
    code: str
    geo: str
    # "in Bayern", "im Saarland", "in Neukölln".
    locative: str
    url: str
    save_as: str
    sites: tuple[Site, ...] = field(default=(), repr=False)
    projects: tuple[Project, ...] = field(default=(), repr=False)


@dataclass(frozen=True, eq=False)
class Site:
    id: str
    name: str
    city: str
    quarter: str | None
    region: Region
    lat: float
    lon: float
    phase: Phase
    since: int | None
    end: dt.date | None
    organisation: Organisation | None
    office: Office | None
    contacts: tuple[Contact, ...]
    themes: tuple[Theme, ...]
    residents: Residents | None
    area_ha: float | None
    summary: str
    description: Markup | None
    image: Image | None
    links: tuple[Link, ...]
    downloads: tuple[Download, ...]
    url: str
    save_as: str
    source: str
    projects: tuple[Project, ...] = field(default=(), repr=False)
    stories: tuple[Story, ...] = field(default=(), repr=False)
    # Taking part here: committees, events and calls that name this site, upcoming dates.
    committees: tuple = field(default=(), repr=False)
    fund_amounts: tuple = field(default=(), repr=False)
    events: tuple = field(default=(), repr=False)
    calls: tuple = field(default=(), repr=False)
    dates: tuple = field(default=(), repr=False)

    @property
    def archived(self) -> bool:
        return self.phase.archived


@dataclass(frozen=True, eq=False)
class Project:
    id: str
    title: str
    site: Site
    year: int
    start: dt.date | None
    end: dt.date | None
    themes: tuple[Theme, ...]
    format: str | None
    target_groups: tuple[str, ...]
    participants: int | None
    partners: tuple[Organisation, ...]
    funding_source: str | None
    funding_amount: float | None
    fund: Fund | None
    programme_lines: tuple[ProgrammeLine, ...]
    provider: Organisation | None
    place: str | None
    status: str
    featured: bool
    summary: str
    description: Markup | None
    images: tuple[Image, ...]
    links: tuple[Link, ...]
    url: str
    save_as: str
    source: str
    stories: tuple[Story, ...] = field(default=(), repr=False)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True, eq=False)
class Story:
    slug: str
    title: str
    date: dt.date
    summary: str
    sites: tuple[Site, ...]
    projects: tuple[Project, ...]
    themes: tuple[Theme, ...]
    cover: Image | None
    body: Markup
    url: str
    source: str


@dataclass(frozen=True, eq=False)
class Page:
    slug: str
    title: str
    summary: str
    menu: str | None
    order: int
    updated: dt.date | None
    body: Markup
    url: str
    source: str
