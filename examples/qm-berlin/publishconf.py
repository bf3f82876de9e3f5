"""Settings for publishing this programme: everything from its pelicanconf.py, with absolute URLs.

``QS_SITEURL=https://… make publish PROGRAMME=examples/qm-berlin``; see the project's publishconf.py.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("QS_SITEURL") or QS_PUBLIC_URL  # noqa: F405
QS_PUBLIC_URL = SITEURL
RELATIVE_URLS = False
# The public site never shows "Kurzbeschreibung folgt." or TODO: placeholders are errors here.
QS_REFUSE_PLACEHOLDERS = True
