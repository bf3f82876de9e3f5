"""Chromium and a quiet local web server, shared by the scripts (screenshots, devserver) and the tests.

No browser is downloaded: Playwright is pointed at Debian's Chromium (installed by
scripts/system_packages.sh, which `make test` runs). The flags keep Chromium from
calling home, which this machine's closed network would refuse anyway.
"""

from __future__ import annotations

import functools
import os
import shutil
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
