"""Plain text stays plain text in every output: a title that looks like markup is shown, never run.

One fixture copy gets names, titles and summaries full of markup, quotes and spreadsheet
formulas; every format the build writes is parsed as its reader would parse it, and the
payload must come out as the same characters – not as an element, an attribute, a
property or a formula.
"""

from __future__ import annotations

import csv
import dataclasses
import gzip
import html
import io
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
import vobject
from helpers import FIXTURE, FIXTURE_SETTINGS, build_site, html_files
from sites import edit, fixture_copy, paths_of

from quartiersschau.check import load_catalogue
from quartiersschau.publish.open_data import csv_cell
from quartiersschau.render.contact_card import vcard
from quartiersschau.render.markdown import MarkdownRenderer

EVIL = "evil.example"
PAYLOAD = (
    '</script><script src="https://evil.example/x.js"></script>'
    "<img src=https://evil.example/p.png onerror=alert(1)> & \"Zitat\" 'x'"
)
ATOM = "{http://www.w3.org/2005/Atom}"

SITE_NAME = f"Hof {PAYLOAD}"
SITE_SUMMARY = f'=HYPERLINK("https://evil.example") {PAYLOAD}'
ORGANISATION = f"=1+1 Träger; mit, Komma {PAYLOAD}"
OFFICE = f"Büro; X, Y {PAYLOAD}"
ROLE = f"@Koordination {PAYLOAD}"
PROJECT_TITLE = f"Werkstatt {PAYLOAD}"
PROJECT_SUMMARY = f"=cmd|' /C calc'!A0 {PAYLOAD}"
PROJECT_FORMAT = "+Werkstatt"
STORY_TITLE = f"Geschichte {PAYLOAD}"
STORY_SUMMARY = f"-Kurz {PAYLOAD}"


def _yaml(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    base = tmp_path_factory.mktemp("plain-text")
    site = fixture_copy(base)
    hof = site / "data/sites/hof.yaml"
    edit(hof, "name: Hof – Bahnhofsviertel", f"name: {_yaml(SITE_NAME)}")
    edit(hof, "summary: Das Bahnhofsviertel in Hof ist seit 2022 dabei.", f"summary: {_yaml(SITE_SUMMARY)}")
    edit(hof, "  name: Testträger Hof e.V.", f"  name: {_yaml(ORGANISATION)}")
    edit(hof, "  name: Vor-Ort-Büro Bahnhofsviertel", f"  name: {_yaml(OFFICE)}")
    edit(hof, "  - role: Quartierskoordination", f"  - role: {_yaml(ROLE)}")
    werkstatt = site / "data/projects/fahrradwerkstatt.yaml"
    edit(werkstatt, "title: Fahrradwerkstatt", f"title: {_yaml(PROJECT_TITLE)}")
    edit(werkstatt, "summary: Jugendliche reparieren Fahrräder.", f"summary: {_yaml(PROJECT_SUMMARY)}")
    edit(werkstatt, "format: Werkstatt", f"format: {_yaml(PROJECT_FORMAT)}")
    # A project without a description: its summary stands in for the feed entry's content.
    edit(
        site / "data/projects/hausaufgabenhilfe.yaml",
        "summary: Schülerinnen helfen Schülern.",
        f"summary: {_yaml(PAYLOAD)}",
    )
    story = site / "content/stories/werkstatt-eroeffnet.md"
    edit(story, "title: Die Werkstatt ist eröffnet", f"title: {_yaml(STORY_TITLE)}")
    edit(story, "summary: In Hof hat die Fahrradwerkstatt eröffnet.", f"summary: {_yaml(STORY_SUMMARY)}")
    result = build_site(site, base / "output", base / "cache", *FIXTURE_SETTINGS)
    assert result.returncode == 0, result.stderr
    return base / "output"


class _Markup(HTMLParser):
    """Elements and attribute values of an HTML text, and the text itself."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.text = ""
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [f"{name}={value}" for name, value in attrs]

    def handle_data(self, data):
        self.text += data


def _inert(html_text: str) -> str:
    """The text of an HTML fragment, after asserting the payload made no element or attribute."""
    parsed = _Markup(html_text)
    assert not {"script", "img"} & set(parsed.tags), parsed.tags
    assert not [a for a in parsed.attributes if EVIL in a], parsed.attributes
    return parsed.text


# --- Atom ----------------------------------------------------------------------------


@pytest.mark.parametrize("feed", ["geschichten/feed.xml", "standorte/hof/feed.xml"])
def test_feed_texts_are_text_for_a_feed_reader(output, feed):
    root = ET.parse(output / feed).getroot()
    seen = set()
    for element in root.iter():
        if element.tag not in (f"{ATOM}title", f"{ATOM}subtitle", f"{ATOM}summary", f"{ATOM}content"):
            continue
        kind = element.get("type", "text")
        text = element.text or ""
        # What a feed reader shows: text as it is, html decoded as markup (RFC 4287, 3.1.1).
        shown = text if kind == "text" else _inert(text)
        assert kind in ("text", "html")
        seen |= {
            value
            for value in (STORY_TITLE, STORY_SUMMARY, SITE_NAME, SITE_SUMMARY, PROJECT_SUMMARY, PAYLOAD)
            if value in shown
        }
    assert {STORY_TITLE, STORY_SUMMARY} <= seen
    if feed.startswith("standorte/"):
        assert {SITE_SUMMARY, PROJECT_SUMMARY, PAYLOAD} <= seen
        titles = [e.text for e in root.iter(f"{ATOM}title")]
        assert f"{SITE_NAME} – Testprogramm" in titles and f"Neues Mikroprojekt: {PROJECT_TITLE}" in titles


def test_feed_content_keeps_the_cleaned_markup_of_stories(output):
    root = ET.parse(output / "geschichten/feed.xml").getroot()
    contents = [e.text for e in root.iter(f"{ATOM}content")]
    assert any("<h2>Wie es weitergeht</h2>" in c for c in contents)


# --- open data -----------------------------------------------------------------------


def test_json_and_geojson_carry_the_texts_unchanged(output):
    sites = json.loads((output / "daten/standorte.json").read_text(encoding="utf-8"))["sites"]
    hof = next(s for s in sites if s["id"] == "hof")
    assert (hof["name"], hof["organisation"]) == (SITE_NAME, ORGANISATION)
    geo = json.loads((output / "daten/standorte.geojson").read_text(encoding="utf-8"))
    assert any(f["properties"]["name"] == SITE_NAME for f in geo["features"])
    projects = json.loads((output / "daten/projekte.json").read_text(encoding="utf-8"))["projects"]
    werkstatt = next(p for p in projects if p["id"] == "fahrradwerkstatt")
    assert (werkstatt["title"], werkstatt["summary"], werkstatt["site_name"]) == (
        PROJECT_TITLE,
        PROJECT_SUMMARY,
        SITE_NAME,
    )


def test_csv_cells_are_never_formulas(output):
    rows = list(csv.DictReader(io.StringIO((output / "daten/projekte.csv").read_text(encoding="utf-8"), newline="")))
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    werkstatt = next(r for r in rows if r["id"] == "fahrradwerkstatt")
    assert werkstatt["summary"] == "'" + PROJECT_SUMMARY
    assert werkstatt["format"] == "'" + PROJECT_FORMAT
    assert (werkstatt["title"], werkstatt["site_name"]) == (PROJECT_TITLE, SITE_NAME)


def test_csv_cell():
    assert [csv_cell(v) for v in ("=1+1", "+49 30", "-5", "@SUM(A1)", "\tx", "\rx", "a=b", "", None)] == [
        "'=1+1",
        "'+49 30",
        "'-5",
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
        "a=b",
        "",
        "",
    ]
    assert [csv_cell(v) for v in (["=a", "b"], 25, -1.5)] == ["'=a;b", 25, -1.5]


# --- vCard ---------------------------------------------------------------------------

VCARD_PROPERTIES = {"version", "fn", "n", "org", "adr", "tel", "email", "url", "note", "geo"}


def test_vcard_values_stay_inside_their_property(output):
    card = vobject.readOne((output / "standorte/hof/buero.vcf").read_text(encoding="utf-8"))
    assert set(card.contents) <= VCARD_PROPERTIES
    assert card.fn.value == OFFICE and card.org.value == [ORGANISATION]
    assert len(card.contents["tel"]) == 1


def test_a_line_break_in_a_name_adds_no_vcard_property():
    cat = load_catalogue(paths_of(FIXTURE), MarkdownRenderer())
    site = cat.site_by_id["hof"]
    name = "Büro\nTEL:0190 666 666\r\nX-EVIL:1;2,3"
    site = dataclasses.replace(site, office=dataclasses.replace(site.office, name=name))
    card = vobject.readOne(vcard(site, cat.programme, "https://example.org/standorte/hof/"))
    assert set(card.contents) <= VCARD_PROPERTIES and "x-evil" not in card.contents
    assert [t.value for t in card.contents["tel"]] == ["09281 0000 100"]
    assert card.fn.value == name.replace("\r\n", "\n")


# --- pages: head, JSON-LD, body --------------------------------------------------------


def _head(page: str) -> dict[str, str]:
    class Head(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.found, self._in_title, self.scripts = {}, False, []

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "title" and "title" not in self.found:  # the page's, not an SVG's
                self._in_title = True
            elif tag == "meta" and (a.get("name") or a.get("property")):
                self.found[a.get("name") or a.get("property")] = a.get("content")
            elif tag == "script":
                self.scripts.append(a)

        def handle_endtag(self, tag):
            self._in_title = self._in_title and tag != "title"

        def handle_data(self, data):
            if self._in_title:
                self.found["title"] = self.found.get("title", "") + data

    head = Head()
    head.feed(page)
    head.found["scripts"] = head.scripts
    return head.found


def test_title_description_and_open_graph_show_the_text(output):
    head = _head((output / "standorte/hof/index.html").read_text(encoding="utf-8"))
    assert head["title"] == f"{SITE_NAME} – Testprogramm"
    assert head["description"] == head["og:description"] == SITE_SUMMARY
    assert head["og:title"] == SITE_NAME


@pytest.mark.parametrize(
    ("page", "key", "expected"),
    [
        ("standorte/hof/index.html", "name", SITE_NAME),
        ("geschichten/werkstatt-eroeffnet/index.html", "headline", STORY_TITLE),
    ],
)
def test_json_ld_cannot_be_closed_by_the_text(output, page, key, expected):
    text = (output / page).read_text(encoding="utf-8")
    start = text.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    block = text[start : text.index("</script>", start)]  # where a browser ends the element
    assert json.loads(block)[key] == expected
    assert "<" not in block and ">" not in block


# Attributes whose value is text for people: the payload may be there, as text.
# data-search: the words the site finder compares with what is typed (finder.js reads it as text).
TEXT_ATTRIBUTES = ("content", "aria-label", "alt", "title", "data-pagefind-filter", "data-pagefind-meta", "data-search")


def test_no_page_gains_an_element_or_attribute_from_the_text(output):
    for path in html_files(output):
        parsed = _Markup(path.read_text(encoding="utf-8"))
        names = [a.split("=", 1)[0] for a in parsed.attributes]
        assert not [n for n in names if n.startswith("on")], path  # onerror=… stayed text
        assert not [a for a in parsed.attributes if EVIL in a and a.split("=", 1)[0] not in TEXT_ATTRIBUTES], path


def test_route_and_qr_are_made_from_coordinates_and_the_page_address(output):
    page = (output / "standorte/hof/index.html").read_text(encoding="utf-8")
    hrefs = [a.split("=", 1)[1] for a in _Markup(page).attributes if a.startswith("href=") and "openstreetmap" in a]
    assert hrefs == ["https://www.openstreetmap.org/directions?route=%3B50.31%2C11.92"]


# --- search index, sitemap, map ---------------------------------------------------------


def _fragments(output: Path) -> list[dict]:
    out = []
    for path in (output / "pagefind/fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        out.append(json.loads(data[len(b"pagefind_dcd") :]))
    return out


def test_search_index_holds_the_payload_as_text_only(output):
    fragments = _fragments(output)
    by_url = {f["url"]: f for f in fragments}
    hof = by_url["/standorte/hof/"]
    assert hof["meta"]["title"] == SITE_NAME
    assert SITE_SUMMARY in hof["content"] and OFFICE in hof["content"]
    assert SITE_NAME in by_url["/projekte/fahrradwerkstatt/"]["filters"]["Standort"]
    # The summary, shown for a search by facets alone, is the text as typed, which suche.js escapes.
    assert by_url["/standorte/hof/"]["meta"]["summary"] == SITE_SUMMARY
    for fragment in fragments:  # no image, link or anchor of the index points to the foreign host
        text = {"title", "summary"}
        assert EVIL not in json.dumps({k: v for k, v in fragment["meta"].items() if k not in text})
        assert EVIL not in json.dumps(fragment.get("anchors", []))


def test_sitemap_and_map_outlines_are_well_formed(output):
    root = ET.parse(output / "sitemap.xml").getroot()
    locations = [e.text for e in root.iter() if e.tag.endswith("loc")]
    assert locations and all(EVIL not in url and html.unescape(url) == url for url in locations)
    ET.parse(output / "karte/umrisse.svg")


def test_outline_codes_are_escaped_in_the_map_file():
    from quartiersschau.render.maps import MapGeometry

    code = '"/><script href="https://evil.example/x.js"/><path id="'
    svg = ET.fromstring(
        MapGeometry(10, 10, "Quelle", {code: "M0 0l1 1z"}, {code: (0, 0, 1, 1)}, (1, 0, 0, -1, 0, 0)).svg_file()
    )
    paths = list(svg.iter("{http://www.w3.org/2000/svg}path"))
    assert [p.get("id") for p in paths] == [code]
    assert not list(svg.iter("{http://www.w3.org/2000/svg}script"))


def test_search_results_show_the_text_and_load_nothing_from_it(output, browser):
    """In Chromium: the result list shows the characters of the payload, with no element made from it."""
    from browser_support import serve

    with serve(output) as url:
        context = browser.new_context(locale="de-DE")
        page = context.new_page()
        requested = []
        page.on("request", lambda request: requested.append(request.url))
        # With a term the hits show excerpts; with facets alone, the pages' summaries.
        for query in ("q=Werkstatt", "Art=Standort"):
            page.goto(f"{url}/suche/?{query}")
            page.wait_for_selector("[data-results][aria-busy=false] li")
            results = page.locator("[data-results]")
            assert results.locator("img, script, [onerror]").count() == 0
            text = results.inner_text()
            assert "<img src=https://evil.example/p.png" in text and "&lt;" not in text, query
        assert SITE_SUMMARY in text
        assert not [u for u in requested if EVIL in u]
        context.close()
