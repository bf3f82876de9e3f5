"""Stopping a build on purpose: the reasons go to the editor as plain lines, not as a traceback."""

from __future__ import annotations

import sys
from typing import NoReturn


class BuildRefused(SystemExit):
    """Stops the build with exit status 1 after the reasons were printed.

    A ``SystemExit`` rather than an ordinary exception: Pelican would print a Python
    traceback for the latter, which only hides the editors' error list.
    """

    def __init__(self):
        super().__init__(1)


def refuse(*lines: str) -> NoReturn:
    """Print each line to stderr and stop the build with exit status 1."""
    for line in lines:
        print(line, file=sys.stderr, flush=True)
    raise BuildRefused()
