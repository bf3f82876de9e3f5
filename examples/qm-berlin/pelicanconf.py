"""Pelican settings of the second demo programme, Quartiersmanagement Berlin.

The settings every programme shares come from the project's sharedconf.py; this file
adds the programme's name and public address. Content, data, output and cache are this
folder's own (``make html PROGRAMME=examples/qm-berlin``).
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

from sharedconf import *  # noqa: F403

SITENAME = "Quartiersmanagement Berlin"
SITEURL = ""
QS_PUBLIC_URL = "https://qm-berlin.example.org"
# Project lists in pages of 24 cards (the plugin's default is 100), as Berlin's own
# Quartiersmanagement site shows its project database; the filter then opens the search.
QS_PROJECTS_PER_PAGE = 24
