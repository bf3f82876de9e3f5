"""Live preview for editors: ``make devserver``.

Serves the programme's ``output/`` on localhost and rebuilds whenever something under
its ``data/`` or ``content/``, the theme or the plugin changes (``--programme`` or
``make devserver PROGRAMME=…`` for another programme than the default demo). Each build runs in a fresh process,
so a broken record prints its errors and the last good site stays online.
``--serve-only`` (``make serve``) serves without building or watching. Like the host, both
answer an unknown address with the site's own ``404.html`` and status 404.
"""

from __future__ import annotations

import argparse
import functools
import subprocess
import sys
import threading
import time
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

from watchfiles import watch

from _project import ROOT, programme_folder

# Watched in the programme's folder, and in the project (shared by all programmes).
PROGRAMME_WATCHED = ["data", "content", "pelicanconf.py"]
SHARED_WATCHED = ["theme", "plugins", "sharedconf.py"]


def build(folder: Path) -> bool:
    started = time.perf_counter()
    # A build started by hand at the same time (`make html`) holds the lock: wait for it.
    settings = str(folder / "pelicanconf.py")
    command = [sys.executable, "-m", "pelican", "-s", settings, "-q", "-e", "QS_LOCK_WAIT=300"]
    result = subprocess.run(command, cwd=folder)
    seconds = time.perf_counter() - started
    if result.returncode == 0:
        print(f"✔ Gebaut in {seconds:.1f} s – die Vorschau zeigt den neuen Stand.", flush=True)
        return True
    print(
        "✘ Nicht gebaut: bitte die Meldungen oben beheben. Die Vorschau zeigt weiter den letzten guten Stand.",
        flush=True,
    )
    return False


class QuietHandler(SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".avif": "image/avif",
        ".webp": "image/webp",
    }

    def log_message(self, format, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        """A missing page gets the site's own German 404.html, as on the host."""
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(port: int, output: Path) -> ThreadingHTTPServer:
    handler = functools.partial(QuietHandler, directory=str(output))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Vorschau mit automatischem Neubau.")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--programme", help="Programmordner (Standard: das Demo-Programm oben im Projekt)")
    parser.add_argument("--serve-only", action="store_true", help="nur zeigen, nicht bauen (make serve)")
    args = parser.parse_args(argv)
    folder = programme_folder(args.programme)
    if args.serve_only:
        server = serve(args.port, folder / "output")
        print(f"Vorschau: http://127.0.0.1:{args.port}/  (Strg+C beendet)", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            server.shutdown()
        return 0
    build(folder)
    serve(args.port, folder / "output")
    print(f"Vorschau: http://127.0.0.1:{args.port}/  (Strg+C beendet)", flush=True)
    paths = [folder / p for p in PROGRAMME_WATCHED] + [ROOT / p for p in SHARED_WATCHED]
    paths = list(dict.fromkeys(p for p in paths if p.exists()))
    try:
        for changes in watch(*paths, watch_filter=lambda _change, path: "__pycache__" not in path):
            names = sorted({str(p).removeprefix(str(ROOT) + "/") for _, p in changes})
            print(f"Geändert: {', '.join(names[:5])}{' …' if len(names) > 5 else ''}", flush=True)
            build(folder)
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
