"""Where the project's parts are, for the scripts in this folder (run from anywhere)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
