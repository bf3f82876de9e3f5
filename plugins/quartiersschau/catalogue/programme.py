"""The programme itself: its words, map, phases, funds and legal data, and the figures counted from it.

Everything a page says about the programme as a whole comes from here (and so from
programme.yaml), never from the code or the templates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from ..records.fixed_pages import DOWNLOADS_URL
from ..records.vocabulary import Noun, noun
from . import basics as v
from . import legal as legal_data
from .basics import Address, Link, Organisation
from .legal import Legal


@dataclass(frozen=True)
class Phase:
    id: str
    label: str
    description: str | None
    # Position in programme.yaml (1, 2, …): the theme colours phases by it.
    number: int
    # Sites in this phase have ended: they are listed in the archive, not among the current ones.
    archived: bool


@dataclass(frozen=True)
class Fund:
    id: str
    label: str
    description: str | None
    pays_for: str | None = None
    max_per_action: float | None = None
    yearly_budget: float | None = None
    min_amount: float | None = None
    decides: str | None = None
    apply_ahead: str | None = None
    who_may_apply: str | None = None
    form_url: str | None = None  # a file below content/downloads/, published under DOWNLOADS_URL
    form_contact: str | None = None


@dataclass(frozen=True)
class ProgrammeLine:
    id: str
    label: str
    description: str | None


@dataclass(frozen=True)
class Vocabulary:
    """The programme's words: ``vocabulary.site.plural`` is „Standorte“ or „QM-Gebiete“."""

    site: Noun
    region: Noun
    project: Noun


@dataclass(frozen=True)
class MapInfo:
    area: str
    attribution: str
    licence_name: str
    licence_url: str
    note: str | None


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
    words: Vocabulary
    map: MapInfo
    funds: tuple[Fund, ...]
    programme_lines: tuple[ProgrammeLine, ...]
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


def _entries(cls, items) -> tuple:
    return tuple(cls(i["id"], i["label"], i.get("description")) for i in items or ())


def _fund(d: dict) -> Fund:
    form = d.get("form") or {}
    return Fund(
        d["id"],
        d["label"],
        d.get("description"),
        pays_for=d.get("pays_for"),
        max_per_action=d.get("max_per_action"),
        yearly_budget=d.get("yearly_budget"),
        min_amount=d.get("min_amount"),
        decides=d.get("decides"),
        apply_ahead=d.get("apply_ahead"),
        who_may_apply=d.get("who_may_apply"),
        form_url=f"{DOWNLOADS_URL}/{form['file']}" if form.get("file") else None,
        form_contact=form.get("contact"),
    )


def build_programme(d: dict, description: Markup, legal_notes: list[Markup]) -> Programme:
    """The programme from the validated data of programme.yaml and its rendered Markdown."""
    contact, period, budget, words, area = d["contact"], d["period"], d.get("budget") or {}, d["vocabulary"], d["map"]
    return Programme(
        name=d["name"],
        short_name=d["short_name"],
        summary=d["summary"],
        description=description,
        funders=tuple(v.organisation(f) for f in d.get("funders", ())),
        start=v.date(period["start"]),
        end=v.date(period.get("end")),
        period_note=period.get("note"),
        budget_amount=budget.get("amount"),
        budget_note=budget.get("note"),
        phases=tuple(
            Phase(p["id"], p["label"], p.get("description"), n, bool(p.get("archived")))
            for n, p in enumerate(d["phases"], 1)
        ),
        words=Vocabulary(*(noun(words[role]) for role in ("site", "region", "project"))),
        map=MapInfo(
            area["area"], area["attribution"], area["licence"]["name"], area["licence"]["url"], area.get("note")
        ),
        funds=tuple(_fund(f) for f in d.get("funds", ())),
        programme_lines=_entries(ProgrammeLine, d.get("programme_lines")),
        contact_organisation=contact["organisation"],
        contact_address=v.address(contact.get("address")),
        contact_email=contact["email"],
        contact_phone=contact.get("phone"),
        contact_url=contact.get("url"),
        links=v.links(d.get("links")),
        demo=bool(d.get("demo")),
        licence_name=d["licence"]["name"],
        licence_url=d["licence"]["url"],
        legal=legal_data.build_legal(d["legal"], v.address, legal_notes),
    )
