"""Where the project's parts are, for the scripts in this folder (run from anywhere)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))


def programme_folder(value: str | None) -> Path:
    """The folder of a programme (with pelicanconf.py, data/, content/): PROGRAMME=… or the default demo."""
    folder = (Path.cwd() / value).resolve() if value else ROOT
    if not (folder / "pelicanconf.py").is_file():
        raise SystemExit(
            f"{value}: kein Programmordner – dort fehlt pelicanconf.py (siehe README, Abschnitt „Programmes“)"
        )
    return folder
