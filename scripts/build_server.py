"""Builds for the devserver, forked from one warm process: the imports cost once, not per build.

The devserver starts this once in the programme's folder and writes one line per build
to its stdin: the JSON list of Pelican's arguments. Each build runs in a child forked
from this process, which has imported Pelican, the plugin and their libraries but never
built anything; so every build starts as clean as a fresh ``python -m pelican`` would, and
a refused build leaves nothing behind. Between builds this process unpickles the records
that the last build cached (``records.reading.know_cached``): results by the files' bytes,
which the next build then takes without asking its cache. What the child prints (stdout and stderr) comes
out on this process's stdout as it is written, followed by one line ``EXIT_MARK<status>``.

Changes to Python code or to the plugin's files (its schemas) need a new server: the
devserver starts one when such a file changes. Templates and content are read by each build anew.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXIT_MARK = "\0qs-build-exit "


def preload() -> None:
    """Import what every build needs: Pelican, its readers and writers, the plugin and its libraries."""
    sys.path.insert(0, str(ROOT / "plugins"))
    import pelican
    import pelican.generators
    import pelican.readers
    import pelican.writers  # noqa: F401 (imported for the builds, not used here)
    from PIL import Image

    package = importlib.import_module("quartiersschau")
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(module.name)
    Image.init()  # Pillow's image formats, which it otherwise finds on the first open


def build(arguments: list[str]) -> tuple[int, str]:
    """One Pelican run in a forked child; returns its exit status and its cache folder ('' if unknown)."""
    sys.stdout.flush()
    told, tell = os.pipe()  # the child says where its cache is
    pid = os.fork()
    if pid == 0:  # the child: stderr goes where stdout goes, to the devserver
        os.close(told)
        os.dup2(1, 2)
        status = 1
        try:
            import pelican

            pelican.main(arguments)
            status = 0
        except SystemExit as stop:
            status = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        except KeyboardInterrupt:  # Ctrl+C in the devserver's terminal reaches every process of it
            status = 130
        except BaseException:  # what Pelican did not catch: shown, then the status says it
            import traceback

            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            with contextlib.suppress(Exception):
                os.write(tell, importlib.import_module("quartiersschau").cache_folder().encode())
            os._exit(status)
    os.close(tell)
    with os.fdopen(told, "rb") as said:
        cache = said.read().decode(errors="replace")
    _, wait_status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(wait_status), cache


def know_records(cache: str) -> None:
    """Between builds: unpickle the records of the last build's cache, for the next build to inherit.

    Best effort: without them a build reads its cache as usual.
    """
    from quartiersschau.common.cache import KeyValueCache
    from quartiersschau.records import reading

    if not cache or not (Path(cache) / "records.sqlite").is_file():
        reading.know_cached(None)
        return
    records = KeyValueCache(Path(cache), "records")
    try:
        reading.know_cached(records)
    except Exception:  # a damaged cache: the next build starts it anew
        pass
    finally:
        records.close()


class BuildServer:
    """The devserver's side: one server process, started on first use and again after it ended.

    ``run`` yields the build's output lines as they come, then its exit status (an int).
    Without ``os.fork`` (Windows) each build is a fresh ``python -m pelican`` as before.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self._process: subprocess.Popen | None = None

    def _env(self) -> dict:
        return {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONUNBUFFERED": "1"}

    def _start(self) -> subprocess.Popen:
        process = subprocess.Popen(
            [sys.executable, __file__],
            cwd=self.folder,
            env=self._env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        for line in process.stdout:
            if line.startswith(EXIT_MARK):  # "ready": everything is imported
                return process
            sys.stderr.write(line)  # an import failed: what Python said, then the build below says it
        process.wait()
        return process

    def restart(self) -> None:
        """A new server at the next build (the plugin's Python code changed)."""
        self.close()

    def close(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.stdin.close()
            self._process.wait()
        self._process = None

    def run(self, arguments: list[str]) -> Iterator[str | int]:
        if not hasattr(os, "fork"):
            yield from self._run_fresh(arguments)
            return
        if self._process is None or self._process.poll() is not None:
            self._process = self._start()
        if self._process.poll() is not None:  # the server could not start: a fresh process says why
            self._process = None
            yield from self._run_fresh(arguments)
            return
        self._process.stdin.write(json.dumps(arguments) + "\n")
        self._process.stdin.flush()
        for line in self._process.stdout:
            before, mark, status = line.partition(EXIT_MARK)
            if before:
                yield before if before.endswith("\n") or not mark else before + "\n"
            if mark:
                yield int(status)
                return
        self._process = None  # the server ended in the middle of a build
        yield 1

    def _run_fresh(self, arguments: list[str]) -> Iterator[str | int]:
        command = [sys.executable, "-m", "pelican", *arguments]
        with subprocess.Popen(
            command,
            cwd=self.folder,
            env=self._env(),
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
        ) as process:
            yield from process.stderr
        yield process.returncode


def main() -> int:
    preload()
    print(EXIT_MARK + "ready", flush=True)
    try:
        for line in sys.stdin:
            status, cache = build(json.loads(line))
            print(f"{EXIT_MARK}{status}", flush=True)
            know_records(cache)
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
