"""Valid HTML: the Nu Html Checker (vnu.jar from npm, run with the machine's Java) on every page."""

import json
import shutil
import subprocess

from helpers import ROOT, html_files

VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"


def test_nu_html_checker_finds_no_error_on_any_page(demo_output):
    java = shutil.which("java")
    assert java, "Java fehlt (in CI installiert .ci/run sie)"
    assert VNU.is_file(), "vnu.jar fehlt: `make test` installiert es mit npm"
    pages = html_files(demo_output)
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
