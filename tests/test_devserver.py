"""The live preview: serves the site, rebuilds on change, reloads the open page, shows what is wrong."""

import os
import shutil
import threading
import urllib.error
import urllib.request

import pytest
from browser_support import DevserverProcess, free_port
from helpers import BUILD_EPOCH, FIXTURE, ROOT, copy_site, import_script, tree_digest

SCRIPT_TAG = '<script src="/__vorschau/neu-laden.js" data-stand="'
ERROR_HEADING = "Die Vorschau kann den neuen Stand nicht zeigen"


def _get(url: str) -> tuple[int, str, str]:
    """Status, content type and text of an answer, error statuses included."""
    try:
        response = urllib.request.urlopen(url, timeout=30)
    except urllib.error.HTTPError as error:
        response = error
    return response.status, response.headers["Content-Type"], response.read().decode()


@pytest.fixture(scope="module")
def devserver():
    return import_script("devserver")


@pytest.fixture
def served(tmp_path, devserver):
    """A tiny output/ served with a preview; yields (output, base URL, preview)."""
    output = tmp_path / "output"
    (output / "projekte").mkdir(parents=True)
    (output / "admin").mkdir()
    (output / "index.html").write_text("<!doctype html><html><body><h1>Start</h1></BODY></html>", encoding="utf-8")
    (output / "projekte/index.html").write_text("<html><body>Projekte</body></html>", encoding="utf-8")
    (output / "404.html").write_text("<title>Seite nicht gefunden</title><body></body>", encoding="utf-8")
    (output / "admin/index.html").write_text("<html><body>Redaktion</body></html>", encoding="utf-8")
    (output / "style.css").write_text("body { color: black }", encoding="utf-8")
    (output / "daten.json").write_text('{"body": "</body>"}', encoding="utf-8")
    preview = devserver.Preview()
    port = free_port()
    server = devserver.serve(port, output, preview)
    try:
        yield output, f"http://127.0.0.1:{port}", preview
    finally:
        server.shutdown()
        server.server_close()


def test_preview_injects_the_reload_script_into_pages_only(served, devserver):
    output, url, preview = served
    before = tree_digest(output)
    status, kind, html = _get(f"{url}/")
    assert status == 200 and kind == "text/html; charset=utf-8"
    assert html == f"<!doctype html><html><body><h1>Start</h1>{devserver.script_tag(preview.stand)}\n</BODY></html>"
    assert SCRIPT_TAG in _get(f"{url}/projekte/")[2]
    status, _, html = _get(f"{url}/gibt-es-nicht/")
    assert status == 404 and "Seite nicht gefunden" in html and SCRIPT_TAG in html
    # Not into other files, nor into the web editor (a reload would lose its unsaved work).
    assert _get(f"{url}/style.css")[2] == "body { color: black }"
    assert _get(f"{url}/daten.json")[2] == '{"body": "</body>"}'
    assert _get(f"{url}/admin/")[2] == "<html><body>Redaktion</body></html>"
    status, kind, script = _get(f"{url}/__vorschau/neu-laden.js")
    assert status == 200 and kind.startswith("text/javascript") and "EventSource" in script
    assert tree_digest(output) == before  # only the answers change, never the files


def test_serve_only_leaves_pages_as_they_are(tmp_path, devserver):
    """`make serve` shows the build like the host does: no reload script, no preview addresses."""
    (tmp_path / "index.html").write_text("<html><body>Start</body></html>", encoding="utf-8")
    port = free_port()
    server = devserver.serve(port, tmp_path)
    try:
        assert _get(f"http://127.0.0.1:{port}/")[2] == "<html><body>Start</body></html>"
        assert _get(f"http://127.0.0.1:{port}/__vorschau/neu-laden.js")[0] == 404
    finally:
        server.shutdown()
        server.server_close()


def test_a_refused_build_shows_its_messages_on_every_page(served):
    _, url, preview = served
    preview.finished(
        False,
        [
            "data/projects/<b>lesecafe</b>.yaml:2:7: site: unbekannter Standort '<script>' (meinten Sie 'ingolstadt'?)\n",
            "data/projects/<b>lesecafe</b>.yaml:1:1: summary (Kurz: beschrieben): Pflichtfeld fehlt\n",
            "data/sites/hof.yaml:4:3: (Datei): Hinweis: Bild ohne Bildnachweis\n",
            "content/stories/neu.md:1:1: title: Pflichtfeld fehlt\n",
            "[quartiersschau] Bilder: 3/4 verarbeitet\n",
            "3 Fehler in den Inhalten – es wurde nichts geschrieben.\n",
        ],
    )
    for address in ("/", "/projekte/", "/projekte/neu/", "/index.html"):
        status, kind, html = _get(url + address)
        assert status == 503 and kind == "text/html; charset=utf-8", address
        assert '<html lang="de">' in html and f"<h1>{ERROR_HEADING}</h1>" in html
    assert "Der Bau hat 3 Fehler in 2 Dateien gefunden." in html
    # Grouped by file, in the build's order; every text from the build is escaped.
    assert (
        "<h3><code>data/projects/&lt;b&gt;lesecafe&lt;/b&gt;.yaml</code></h3>\n<ul>\n"
        "<li>Zeile 2, Spalte 7 – Feld <strong>site</strong>: unbekannter Standort &#x27;&lt;script&gt;&#x27;"
        " (meinten Sie &#x27;ingolstadt&#x27;?)</li>\n"
        "<li>Zeile 1, Spalte 1 – Feld <strong>summary (Kurz: beschrieben)</strong>: Pflichtfeld fehlt</li>\n</ul>"
    ) in html
    assert "<h3><code>content/stories/neu.md</code></h3>" in html
    hints = html[html.index("<h2>Hinweise</h2>") : html.index("<h2>Weitere Meldungen</h2>")]
    assert (
        "<code>data/sites/hof.yaml</code>" in hints and "Feld <strong>(Datei)</strong>: Bild ohne Bildnachweis" in hints
    )
    assert "<pre>[quartiersschau] Bilder: 3/4 verarbeitet</pre>" in html
    assert "<b>" not in html and "es wurde nichts geschrieben." not in html  # the summary is counted, not repeated
    assert html.count("<script") == 1 and SCRIPT_TAG in html  # reloads itself once the content is fixed
    # Files, and the web editor the content is fixed with, stay as they are.
    assert _get(f"{url}/style.css")[2] == "body { color: black }"
    assert _get(f"{url}/admin/")[2] == "<html><body>Redaktion</body></html>"

    preview.finished(False, ["output/: Ein anderer Build läuft gerade (PID 7) – warten oder beenden\n"])
    html = _get(f"{url}/")[2]
    assert "<pre>output/: Ein anderer Build läuft gerade (PID 7) – warten oder beenden</pre>" in html
    assert "<h2>Fehler</h2>" not in html and "<h2>Hinweise</h2>" not in html

    preview.finished(True, ["data/sites/hof.yaml:4:3: (Datei): Hinweis: Bild ohne Bildnachweis\n"])
    assert _get(f"{url}/")[:2] == (200, "text/html; charset=utf-8")  # warnings do not stop the preview
    assert "<h1>Start</h1>" in _get(f"{url}/")[2]


def test_the_event_stream_names_each_new_build(served):
    _, url, preview = served
    with urllib.request.urlopen(f"{url}/__vorschau/ereignisse", timeout=30) as stream:
        assert stream.headers["Content-Type"].startswith("text/event-stream")

        def next_build():
            while not (line := stream.readline().decode()).startswith("data: "):
                pass
            return line.removeprefix("data: ").strip()

        first = next_build()
        assert first == preview.stand
        threading.Timer(0.2, preview.finished, (True, [])).start()
        second = next_build()
        assert second != first and second == preview.stand


def test_preview_answers_an_unknown_address_with_the_sites_own_404(tmp_path, devserver):
    """`make serve` and `make devserver` behave like the host: the German 404.html, status 404."""
    output = tmp_path / "output"
    output.mkdir()
    (output / "404.html").write_text("<title>Seite nicht gefunden</title>", encoding="utf-8")
    (output / "index.html").write_text("Start", encoding="utf-8")
    port = free_port()
    server = devserver.serve(port, output)
    try:
        assert urllib.request.urlopen(f"http://127.0.0.1:{port}/").read() == b"Start"
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/gibt-es-nicht/")
        except urllib.error.HTTPError as error:
            assert error.code == 404
            assert "Seite nicht gefunden" in error.read().decode()
        else:
            raise AssertionError("no 404")
    finally:
        server.shutdown()
        server.server_close()


class Devserver(DevserverProcess):
    """`scripts/devserver.py` on a copy of the project with the fixture programme; reads its output."""

    def __init__(self, project):
        self.project = project
        env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH}
        super().__init__(project / "scripts" / "devserver.py", [], project, env)

    def edit(self, name: str, old: str, new: str) -> int:
        """Change one record; returns where the output of the rebuild starts."""
        mark = len(self.lines)
        record = self.project / name
        record.write_text(record.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        return mark


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    """One devserver for the tests below: each build of the fixture takes seconds."""
    project = tmp_path_factory.mktemp("vorschau") / "projekt"
    for name in ("scripts", "plugins", "theme"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pelicanconf.py", "sharedconf.py"):
        shutil.copy(ROOT / name, project)
    (project / "node_modules").symlink_to(ROOT / "node_modules")  # the web editor's bundle (publish.admin)
    copy_site(FIXTURE, project)
    server = Devserver(project)
    try:
        server.wait_for("Vorschau: http://127.0.0.1")
        yield server
    finally:
        server.process.terminate()
        server.process.wait(timeout=10)


RECORD = "data/projects/lesecafe.yaml"
HEADING = '<h1 data-pagefind-meta="title" data-pagefind-weight="10">'


def test_devserver_shows_a_broken_record_in_the_browser_until_it_is_fixed(running):
    page = f"http://127.0.0.1:{running.port}/projekte/lesecafe/"
    assert f"{HEADING}Lesecafé</h1>" in _get(page)[2]

    mark = running.edit(RECORD, "site: ingolstadt", "site: ingolstat")
    output = running.wait_for("Nicht gebaut", mark)
    # Still printed in the terminal (the field may carry its German title: "site (Standort)").
    assert f"{RECORD}:2:7: site" in output and "unbekannter Standort 'ingolstat'" in output
    status, _, html = _get(page)
    assert status == 503 and ERROR_HEADING in html
    assert f"<code>{RECORD}</code>" in html and "Zeile 2, Spalte 7 – Feld <strong>site" in html
    assert "unbekannter Standort &#x27;ingolstat&#x27;" in html
    # The last good build stays in output/.
    assert f"{HEADING}Lesecafé</h1>" in (running.project / "output/projekte/lesecafe/index.html").read_text("utf-8")

    mark = running.edit(RECORD, "site: ingolstat", "site: ingolstadt")
    running.wait_for("Gebaut in", mark)
    status, _, html = _get(page)
    assert status == 200 and f"{HEADING}Lesecafé</h1>" in html and SCRIPT_TAG in html
    assert SCRIPT_TAG not in (running.project / "output/projekte/lesecafe/index.html").read_text("utf-8")


def test_an_open_page_reloads_itself_after_each_build(running, page):
    """In Chromium, under the site's own Content-Security-Policy: new content, the error page, the fixed page."""
    from browser_support import read_headers_file

    policy = dict(read_headers_file(running.project / "output/_headers"))["/"]["Content-Security-Policy"]

    def with_policy(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": policy})

    page.route(lambda url: url.endswith("/"), with_policy)  # the pages, not the script or its event stream
    page.goto(f"http://127.0.0.1:{running.port}/projekte/lesecafe/")
    heading = page.locator("h1")
    assert heading.text_content() == "Lesecafé"
    inline = "() => { const s = document.createElement('script'); s.text = 'window.ran = 1'; document.body.append(s); return !!window.ran }"
    assert page.evaluate(inline) is False  # the policy is in force: inline scripts would not run
    page.errors.clear()  # that refusal, on purpose

    running.edit(RECORD, "title: Lesecafé", "title: Lesecafé am Park")
    heading.filter(has_text="Lesecafé am Park").wait_for(timeout=60_000)
    running.edit(RECORD, "site: ingolstadt", "site: ingolstat")
    heading.filter(has_text=ERROR_HEADING).wait_for(timeout=60_000)
    assert page.locator("li", has_text="unbekannter Standort 'ingolstat'").count() == 1
    running.edit(RECORD, "site: ingolstat", "site: ingolstadt")
    heading.filter(has_text="Lesecafé am Park").wait_for(timeout=60_000)
    assert not [error for error in page.errors if "Content Security Policy" in error]


def _indexed_text(output) -> str:
    """The text of every page in the search index (Pagefind's fragments)."""
    import gzip

    fragments = sorted((output / "pagefind" / "fragment").glob("*.pf_fragment"))
    return "".join(gzip.decompress(f.read_bytes()).decode("utf-8", "replace") for f in fragments)


def test_after_an_edit_the_page_comes_first_and_the_search_index_follows(running):
    """The quick build keeps the last index (the page shows sooner); the build after it renews the index."""
    output = running.project / "output"
    # The last test's build may still be renewing its index: wait for that first.
    last_build = max(i for i, line in enumerate(running.lines) if "Gebaut in" in line)
    running.wait_for("Suchindex erneuert", last_build)
    assert "Vorlesen im Hof" not in _indexed_text(output)
    mark = running.edit(RECORD, "title: Lesecafé", "title: Vorlesen im Hof, Lesecafé")
    text = running.wait_for("Suchindex erneuert", mark)
    quick, _, follow_up = text.partition("Gebaut in")
    assert "Suchindex: vom letzten Bau übernommen" in quick
    # The follow-up is quiet: its messages (warnings too) are not printed a second time.
    assert "Suchindex:" not in follow_up
    assert "Vorlesen im Hof" in _indexed_text(output)
    page = (output / "projekte/lesecafe/index.html").read_text("utf-8")
    assert f"{HEADING}Vorlesen im Hof, Lesecafé" in page
    # The quick build left the changed page's compressed copy to the build after it.
    import gzip

    assert gzip.decompress((output / "projekte/lesecafe/index.html.gz").read_bytes()).decode("utf-8") == page
