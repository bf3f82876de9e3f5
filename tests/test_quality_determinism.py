"""Deterministic builds: another folder, another time zone, a cold cache – the same bytes."""

import os

from helpers import BERLIN, BERLIN_CONFIG, ROOT, build_site, tree_digest

SOURCES = {"jmd": (ROOT, "pelicanconf.py"), "qm-berlin": (BERLIN, BERLIN_CONFIG)}


def test_two_builds_are_byte_identical(tmp_path, programme, programme_output):
    env = {**os.environ, "TZ": "Pacific/Auckland"}  # the same build date (helpers.BUILD_EPOCH), another zone
    folder, config = SOURCES[programme]
    result = build_site(folder, tmp_path / "elsewhere", tmp_path / "other-cache", env=env, config=config)
    assert result.returncode == 0, result.stderr
    first, second = tree_digest(programme_output), tree_digest(tmp_path / "elsewhere")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
