"""records.paths: how a path is shown to editors."""

import os

from quartiersschau.records.paths import ContentPaths


def test_paths_are_shown_from_the_project_root(tmp_path, monkeypatch):
    root = tmp_path / "programm"
    root.mkdir()
    paths = ContentPaths(root=root, data=root / "data", content=root / "content")
    assert paths.display(root / "data/projects/lesecafe.yaml") == "data/projects/lesecafe.yaml"
    assert paths.display(root / "data" / ".." / "content/x.md") == "content/x.md"
    # Outside the root, relative to it; a relative path is taken from the working folder.
    assert paths.display(tmp_path / "anderswo/y.yaml") == "../anderswo/y.yaml"
    monkeypatch.chdir(root)
    assert paths.display(os.path.join("data", "sites", "hof.yaml")) == "data/sites/hof.yaml"
    # A folder whose name begins like the root's is not below it.
    assert paths.display(tmp_path / "programm-alt/z.yaml") == "../programm-alt/z.yaml"
