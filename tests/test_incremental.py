"""Incremental builds are correct: after any single-record edit, the output is byte for byte
what a cold build of the same content writes (render.dependencies, the page cache).

The edits are drawn at random (a fixed seed, so a failure can be repeated) from the kinds an
editor makes: a text, a title, a site reference, a theme, a deleted record, a new record,
a theme's label, an event's date, a story's links.
"""

import json
import os
import random
import re

import pytest
from helpers import build_site, tree_digest
from sites import edit, fixture_copy


def _folders(output):
    return sorted(p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_dir())


def _text(site):
    edit(
        site / "data/projects/lesecafe.yaml", "Ein Café zum Lesen und Reden.", "Ein Café zum Lesen, Reden und Spielen."
    )


def _title(site):
    edit(
        site / "data/projects/hausaufgabenhilfe.yaml",
        "title: Hausaufgabenhilfe",
        "title: Hausaufgabenhilfe am Nachmittag",
    )


def _site_reference(site):
    edit(site / "data/projects/lesecafe.yaml", "site: ingolstadt", "site: moabit")


def _theme(site):
    edit(site / "data/projects/hausaufgabenhilfe.yaml", "  - bildung", "  - nachbarschaft")


def _delete(site):
    (site / "data/projects/sprachcafe.yaml").unlink()


def _new_record(site):
    (site / "data/projects/nachbarschaftsfest.yaml").write_text(
        "title: Nachbarschaftsfest\nsite: hof\nyear: 2023\nthemes:\n  - nachbarschaft\nstatus: completed\n"
        "summary: Ein Fest für alle im Hof.\n",
        encoding="utf-8",
    )


def _theme_label(site):
    edit(site / "data/themes.yaml", "label: Nachbarschaft", "label: Nachbarschaft und Miteinander")


def _event_date(site):
    edit(site / "data/events/werkstatt-tag.yaml", 'date: "2027-02-13"', 'date: "2027-03-13"')


def _site_name(site):
    edit(site / "data/sites/moabit.yaml", "name: Berlin – Moabit West", "name: Berlin – Moabit")


def _story_links(site):
    edit(site / "content/stories/garten-im-sommer.md", "projects:\n  - klimagarten\n", "projects:\n  - lesecafe\n")


EDITS = [
    _text,
    _title,
    _site_reference,
    _theme,
    _delete,
    _new_record,
    _theme_label,
    _event_date,
    _site_name,
    _story_links,
]


# The second run lists two projects a page: a deleted or new project moves the others between
# pages, and a page that is no longer needed must go (render.paging).
@pytest.mark.parametrize(("seed", "settings"), [(1, ()), (2, ("QS_PROJECTS_PER_PAGE=2",))])
def test_every_edit_gives_the_output_of_a_cold_build(tmp_path, seed, settings):
    site = fixture_copy(tmp_path)
    output, cache = tmp_path / "output", tmp_path / "cache"
    result = build_site(site, output, cache, *settings)
    assert result.returncode == 0, result.stderr
    edits = random.Random(seed).sample(EDITS, len(EDITS))
    for step, change in enumerate(edits):
        change(site)
        warm = build_site(site, output, cache, *settings)
        assert warm.returncode == 0, (change.__name__, warm.stderr)
        cold_output = tmp_path / f"cold-{step}"
        cold = build_site(site, cold_output, tmp_path / f"cold-cache-{step}", *settings)
        assert cold.returncode == 0, (change.__name__, cold.stderr)
        assert tree_digest(output) == tree_digest(cold_output), change.__name__
        # No folder left over from the reused spare (a deleted project's): the same folders too.
        assert _folders(output) == _folders(cold_output), change.__name__


def test_an_edited_project_renders_only_the_pages_that_show_it(tmp_path):
    site = fixture_copy(tmp_path)
    output, cache = tmp_path / "output", tmp_path / "cache"
    first = build_site(site, output, cache, "QS_SEARCH=false")
    assert first.returncode == 0, first.stderr
    _text(site)
    second = build_site(site, output, cache, "QS_SEARCH=false")
    assert second.returncode == 0, second.stderr
    (line,) = [line for line in second.stderr.splitlines() if "neu gerendert" in line]
    written, linked, rendered = (int(word) for word in line.split() if word.isdigit())
    total = written + linked
    assert written <= rendered  # what did not change is linked from the published output, not written
    # The project, its site, its theme, its region, its year's and the lists that show it – not every page.
    assert 0 < rendered < total / 2, line


def _times(folder):
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_only_changed_files_are_written_anew(tmp_path):
    site = fixture_copy(tmp_path)
    output, cache = tmp_path / "output", tmp_path / "cache"
    assert build_site(site, output, cache).returncode == 0
    before = _times(output)
    again = build_site(site, output, cache)
    assert again.returncode == 0, again.stderr
    assert _times(output) == before  # nothing changed: every file keeps its time stamp
    _text(site)
    assert build_site(site, output, cache).returncode == 0
    after = _times(output)
    changed = {path for path in after if after[path] != before.get(path)}
    assert "projekte/lesecafe/index.html" in changed
    assert "impressum/index.html" not in changed and "theme/css/quartiersschau.css" not in changed
    assert len(changed) < len(after) / 4, sorted(changed)


def test_nothing_changed_stops_at_once_and_anything_else_builds(tmp_path):
    site = fixture_copy(tmp_path)
    output, cache = tmp_path / "output", tmp_path / "cache"
    assert build_site(site, output, cache).returncode == 0
    before = tree_digest(output)
    again = build_site(site, output, cache)
    assert again.returncode == 0 and "Nichts geändert" in again.stderr, again.stderr
    assert tree_digest(output) == before
    # A file missing from the output (a hand-edited or half-deleted output) is built again.
    (output / "impressum/index.html").unlink()
    repaired = build_site(site, output, cache)
    assert "Nichts geändert" not in repaired.stderr and tree_digest(output) == before
    # Another setting, or another build day, builds again.
    other = build_site(site, output, cache, "QS_PRECOMPRESS=false")
    assert "Nichts geändert" not in other.stderr and not (output / "index.html.gz").exists()
    later = build_site(
        site, output, cache, "QS_PRECOMPRESS=false", env={**os.environ, "SOURCE_DATE_EPOCH": "1796202000"}
    )
    assert later.returncode == 0 and "Nichts geändert" not in later.stderr


def test_a_search_index_in_parts_is_rebuilt_only_where_pages_changed(tmp_path, browser):
    """A large site's index comes in parts (publish.search): an edit re-indexes the parts of its pages,
    the result is a cold build's, and the browser searches all parts as one (suche.js)."""
    from browser_support import serve

    site = fixture_copy(tmp_path)
    output, cache, parts = tmp_path / "output", tmp_path / "cache", "QS_SEARCH_PART_PAGES=3"
    assert build_site(site, output, cache, parts).returncode == 0
    listed = json.loads((output / "pagefind/teile.json").read_text())
    assert len(listed) >= 2 and all((output / "pagefind" / part / "pagefind-entry.json").is_file() for part in listed)
    _text(site)
    warm = build_site(site, output, cache, parts)
    fresh = re.search(r"Suchindex: (\d+) von (\d+) Teilen neu erstellt", warm.stderr)
    assert fresh and int(fresh.group(1)) < int(fresh.group(2)) == len(listed) + 1, warm.stderr
    cold = build_site(site, tmp_path / "cold", tmp_path / "cold-cache", parts)
    assert cold.returncode == 0
    assert tree_digest(output) == tree_digest(tmp_path / "cold")
    context = browser.new_context()
    tab = context.new_page()
    errors = []
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    with serve(output) as url:
        found = {}
        for word in ("Spielen", "Garten", "Sprechstunde"):
            tab.goto(f"{url}/suche/?q={word}")
            tab.wait_for_selector("[data-results][aria-busy=false]")
            found[word] = tab.eval_on_selector_all(".qs-search__result a", "a => a.map(x => x.getAttribute('href'))")
        kinds = tab.eval_on_selector_all("#filter-1 option", "o => o.map(x => x.value).filter(Boolean)")
    context.close()
    assert "/projekte/lesecafe/" in found["Spielen"]  # the edited text, in its part
    assert "/geschichten/garten-im-sommer/" in found["Garten"] and "/projekte/klimagarten/" in found["Garten"]
    assert "/termine/sprechstunde-hof/" in found["Sprechstunde"]
    assert {"Geschichte", "Mikroprojekt", "Seite", "Standort", "Termin"} <= set(kinds)  # facets of every part
    assert errors == []
