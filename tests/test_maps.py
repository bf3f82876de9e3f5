"""Maps: outlines simplified into one small file; one linked marker per site."""

import re

import pytest
from helpers import ROOT

from quartiersschau.records.geo import read_codes
from quartiersschau.render.maps import load_geometry

GEO = ROOT / "data/geo/de-laender.geojson"
# From data/programme.yaml (map.attribution): every map shows it.
ATTRIBUTION = "© GeoBasis-DE / BKG (2026), Daten verändert"


@pytest.fixture(scope="module")
def geometry():
    return load_geometry(GEO, "iso_3166_2", ATTRIBUTION)


def test_all_sixteen_laender_are_drawn(geometry):
    assert geometry.codes == read_codes(GEO, "iso_3166_2")
    assert len(geometry.codes) == 16
    assert all(d.startswith("M") and d.endswith("z") for d in geometry.paths.values())


def test_the_outline_file_is_small(geometry):
    svg = geometry.svg_file()
    assert len(svg.encode()) < 30_000
    assert ATTRIBUTION in svg and 'id="alle"' in svg and 'id="DE-BY"' in svg


def test_projection_puts_known_places_where_they_belong(geometry):
    flensburg = geometry.point(54.80, 9.43)
    munich = geometry.point(48.14, 11.58)
    cologne = geometry.point(50.94, 6.96)
    berlin = geometry.point(52.52, 13.40)
    assert flensburg[1] < berlin[1] < cologne[1] < munich[1]  # north to south
    assert cologne[0] < flensburg[0] < munich[0] < berlin[0]  # west to east
    for x, y in (flensburg, munich, cologne, berlin):
        assert 0 < x < geometry.width and 0 < y < geometry.height


def markers(html):
    return re.findall(r'<a class="qs-map__link" href="([^"]+)" aria-label="([^"]+)"', html)


def test_map_page_has_one_linked_marker_per_site(demo_output):
    html = (demo_output / "karte/index.html").read_text(encoding="utf-8")
    found = markers(html)
    sites = sorted(p.stem for p in (ROOT / "data/sites").glob("*.yaml"))
    assert sorted(href.split("/")[-2] for href, _ in found) == sites
    for href, label in found:
        assert (demo_output / href.lstrip("/") / "index.html").is_file()
        assert label.strip()
    assert html.count('<circle class="qs-map__marker') == len(sites)
    assert ATTRIBUTION in html


def test_every_map_has_the_attribution_and_a_text_alternative(demo_output):
    for page in (
        "index.html",
        "karte/index.html",
        "regionen/bayern/index.html",
        "standorte/hof-bahnhofsviertel/index.html",
    ):
        html = (demo_output / page).read_text(encoding="utf-8")
        assert ATTRIBUTION in html, page
        figure = re.search(r'<div class="qs-map .*?</figure>\s*(<details.*?</details>)?', html, re.S).group(0)
        listed = 'aria-describedby="' in figure or "<details" in figure
        assert listed, page
        # every marker's site is in a list of links on the page
        for href, _ in markers(figure):
            assert html.count(f'href="{href}"') >= 2, (page, href)


def test_region_and_site_maps_highlight(demo_output):
    region = (demo_output / "regionen/bayern/index.html").read_text(encoding="utf-8")
    assert 'umrisse.svg#DE-BY"' in region and "qs-map__land--highlight" in region
    assert {h for h, _ in markers(region)} == {"/standorte/hof-bahnhofsviertel/", "/standorte/ingolstadt-piusviertel/"}
    site = (demo_output / "standorte/hof-bahnhofsviertel/index.html").read_text(encoding="utf-8")
    assert site.count("qs-map__marker--current") == 1
    # A site's small map frames its own region, not the whole country.
    view_box = re.search(r'class="qs-map__svg" viewBox="([^"]+)"', site).group(1)
    assert view_box != re.search(r'class="qs-map__svg" viewBox="([^"]+)"', region).group(1)
    assert float(view_box.split()[2]) < 500
    assert (
        'href="/standorte/hof-bahnhofsviertel/" aria-label="Hof – Bahnhofsviertel (Neu seit 2022)" aria-current="page"'
        in site
    )


def test_outline_file_is_published(demo_output):
    assert (demo_output / "karte/umrisse.svg").stat().st_size < 30_000


def test_a_region_view_frames_the_region_and_keeps_markers_their_size(geometry):
    bremen = geometry.view_box("DE-HB").split()
    x, y, w, h = map(float, bremen)
    box = geometry.boxes["DE-HB"]
    assert x <= box[0] and y <= box[1] and x + w >= box[0] + box[2] and y + h >= box[1] + box[3]
    assert w < geometry.width / 10 and abs(w / h - geometry.width / geometry.height) < 0.01
    assert geometry.zoom("DE-HB") == pytest.approx(w / geometry.width)
    assert geometry.view_box() == f"0 0 {geometry.width} {geometry.height}" and geometry.zoom() == 1


def test_berlin_outlines_frame_berlin():
    berlin = load_geometry(ROOT / "examples/qm-berlin/data/geo/berlin-bezirke.geojson", "bezirk_id")
    assert len(berlin.codes) == 12
    neukoelln = berlin.point(52.48, 13.44)
    spandau = berlin.point(52.54, 13.20)
    assert 0 < spandau[0] < neukoelln[0] < berlin.width and 0 < neukoelln[1] < berlin.height


@pytest.mark.parametrize("path", ["", "karte/", "standorte/hof-bahnhofsviertel/"])
def test_map_markers_are_targets_of_at_least_24_px_on_a_phone(browser, demo_url, path):
    """WCAG 2.5.8: the dots are small, their links are not."""
    context = browser.new_context(viewport={"width": 320, "height": 800})
    tab = context.new_page()
    tab.goto(f"{demo_url}/{path}")
    sizes = [tab.locator("a.qs-map__link").nth(i).bounding_box() for i in range(tab.locator("a.qs-map__link").count())]
    context.close()
    assert sizes and all(box["width"] >= 24 and box["height"] >= 24 for box in sizes)


def test_the_geometry_is_kept_between_builds_and_drawn_anew_when_the_outlines_change(tmp_path, monkeypatch):
    from quartiersschau.common.cache import KeyValueCache
    from quartiersschau.render import maps

    outlines = tmp_path / "umrisse.geojson"
    outlines.write_bytes(GEO.read_bytes())
    cache = KeyValueCache(tmp_path, "map")
    drawn = maps.map_geometry(outlines, "iso_3166_2", ATTRIBUTION, cache)
    assert drawn == load_geometry(GEO, "iso_3166_2", ATTRIBUTION)

    def not_again(*_args, **_kwargs):
        raise AssertionError("drawn again although the outlines are unchanged")

    monkeypatch.setattr(maps, "load_geometry", not_again)
    assert maps.map_geometry(outlines, "iso_3166_2", ATTRIBUTION, cache) == drawn
    monkeypatch.undo()
    outlines.write_text(GEO.read_text(encoding="utf-8").replace("DE-BY", "DE-XX"), encoding="utf-8")
    assert "DE-XX" in maps.map_geometry(outlines, "iso_3166_2", ATTRIBUTION, cache).codes
    cache.close()
