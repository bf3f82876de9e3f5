"""Which pages the catalogue becomes: one job per output file.

A job names a template, where the page goes, and the entities it shows. Keeping this
a plain list (instead of rendering while walking the catalogue) lets the renderer
cache, skip and spread the work over all cores.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalogue import Catalogue, save_as


@dataclass(frozen=True)
class PageJob:
    template: str
    url: str
    kwargs: dict = field(default_factory=dict)

    @property
    def save_as(self) -> str:
        return save_as(self.url)


def page_jobs(catalogue: Catalogue) -> list[PageJob]:
    urls = catalogue.urls
    jobs = [
        PageJob("home.html", urls["home"]),
        PageJob("sites.html", urls["sites"]),
        PageJob("projects.html", urls["projects"]),
        PageJob("themes.html", urls["themes"]),
        PageJob("regions.html", urls["regions"]),
    ]
    jobs += [PageJob("site.html", s.url, {"site": s}) for s in catalogue.sites]
    jobs += [PageJob("project.html", p.url, {"project": p}) for p in catalogue.projects]
    jobs += [PageJob("theme.html", t.url, {"theme": t}) for t in catalogue.themes]
    jobs += [PageJob("region.html", r.url, {"region": r}) for r in catalogue.regions if r.sites]
    return jobs
