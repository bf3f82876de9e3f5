"""The live preview: serves the site, rebuilds on change, survives broken records."""

import shutil
import socket
import subprocess
import sys
import time
import urllib.request

from helpers import FIXTURE, ROOT, copy_site


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(process, text, timeout=120):
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        seen.append(line)
        if text in line:
            return "".join(seen)
    raise AssertionError(f"{text!r} not printed; got:\n{''.join(seen)}")


def test_devserver_rebuilds_and_keeps_the_last_good_site(tmp_path):
    project = tmp_path / "projekt"
    for name in ("scripts", "plugins", "theme"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pelicanconf.py", "sharedconf.py"):
        shutil.copy(ROOT / name, project)
    (project / "node_modules").symlink_to(ROOT / "node_modules")  # the web editor's bundle (publish.admin)
    copy_site(FIXTURE, project)
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-u", "scripts/devserver.py", "--port", str(port)],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wait_for(process, "Vorschau: http://127.0.0.1")
        page = f"http://127.0.0.1:{port}/projekte/lesecafe/"
        assert (
            '<h1 data-pagefind-meta="title" data-pagefind-weight="10">Lesecafé</h1>'
            in urllib.request.urlopen(page).read().decode()
        )

        record = project / "data/projects/lesecafe.yaml"
        record.write_text(
            record.read_text(encoding="utf-8").replace("site: ingolstadt", "site: ingolstat"), encoding="utf-8"
        )
        output = _wait_for(process, "Nicht gebaut")
        assert "data/projects/lesecafe.yaml:2:7: site: unbekannter Standort 'ingolstat'" in output
        assert "Lesecafé" in urllib.request.urlopen(page).read().decode()  # the last good build is still served

        record.write_text(
            record.read_text(encoding="utf-8")
            .replace("site: ingolstat", "site: ingolstadt")
            .replace("title: Lesecafé", "title: Lesecafé am Park"),
            encoding="utf-8",
        )
        _wait_for(process, "Gebaut in")
        assert "Lesecafé am Park" in urllib.request.urlopen(page).read().decode()
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_preview_answers_an_unknown_address_with_the_sites_own_404(tmp_path):
    """`make serve` and `make devserver` behave like the host: the German 404.html, status 404."""
    import urllib.error

    output = tmp_path / "output"
    output.mkdir()
    (output / "404.html").write_text("<title>Seite nicht gefunden</title>", encoding="utf-8")
    (output / "index.html").write_text("Start", encoding="utf-8")
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import devserver
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    port = _free_port()
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
