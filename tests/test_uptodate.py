"""uptodate: the listing that decides whether a build has anything to do."""

import os

from quartiersschau.uptodate import _listing


def test_the_listing_changes_with_any_file_and_only_then(tmp_path):
    (tmp_path / "a/b").mkdir(parents=True)
    (tmp_path / "a/b/seite.html").write_text("x")
    (tmp_path / "start.html").write_text("y")
    first = _listing([tmp_path])
    assert _listing([tmp_path]) == first
    # Byte-code caches are left out.
    (tmp_path / "a/__pycache__").mkdir()
    (tmp_path / "a/__pycache__/m.pyc").write_bytes(b"0")
    assert _listing([tmp_path]) == first
    # A file's size, its time, a new file, a renamed or moved one: each changes the listing.
    seen = {first}
    changes = [
        lambda: (tmp_path / "start.html").write_text("yy"),
        lambda: os.utime(tmp_path / "start.html", ns=(1, 1)),
        lambda: (tmp_path / "a/neu.html").write_text(""),
        lambda: (tmp_path / "a/neu.html").rename(tmp_path / "a/alt.html"),
        lambda: (tmp_path / "a/alt.html").rename(tmp_path / "a/b/alt.html"),
        lambda: (tmp_path / "a/b/seite.html").unlink(),
    ]
    for change in changes:
        change()
        now = _listing([tmp_path])
        assert now not in seen
        seen.add(now)


def test_a_name_that_is_not_utf8_is_listed(tmp_path):
    name = os.fsencode(tmp_path) + b"/datei-\xff.txt"
    with open(name, "wb") as file:
        file.write(b"z")
    before = _listing([tmp_path])
    os.unlink(name)
    assert _listing([tmp_path]) != before
