"""What the output path may be: a folder, a link to one (publish into its target), nothing else.

Refusals are one line, change nothing, and leave no state that breaks the next build.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from helpers import build_site, tree_digest
from sites import fixture_copy

from quartiersschau.common.refusal import BuildRefused
from quartiersschau.publish import output_folder, staging


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return fixture_copy(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def good(site, tmp_path_factory):
    base = tmp_path_factory.mktemp("good")
    result = build_site(site, base / "output", base / "cache")
    assert result.returncode == 0, result.stderr
    return base / "output"


def _lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def test_a_file_in_place_of_the_output_folder_is_refused_and_left_alone(tmp_path, site):
    output = tmp_path / "output"
    output.write_text("meine Notizen", encoding="utf-8")
    result = build_site(site, output, tmp_path / "cache")
    assert result.returncode == 1
    assert len(_lines(result)) == 1 and "ist eine Datei" in result.stderr and "Traceback" not in result.stderr
    assert output.read_text(encoding="utf-8") == "meine Notizen"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_a_link_to_a_file_is_refused(tmp_path, site):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / "output").symlink_to(tmp_path / "notes.txt")
    result = build_site(site, tmp_path / "output", tmp_path / "cache")
    assert result.returncode == 1
    assert len(_lines(result)) == 1 and "Verweis auf" in result.stderr
    assert (tmp_path / "output").is_symlink() and (tmp_path / "notes.txt").read_text() == "x"


def test_a_link_to_a_folder_publishes_into_its_target_and_stays_a_link(tmp_path, site, good):
    served = tmp_path / "srv" / "www"
    served.mkdir(parents=True)
    (served / "alt.html").write_text("alter Stand", encoding="utf-8")
    (tmp_path / "output").symlink_to(served)
    for _ in range(2):  # the second build must work as well (it crashed once the link had become a folder)
        result = build_site(site, tmp_path / "output", tmp_path / "cache")
        assert result.returncode == 0, result.stderr
        assert (tmp_path / "output").is_symlink() and os.readlink(tmp_path / "output") == str(served)
        assert _files(served) == _files(good)
    # Beside the target: the lock, and the folder the swap replaced, kept for the next build.
    names = sorted(p.name for p in served.parent.iterdir())
    assert names[:2] == ["www", "www.lock"] and len(names) == 3 and names[2].startswith("www.spare-")


def test_a_link_to_a_path_not_yet_there_creates_it(tmp_path, site, good):
    (tmp_path / "srv").mkdir()
    (tmp_path / "output").symlink_to(tmp_path / "srv" / "neu")
    result = build_site(site, tmp_path / "output", tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    assert _files(tmp_path / "srv" / "neu") == _files(good)


def test_a_missing_parent_folder_is_one_line(tmp_path, site):
    result = build_site(site, tmp_path / "fehlt" / "output", tmp_path / "cache")
    assert result.returncode == 1
    assert len(_lines(result)) == 1 and "übergeordnete Ordner" in result.stderr
    assert not (tmp_path / "fehlt").exists()


def test_folders_of_the_user_with_similar_names_are_never_touched(tmp_path, site, good):
    mine = [
        tmp_path / "output.old",
        tmp_path / "output.tmp-build-mine",
        tmp_path / "output.backup",
        tmp_path / "output.spare",
    ]
    for folder in mine:
        folder.mkdir()
        (folder / "wichtig.txt").write_text("bleibt", encoding="utf-8")
    leftovers = [
        tmp_path / "output.tmp-build-abc_1234",
        tmp_path / "output.old-0123abcd",
        tmp_path / "output.tmp-build",
        tmp_path / "output.spare-0123abcd",  # kept for other settings
    ]
    for folder in leftovers:  # what killed builds leave behind
        folder.mkdir()
    result = build_site(site, tmp_path / "output", tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    assert all((folder / "wichtig.txt").read_text(encoding="utf-8") == "bleibt" for folder in mine)
    assert not any(folder.exists() for folder in leftovers)
    assert _files(tmp_path / "output") == _files(good)


def test_the_next_build_stages_in_the_folder_the_last_swap_replaced(tmp_path, site, good):
    """Its folders are reused (no folder per page made again), and the output is as a fresh build's."""
    output = tmp_path / "output"
    assert build_site(site, output, tmp_path / "cache").returncode == 0
    (output / "projekte" / "von-hand").mkdir()  # a folder no build writes: it must not come back
    (output / "von-hand.html").write_text("nicht vom Build", encoding="utf-8")
    assert build_site(site, output, tmp_path / "cache", "QS_PRECOMPRESS=false").returncode == 0
    [spare] = tmp_path.glob("output.spare-*")
    kept = spare.stat().st_ino, (spare / "projekte").stat().st_ino
    # The last output, emptied right after the swap: no file, and only the folders the new output has.
    assert _files(spare) == {output_folder.EMPTIED} and not (spare / "projekte" / "von-hand").exists()
    result = build_site(site, output, tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    assert (output.stat().st_ino, (output / "projekte").stat().st_ino) == kept
    assert _files(output) == _files(good) and tree_digest(output) == tree_digest(good)
    assert not (output / "projekte" / "von-hand").exists()
    assert sorted(p.relative_to(output) for p in output.rglob("*") if p.is_dir()) == sorted(
        p.relative_to(good) for p in good.rglob("*") if p.is_dir()
    )


def test_a_refused_build_leaves_the_spare_for_the_next(tmp_path):
    site = fixture_copy(tmp_path)
    output, cache = tmp_path / "output", tmp_path / "cache"
    record = site / "data/projects/lesecafe.yaml"
    assert build_site(site, output, cache).returncode == 0
    good = record.read_text(encoding="utf-8").replace("title: Lesecafé", "title: Lesecafé im Hof")
    record.write_text(good, encoding="utf-8")
    assert build_site(site, output, cache).returncode == 0  # a swap: the first output is the spare
    [spare] = tmp_path.glob("output.spare-*")
    kept = spare.stat().st_ino
    record.write_text(good.replace("site: ingolstadt", "site: ingolstat"), encoding="utf-8")
    assert build_site(site, output, cache).returncode == 1
    assert [p.stat().st_ino for p in tmp_path.glob("output.*-*")] == [kept]
    record.write_text(good, encoding="utf-8")
    assert build_site(site, output, cache).returncode == 0
    assert output.stat().st_ino == kept


def test_a_spare_is_emptied_down_to_the_folders_the_output_has(tmp_path):
    target, spare = tmp_path / "output", tmp_path / "output.spare-0123abcd"
    for folder in (target / "a" / "b", target / "c", spare / "a" / "b", spare / "d", spare / "c-als-datei"):
        folder.mkdir(parents=True)
    (target / "c-als-datei").write_text("x", encoding="utf-8")
    (target / "a" / "b" / "seite.html").write_text("veröffentlicht", encoding="utf-8")
    os.link(target / "a" / "b" / "seite.html", spare / "a" / "b" / "seite.html")
    (spare / "a" / "alt.html").write_text("alt", encoding="utf-8")
    staging = output_folder.reuse_spare(spare, target)
    assert not spare.exists() and staging.name.startswith("output.tmp-build-")
    assert sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*")) == ["a", "a/b"]
    # Removing the spare's names left the published file alone.
    assert (target / "a" / "b" / "seite.html").read_text(encoding="utf-8") == "veröffentlicht"
    (staging / "a" / "neu.html").write_text("neu", encoding="utf-8")
    output_folder.remove_empty_folders(staging)
    assert sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*")) == ["a", "a/neu.html"]
    assert output_folder.reuse_spare(tmp_path / "output.spare-fehlt0000", target) is None


def test_read_only_output_or_parent_is_refused_before_anything_is_written(tmp_path, monkeypatch, capsys):
    """Root may write anyway, so the rights are simulated: the check must ask before writing."""
    output = tmp_path / "output"
    output.mkdir()
    monkeypatch.setattr(output_folder.os, "access", lambda p, mode: Path(p) != output)
    with pytest.raises(BuildRefused):
        output_folder.resolve_target(str(output))
    assert "schreibgeschützt" in capsys.readouterr().err
    monkeypatch.setattr(output_folder.os, "access", lambda p, mode: Path(p) != tmp_path)
    with pytest.raises(BuildRefused):
        output_folder.resolve_target(str(output))
    assert "darf nicht geschrieben werden" in capsys.readouterr().err


def test_a_failed_swap_puts_the_old_output_back(tmp_path, monkeypatch):
    target = tmp_path / "output"
    target.mkdir()
    (target / "index.html").write_text("alt", encoding="utf-8")
    new = output_folder.new_staging(target)
    real_rename = os.rename

    def rename(source, destination):
        if Path(source) == new:
            raise PermissionError(13, "Keine Berechtigung", str(destination))
        real_rename(source, destination)

    monkeypatch.setattr(output_folder.os, "rename", rename)
    with pytest.raises(PermissionError):
        output_folder.swap_in(new, target)
    assert (target / "index.html").read_text(encoding="utf-8") == "alt"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output", new.name]


def test_a_failing_post_build_step_stops_with_one_message_and_keeps_the_output(tmp_path, monkeypatch, capsys):
    target = tmp_path / "output"
    target.mkdir()
    (target / "index.html").write_text("alt", encoding="utf-8")
    before = tree_digest(target)
    settings = {
        "QS_ATOMIC_OUTPUT": True,
        "OUTPUT_PATH": str(target),
        "QS_CACHE_PATH": str(tmp_path / "cache"),
        "QS_PUBLIC_URL": "",
        "QS_SEARCH": True,
        "QS_PRECOMPRESS": False,
    }
    pelican = SimpleNamespace(settings=settings, output_path=str(target))
    staging.begin_run(pelican)
    assert Path(pelican.output_path).parent == tmp_path and Path(pelican.output_path) != target

    def fail(*args):
        raise RuntimeError("Pagefind ist fehlgeschlagen: kaputt")

    monkeypatch.setattr(staging, "build_index", fail)
    with pytest.raises(BuildRefused):
        staging.finish_run(pelican)
    err = capsys.readouterr().err
    assert "Veröffentlichen fehlgeschlagen: Pagefind ist fehlgeschlagen: kaputt" in err
    assert "bleibt unverändert" in err and "Traceback" not in err
    assert tree_digest(target) == before
    # The staging folder stays as the spare for the next build (which empties it).
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names[0] == "output" and len(names) == 2 and names[1].startswith("output.spare-")


@pytest.mark.parametrize(
    ("output", "words"),
    [
        ("content", "ist der Inhaltsordner"),
        ("content/images", "liegt im Inhaltsordner"),
        ("data", "ist der Datenordner"),
        (".", "ist der Arbeitsordner"),
        ("..", "enthält den"),
    ],
)
def test_an_output_path_over_the_sources_is_refused_before_anything_moves(tmp_path, output, words):
    """A swap would have moved the editors' content away: `-o content` once meant losing it."""
    site = fixture_copy(tmp_path)
    before = tree_digest(site)
    result = build_site(site, site / output, tmp_path / "cache")
    assert result.returncode == 1
    assert len(_lines(result)) == 1 and words in result.stderr and "Traceback" not in result.stderr
    assert tree_digest(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_file_in_place_of_the_cache_folder_is_one_line(tmp_path, site):
    (tmp_path / "cache").write_text("kein Ordner", encoding="utf-8")
    result = build_site(site, tmp_path / "output", tmp_path / "cache")
    assert result.returncode == 1
    assert len(_lines(result)) == 1 and "Sperrdatei" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "cache").read_text(encoding="utf-8") == "kein Ordner"
    assert not (tmp_path / "output").exists()
