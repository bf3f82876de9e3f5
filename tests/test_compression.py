"""Precompressed files: written beside text files, reused from the last output where the file is the same."""

import gzip
import os

import brotli

from quartiersschau.publish.compression import precompress

PAGE = "<!doctype html><html lang=de><body>" + "Ein Café zum Lesen und Reden. " * 40 + "</body></html>"


def _site(folder, text=PAGE):
    (folder / "projekte").mkdir(parents=True)
    (folder / "projekte" / "index.html").write_text(text, encoding="utf-8")
    (folder / "klein.html").write_text("<p>kurz</p>", encoding="utf-8")  # too small to be worth it
    return folder


def test_every_text_file_worth_it_gets_gzip_and_brotli(tmp_path):
    output = _site(tmp_path / "output")
    assert precompress(output, 1, 10) == 2
    page = output / "projekte" / "index.html"
    assert gzip.decompress((output / "projekte" / "index.html.gz").read_bytes()) == page.read_bytes()
    assert brotli.decompress((output / "projekte" / "index.html.br").read_bytes()) == page.read_bytes()
    assert not (output / "klein.html.gz").exists()


def test_a_file_kept_from_the_last_output_links_its_compressed_files(tmp_path):
    previous = _site(tmp_path / "previous")
    precompress(previous, 1, 10)
    output = tmp_path / "output"
    (output / "projekte").mkdir(parents=True)
    os.link(previous / "projekte" / "index.html", output / "projekte" / "index.html")
    assert precompress(output, 1, 10, previous, {"projekte/index.html"}) == 2
    for ext in (".gz", ".br"):
        mine, theirs = output / f"projekte/index.html{ext}", previous / f"projekte/index.html{ext}"
        assert os.path.samefile(mine, theirs)


def test_a_half_compressed_previous_file_is_compressed_anew_never_half_linked(tmp_path):
    previous = _site(tmp_path / "previous")
    precompress(previous, 1, 10)
    (previous / "projekte" / "index.html.br").unlink()
    output = tmp_path / "output"
    (output / "projekte").mkdir(parents=True)
    os.link(previous / "projekte" / "index.html", output / "projekte" / "index.html")
    before = (previous / "projekte" / "index.html.gz").stat()
    assert precompress(output, 1, 10, previous, {"projekte/index.html"}) == 2
    gz = output / "projekte" / "index.html.gz"
    # Written anew (not the previous file's inode), and the previous output's file is untouched.
    assert not os.path.samefile(gz, previous / "projekte" / "index.html.gz")
    assert (previous / "projekte" / "index.html.gz").stat().st_mtime_ns == before.st_mtime_ns
    assert brotli.decompress((output / "projekte" / "index.html.br").read_bytes()).startswith(b"<!doctype")


def test_a_changed_file_is_compressed_from_its_own_bytes(tmp_path):
    previous = _site(tmp_path / "previous")
    precompress(previous, 1, 10)
    output = _site(tmp_path / "output", PAGE.replace("Reden", "Spielen"))
    assert precompress(output, 1, 10, previous, set()) == 2
    assert b"Spielen" in gzip.decompress((output / "projekte" / "index.html.gz").read_bytes())


def test_the_quick_preview_links_what_it_can_and_compresses_nothing(tmp_path):
    previous = _site(tmp_path / "previous")
    precompress(previous, 1, 10)
    output = _site(tmp_path / "output", PAGE.replace("Reden", "Spielen"))
    assert precompress(output, 1, 10, previous, set(), reuse_only=True) == 0
    assert not (output / "projekte" / "index.html.gz").exists()  # the build after it writes it
