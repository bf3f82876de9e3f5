"""Warnings (records.cautions): placeholders, a status the period contradicts, unlinked stories, unreachable contacts."""

import datetime as dt

import pytest
from helpers import build_site
from sites import edit, fixture_copy, paths_of

from quartiersschau.check import check_content, check_warnings
from quartiersschau.records.cautions import SCAFFOLD_TEXTS, content_warnings, placeholder_in
from quartiersschau.records.problems import ContentError

TODAY = dt.date(2026, 12, 1)


def warnings_of(site, today=TODAY):
    return [str(w) for w in content_warnings(check_content(paths_of(site)), today)]


def test_the_fixture_has_no_warnings(tmp_path):
    assert warnings_of(fixture_copy(tmp_path)) == []


@pytest.mark.parametrize(
    "text",
    ["Kurzbeschreibung folgt.", "Text folgt", "Mehr Angaben folgen!", "TODO", "Wird noch ergänzt (TODO: Zahlen)"]
    + ["Lorem ipsum dolor sit amet.", "Öffnungszeiten: XXX", *SCAFFOLD_TEXTS.values()],
)
def test_placeholders_are_recognised(text):
    assert placeholder_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "Aalen ist ein neuer Standort. Genauere Angaben zum Quartier folgen.",  # honest, inside a real text
        "Der Umzug folgt im Mai.",
        "Es folgt ein Fest für alle Nachbarinnen und Nachbarn im Hof der Schule.",
        "Ein Café zum Lesen und Reden.",
        "Todos los jueves",  # Spanish, not the marker
    ],
)
def test_real_text_is_not_a_placeholder(text):
    assert placeholder_in(text) is None


def test_a_placeholder_is_reported_at_its_line(tmp_path):
    site = fixture_copy(tmp_path)
    edit(site / "data/projects/lesecafe.yaml", "Ein Café zum Lesen und Reden.", "Kurzbeschreibung folgt.")
    assert warnings_of(site) == [
        "data/projects/lesecafe.yaml:7:10: summary (Kurzbeschreibung): Hinweis: "
        "Platzhalter „Kurzbeschreibung folgt.“ – bitte durch den richtigen Text ersetzen"
    ]


def test_a_placeholder_in_a_story_body_names_the_line(tmp_path):
    site = fixture_copy(tmp_path)
    edit(site / "content/stories/garten-im-sommer.md", "Die Hochbeete sind voll.", "Die Hochbeete.\n\nTODO Fotos")
    (warning,) = warnings_of(site)
    assert warning.startswith("content/stories/garten-im-sommer.md:12:1: Text: Hinweis: Platzhalter „TODO“")


def test_drafts_may_hold_placeholders(tmp_path):
    site = fixture_copy(tmp_path)
    draft = site / "content/stories/entwurf.md"
    draft.write_text(draft.read_text(encoding="utf-8") + "\nText folgt.\n", encoding="utf-8")
    assert warnings_of(site) == []


@pytest.mark.parametrize(
    ("status", "period", "expected"),
    [
        ("running", {"start": "2025-01-01", "end": "2026-06-30"}, "Ende (2026-06-30) ist vorbei"),
        ("planned", {"start": "2026-03-01"}, "der Beginn (2026-03-01) ist schon vorbei – auf running (läuft)"),
        ("planned", {"start": "2025-03-01", "end": "2025-04-01"}, "auf completed (abgeschlossen)"),
        ("running", {"start": "2027-03-01"}, "Beginn (2027-03-01) liegt in der Zukunft"),
        ("completed", {"start": "2027-03-01"}, "Beginn (2027-03-01) liegt in der Zukunft"),
        ("planned", None, "das Jahr 2019 ist schon vorbei"),
        ("running", {"start": "2026-01-01", "end": "2026-12-31"}, None),
        ("planned", {"start": "2027-01-01"}, None),
        ("completed", {"start": "2019-01-01", "end": "2019-12-31"}, None),
    ],
)
def test_the_status_is_checked_against_the_period(tmp_path, status, period, expected):
    site = fixture_copy(tmp_path)
    record = site / "data/projects/lesecafe.yaml"
    text = record.read_text(encoding="utf-8").replace("status: completed", f"status: {status}")
    if period:
        text += "period:\n" + "".join(f'  {key}: "{value}"\n' for key, value in period.items())
    record.write_text(text.replace("year: 2019", f"year: {period['start'][:4]}" if period else "year: 2019"))
    found = warnings_of(site)
    if expected is None:
        assert found == []
    else:
        (warning,) = found
        assert warning.startswith("data/projects/lesecafe.yaml:6:9: status (Stand): Hinweis: Stand „")
        assert expected in warning


def test_a_story_linked_to_nothing_is_a_warning(tmp_path):
    site = fixture_copy(tmp_path)
    story = site / "content/stories/garten-im-sommer.md"
    edit(story, "projects:\n  - klimagarten\nthemes:\n  - klima-und-umwelt\n", "")
    (warning,) = warnings_of(site)
    assert warning.startswith(
        "content/stories/garten-im-sommer.md:2:1: (Datei): Hinweis: Die Geschichte ist mit nichts"
    )


def test_an_office_nobody_can_reach_is_a_warning(tmp_path):
    site = fixture_copy(tmp_path)
    edit(site / "data/sites/hof.yaml", '  phone: "09281 0000 100"\n  email: hof@example.org\n', "")
    found = warnings_of(site)
    assert any(
        "hof.yaml" in w and "office (Vor-Ort-Büro): Hinweis: Das Vor-Ort-Büro hat weder Telefon noch E-Mail" in w
        for w in found
    )


def test_publishing_refuses_placeholders_but_not_other_warnings(tmp_path):
    site = fixture_copy(tmp_path)
    edit(site / "data/projects/lesecafe.yaml", "Ein Café zum Lesen und Reden.", "Lorem ipsum.")
    records = check_content(paths_of(site))
    assert len(check_warnings(records)) == 1
    with pytest.raises(ContentError) as refused:
        check_warnings(records, refuse_placeholders=True)
    (problem,) = refused.value.problems
    assert not problem.is_warning and problem.message.endswith("mit Platzhaltern wird nicht veröffentlicht")
    edit(site / "data/projects/lesecafe.yaml", "Lorem ipsum.", "Ein Café.")
    edit(site / "data/projects/lesecafe.yaml", "status: completed", "status: planned")
    assert len(check_warnings(check_content(paths_of(site)), refuse_placeholders=True)) == 1


def test_a_preview_shows_warnings_and_publishing_refuses_placeholders(tmp_path):
    site = fixture_copy(tmp_path)
    edit(site / "data/projects/lesecafe.yaml", "Ein Café zum Lesen und Reden.", "Kurzbeschreibung folgt.")
    preview = build_site(site, tmp_path / "out", tmp_path / "cache")
    assert preview.returncode == 0, preview.stderr
    assert (
        "lesecafe.yaml:7:10: summary (Kurzbeschreibung): Hinweis: Platzhalter „Kurzbeschreibung folgt.“"
        in preview.stderr
    )
    assert "Kurzbeschreibung folgt." in (tmp_path / "out/projekte/lesecafe/index.html").read_text(encoding="utf-8")
    before = (tmp_path / "out/index.html").read_bytes()
    published = build_site(site, tmp_path / "out", tmp_path / "cache", "QS_REFUSE_PLACEHOLDERS=true")
    assert published.returncode == 1
    assert "mit Platzhaltern wird nicht veröffentlicht" in published.stderr
    assert (tmp_path / "out/index.html").read_bytes() == before  # the last good output stays


def test_the_quick_first_search_lets_every_kind_of_placeholder_through():
    """``_maybe`` rules texts out before the slower searches: it must not rule out a placeholder."""
    from quartiersschau.records import cautions

    kinds = [
        *cautions.SCAFFOLD_TEXTS.values(),
        "TODO",
        "fixme: Adresse",
        "TBD",
        "XXX",
        "Lorem ipsum dolor",
        "Mehr folgt!",
    ]
    for text in kinds:
        assert cautions._maybe(text), text
        assert cautions.placeholder_in(text), text
    assert cautions.placeholder_in("Ein Café zum Lesen und Reden.") is None


def test_placeholders_found_through_the_cache_are_those_found_without_it(tmp_path, monkeypatch):
    """Each record's placeholders are kept by its content: an edited record is searched again."""
    from quartiersschau.common.cache import KeyValueCache
    from quartiersschau.records import cautions

    site = fixture_copy(tmp_path)
    project = site / "data/projects/lesecafe.yaml"
    edit(project, "Ein Café zum Lesen und Reden.", "Lorem ipsum.")
    cache = KeyValueCache(tmp_path / "cache", "cautions")
    records = check_content(paths_of(site))
    fresh = content_warnings(records, TODAY, cache)
    assert [w.code for w in fresh] == ["placeholder"]
    assert content_warnings(records, TODAY) == fresh
    # The second time, from the cache alone: the same warnings, and no record is searched.
    search = cautions._placeholders
    monkeypatch.setattr(cautions, "_placeholders", lambda record: pytest.fail(f"{record.source} searched again"))
    assert content_warnings(records, TODAY, cache) == fresh
    monkeypatch.setattr(cautions, "_placeholders", search)
    edit(project, "Lorem ipsum.", "Ein Café.")
    assert content_warnings(check_content(paths_of(site)), TODAY, cache) == []
    edit(project, "Ein Café.", "TODO")
    assert [w.code for w in content_warnings(check_content(paths_of(site)), TODAY, cache)] == ["placeholder"]
    cache.close()
