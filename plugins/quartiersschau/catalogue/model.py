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
from .address import Address
from .legal import Legal

STATUS_LABELS = {"planned": "geplant", "running": "läuft", "completed": "abgeschlossen"}


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
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Organisation:
    name: str
    url: str | None = None


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


@dataclass(frozen=True)
class Phase:
    id: str
    label: str
    description: str | None
    # Position in programme.yaml (1, 2, …): the theme colours phases by it.
    number: int


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
    organisation: Organisation | None
    office: Office | None
    contacts: tuple[Contact, ...]
    themes: tuple[Theme, ...]
    residents: Residents | None
    summary: str
    description: Markup | None
    image: Image | None
    links: tuple[Link, ...]
    url: str
    save_as: str
    source: str
    projects: tuple[Project, ...] = field(default=(), repr=False)
    stories: tuple[Story, ...] = field(default=(), repr=False)

    @property
    def projects_by_year(self) -> tuple[tuple[int, tuple[Project, ...]], ...]:
        years = sorted({p.year for p in self.projects}, reverse=True)
        return tuple((y, tuple(p for p in self.projects if p.year == y)) for y in years)


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


@dataclass(frozen=True)
class Programme:
    name: str
    short_name: str
    summary: str
    description: Markup
    funders: tuple[Organisation, ...]
    start: dt.date
    end: dt.date | None
    period_note: str | None
    budget_amount: float | None
    budget_note: str | None
    phases: tuple[Phase, ...]
    region_label: str
    region_label_plural: str
    contact_organisation: str
    contact_address: Address | None
    contact_email: str
    contact_phone: str | None
    contact_url: str | None
    links: tuple[Link, ...]
    demo: bool
    licence_name: str
    licence_url: str
    legal: Legal


@dataclass(frozen=True)
class KeyFigures:
    """Numbers for the home page, counted from the records (never typed in)."""

    sites: int
    projects: int
    years: int
    first_year: int
    last_year: int
    regions: int
    stories: int
