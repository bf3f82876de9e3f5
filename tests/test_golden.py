"""Golden output: one page of each type must stay byte for byte as reviewed.

After an intended change, run `make golden` and review `git diff tests/golden`.
"""

import pytest
from helpers import BERLIN_GOLDEN_PAGES, GOLDEN, GOLDEN_PAGES


@pytest.mark.parametrize("name", sorted(GOLDEN_PAGES))
def test_page_matches_golden_file(fixture_output, name):
    expected = (GOLDEN / f"{name}.html").read_text(encoding="utf-8")
    actual = (fixture_output / GOLDEN_PAGES[name]).read_text(encoding="utf-8")
    assert actual == expected, (
        f"{GOLDEN_PAGES[name]} differs from tests/golden/{name}.html – run `make golden` if intended"
    )


@pytest.mark.parametrize("name", sorted(BERLIN_GOLDEN_PAGES))
def test_second_programme_page_matches_golden_file(berlin_output, name):
    expected = (GOLDEN / "qm-berlin" / f"{name}.html").read_text(encoding="utf-8")
    actual = (berlin_output / BERLIN_GOLDEN_PAGES[name]).read_text(encoding="utf-8")
    assert actual == expected, (
        f"{BERLIN_GOLDEN_PAGES[name]} differs from tests/golden/qm-berlin/{name}.html – run `make golden` if intended"
    )
