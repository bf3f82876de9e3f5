"""The catalogue: one linked, immutable object graph of the whole programme.

It is built once per build from validated records (see builder) and handed
to every generator through the Pelican context. Templates only read it: groupings and
counts are properties here, never computed in a template.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

from . import model as m
from .programme import KeyFigures, Programme
from .taking_part import Participation

DEFAULT_URLS = {
    "home": "",
    "sites": "standorte/",
    "site": "standorte/{id}/",
    "projects": "projekte/",
    "project": "projekte/{id}/",
    "themes": "themen/",
    "theme": "themen/{id}/",
    "regions": "regionen/",
    "region": "regionen/{id}/",
    "stories": "geschichten/",
    "events": "termine/",
    "event": "termine/{id}/",
    "events_archive": "termine/archiv/",
    "calendar_help": "termine/kalender/",
    "participation": "mitmachen/",
}


def save_as(url: str) -> str:
    """Directory-style URL to the file that serves it: ``standorte/`` → ``standorte/index.html``."""
    return f"{url}index.html"


def _sort_key(name: str) -> str:
    """*name* as a German index sorts it: without accents, ß as ss, case ignored."""
    plain = unicodedata.normalize("NFD", name.replace("ß", "ss")).encode("ascii", "ignore").decode()
    return plain.casefold()


@dataclass(frozen=True, eq=False)
class Catalogue:
    programme: Programme
    themes: tuple[m.Theme, ...]
    regions: tuple[m.Region, ...]
    sites: tuple[m.Site, ...]
    projects: tuple[m.Project, ...]
    stories: tuple[m.Story, ...]
    pages: tuple[m.Page, ...]
    urls: MappingProxyType
    digest: str
    participation: Participation
    site_by_id: MappingProxyType = field(repr=False)
    project_by_id: MappingProxyType = field(repr=False)
    story_by_slug: MappingProxyType = field(repr=False)
    page_by_slug: MappingProxyType = field(repr=False)

    def menu(self, name: str) -> tuple[m.Page, ...]:
        """Pages that editors put in a menu (``main`` or ``footer``), in their order."""
        return tuple(sorted((p for p in self.pages if p.menu == name), key=lambda p: (p.order, p.title)))

    def stories_for(self, articles) -> tuple[m.Story, ...]:
        """The catalogue's stories for Pelican articles (e.g. one page of the story list)."""
        return tuple(self.story_by_slug[a.slug] for a in articles)

    @cached_property
    def current_sites(self) -> tuple[m.Site, ...]:
        """Sites whose phase is not archived: the ones lists, maps and counts show."""
        return tuple(s for s in self.sites if not s.archived)

    @cached_property
    def sites_by_initial(self) -> tuple[tuple[str, tuple[m.Site, ...]], ...]:
        """Current sites by the first letter of their name (Ä under A): the finder's jump index."""
        groups: dict[str, list[m.Site]] = {}
        for site in sorted(self.current_sites, key=lambda s: _sort_key(s.name)):
            groups.setdefault(_sort_key(site.name)[:1].upper() or "#", []).append(site)
        return tuple((letter, tuple(sites)) for letter, sites in groups.items())

    @cached_property
    def archived_sites(self) -> tuple[m.Site, ...]:
        """Sites whose funding has ended, newest end first."""
        ended = [s for s in self.sites if s.archived]
        return tuple(sorted(ended, key=lambda s: (-(s.end.toordinal() if s.end else 0), s.name)))

    @cached_property
    def figures(self) -> KeyFigures:
        years = [p.year for p in self.projects]
        first = self.programme.start.year
        last = max(years + [first])
        return KeyFigures(
            sites=len(self.current_sites),
            projects=len(self.projects),
            years=last - first + 1,
            first_year=first,
            last_year=last,
            regions=len({s.region.id for s in self.current_sites}),
            stories=len(self.stories),
        )

    @cached_property
    def sites_by_region(self) -> tuple[tuple[m.Region, tuple[m.Site, ...]], ...]:
        current = set(self.current_sites)
        grouped = ((r, tuple(s for s in r.sites if s in current)) for r in self.regions)
        return tuple((r, sites) for r, sites in grouped if sites)

    @cached_property
    def project_years(self) -> tuple[tuple[int, int], ...]:
        """(year, index of its first project in ``projects``), newest first: where a paged list's year begins."""
        first: dict[int, int] = {}
        for index, project in enumerate(self.projects):
            first.setdefault(project.year, index)
        return tuple(sorted(first.items(), reverse=True))

    @cached_property
    def project_statuses(self) -> tuple[tuple[str, str], ...]:
        """(status, label) of the statuses some project has, in the order of a project's life."""
        present = {p.status for p in self.projects}
        return tuple((s, m.STATUS_LABELS[s]) for s in ("running", "planned", "completed") if s in present)

    @cached_property
    def projects_per_year(self) -> tuple[tuple[int, int], ...]:
        """(year, number of projects) for every year from the first project's to the last, gaps included."""
        years = [p.year for p in self.projects]
        if not years:
            return ()
        return tuple((y, years.count(y)) for y in range(min(years), max(years) + 1))

    @cached_property
    def projects_per_theme(self) -> tuple[tuple[m.Theme, int], ...]:
        """(theme, number of projects), most projects first."""
        return tuple(sorted(((t, len(t.projects)) for t in self.themes), key=lambda tc: (-tc[1], tc[0].label)))

    @cached_property
    def featured_projects(self) -> tuple[m.Project, ...]:
        featured = [p for p in self.projects if p.featured]
        return tuple(featured or self.projects[:6])
