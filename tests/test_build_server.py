"""The devserver's build server: builds forked from one warm process, each reported with its status."""

from helpers import import_script

build_server = import_script("build_server")


def test_each_build_reports_its_output_and_status_and_a_failed_one_does_not_end_the_server(tmp_path):
    (tmp_path / "kaputt.py").write_text("raise RuntimeError('Einstellungen kaputt')\n", encoding="utf-8")
    builds = build_server.BuildServer(tmp_path)
    try:
        first = list(builds.run(["--version"]))
        assert first[-1] == 0 and any(line.strip() for line in first[:-1])
        server = builds._process
        failed = list(builds.run(["-s", str(tmp_path / "kaputt.py")]))
        assert failed[-1] != 0
        assert any("Einstellungen kaputt" in line for line in failed[:-1])
        # The same server builds on: only the forked child ended.
        again = list(builds.run(["--version"]))
        assert again == first and builds._process is server and server.poll() is None
    finally:
        builds.close()
    assert server.poll() is not None


def test_a_restarted_server_imports_the_code_anew(tmp_path):
    builds = build_server.BuildServer(tmp_path)
    try:
        assert list(builds.run(["--version"]))[-1] == 0
        first = builds._process
        builds.restart()
        assert first.poll() is not None
        assert list(builds.run(["--version"]))[-1] == 0
        assert builds._process is not first
    finally:
        builds.close()


def test_without_fork_each_build_is_a_fresh_process(tmp_path, monkeypatch):
    monkeypatch.delattr(build_server.os, "fork")
    builds = build_server.BuildServer(tmp_path)
    lines = list(builds.run(["--version"]))
    assert lines[-1] == 0 and builds._process is None
