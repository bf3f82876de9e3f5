"""The canonical form of records (records.canonical, `make format-content`): same data, stable text."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest
from helpers import BERLIN, ROOT, import_script

from quartiersschau.records import canonical

SCRIPT = ROOT / "scripts" / "format_content.py"


def _run(data, content, *extra):
    cmd = [sys.executable, str(SCRIPT), "--data", str(data), "--content", str(content), *extra]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def _snapshot(data, content):
    format_content = import_script("format_content")
    _data_of, record_files = format_content._data_of, format_content.record_files

    return {str(p): _data_of(p.read_text(encoding="utf-8"), fm) for _, p, fm in record_files(data, content)}


@pytest.mark.parametrize("programme", [ROOT, BERLIN], ids=["jmd", "qm-berlin"])
def test_every_demo_record_keeps_its_data_and_a_second_run_changes_nothing(programme, tmp_path):
    data, content = tmp_path / "data", tmp_path / "content"
    shutil.copytree(programme / "data", data)
    shutil.copytree(programme / "content", content, ignore=shutil.ignore_patterns("images", "downloads"))
    before = _snapshot(data, content)
    first = _run(data, content)
    assert first.returncode == 0, first.stderr
    assert _snapshot(data, content) == before
    assert "nicht lesbar" not in first.stdout and "würden sich ändern" not in first.stdout
    check = _run(data, content, "--check")
    assert check.returncode == 0 and check.stdout == "", check.stdout
    # The programme still validates.
    validate = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts/validate.py"),
            "--data",
            str(data),
            "--content",
            str(programme / "content"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert validate.returncode == 0, validate.stderr


BY_HAND = """\
title: Fahrradwerkstatt
site: hof
year: 2023
period:
  start: "2023-05-01"
themes:
  - bildung
status: running
summary: Jugendliche reparieren Räder.
description: |
  Jeden Dienstag.

  Werkzeug ist da.
"""
# As a web editor writes it: other key order, a date and a number without quotes, sequences not indented.
BY_EDITOR = """\
summary: "Jugendliche reparieren Räder."
description: "Jeden Dienstag.\\n\\nWerkzeug ist da.\\n"
themes:
- bildung
title: Fahrradwerkstatt
period: {start: 2023-05-01}
status: running
site: hof
year: 2023
"""


def test_a_web_editors_file_and_a_hand_edited_one_come_out_the_same():
    assert canonical.format_text("project", BY_EDITOR, front_matter=False) == BY_HAND
    assert canonical.format_text("project", BY_HAND, front_matter=False) == BY_HAND


def test_strings_yaml_would_misread_are_double_quoted():
    text = canonical.format_text(
        "site",
        "office: {address: {street: A 1, postcode: '01067', city: B}, phone: '+49 30 0000 000'}\nname: 'true'\n",
        front_matter=False,
    )
    assert text == textwrap.dedent("""\
        name: "true"
        office:
          address:
            street: A 1
            postcode: "01067"
            city: B
          phone: "+49 30 0000 000"
        """)


def test_front_matter_keeps_the_body():
    text = "---\nsummary: Kurz.\ntitle: Eine Geschichte\ndate: 2024-01-02\n---\nText mit *Markdown*.\n"
    assert canonical.format_text("story", text, front_matter=True) == (
        '---\ntitle: Eine Geschichte\ndate: "2024-01-02"\nsummary: Kurz.\n---\nText mit *Markdown*.\n'
    )
