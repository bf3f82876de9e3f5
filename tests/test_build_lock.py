"""Two builds of one checkout at once: serialised by a lock, never a shared staging folder or a half cache entry."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from helpers import build_site, tree_digest
from imagefiles import camera_jpeg
from sites import fixture_copy

from quartiersschau.common import build_lock
from quartiersschau.common.filesystem import link_or_copy, write_atomic
from quartiersschau.common.refusal import BuildRefused
from quartiersschau.images.derivatives import DEFAULT_MAX_PIXELS, make_derivatives


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """A good build of the fixture programme: what every complete output must contain."""
    base = tmp_path_factory.mktemp("reference")
    site = fixture_copy(base)
    result = build_site(site, base / "output", base / "cache")
    assert result.returncode == 0, result.stderr
    return site, base / "output"


def _hold(lock_file: Path):
    """Hold a lock file as a running build does (flock, PID inside); returns the open file."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_file, "a+")  # noqa: SIM115 (held across the test)
    fcntl.flock(handle, fcntl.LOCK_EX)
    handle.truncate(0)
    handle.write(f"{os.getpid()}\n")
    handle.flush()
    return handle


def test_a_second_build_is_refused_with_the_pid_of_the_first(tmp_path, reference):
    site, _ = reference
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("alt", encoding="utf-8")
    before = tree_digest(output)
    holder = _hold(tmp_path / "output.lock")
    try:
        result = build_site(site, output, tmp_path / "cache")
    finally:
        holder.close()
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == [
        f"{os.path.relpath(output, site)}/: Ein anderer Build läuft gerade (PID {os.getpid()}) – warten oder beenden"
    ]
    assert tree_digest(output) == before
    assert not [p for p in tmp_path.glob("output.*") if p.is_dir()]


def test_the_cache_folder_is_locked_too(tmp_path, reference):
    site, _ = reference
    holder = _hold(tmp_path / "cache" / "quartiersschau" / "build.lock")
    try:
        result = build_site(site, tmp_path / "output", tmp_path / "cache")
    finally:
        holder.close()
    assert result.returncode == 1
    assert "Ein anderer Build läuft gerade" in result.stderr
    assert not (tmp_path / "output").exists()


def test_with_a_wait_the_second_build_runs_when_the_first_is_done(tmp_path, reference):
    site, good = reference
    holder = _hold(tmp_path / "output.lock")
    threading.Timer(2.0, holder.close).start()
    started = time.monotonic()
    result = build_site(site, tmp_path / "output", tmp_path / "cache", "QS_LOCK_WAIT=60")
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started >= 2.0
    assert "warte" in result.stdout
    assert _files(tmp_path / "output") == _files(good)


def test_two_real_builds_at_once_both_end_complete_or_refused(tmp_path, reference):
    """Started together in one checkout: each exits 0 with a complete output, or 1 with the lock message."""
    site, good = reference
    for round_ in range(2):
        wait = ("QS_LOCK_WAIT=120",) if round_ else ()
        with ThreadPoolExecutor(2) as pool:
            runs = list(
                pool.map(lambda extra: build_site(site, tmp_path / "output", tmp_path / "cache", *extra), [wait] * 2)
            )
        codes = sorted(r.returncode for r in runs)
        assert codes in ([0, 0], [0, 1]), [r.stderr for r in runs]
        if round_:
            assert codes == [0, 0]
        for run in runs:
            assert "Traceback" not in run.stderr
            if run.returncode == 1:
                assert "Ein anderer Build läuft gerade" in run.stderr
        assert _files(tmp_path / "output") == _files(good)
        assert not [p.name for p in tmp_path.glob("output.*") if p.is_dir()]


def test_a_lock_of_a_killed_build_is_free_again(tmp_path, reference):
    site, good = reference
    lock = tmp_path / "output.lock"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import fcntl,time; f=open({str(lock)!r},'a'); fcntl.flock(f, fcntl.LOCK_EX); print('ok', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "ok"
    holder.kill()
    holder.wait()
    result = build_site(site, tmp_path / "output", tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    assert _files(tmp_path / "output") == _files(good)


def test_lock_refusal_in_process_names_the_holder(tmp_path):
    holder = _hold(tmp_path / "x.lock")
    try:
        with pytest.raises(BuildRefused):
            build_lock.acquire({tmp_path / "x.lock": "output/"})
    finally:
        holder.close()
    build_lock.acquire({tmp_path / "x.lock": "output/"})
    try:
        assert (tmp_path / "x.lock").read_text().strip() == str(os.getpid())
    finally:
        build_lock.release_all()


def _derive(task):
    return make_derivatives(task)


def test_two_processes_making_the_same_derivatives_both_succeed(tmp_path):
    """The cache is shared across builds: equal temporary names once made them fail each other."""
    from multiprocessing import get_context

    source = camera_jpeg(tmp_path / "foto.jpg", (1200, 800))
    target = tmp_path / "cache" / "ab" / "abcdef"
    with get_context("fork").Pool(2) as pool:
        results = pool.map(_derive, [(str(source), str(target), DEFAULT_MAX_PIXELS)] * 6)
    assert all(r == results[0] for r in results)
    assert not list(target.glob("*.part")) and not list(target.glob(".*"))
    assert sorted(p.name for p in target.iterdir())[-1] == "meta.json"


def test_atomic_writes_leave_whole_files_and_readable_permissions(tmp_path):
    path = tmp_path / "stamp.txt"
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda i: write_atomic(path, chr(65 + i % 26) * 10_000), range(40)))
    text = path.read_text()
    assert len(text) == 10_000 and len(set(text)) == 1
    assert list(tmp_path.iterdir()) == [path]
    assert path.stat().st_mode & 0o044 == 0o044  # group and others may read, as a web server must


def test_link_or_copy_over_an_existing_link_to_the_same_file(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("x")
    target = tmp_path / "out" / "a.txt"
    link_or_copy(source, target)
    link_or_copy(source, target)  # was SameFileError
    other = tmp_path / "b.txt"
    other.write_text("y")
    link_or_copy(other, target)
    assert target.read_text() == "y"


def test_a_damaged_cache_file_is_started_anew(tmp_path, reference):
    site, good = reference
    cache = tmp_path / "cache" / "quartiersschau"
    cache.mkdir(parents=True)
    for name in ("records", "markdown", "pages"):
        (cache / f"{name}.sqlite").write_bytes(b"kein SQLite \x00\xff" * 100)
    result = build_site(site, tmp_path / "output", tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    assert _files(tmp_path / "output") == _files(good)
