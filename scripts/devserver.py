"""Live preview for editors: ``make devserver``.

Serves the programme's ``output/`` on localhost and rebuilds whenever something under
its ``data/`` or ``content/``, the theme or the plugin changes (``--programme`` or
``make devserver PROGRAMME=…`` for another programme than the default demo). Each build runs in a
process of its own, forked from a warm build server (``build_server``), so a broken record prints
its errors and the last good site stays in ``output/``. After an edit, a quick build keeps the
last search index, so that the edited page shows sooner; a second build right after renews the
index without reloading the page.
The open page reloads itself after every build, and while the content is broken every page
shows the build's messages instead (``preview_errors``): editors look at the browser, not the
terminal. Both live only in the HTTP answers, never in ``output/`` or a published build.
``--serve-only`` (``make serve``) serves without building or watching. Like the host, both
answer an unknown address with the site's own ``404.html`` and status 404.
"""

from __future__ import annotations

import argparse
import functools
import io
import sys
import threading
import time
from html import escape
from http import HTTPStatus
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import _browser
from build_server import BuildServer
from preview_errors import Report, error_page, parse_report
from watchfiles import watch

from _project import ROOT, programme_folder

# Watched in the programme's folder, and in the project (shared by all programmes).
PROGRAMME_WATCHED = ["data", "content", "pelicanconf.py"]
SHARED_WATCHED = ["theme", "plugins", "sharedconf.py"]


# The devserver's own addresses; no page of a site lives below them.
PREVIEW = "/__vorschau/"
RELOAD_SCRIPT = PREVIEW + "neu-laden.js"
EVENTS = PREVIEW + "ereignisse"
# The web editor (publish.admin.FOLDER): reloading it would lose the editor's unsaved work.
EDITOR = "/admin/"
# A file of its own, not inline, so the site's Content-Security-Policy (script-src 'self') allows it.
# Every message of the event stream names the current build; a page of another build reloads.
RELOAD_JS = b"""(() => {
  const stand = document.currentScript.dataset.stand;
  const events = new EventSource("/__vorschau/ereignisse");
  events.onmessage = (event) => {
    if (event.data !== stand) {
      events.close();
      location.reload();
    }
  };
})();
"""


class Preview:
    """Which build the browser should show, and why the last one was refused (or None)."""

    def __init__(self):
        self._changed = threading.Condition()
        # A restarted devserver counts anew: the start time keeps its builds apart from the last run's.
        self._run = f"{time.time_ns():x}"
        self._builds = 0
        self.report: Report | None = None

    @property
    def stand(self) -> str:
        return f"{self._run}-{self._builds}"

    def current(self) -> tuple[str, Report | None]:
        """Build and report together: a page must never carry a newer build than its content."""
        with self._changed:
            return self.stand, self.report

    def finished(self, ok: bool, stderr: list[str]) -> None:
        with self._changed:
            self._builds += 1
            self.report = None if ok else parse_report(stderr)
            self._changed.notify_all()

    def wait(self, stand: str | None, timeout: float) -> str:
        """The current build, as soon as it is another than *stand* (or after *timeout* seconds)."""
        with self._changed:
            self._changed.wait_for(lambda: self.stand != stand, timeout)
            return self.stand


def script_tag(stand: str) -> str:
    return f'<script src="{RELOAD_SCRIPT}" data-stand="{escape(stand)}"></script>'


def pelican_arguments(builds: BuildServer, *, quick: bool = False) -> list[str]:
    # A build started by hand at the same time (`make html`) holds the lock: wait for it.
    arguments = ["-s", str(builds.folder / "pelicanconf.py"), "-q", "-e", "QS_LOCK_WAIT=300"]
    return arguments + ["QS_QUICK_PREVIEW=true"] if quick else arguments


def build(builds: BuildServer, preview: Preview | None = None, *, quick: bool = False) -> bool:
    """One build; *quick* (``QS_QUICK_PREVIEW``) leaves the search index, the files beside the pages
    and compressing the changed files to a second build right after it (``follow_up``)."""
    started = time.perf_counter()
    arguments = pelican_arguments(builds, quick=quick)
    # The output goes on to the terminal line by line as before, and is kept for the error page.
    stderr: list[str] = []
    ok = False
    for line in builds.run(arguments):
        if isinstance(line, int):
            ok = line == 0
            break
        sys.stderr.write(line)
        sys.stderr.flush()
        stderr.append(line)
    if preview is not None:
        preview.finished(ok, stderr)
    seconds = time.perf_counter() - started
    if ok:
        print(f"✔ Gebaut in {seconds:.1f} s – die Vorschau zeigt den neuen Stand.", flush=True)
        return True
    print(
        "✘ Nicht gebaut: bitte die Meldungen oben beheben (sie stehen auch im Browser)."
        " In output/ bleibt der letzte gute Stand.",
        flush=True,
    )
    return False


def follow_up(builds: BuildServer, preview: Preview) -> None:
    """After a quick build: what it left (search index, feeds and other files, compressed files), quietly."""
    started = time.perf_counter()
    lines = list(builds.run(pelican_arguments(builds)))
    if lines[-1] == 0:
        print(f"✔ Suchindex erneuert in {time.perf_counter() - started:.1f} s.", flush=True)
        return
    sys.stderr.writelines(lines[:-1])
    preview.finished(False, lines[:-1])
    print("✘ Suchindex nicht erneuert: bitte die Meldungen oben beheben.", flush=True)


class QuietHandler(_browser.QuietHandler):
    # None for `make serve`: no rebuilds, so nothing to reload or report.
    preview: Preview | None = None

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        route = urlsplit(self.path).path
        if self.preview is not None and route == EVENTS:
            self._send_events()
        elif self.preview is not None and route == RELOAD_SCRIPT:
            self.copyfile(self._send_body(HTTPStatus.OK, RELOAD_JS, "text/javascript; charset=utf-8"), self.wfile)
        else:
            super().do_GET()

    def send_head(self):
        """Pages get the reload script; while the content is broken, every page is the error page."""
        route = urlsplit(self.path).path
        if self.preview is None or route.startswith(EDITOR):
            return super().send_head()
        stand, report = self.preview.current()  # before the file is read, see Preview.current
        if report is not None and _is_page(route):
            page = error_page(report, script_tag(stand)).encode()
            return self._send_body(HTTPStatus.SERVICE_UNAVAILABLE, page, "text/html; charset=utf-8")
        file = Path(self.translate_path(self.path))
        if file.is_dir() and route.endswith("/"):
            file = file / "index.html"
        if file.suffix != ".html" or not file.is_file():
            return super().send_head()
        return self._send_body(HTTPStatus.OK, self._with_script(file.read_bytes(), stand), "text/html; charset=utf-8")

    def send_error(self, code, message=None, explain=None):
        """A missing page gets the site's own German 404.html, as on the host."""
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        stand = self.preview.current()[0] if self.preview else ""
        body = self._with_script(page.read_bytes(), stand)
        self.copyfile(self._send_body(code, body, "text/html; charset=utf-8"), self.wfile)

    def _with_script(self, html: bytes, stand: str) -> bytes:
        """The page with the reload script before its last ``</body>`` – only in this answer, not in the file."""
        if self.preview is None or urlsplit(self.path).path.startswith(EDITOR):
            return html
        tag = script_tag(stand).encode()
        end = html.lower().rfind(b"</body>")
        return html + tag if end < 0 else html[:end] + tag + b"\n" + html[end:]

    def _send_body(self, code: int, body: bytes, content_type: str) -> io.BytesIO:
        """Send the headers; returns the body to copy, as ``send_head`` does (empty for HEAD)."""
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(b"" if self.command == "HEAD" else body)

    def _send_events(self):
        """Server-Sent Events: the current build at once, then each new one; a comment now and then finds closed tabs."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        stand = None
        try:
            while True:
                current = self.preview.wait(stand, timeout=15)
                self.wfile.write(f"retry: 1000\ndata: {current}\n\n".encode() if current != stand else b":\n\n")
                self.wfile.flush()
                stand = current
        except (BrokenPipeError, ConnectionResetError):
            pass


def _is_page(route: str) -> bool:
    """An address of a page (not a stylesheet, image or data file): gets the error page."""
    name = route.rsplit("/", 1)[-1]
    return route.endswith("/") or name.endswith(".html") or "." not in name


def serve(port: int, output: Path, preview: Preview | None = None) -> ThreadingHTTPServer:
    handler_class = type("PreviewHandler", (QuietHandler,), {"preview": preview})
    handler = functools.partial(handler_class, directory=str(output))
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
    preview = Preview()
    builds = BuildServer(folder)
    build(builds, preview)
    serve(args.port, folder / "output", preview)
    print(f"Vorschau: http://127.0.0.1:{args.port}/  (Strg+C beendet)", flush=True)
    paths = [folder / p for p in PROGRAMME_WATCHED] + [ROOT / p for p in SHARED_WATCHED]
    paths = list(dict.fromkeys(p for p in paths if p.exists()))
    try:
        # A save is taken once 20 ms pass without another change (watchfiles' default: 50 ms).
        changes_seen = watch(*paths, watch_filter=lambda _change, path: "__pycache__" not in path, step=20)
        for changes in changes_seen:
            names = sorted({str(p).removeprefix(str(ROOT) + "/") for _, p in changes})
            print(f"Geändert: {', '.join(names[:5])}{' …' if len(names) > 5 else ''}", flush=True)
            if any(path.endswith(".py") or Path(path).is_relative_to(ROOT / "plugins") for _, path in changes):
                builds.restart()  # the build server has the old code (and the schemas it read) imported
            if build(builds, preview, quick=True):
                follow_up(builds, preview)
    except KeyboardInterrupt:
        pass
    finally:
        builds.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
