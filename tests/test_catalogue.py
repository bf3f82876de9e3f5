"""The catalogue: links in both directions, counts and groupings come from the records."""

import dataclasses

import pytest
from helpers import FIXTURE
from sites import paths_of

from quartiersschau.check import load_catalogue
from quartiersschau.render.markdown import MarkdownRenderer


@pytest.fixture(scope="module")
def cat():
    return load_catalogue(paths_of(FIXTURE), MarkdownRenderer())


def test_project_and_site_link_both_ways(cat):
    hof = cat.site_by_id["hof"]
    werkstatt = cat.project_by_id["fahrradwerkstatt"]
    assert werkstatt.site is hof
    assert werkstatt in hof.projects
    assert {p.id for p in hof.projects} == {"fahrradwerkstatt", "hausaufgabenhilfe"}


def test_story_links(cat):
    story = cat.story_by_slug["werkstatt-eroeffnet"]
    werkstatt = cat.project_by_id["fahrradwerkstatt"]
    assert story.projects == (werkstatt,)
    assert werkstatt.stories == (story,)
    assert story in cat.site_by_id["hof"].stories


def test_a_story_about_a_project_appears_on_the_projects_site(cat):
    garden = cat.story_by_slug["garten-im-sommer"]
    assert garden.sites == ()
    assert garden in cat.site_by_id["moabit"].stories


def test_drafts_are_not_in_the_catalogue(cat):
    assert "entwurf" not in cat.story_by_slug
    assert cat.site_by_id["ingolstadt"].stories == ()


def test_themes_and_regions_know_their_records(cat):
    bildung = next(t for t in cat.themes if t.id == "bildung")
    assert {s.id for s in bildung.sites} == {"hof", "ingolstadt"}
    assert {p.id for p in bildung.projects} == {"hausaufgabenhilfe", "lesecafe", "sprachcafe"}
    bayern = next(r for r in cat.regions if r.id == "bayern")
    assert {s.id for s in bayern.sites} == {"hof", "ingolstadt"}
    assert len(bayern.projects) == 3
    bremen = next(r for r in cat.regions if r.id == "bremen")
    assert bremen.sites == ()


def test_key_figures_are_counted(cat):
    f = cat.figures
    assert (f.sites, f.projects, f.regions, f.stories) == (3, 5, 2, 2)
    assert (f.first_year, f.last_year, f.years) == (2019, 2023, 5)


def test_projects_grouped_by_year_newest_first(cat):
    from quartiersschau.render.filters import by_year

    groups = {year: [p.id for p in projects] for year, projects in by_year(cat.projects)}
    assert list(groups) == [2023, 2022, 2021, 2020, 2019]
    assert groups[2022] == ["fahrradwerkstatt"]
    assert [p.id for p in cat.projects] == [p for ids in groups.values() for p in ids]
    # Where each year begins in the list, for the year links of a list in pages.
    assert cat.project_years == tuple((year, [p.year for p in cat.projects].index(year)) for year in groups)
    assert cat.project_statuses == (("running", "läuft"), ("completed", "abgeschlossen"))


def test_sites_grouped_by_region_skip_empty_regions(cat):
    assert [(r.id, [s.id for s in sites]) for r, sites in cat.sites_by_region] == [
        ("bayern", ["hof", "ingolstadt"]),
        ("berlin", ["moabit"]),
    ]


def test_featured_projects(cat):
    assert [p.id for p in cat.featured_projects] == ["fahrradwerkstatt"]


def test_urls_follow_the_design(cat):
    assert cat.site_by_id["hof"].url == "standorte/hof/"
    assert cat.site_by_id["hof"].save_as == "standorte/hof/index.html"
    assert cat.project_by_id["lesecafe"].url == "projekte/lesecafe/"
    assert cat.story_by_slug["garten-im-sommer"].url == "geschichten/garten-im-sommer/"
    assert cat.page_by_slug["mitmachen"].url == "mitmachen/"


def test_entities_are_immutable(cat):
    with pytest.raises(dataclasses.FrozenInstanceError):
        cat.site_by_id["hof"].name = "Anders"


def test_markdown_is_rendered_and_marked_safe(cat):
    description = cat.site_by_id["hof"].description
    assert str(description) == "<p>Im Bahnhofsviertel leben viele junge Familien.</p>"
    assert hasattr(description, "__html__")
    assert "<h2>Wie es weitergeht</h2>" in cat.story_by_slug["werkstatt-eroeffnet"].body


def test_digest_changes_with_content(tmp_path, cat):
    from sites import edit, fixture_copy

    site = fixture_copy(tmp_path)
    assert load_catalogue(paths_of(site), MarkdownRenderer()).digest == cat.digest
    edit(site / "data/projects/lesecafe.yaml", "Lesecafé", "Lesecafe")
    assert load_catalogue(paths_of(site), MarkdownRenderer()).digest != cat.digest
