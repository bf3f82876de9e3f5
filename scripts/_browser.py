"""Chromium, a quiet local web server and the devserver as a child process, shared by the scripts
(screenshots, devserver, bench_preview) and the tests.

No browser is downloaded: Playwright is pointed at Debian's Chromium (installed by
scripts/system_packages.sh, which `make test` runs). The flags keep Chromium from
calling home, which this machine's closed network would refuse anyway.
"""

from __future__ import annotations

import functools
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
]


def chromium_path() -> str:
    path = os.environ.get("QS_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError("Chromium fehlt: `make test` installiert es mit scripts/system_packages.sh")
    return path


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves a folder with the types a built site needs, and logs nothing."""

    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".svg": "image/svg+xml",
        ".wasm": "application/wasm",
        ".avif": "image/avif",
        ".webp": "image/webp",
    }

    def log_message(self, format, *args):
        pass


@contextmanager
def serve_with(handler_class: type, folder: Path, port: int = 0):
    """Serve *folder* with *handler_class* on localhost (a free port unless *port*); yields the base URL."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    """A port on localhost that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class DevserverProcess:
    """``scripts/devserver.py`` (the copy at *script*) as a child process on a free port, its output kept line by line."""

    def __init__(self, script: Path, arguments: list[str], cwd: Path, env: dict | None = None):
        self.port = free_port()
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-u", str(script), *arguments, "--port", str(self.port)],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
        threading.Thread(target=lambda: self.lines.extend(self.process.stdout), daemon=True).start()

    def wait_for(self, text: str, since: int = 0, timeout: float = 120) -> str:
        """The output from line *since* on, once a line of it holds *text*; an error if none does in time."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ended = self.process.poll() is not None
            seen = self.lines[since:]
            if any(text in line for line in seen):
                return "".join(seen)
            if ended:  # its last lines were read before it ended: it will not print it now
                break
            time.sleep(0.05)
        raise AssertionError(f"{text!r} not printed; got:\n{''.join(self.lines[since:])}")

    def stop(self, timeout: float = 30) -> None:
        self.process.terminate()
        self.process.wait(timeout=timeout)
