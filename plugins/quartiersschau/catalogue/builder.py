"""Build the catalogue from validated records: entities, links both ways, rendered Markdown.

Runs once per build. All back-references (a site's projects and stories, a theme's
sites) are computed here, with inverted indexes so the work grows linearly with the
number of records.
"""

from __future__ import annotations

from collections import defaultdict
from types import MappingProxyType
from typing import Protocol

from markupsafe import Markup

from ..common.cache import content_key
from ..records.reading import Record, RecordSet
from . import legal
from . import model as m
from . import values as v
from .catalogue import DEFAULT_URLS, Catalogue, save_as


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
    ):
        self.records = records
        self.renditions = renditions
        self.urls = {**DEFAULT_URLS, **urls}
        self.story_url = story_url
        self.page_url = page_url
        # All Markdown of the build in one batch: cached ones are looked up, the rest run in parallel.
        described = [r for r in records.sites + records.projects if r.data.get("description")]
        bodies = records.stories + records.pages
        legal_texts = legal.markdown_texts(records.programme.data["legal"])
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

    def programme(self) -> m.Programme:
        d = self.records.programme.data
        contact, period, budget = d["contact"], d["period"], d.get("budget") or {}
        return m.Programme(
            name=d["name"],
            short_name=d["short_name"],
            summary=d["summary"],
            description=self.programme_html,
            funders=tuple(v.organisation(f) for f in d.get("funders", ())),
            start=v.date(period["start"]),
            end=v.date(period.get("end")),
            period_note=period.get("note"),
            budget_amount=budget.get("amount"),
            budget_note=budget.get("note"),
            phases=tuple(m.Phase(p["id"], p["label"], p.get("description"), n) for n, p in enumerate(d["phases"], 1)),
            region_label=d["region_taxonomy"]["label"],
            region_label_plural=d["region_taxonomy"]["label_plural"],
            contact_organisation=contact["organisation"],
            contact_address=v.address(contact.get("address")),
            contact_email=contact["email"],
            contact_phone=contact.get("phone"),
            contact_url=contact.get("url"),
            links=v.links(d.get("links")),
            demo=bool(d.get("demo")),
            licence_name=d["licence"]["name"],
            licence_url=d["licence"]["url"],
            legal=legal.build_legal(d["legal"], v.address, self.legal_notes),
        )

    def site(self, r: Record, regions: dict, phases: dict, themes: dict) -> m.Site:
        d = r.data
        res = d.get("residents")
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
            organisation=v.organisation(d.get("organisation")),
            office=v.office(d.get("office")),
            contacts=tuple(
                m.Contact(c["role"], c.get("name"), c.get("email"), c.get("phone")) for c in d.get("contacts", ())
            ),
            themes=tuple(themes[t] for t in d["themes"]),
            residents=m.Residents(res["count"], bool(res.get("approximate")), res.get("year")) if res else None,
            summary=d["summary"],
            description=self.html.get((id(r), "description")),
            image=v.image(d.get("image"), self.renditions),
            links=v.links(d.get("links")),
            url=url,
            save_as=save_as(url),
            source=r.source,
        )

    def project(self, r: Record, sites: dict, themes: dict) -> m.Project:
        d = r.data
        period, funding = d.get("period") or {}, d.get("funding") or {}
        url = self.url("project", id=r.id)
        return m.Project(
            id=r.id,
            title=d["title"],
            site=sites[d["site"]],
            year=d["year"],
            start=v.date(period.get("start")),
            end=v.date(period.get("end")),
            themes=tuple(themes[t] for t in d["themes"]),
            format=d.get("format"),
            target_groups=tuple(d.get("target_groups", ())),
            participants=d.get("participants"),
            partners=tuple(v.organisation(p) for p in d.get("partners", ())),
            funding_source=funding.get("source"),
            funding_amount=funding.get("amount"),
            status=d["status"],
            featured=bool(d.get("featured")),
            summary=d["summary"],
            description=self.html.get((id(r), "description")),
            images=tuple(v.image(i, self.renditions) for i in d.get("images", ())),
            links=v.links(d.get("links")),
            url=url,
            save_as=save_as(url),
            source=r.source,
        )

    def story(self, r: Record, sites: dict, projects: dict, themes: dict) -> m.Story:
        d = r.data
        return m.Story(
            slug=r.id,
            title=d["title"],
            date=v.date(d["date"]),
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
            updated=v.date(d.get("updated")),
            body=self.html[(id(r), "body")],
            url=self.page_url.format(slug=r.id),
            source=r.source,
        )

    def build(self) -> Catalogue:
        rec = self.records
        programme = self.programme()
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
                self.url("region", id=d["id"]),
                save_as(self.url("region", id=d["id"])),
            )
            for d in rec.regions.data
        }
        sites = {r.id: self.site(r, regions, phases, themes) for r in rec.sites}
        projects = {r.id: self.project(r, sites, themes) for r in rec.projects}
        published = [r for r in rec.stories if r.data.get("status", "published") == "published"]
        stories = sorted(
            (self.story(r, sites, projects, themes) for r in published), key=lambda s: (s.date, s.slug), reverse=True
        )
        pages = tuple(self.page(r) for r in rec.pages)

        site_list = tuple(sorted(sites.values(), key=lambda s: s.name))
        project_list = tuple(sorted(projects.values(), key=lambda p: (-p.year, p.site.name, p.title)))
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
        return Catalogue(
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
                rec.digest(), *sorted(variant.url for r in self.renditions.values() for variant in r.variants)
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
) -> Catalogue:
    """Link validated records into the catalogue. Call only when validation found nothing.

    *renditions* maps image paths to their derivatives (see images.pipeline).
    """
    return _Builder(records, renderer, urls or {}, story_url, page_url, renditions or {}).build()
