"""Open data on taking part: dates as JSON and CSV, calls as JSON (below /daten/).

Made from the same catalogue as the pages, as of the build date: the dates from then
on (repeating ones expanded, a few each), and every call with its state.
"""

from __future__ import annotations

import csv
import io
import json

from ..catalogue.catalogue import Catalogue
from .open_data import csv_cell

DATE_FIELDS = ("title", "kind", "start", "end", "all_day", "place", "sites", "url")


def _iso(value) -> str | None:
    if value is None:
        return None
    return value.isoformat()


def _date_row(occurrence, base: str) -> dict:
    place = occurrence.place
    return {
        "title": occurrence.title,
        "kind": occurrence.kind_label,
        "start": _iso(occurrence.start),
        "end": _iso(occurrence.end),
        "all_day": occurrence.all_day,
        "place": ", ".join([place.name, *(place.address.lines if place.address else ())]) if place else None,
        "sites": [s.id for s in occurrence.sites],
        "url": f"{base}/{occurrence.url}",
    }


def _call_row(call, base: str) -> dict:
    return {
        "id": call.id,
        "title": call.title,
        "fund": call.fund.id,
        "fund_name": call.fund.label,
        "sites": [s.id for s in call.sites],
        "opens": call.opens.isoformat(),
        "deadline": call.deadline.isoformat(),
        "status": call.status,
        "amount": call.amount,
        "summary": call.summary,
        "how_to_apply": call.how_to_apply,
        "url": f"{base}/{call.url}",
    }


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def participation_files(catalogue: Catalogue, base: str) -> dict[str, str]:
    part = catalogue.participation
    about = {"programme": catalogue.programme.name, "as_of": part.today.isoformat()}
    dates = [_date_row(o, base) for o in part.dates]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=DATE_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for row in dates:
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
    return {
        "termine.json": _json({**about, "dates": dates}),
        "termine.csv": out.getvalue(),
        "aufrufe.json": _json({**about, "calls": [_call_row(c, base) for c in part.calls]}),
    }
