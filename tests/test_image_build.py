"""Images in a real build: pictures in pages, cache across builds, originals never published."""

import hashlib
import os
import re

from helpers import FIXTURE, build_site, links_in, resolve_link, tree_digest
from imagefiles import bomb_png, eps_as_jpg
from sites import edit, fixture_copy


def test_site_page_has_a_responsive_picture(fixture_output):
    html = (fixture_output / "standorte/hof/index.html").read_text(encoding="utf-8")
    picture = re.search(r"<picture>.*?</picture>", html, re.S).group(0)
    assert '<source type="image/avif" srcset="/bilder/hof-' in picture
    assert '<source type="image/webp"' in picture
    assert 'width="1200" height="800"' in picture and 'alt="Zwei Häuser und eine Sonne"' in picture
    assert 'fetchpriority="high"' in picture and 'loading="lazy"' not in picture  # first image of the page
    assert '<figcaption class="qs-figure__credit">Illustration: Test · CC0 1.0</figcaption>' in html


def test_later_images_load_lazily_and_decorative_ones_have_empty_alt(fixture_output):
    html = (fixture_output / "projekte/fahrradwerkstatt/index.html").read_text(encoding="utf-8")
    imgs = re.findall(r"<img [^>]*>", html, re.S)
    assert 'fetchpriority="high"' in imgs[0] and 'alt="Ein grüner Kreis und ein blaues Rechteck"' in imgs[0]
    assert all('loading="lazy"' in img for img in imgs[1:])
    assert any('alt=""' in img for img in imgs[1:])


def test_every_src_and_srcset_entry_exists(fixture_output):
    for page in fixture_output.rglob("*.html"):
        for _tag, attr, url in links_in(page.read_text(encoding="utf-8")):
            if attr in ("src", "srcset"):
                assert resolve_link(fixture_output, page, url).is_file(), (page, url)


def test_no_original_is_published(fixture_output):
    originals = {hashlib.sha256(p.read_bytes()).hexdigest() for p in (FIXTURE / "content/images").iterdir()}
    published = set(tree_digest(fixture_output).values())
    assert not originals & published
    assert not (fixture_output / "images").exists()
    assert not list(fixture_output.rglob("hof.jpg")) and not list(fixture_output.rglob("werkstatt.png"))


def touch(path):
    """A new modification time, the same bytes: the next build runs (not "Nichts geändert") and reuses its caches."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_second_build_processes_no_image(tmp_path):
    site = fixture_copy(tmp_path)
    first = build_site(site, tmp_path / "output", tmp_path / "cache")
    assert "Bilder: 2 neu verarbeitet, 0 aus dem Cache" in first.stderr, first.stderr
    touch(site / "data/programme.yaml")  # a build must run (the bytes stay: nothing is up to date by luck)
    second = build_site(site, tmp_path / "output", tmp_path / "cache")
    assert second.returncode == 0
    assert "Bilder: 0 neu verarbeitet, 2 aus dem Cache" in second.stderr


def _refused(tmp_path, make_image, name, expected):
    site = fixture_copy(tmp_path)
    output = tmp_path / "output"
    assert build_site(site, output, tmp_path / "cache").returncode == 0
    before = tree_digest(output)
    make_image(site / "content/images" / name)
    edit(site / "data/sites/hof.yaml", "src: hof.jpg", f"src: {name}")
    result = build_site(site, output, tmp_path / "cache")
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(output) == before


def test_decompression_bomb_stops_the_build_naming_the_file(tmp_path):
    _refused(
        tmp_path,
        bomb_png,
        "riesig.png",
        "data/sites/hof.yaml:38:8: image.src (Bilddatei): content/images/riesig.png: Bild ist zu groß",
    )


def test_eps_renamed_to_jpg_stops_the_build(tmp_path):
    _refused(
        tmp_path,
        eps_as_jpg,
        "plakat.jpg",
        "data/sites/hof.yaml:38:8: image.src (Bilddatei): content/images/plakat.jpg: kein erlaubtes Bildformat",
    )


def test_changed_image_bytes_reach_the_pages_of_a_warm_build(tmp_path):
    """Records unchanged, picture changed: cached pages must not keep the old derivative URLs."""
    from PIL import Image

    site = fixture_copy(tmp_path)
    output, cache = tmp_path / "output", tmp_path / "cache"
    assert build_site(site, output, cache).returncode == 0
    before = (output / "standorte/hof/index.html").read_text(encoding="utf-8")
    Image.new("RGB", (1200, 800), (200, 30, 30)).save(site / "content/images/hof.jpg", "JPEG")
    result = build_site(site, output, cache)
    assert result.returncode == 0 and "Bilder: 1 neu verarbeitet" in result.stderr
    page = output / "standorte/hof/index.html"
    after = page.read_text(encoding="utf-8")
    assert after != before
    for _, attr, url in links_in(after):
        if attr in ("src", "srcset"):
            assert resolve_link(output, page, url).is_file(), url


def test_unchanged_build_reuses_search_index_and_compressed_files(tmp_path):
    site = fixture_copy(tmp_path)
    output, cache = tmp_path / "output", tmp_path / "cache"
    first = build_site(site, output, cache)
    assert "Suchindex: neu erstellt" in first.stderr
    entry = (output / "pagefind/pagefind-entry.json").read_bytes()
    home_gz = (output / "index.html.gz").stat().st_ino
    touch(site / "data/programme.yaml")
    second = build_site(site, output, cache)
    assert "Suchindex: unverändert übernommen" in second.stderr
    assert (output / "pagefind/pagefind-entry.json").read_bytes() == entry
    assert (output / "index.html.gz").stat().st_ino == home_gz  # linked, not compressed again
    edit(site / "data/projects/lesecafe.yaml", "title: Lesecafé", "title: Lesecafé am Park")
    third = build_site(site, output, cache)
    assert "Suchindex: neu erstellt" in third.stderr
