"""Serve a built site on localhost and drive Debian's Chromium with Playwright (scripts/_browser.py),
with the site's own ``_headers`` and below a sub-path where a test needs it.
"""

from __future__ import annotations

import fnmatch
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

from helpers import import_script

# Shared with the scripts (screenshots, devserver, bench_preview): one list of flags, one handler, one devserver runner.
_browser = import_script("_browser")
CHROMIUM_ARGS = _browser.CHROMIUM_ARGS
chromium_path = _browser.chromium_path
_QuietHandler = _browser.QuietHandler
free_port = _browser.free_port
DevserverProcess = _browser.DevserverProcess


def read_headers_file(path: Path) -> list[tuple[str, dict[str, str]]]:
    """Parse a Netlify/Cloudflare ``_headers`` file into (pattern, headers) pairs."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace():
            rules.append((line.strip(), {}))
        elif line.strip():
            name, value = line.strip().split(":", 1)
            rules[-1][1][name.strip()] = value.strip()
    return rules


class _HeadersHandler(_QuietHandler):
    """Sends the security headers of the site's own ``_headers`` file, as the host would."""

    rules: ClassVar[list] = []

    def end_headers(self):
        path = self.path.split("?", 1)[0]
        for pattern, headers in self.rules:
            if fnmatch.fnmatch(path, pattern):
                for name, value in headers.items():
                    if name.lower() != "content-type":
                        self.send_header(name, value)
        super().end_headers()


@contextmanager
def serve(folder: Path, *, with_headers: bool = False, prefix: str = ""):
    """Serve *folder* on a free localhost port; yields the base URL.

    with_headers: apply the site's ``_headers`` file. prefix: serve the site below a
    sub-path (e.g. "/quartiersschau"), as on GitHub Pages project sites.
    """
    root = Path(folder)
    if prefix:
        mount = Path(tempfile.mkdtemp()) / prefix.strip("/")
        mount.parent.mkdir(parents=True, exist_ok=True)
        mount.symlink_to(root.resolve(), target_is_directory=True)
        root = mount.parent
    handler_class = _QuietHandler
    if with_headers:
        handler_class = type("Handler", (_HeadersHandler,), {"rules": read_headers_file(Path(folder) / "_headers")})
    with _browser.serve_with(handler_class, root) as url:
        yield url
