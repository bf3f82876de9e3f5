"""Atom feeds: all stories, and one per site with its stories and newest projects.

Written with feedgenerator (Pelican's own feed library). Dates come from the
records, never from the clock, so the same content always gives the same feed.

Atom says what each text is. feedgenerator writes titles as ``type="text"`` (the
default) but an entry's summary and content always as ``type="html"``, which a feed
reader decodes as markup. Record summaries are plain text, so ``_entry`` escapes them
first: a summary like ``<img src=…>`` then shows as those characters, and loads
nothing. Only Markup (Markdown cleaned by nh3) goes into the content unescaped.
"""

from __future__ import annotations

import datetime as dt

from feedgenerator import Atom1Feed
from markupsafe import Markup, escape

from ..catalogue.catalogue import Catalogue
from ..catalogue.model import Project, Site, Story
from ..catalogue.participation import Call

STORIES_FEED = "geschichten/feed.xml"
SITE_FEED = "{url}feed.xml"
MAX_ITEMS = 50


def site_feed_url(site: Site) -> str:
    return SITE_FEED.format(url=site.url)


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


class _Feed(Atom1Feed):
    """An Atom feed whose date without entries is a fixed one, not 'now'."""

    def __init__(self, *args, fallback: dt.date, **kwargs):
        super().__init__(*args, **kwargs)
        self._fallback = _moment(fallback)

    def latest_post_date(self):
        dates = [item[key] for item in self.items for key in ("updateddate", "pubdate") if item.get(key)]
        return max(dates, default=self._fallback)


def _project_day(project: Project) -> dt.date:
    return project.start or dt.date(project.year, 1, 1)


def _entry(feed: _Feed, url: str, title: str, summary: str, content: Markup | str, day: dt.date) -> None:
    """One entry. *title* and *summary* are plain text; *content* is HTML only if it is Markup."""
    feed.add_item(
        title=title,  # written as type="text": feedgenerator escapes it for XML, which is enough
        link=url,
        unique_id=url,
        description=str(escape(summary)),  # written as type="html"
        content=str(escape(content)),  # written as type="html"; Markup passes unchanged
        pubdate=_moment(day),
        updateddate=_moment(day),
    )


def _add_story(feed: _Feed, story: Story, base: str) -> None:
    _entry(feed, f"{base}/{story.url}", story.title, story.summary, story.body, story.date)


def _add_project(feed: _Feed, project: Project, base: str, label: str) -> None:
    content = project.description or project.summary  # the summary is plain text: escaped
    _entry(
        feed,
        f"{base}/{project.url}",
        f"{label}: {project.title}",
        project.summary,
        content,
        _project_day(project),
    )


def _add_call(feed: _Feed, call, base: str) -> None:
    deadline = f"{call.deadline.day}.{call.deadline.month}.{call.deadline.year}"
    summary = f"{call.summary} Frist: {deadline}. {call.how_to_apply}"
    _entry(feed, f"{base}/{call.url}", f"Aufruf: {call.title}", summary, summary, call.opens)


def _current_calls(calls) -> list:
    """Calls a reader can still answer (open, or opening soon)."""
    return [c for c in calls if c.status != "closed"]


def _add_newest(feed: _Feed, catalogue: Catalogue, entries: list[tuple], base: str) -> None:
    """Add the newest MAX_ITEMS of (day, rank, id, entry), each as a story, call or project entry."""
    for _, _, _, entry in sorted(entries, key=lambda e: e[:3], reverse=True)[:MAX_ITEMS]:
        if isinstance(entry, Story):
            _add_story(feed, entry, base)
        elif isinstance(entry, Call):
            _add_call(feed, entry, base)
        else:  # "Neues Mikroprojekt", "Neues Projekt": the programme's word
            _add_project(feed, entry, base, catalogue.programme.words.project.adjective("Neu"))


def story_feed(catalogue: Catalogue, base: str) -> str:
    programme = catalogue.programme
    feed = _Feed(
        title=f"Geschichten – {programme.short_name}",
        link=f"{base}/{catalogue.urls['stories']}",
        description=programme.summary,
        language="de",
        feed_url=f"{base}/{STORIES_FEED}",
        fallback=programme.start,
    )
    entries = [(s.date, 1, s.slug, s) for s in catalogue.stories]
    entries += [(c.opens, 0, c.id, c) for c in _current_calls(catalogue.participation.calls)]
    _add_newest(feed, catalogue, entries, base)
    return feed.writeString("utf-8")


def site_feed(catalogue: Catalogue, site: Site, base: str) -> str:
    """Stories and projects of one site, newest first."""
    feed = _Feed(
        title=f"{site.name} – {catalogue.programme.short_name}",
        link=f"{base}/{site.url}",
        description=site.summary,
        language="de",
        feed_url=f"{base}/{SITE_FEED.format(url=site.url)}",
        fallback=catalogue.programme.start,
    )
    entries = [(s.date, 1, s.slug, s) for s in site.stories] + [(_project_day(p), 0, p.id, p) for p in site.projects]
    entries += [(c.opens, 2, c.id, c) for c in _current_calls(site.calls)]
    _add_newest(feed, catalogue, entries, base)
    return feed.writeString("utf-8")


def write_feeds(catalogue: Catalogue, base: str, write) -> list[str]:
    """Write every feed with ``write(relative_path, text)``; returns the paths."""
    written = [STORIES_FEED]
    write(STORIES_FEED, story_feed(catalogue, base))
    for site in catalogue.sites:
        path = site_feed_url(site)
        write(path, site_feed(catalogue, site, base))
        written.append(path)
    return written


# What pages link to (``<link rel="alternate">`` and the feed links); see render.environment.
TEMPLATE_GLOBALS = {"site_feed_url": site_feed_url, "stories_feed_url": STORIES_FEED}
