"""Pelican settings of the default demo programme, JMD im Quartier: the shared settings, its name and address.

Structure and URLs are described in docs/architecture.md; the settings every
programme shares are in sharedconf.py.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from sharedconf import *  # noqa: F403

SITENAME = "JMD im Quartier"
SITEURL = ""
# Public address for canonical links, feeds, sitemap, Open Graph and QR codes (publishconf.py uses it as SITEURL).
QS_PUBLIC_URL = "https://jmd-im-quartier.example.org"
