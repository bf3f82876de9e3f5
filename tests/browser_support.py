"""Serve a built site on localhost and drive Debian's Chromium with Playwright.

No browser is downloaded: Playwright is pointed at the system Chromium (installed by
scripts/system_packages.sh, which `make test` runs). The flags keep Chromium from
calling home, which this machine's closed network would refuse anyway.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import shutil
import tempfile
import threading
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


class _QuietHandler(SimpleHTTPRequestHandler):
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
    handler = functools.partial(handler_class, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
