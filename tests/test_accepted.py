"""No knock-on problems: a value the schema refused is not compared again by a later rule."""

from pathlib import Path

import pytest
from sites import edit, fixture_copy, paths_of

from quartiersschau.images.checks import check_images
from quartiersschau.records.accepted import REFUSED, accepted_record
from quartiersschau.records.crossrefs import check_references
from quartiersschau.records.reading import read_records

PROJECT = "data/projects/fahrradwerkstatt.yaml"


def all_problems(site: Path) -> list[str]:
    """Everything a build would report about records and images."""
    paths = paths_of(site)
    records, problems = read_records(paths)
    problems += check_references(records, paths) + check_images(records, paths)
    return [str(p) for p in sorted(problems)]


@pytest.fixture
def site(tmp_path):
    return fixture_copy(tmp_path)


def test_a_german_date_is_reported_once(site):
    edit(site / PROJECT, 'start: "2022-03-01"', 'start: "01.03.2022"')
    assert all_problems(site) == [
        f"{PROJECT}:5:10: period.start (Beginn): Datum als JJJJ-MM-TT schreiben, z. B. 2022-03-01"
    ]


def test_an_impossible_end_is_not_compared_with_the_start(site):
    edit(site / PROJECT, 'end: "2022-09-30"', 'end: "2022-02-30"')
    assert all_problems(site) == [
        f"{PROJECT}:6:8: period.end (Ende): Den 30. Februar gibt es nicht – der Februar hat 28 Tage"
    ]


def test_a_date_python_would_read_but_the_schema_refuses(site):
    story = "content/stories/garten-im-sommer.md"
    edit(site / story, 'date: "2020-07-01"', 'date: "20020701"')
    (problem,) = all_problems(site)
    assert problem.startswith(f"{story}:3:7: date (Datum): kein gültiges Datum")


def test_a_year_out_of_range_is_not_before_the_programme_too(site):
    edit(site / PROJECT, "year: 2022", "year: 1890")
    assert all_problems(site) == [f"{PROJECT}:3:7: year (Jahr): muss mindestens 1990 sein"]


def test_an_invalid_id_is_not_also_an_unknown_one(site):
    edit(site / "data/sites/hof.yaml", "region: bayern", "region: Bayern")
    (problem,) = all_problems(site)
    assert problem.startswith("data/sites/hof.yaml:4:9: region (Region): keine gültige Kennung")


def test_refused_values_are_masked_and_the_keys_stay(site):
    edit(site / PROJECT, 'start: "2022-03-01"', 'start: "01.03.2022"')
    records, _ = read_records(paths_of(site))
    (project,) = [r for r in records.projects if r.id == "fahrradwerkstatt"]
    period = accepted_record(project).data["period"]
    assert period == {"start": REFUSED, "end": "2022-09-30"}
    assert project.data["period"]["start"] == "01.03.2022"  # the record itself is untouched
    assert not REFUSED and not isinstance(REFUSED, str | int | float | list | dict)
