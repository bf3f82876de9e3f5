"""Builds shared by many tests: the fixture site and the demo site, each built once."""

from __future__ import annotations

import pytest
from helpers import FIXTURE, FIXTURE_SETTINGS, ROOT, build_site


@pytest.fixture(scope="session")
def fixture_output(tmp_path_factory):
    base = tmp_path_factory.mktemp("fixture-build")
    result = build_site(FIXTURE, base / "output", base / "cache", *FIXTURE_SETTINGS)
    assert result.returncode == 0, result.stderr
    return base / "output"


@pytest.fixture(scope="session")
def demo_output(tmp_path_factory):
    base = tmp_path_factory.mktemp("demo-build")
    result = build_site(ROOT, base / "output", base / "cache")
    assert result.returncode == 0, result.stderr
    return base / "output"
