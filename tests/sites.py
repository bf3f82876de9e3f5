"""Make small, broken copies of the fixture site for tests of single rules."""

from __future__ import annotations

from pathlib import Path

from helpers import FIXTURE, copy_site

from quartiersschau.records.paths import ContentPaths


def fixture_copy(tmp_path: Path) -> Path:
    return copy_site(FIXTURE, tmp_path / "site")


def paths_of(site: Path) -> ContentPaths:
    return ContentPaths(root=site, data=site / "data", content=site / "content")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
