"""Legal and inclusion pages: from validated data, complete, linked from every page."""

import pytest
from helpers import html_files
from sites import edit, fixture_copy, paths_of

from quartiersschau.check import check_content
from quartiersschau.records.problems import ContentError

FOOTER = ['href="/impressum/"', 'href="/datenschutz/"', 'href="/barrierefreiheit/"', 'href="/leichte-sprache/"']


def problems(site):
    with pytest.raises(ContentError) as caught:
        check_content(paths_of(site))
    return [str(p) for p in caught.value.problems]


def test_missing_required_legal_field_is_a_validation_error(tmp_path):
    site = fixture_copy(tmp_path)
    edit(site / "data/programme.yaml", "    representative: Leitung der Servicestelle\n", "")
    assert problems(site) == [
        "data/programme.yaml:39:5: legal.publisher.representative (Vertreten durch): Pflichtfeld fehlt"
    ]


def test_missing_enforcement_body_is_a_validation_error(tmp_path):
    site = fixture_copy(tmp_path)
    programme = site / "data/programme.yaml"
    text = programme.read_text(encoding="utf-8")
    start = text.index("    enforcement:")
    end = text.index("funds:", start)  # the enforcement block ends the legal section
    programme.write_text(text[:start] + text[end:], encoding="utf-8")
    assert problems(site) == [
        "data/programme.yaml:63:5: legal.accessibility.enforcement (Schlichtungsstelle): Pflichtfeld fehlt"
    ]


def test_partial_accessibility_needs_its_limitations(tmp_path):
    site = fixture_copy(tmp_path)
    edit(
        site / "data/programme.yaml",
        "    limitations:\n      - issue: Keine Videos in Gebärdensprache.\n        alternative: Seite in Leichter Sprache.\n",
        "    limitations: []\n",
    )
    assert problems(site) == [
        "data/programme.yaml:67:18: legal.accessibility.limitations (Bekannte Einschränkungen): bei teilweiser oder fehlender Vereinbarkeit die bekannten Einschränkungen nennen"
    ]


def test_easy_language_page_is_required(tmp_path):
    site = fixture_copy(tmp_path)
    (site / "content/pages/leichte-sprache.md").unlink()
    assert problems(site) == [
        "content/pages/leichte-sprache.md:1:1: (Datei): Seite in Leichter Sprache fehlt – sie erklärt die Website und das Programm (BITV 2.0); Datei anlegen"
    ]


def test_legal_pages_cannot_be_replaced_by_content_pages(tmp_path):
    site = fixture_copy(tmp_path)
    (site / "content/pages/mitmachen.md").rename(site / "content/pages/impressum.md")
    assert problems(site) == [
        "content/pages/impressum.md:1:1: (Dateiname): der Seitenname 'impressum' ist für die Website reserviert – Datei umbenennen"
    ]


def test_every_page_links_the_legal_and_inclusion_pages(demo_output):
    for page in html_files(demo_output):  # not the web editor (admin/)
        footer = page.read_text(encoding="utf-8").split('<footer class="qs-footer">')[1]
        for link in FOOTER:
            assert link in footer, (page, link)


def test_accessibility_statement_has_what_the_law_asks(demo_output):
    html = (demo_output / "barrierefreiheit/index.html").read_text(encoding="utf-8")
    assert "<strong>teilweise vereinbar</strong>" in html
    assert "Es gibt noch keine Erklärungen in Deutscher Gebärdensprache." in html
    assert 'href="https://www.schlichtungsstelle-bgg.de"' in html
    assert 'href="mailto:barrierefreiheit@example.org"' in html
    assert '<time datetime="2026-11-23">23. November 2026</time>' in html
    assert "Selbstbewertung" in html


def test_imprint_and_privacy_pages(demo_output):
    imprint = (demo_output / "impressum/index.html").read_text(encoding="utf-8")
    assert (
        "Servicestelle JMD im Quartier (Demo)" in imprint
        and "Vertreten durch" in imprint
        and "§ 18 Abs. 2 MStV" in imprint
    )
    privacy = (demo_output / "datenschutz/index.html").read_text(encoding="utf-8")
    assert "keine Cookies" in privacy and "nach 7 Tagen gelöscht" in privacy and "Art. 77 DSGVO" in privacy
    easy = (demo_output / "leichte-sprache/index.html").read_text(encoding="utf-8")
    assert "Leichte Sprache" in easy and "Vor·Ort·Büro" in easy
