"""Which pages the catalogue becomes: one job per output file.

A job names a template, where the page goes, and the entities it shows. Keeping this
a plain list (instead of rendering while walking the catalogue) lets the renderer
cache, skip and spread the work over all cores.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..catalogue.catalogue import Catalogue, save_as
from ..records.fixed_pages import EXTRA_PAGES, LEGAL_PAGES, PARTICIPATION_PAGE
from .paging import continuation_pages


@dataclass(frozen=True)
class PageJob:
    template: str
    url: str
    kwargs: dict = field(default_factory=dict)
    file: str | None = None  # where to write, if not the directory-style default

    @property
    def save_as(self) -> str:
        return self.file or save_as(self.url)


def page_jobs(catalogue: Catalogue, per_page: int = 0) -> list[PageJob]:
    """Every page of the site; project lists longer than *per_page* go on in pages of their own (render.paging)."""
    urls = catalogue.urls
    jobs = [
        PageJob("home.html", urls["home"]),
        PageJob("sites.html", urls["sites"]),
        PageJob("projects.html", urls["projects"]),
        PageJob("themes.html", urls["themes"]),
        PageJob("regions.html", urls["regions"]),
        PageJob("404.html", "404.html", file="404.html"),
    ]
    jobs += [
        PageJob("projects.html", url, {"page_number": n})
        for n, url in continuation_pages(len(catalogue.projects), urls["projects"], per_page)
    ]
    jobs += [PageJob(template, url) for template, url in EXTRA_PAGES + LEGAL_PAGES]
    jobs += [PageJob("site.html", s.url, {"site": s}) for s in catalogue.sites]
    jobs += [PageJob("project.html", p.url, {"project": p}) for p in catalogue.projects]
    jobs += [PageJob("theme.html", t.url, {"theme": t}) for t in catalogue.themes]
    jobs += [PageJob("region.html", r.url, {"region": r}) for r in catalogue.regions if r.sites]
    owners = [
        *(("site", s) for s in catalogue.sites),
        *(("theme", t) for t in catalogue.themes),
        *(("region", r) for r in catalogue.regions if r.sites),
    ]
    jobs += [
        PageJob("project_pages.html", url, {"owner": owner, "owner_kind": kind, "page_number": n})
        for kind, owner in owners
        for n, url in continuation_pages(len(owner.projects), owner.url, per_page)
    ]
    jobs += [
        PageJob("termine.html", urls["events"]),
        PageJob("termine_archiv.html", urls["events_archive"]),
        PageJob("kalender.html", urls["calendar_help"]),
        PageJob("mitmachen.html", urls["participation"], {"intro": catalogue.page_by_slug.get(PARTICIPATION_PAGE)}),
    ]
    jobs += [PageJob("event.html", e.url, {"event": e}) for e in catalogue.participation.events]
    return jobs
