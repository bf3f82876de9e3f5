"""The quick preview links the last output's feeds, open data, vCards …; the next full build makes them anew."""

from __future__ import annotations

import json
import os

from helpers import build_site
from sites import edit, fixture_copy

from quartiersschau.publish import other_files

QUICK = "QS_QUICK_PREVIEW=true"


def test_link_last_links_the_files_of_the_output_they_were_made_for(tmp_path):
    output, staging, cache = tmp_path / "output", tmp_path / "staging", tmp_path / "cache"
    (output / "daten").mkdir(parents=True)
    (output / "daten" / "projekte.json").write_text("[]", encoding="utf-8")
    other_files.remember(cache, output, ["daten/projekte.json", "weg/feed.xml"])
    assert other_files.link_last(cache, output, staging)
    assert (staging / "daten" / "projekte.json").stat().st_ino == (output / "daten" / "projekte.json").stat().st_ino
    # Gone from the output since: it stays missing until a full build makes it.
    assert not (staging / "weg").exists()


def test_link_last_links_nothing_without_a_list_for_that_output(tmp_path):
    output, staging, cache = tmp_path / "output", tmp_path / "staging", tmp_path / "cache"
    output.mkdir()
    assert not other_files.link_last(cache, output, staging)  # no list yet
    other_files.remember(cache, tmp_path / "other", [])
    assert not other_files.link_last(cache, output, staging)  # made for another output
    (cache / other_files.MANIFEST).write_text("{kaputt", encoding="utf-8")
    assert not other_files.link_last(cache, output, staging)
    assert not other_files.link_last(cache, None, staging)
    assert not staging.exists()


def _feed_of(output):
    """The site feed that shows the edited project's summary."""
    found = [p for p in output.rglob("feed.xml") if "Hochbeete" in p.read_text(encoding="utf-8")]
    assert found, "no feed shows the project"
    return found[0].relative_to(output)


def test_the_quick_preview_links_the_last_files_and_the_next_build_renews_them(tmp_path):
    site = fixture_copy(tmp_path)
    output, cache = tmp_path / "output", tmp_path / "cache"
    assert (result := build_site(site, output, cache)).returncode == 0, result.stderr
    feed = _feed_of(output)
    listed = json.loads((cache / "quartiersschau" / other_files.MANIFEST).read_text(encoding="utf-8"))
    assert listed["output"] == str(output) and feed.as_posix() in listed["files"]
    before = os.stat(output / feed)

    edit(site / "data" / "projects" / "klimagarten.yaml", "Hochbeete im Hof", "Hochbeete und Kräuter im Hof")
    assert (result := build_site(site, output, cache, QUICK)).returncode == 0, result.stderr
    # The page shows the edit; the feed is the last output's file, linked.
    assert "Hochbeete und Kräuter" in (output / "projekte" / "klimagarten" / "index.html").read_text(encoding="utf-8")
    assert os.stat(output / feed).st_ino == before.st_ino
    assert "Hochbeete und Kräuter" not in (output / feed).read_text(encoding="utf-8")

    assert (result := build_site(site, output, cache)).returncode == 0, result.stderr
    assert "Hochbeete und Kräuter" in (output / feed).read_text(encoding="utf-8")
