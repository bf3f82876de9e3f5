"""Open data, feeds, vCards, structured data and the sitemap of the demo build."""

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET

import vobject
from helpers import ROOT, html_files

from quartiersschau.publish.open_data import PROJECT_FIELDS, SITE_FIELDS

ATOM = "{http://www.w3.org/2005/Atom}"
SITES = sorted(p.stem for p in (ROOT / "data/sites").glob("*.yaml"))
PROJECTS = sorted(p.stem for p in (ROOT / "data/projects").glob("*.yaml"))


def test_open_data_files_parse_and_match_the_records(demo_output):
    sites = json.loads((demo_output / "daten/standorte.json").read_text(encoding="utf-8"))
    projects = json.loads((demo_output / "daten/projekte.json").read_text(encoding="utf-8"))
    geo = json.loads((demo_output / "daten/standorte.geojson").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((demo_output / "daten/projekte.csv").read_text(encoding="utf-8"))))
    assert sorted(s["id"] for s in sites["sites"]) == SITES
    assert sorted(p["id"] for p in projects["projects"]) == PROJECTS
    assert sorted(r["id"] for r in rows) == PROJECTS
    assert sorted(f["properties"]["id"] for f in geo["features"]) == SITES
    assert sites["licence"] == "CC BY 4.0" and projects["licence_url"].startswith("https://")
    assert sum(s["projects"] for s in sites["sites"]) == len(PROJECTS)


def test_open_data_fields_are_the_documented_ones(demo_output):
    site = json.loads((demo_output / "daten/standorte.json").read_text(encoding="utf-8"))["sites"][0]
    assert list(site) == [f.name for f in SITE_FIELDS]
    header = (demo_output / "daten/projekte.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == [f.name for f in PROJECT_FIELDS]
    page = (demo_output / "daten/index.html").read_text(encoding="utf-8")
    for field in SITE_FIELDS + PROJECT_FIELDS:
        assert f"<code>{field.name}</code>" in page
    assert "CC BY 4.0" in page


def test_geojson_points_are_lon_lat(demo_output):
    geo = json.loads((demo_output / "daten/standorte.geojson").read_text(encoding="utf-8"))
    for feature in geo["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert 5 < lon < 16 and 47 < lat < 56


def _atom(path):
    root = ET.parse(path).getroot()
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None
    for entry in root.findall(f"{ATOM}entry"):
        for required in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{required}") is not None
    return root


def test_feeds_are_well_formed_atom(demo_output):
    stories = _atom(demo_output / "geschichten/feed.xml")
    entries = stories.findall(f"{ATOM}entry")
    calls = [e for e in entries if e.find(f"{ATOM}title").text.startswith("Aufruf: ")]
    assert len(entries) - len(calls) == len(list((ROOT / "content/stories").glob("*.md")))
    # Calls a reader can still answer (open or coming; the demo has one of each), not the closed one.
    assert sorted(e.find(f"{ATOM}title").text for e in calls) == [
        "Aufruf: Ideen für Mikroprojekte 2027 gesucht",
        "Aufruf: Mikroprojekte für den Herbst 2027",
    ]
    for site in SITES:
        feed = _atom(demo_output / f"standorte/{site}/feed.xml")
        links = [e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")]
        assert any("/projekte/" in link for link in links)


def test_feed_summaries_are_text_and_contents_are_cleaned_html(demo_output):
    """Atom summaries are written as type="html": a record's plain summary must arrive escaped."""
    projects = {
        p["url"]: p["summary"]
        for p in json.loads((demo_output / "daten/projekte.json").read_text(encoding="utf-8"))["projects"]
    }
    checked = 0
    for feed in [demo_output / "geschichten/feed.xml", *(demo_output / f"standorte/{s}/feed.xml" for s in SITES)]:
        for entry in _atom(feed).findall(f"{ATOM}entry"):
            summary = entry.find(f"{ATOM}summary")
            assert summary.get("type") == "html" and "<" not in summary.text
            url = entry.find(f"{ATOM}link").get("href")
            if url in projects:
                assert html.unescape(summary.text) == projects[url]
                checked += 1
    assert checked >= len(SITES)


def test_feeds_are_linked_from_the_pages(demo_output):
    home = (demo_output / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml"' in home and 'href="/geschichten/feed.xml"' in home
    site = (demo_output / "standorte/gotha-west/index.html").read_text(encoding="utf-8")
    assert 'href="/standorte/gotha-west/feed.xml"' in site


def test_every_vcard_parses_and_carries_the_office_address(demo_output):
    for site in SITES:
        path = demo_output / f"standorte/{site}/buero.vcf"
        card = vobject.readOne(path.read_text(encoding="utf-8"))
        page = (demo_output / f"standorte/{site}/index.html").read_text(encoding="utf-8")
        street = card.adr.value.street
        assert street and street.split(",")[-1].strip() in page
        assert card.adr.value.code in page and card.fn.value
        assert 'href="/standorte/' + site + '/buero.vcf" download' in page


def test_route_link_goes_to_openstreetmap(demo_output):
    page = (demo_output / "standorte/hof-bahnhofsviertel/index.html").read_text(encoding="utf-8")
    assert 'href="https://www.openstreetmap.org/directions?route=%3B50.31%2C11.92"' in page


def _jsonld(page):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return [json.loads(b) for b in blocks]


def test_structured_data(demo_output):
    (org,) = _jsonld((demo_output / "index.html").read_text(encoding="utf-8"))
    assert org["@type"] == "Organization" and org["name"] == "Jugendmigrationsdienst im Quartier"
    (place,) = _jsonld((demo_output / "standorte/hof-bahnhofsviertel/index.html").read_text(encoding="utf-8"))
    assert place["@type"] == "Place" and place["geo"]["latitude"] == 50.31 and place["address"]["postalCode"]
    story = next((demo_output / "geschichten").glob("*/index.html"))
    (article,) = _jsonld(story.read_text(encoding="utf-8"))
    assert article["@type"] == "Article" and article["datePublished"] and article["headline"]


def test_meta_tags_for_sharing(demo_output):
    page = (demo_output / "projekte/kubus-der-solidaritaet/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://jmd-im-quartier.example.org/projekte/kubus-der-solidaritaet/">' in page
    assert '<meta property="og:title" content="Kubus der Solidarität">' in page
    assert re.search(
        r'<meta property="og:image" content="https://jmd-im-quartier\.example\.org/bilder/[^"]+\.jpg">', page
    )
    assert re.search(r'<meta name="description" content="[^"]{20,}">', page)


def test_every_page_is_in_the_sitemap(demo_output):
    root = ET.parse(demo_output / "sitemap.xml").getroot()
    listed = {loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    base = "https://jmd-im-quartier.example.org/"
    # Not the web editor (admin/, noindex): helpers.html_files leaves it out.
    for page in html_files(demo_output):
        relative = page.relative_to(demo_output).as_posix()
        if relative == "404.html":
            continue
        assert base + relative.removesuffix("index.html") in listed, relative
    assert len(listed) == len(html_files(demo_output)) - 1


def test_robots_and_404(demo_output):
    assert (
        demo_output / "robots.txt"
    ).read_text() == "User-agent: *\nAllow: /\nSitemap: https://jmd-im-quartier.example.org/sitemap.xml\n"
    page = (demo_output / "404.html").read_text(encoding="utf-8")
    assert "Seite nicht gefunden" in page and 'lang="de"' in page and 'content="noindex"' in page


def test_charts_show_the_counts_as_a_table(demo_output):
    home = (demo_output / "index.html").read_text(encoding="utf-8")
    projects = json.loads((demo_output / "daten/projekte.json").read_text(encoding="utf-8"))["projects"]
    table = re.search(r"<caption>Mikroprojekte pro Jahr</caption>.*?</table>", home, re.S).group(0)
    counted = {int(y): int(n) for y, n in re.findall(r'<th scope="row">(\d{4})</th><td>(\d+)</td>', table)}
    expected = {}
    for p in projects:
        expected[p["year"]] = expected.get(p["year"], 0) + 1
    assert {year: n for year, n in counted.items() if n} == expected
    assert list(counted) == list(range(min(counted), max(counted) + 1))  # a year without projects shows 0
    assert "Mikroprojekte pro Thema" in (demo_output / "ueber/index.html").read_text(encoding="utf-8")
