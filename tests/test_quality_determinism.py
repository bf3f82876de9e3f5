"""Deterministic builds: another folder, another time zone, a cold cache – the same bytes."""

import os

from helpers import ROOT, build_site, tree_digest


def test_two_builds_are_byte_identical(tmp_path, demo_output):
    env = {**os.environ, "TZ": "Pacific/Auckland", "SOURCE_DATE_EPOCH": "1700000000"}
    result = build_site(ROOT, tmp_path / "elsewhere", tmp_path / "other-cache", env=env)
    assert result.returncode == 0, result.stderr
    first, second = tree_digest(demo_output), tree_digest(tmp_path / "elsewhere")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
