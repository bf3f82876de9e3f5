"""Build the catalogue from validated records: entities, links both ways, rendered Markdown.

Runs once per build. All back-references (a site's projects and stories, a theme's
sites) are computed here, with inverted indexes so the work grows linearly with the
number of records.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from types import MappingProxyType
from typing import Protocol

from markupsafe import Markup

from ..common.cache import content_key
from ..common.clock import build_day
from ..records.fixed_pages import DOWNLOADS_URL
from ..records.reading import Record, RecordSet
from . import basics as b
from . import model as m
from . import taking_part
from . import values as v
from .catalogue import DEFAULT_URLS, Catalogue, save_as
from .legal import markdown_texts
from .programme import build_programme


def _newest_first(project: m.Project) -> tuple:
    """Newest first: by year, then by start (a project without one counts from 1 January), then title."""
    start = project.start or dt.date(project.year, 1, 1)
    return (-project.year, -start.toordinal(), project.title)


class MarkdownRenderer(Protocol):
    """Turns ``(markdown, heading level)`` pairs into sanitised HTML (render.markdown provides it).

    The builder receives one instead of importing the renderer, so the catalogue does
    not depend on the render stage.
    """

    def render_many(self, tasks: list[tuple[str, int]]) -> list[Markup]: ...


def _link(obj, **links) -> None:
    """Set back-references on a frozen entity; only the builder may do this."""
    for name, value in links.items():
        object.__setattr__(obj, name, value)


class _Builder:
    def __init__(
        self,
        records: RecordSet,
        renderer: MarkdownRenderer,
        urls: dict,
        story_url: str,
        page_url: str,
        renditions: dict,
        download_sizes: dict,
        now: dt.datetime,
    ):
        self.now = now
        self.records = records
        self.renditions = renditions
        self.download_sizes = download_sizes
        self.urls = {**DEFAULT_URLS, **urls}
        self.story_url = story_url
        self.page_url = page_url
        # All Markdown of the build in one batch: cached ones are looked up, the rest run in parallel.
        described = [
            r for r in records.sites + records.projects + records.events + records.calls if r.data.get("description")
        ]
        bodies = records.stories + records.pages
        legal_texts = markdown_texts(records.programme.data["legal"])
        rendered = renderer.render_many(
            [(r.data["description"], 2) for r in described]
            + [(r.body, 2) for r in bodies]
            + [(records.programme.data["description"], 2)]
            + [(text, 2) for text in legal_texts]
        )
        self.html = {(id(r), "description"): h for r, h in zip(described, rendered, strict=False)}
        self.html.update({(id(r), "body"): h for r, h in zip(bodies, rendered[len(described) :], strict=False)})
        self.programme_html = rendered[len(described) + len(bodies)]
        self.legal_notes = rendered[len(described) + len(bodies) + 1 :]

    def url(self, kind: str, **values) -> str:
        return self.urls[kind].format(**values)

    def site(self, r: Record, regions: dict, phases: dict, themes: dict) -> m.Site:
        d = r.data
        url = self.url("site", id=r.id)
        return m.Site(
            id=r.id,
            name=d["name"],
            city=d["city"],
            quarter=d.get("quarter"),
            region=regions[d["region"]],
            lat=d["coordinates"]["lat"],
            lon=d["coordinates"]["lon"],
            phase=phases[d["phase"]],
            since=d.get("since"),
            end=b.date(d.get("end")),
            organisation=b.organisation(d.get("organisation")),
            office=v.office(d.get("office")),
            contacts=tuple(
                m.Contact(c["role"], c.get("name"), c.get("email"), c.get("phone")) for c in d.get("contacts", ())
            ),
            themes=tuple(themes[t] for t in d["themes"]),
            residents=v.residents(d.get("residents")),
            area_ha=d.get("area_ha"),
            summary=d["summary"],
            description=self.html.get((id(r), "description")),
            image=v.image(d.get("image"), self.renditions),
            links=b.links(d.get("links")),
            downloads=v.downloads(d.get("downloads"), self.download_sizes, DOWNLOADS_URL),
            url=url,
            save_as=save_as(url),
            source=r.source,
        )

    def project(self, r: Record, sites: dict, themes: dict, programme) -> m.Project:
        d = r.data
        period, funding = d.get("period") or {}, d.get("funding") or {}
        url = self.url("project", id=r.id)
        return m.Project(
            id=r.id,
            title=d["title"],
            site=sites[d["site"]],
            year=d["year"],
            start=b.date(period.get("start")),
            end=b.date(period.get("end")),
            themes=tuple(themes[t] for t in d["themes"]),
            format=d.get("format"),
            target_groups=tuple(d.get("target_groups", ())),
            participants=d.get("participants"),
            partners=tuple(b.organisation(p) for p in d.get("partners", ())),
            funding_source=funding.get("source"),
            funding_amount=funding.get("amount"),
            fund=next((f for f in programme.funds if f.id == d.get("fund")), None),
            programme_lines=tuple(x for x in programme.programme_lines if x.id in d.get("programme_lines", ())),
            provider=b.organisation(d.get("provider")),
            place=d.get("place"),
            status=d["status"],
            featured=bool(d.get("featured")),
            summary=d["summary"],
            description=self.html.get((id(r), "description")),
            images=tuple(v.image(i, self.renditions) for i in d.get("images", ())),
            links=b.links(d.get("links")),
            url=url,
            save_as=save_as(url),
            source=r.source,
        )

    def story(self, r: Record, sites: dict, projects: dict, themes: dict) -> m.Story:
        d = r.data
        return m.Story(
            slug=r.id,
            title=d["title"],
            date=b.date(d["date"]),
            summary=d["summary"],
            sites=tuple(sites[s] for s in d.get("sites", ())),
            projects=tuple(projects[p] for p in d.get("projects", ())),
            themes=tuple(themes[t] for t in d.get("themes", ())),
            cover=v.image(d.get("cover"), self.renditions),
            body=self.html[(id(r), "body")],
            url=self.story_url.format(slug=r.id),
            source=r.source,
        )

    def page(self, r: Record) -> m.Page:
        d = r.data
        return m.Page(
            slug=r.id,
            title=d["title"],
            summary=d["summary"],
            menu=d.get("menu"),
            order=d.get("order", 0),
            updated=b.date(d.get("updated")),
            body=self.html[(id(r), "body")],
            url=self.page_url.format(slug=r.id),
            source=r.source,
        )

    def build(self) -> Catalogue:
        rec = self.records
        programme = build_programme(rec.programme.data, self.programme_html, self.legal_notes)
        phases = {p.id: p for p in programme.phases}
        themes = {
            d["id"]: m.Theme(
                d["id"],
                d["label"],
                d["description"],
                self.url("theme", id=d["id"]),
                save_as(self.url("theme", id=d["id"])),
            )
            for d in rec.themes.data
        }
        regions = {
            d["id"]: m.Region(
                d["id"],
                d["label"],
                d["code"],
                d["geo"],
                d.get("locative") or f"in {d['label']}",
                self.url("region", id=d["id"]),
                save_as(self.url("region", id=d["id"])),
            )
            for d in rec.regions.data
        }
        sites = {r.id: self.site(r, regions, phases, themes) for r in rec.sites}
        projects = {r.id: self.project(r, sites, themes, programme) for r in rec.projects}
        published = [r for r in rec.stories if r.data.get("status", "published") == "published"]
        stories = sorted(
            (self.story(r, sites, projects, themes) for r in published), key=lambda s: (s.date, s.slug), reverse=True
        )
        pages = tuple(self.page(r) for r in rec.pages)

        site_list = tuple(sorted(sites.values(), key=lambda s: s.name))
        project_list = tuple(sorted(projects.values(), key=_newest_first))
        # Inverted indexes keep linking linear in the number of records.
        by_site, by_region, by_theme = defaultdict(list), defaultdict(list), defaultdict(list)
        for project in project_list:
            by_site[project.site].append(project)
            by_region[project.site.region].append(project)
            for theme in project.themes:
                by_theme[theme].append(project)
        stories_of = defaultdict(list)
        for story in stories:
            for entity in dict.fromkeys(
                story.sites + story.projects + tuple(p.site for p in story.projects) + story.themes
            ):
                stories_of[entity].append(story)
        for site in site_list:
            _link(site, projects=tuple(by_site[site]), stories=tuple(stories_of[site]))
        for project in project_list:
            _link(project, stories=tuple(stories_of[project]))
        for theme in themes.values():
            _link(
                theme,
                sites=tuple(s for s in site_list if theme in s.themes),
                projects=tuple(by_theme[theme]),
                stories=tuple(stories_of[theme]),
            )
        for region in regions.values():
            _link(region, sites=tuple(s for s in site_list if s.region is region), projects=tuple(by_region[region]))
        funds = {f.id: f for f in programme.funds}
        participation = taking_part.link(
            rec, rec.programme.data, sites, projects, funds, self.html, lambda kind, i: self.url(kind, id=i), self.now
        )
        return Catalogue(
            participation=participation,
            programme=programme,
            themes=tuple(themes.values()),
            regions=tuple(regions.values()),
            sites=site_list,
            projects=project_list,
            stories=tuple(stories),
            pages=pages,
            urls=MappingProxyType(self.urls),
            # Pages show derivative URLs, which carry the images' content hashes.
            digest=content_key(
                rec.digest(),
                # Pages show what is upcoming as of the build day.
                self.now.isoformat(),
                *sorted(variant.url for r in self.renditions.values() for variant in r.variants),
            ),
            site_by_id=MappingProxyType(sites),
            project_by_id=MappingProxyType(projects),
            story_by_slug=MappingProxyType({s.slug: s for s in stories}),
            page_by_slug=MappingProxyType({p.slug: p for p in pages}),
        )


def build_catalogue(
    records: RecordSet,
    renderer: MarkdownRenderer,
    *,
    urls: dict | None = None,
    story_url: str = "geschichten/{slug}/",
    page_url: str = "{slug}/",
    renditions: dict | None = None,
    download_sizes: dict | None = None,
    now: dt.datetime | None = None,
) -> Catalogue:
    """Link validated records into the catalogue. Call only when validation found nothing.

    *renditions* maps image paths to their derivatives (see images.pipeline);
    *download_sizes* maps each download (below content/downloads/) to its size in bytes;
    *now* is the start of the build day (default: ``common.clock.build_day()``).
    """
    return _Builder(
        records, renderer, urls or {}, story_url, page_url, renditions or {}, download_sizes or {}, now or build_day()
    ).build()
