"""What "now" means on a static site: the build date, the same for every page of one build.

Taken from ``SOURCE_DATE_EPOCH`` when it is set (reproducible builds: the same inputs
and the same date give the same bytes), else today in Berlin. Upcoming and past dates,
open and closed calls are decided with it; a small script in the page corrects what
has passed since the build.
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")


def build_now(environ=None) -> dt.datetime:
    """The moment of this build, in Berlin time."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=BERLIN)
    return dt.datetime.now(tz=BERLIN)


def build_date(environ=None) -> dt.date:
    return build_now(environ).date()


def build_day(environ=None) -> dt.datetime:
    """The start of the build date in Berlin: what the catalogue decides with.

    A day, not the moment: two builds of one day give the same pages (and the page cache
    can reuse them), and the next nightly build moves everything on by a day. What ends
    during the day is hidden by the page script.
    """
    return dt.datetime.combine(build_date(environ), dt.time(0), tzinfo=BERLIN)
