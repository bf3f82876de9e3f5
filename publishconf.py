"""Settings for publishing: everything from pelicanconf.py, with absolute URLs.

SITEURL is the public address, including a sub-path where the site lives in one
(GitHub or GitLab project pages): set QS_SITEURL, e.g.
``QS_SITEURL=https://example.github.io/quartiersschau make publish``.
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
