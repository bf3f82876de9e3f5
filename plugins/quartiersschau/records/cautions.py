"""Warnings: content that is valid but should not go out like this.

Errors stop a build; warnings are shown by ``make validate``, ``make html`` and the
devserver and let the preview go on. Placeholders are the exception at the end of the
flow: ``make publish`` (``QS_REFUSE_PLACEHOLDERS``) refuses them, so the public site never
says "Kurzbeschreibung folgt." The scaffolding (``scripts/new_record.py``) takes its
placeholder texts from here, so what it writes is always recognised.
"""

from __future__ import annotations

import datetime as dt
import pickle
import re
from collections.abc import Iterator

from ..common.cache import KeyValueCache, content_key
from .dates import parse_date
from .fields import titled_field
from .problems import Problem
from .reading import Record, RecordSet, code_version
from .schema_tree import choice_labels

# What `make new-…` writes into fields it cannot guess.
SCAFFOLD_TEXTS = {
    "summary": "Kurzbeschreibung folgt.",
    "story_summary": "Kurzfassung folgt.",
    "story_body": "Text folgt.",
    "call_summary": "Was gesucht wird, folgt.",
    "how_to_apply": "Wie man sich bewirbt, folgt.",
}

# A marker anywhere, or a whole short text that only announces itself ("Text folgt.").
_MARKERS = re.compile(r"\b(TODO|FIXME|TBD|XXX)\b|\blorem ipsum\b", re.IGNORECASE)
_ANNOUNCEMENT = re.compile(r"^\s*(?:[\w„“\"'-]+[\s,]+){0,3}(?:folgt|folgen)\s*[.!…]*\s*$", re.IGNORECASE)

# Every placeholder above holds one of these (in lower case): a few substring searches, much
# faster than the patterns on long texts, rule out almost every text at once.
_MAYBE = ("todo", "fixme", "tbd", "xxx", "lorem", "folg")


def _maybe(text: str) -> bool:
    lower = text.lower()
    return any(word in lower for word in _MAYBE)


PLACEHOLDER = "placeholder"

# planned → geplant …, as the schema's description says.
STATUS_WORDS = choice_labels("project", ("status",))


def _strings(value, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _strings(child, (*path, index))


def placeholder_in(text: str) -> str | None:
    """The placeholder *text* holds (quoted for the message), or None."""
    if not _maybe(text):
        return None
    marker = _MARKERS.search(text)
    if marker:
        return marker.group(0)
    if _ANNOUNCEMENT.match(text):
        return text.strip()
    for sentence in SCAFFOLD_TEXTS.values():
        if sentence in text:
            return sentence
    return None


def _warning(record: Record, path: tuple, message: str, code: str = "") -> Problem:
    """A warning at *path*, its field named with the schema's German title as errors are."""
    problem = record.problem(path, message)
    field = titled_field(record.kind, tuple(path)) if path else problem.field
    return Problem(problem.path, problem.line, problem.column, field, message, "warning", code)


def _placeholders(record: Record) -> list[Problem]:
    found = []
    for path, text in _strings(record.data):
        placeholder = placeholder_in(text)
        if placeholder:
            message = f"Platzhalter „{placeholder}“ – bitte durch den richtigen Text ersetzen"
            found.append(_warning(record, path, message, PLACEHOLDER))
    if record.body and _maybe(record.body):
        for number, line in enumerate(record.body.splitlines()):
            placeholder = placeholder_in(line)
            if placeholder:
                message = f"Platzhalter „{placeholder}“ im Text – bitte durch den richtigen Text ersetzen"
                line = record.body_line + number
                found.append(Problem(record.source, line, 1, "Text", message, "warning", PLACEHOLDER))
    return found


def _status_problems(record: Record, today: dt.date) -> list[Problem]:
    """A status that the period contradicts: the residents' pages would say something false."""
    data = record.data
    status = data.get("status")
    if status not in STATUS_WORDS:
        return []
    period = data.get("period") if isinstance(data.get("period"), dict) else {}
    start, end = parse_date(period.get("start")), parse_date(period.get("end"))
    year = data.get("year") if isinstance(data.get("year"), int) and not isinstance(data.get("year"), bool) else None
    word = STATUS_WORDS[status]
    if status == "running" and end and end < today:
        return [
            _warning(
                record,
                ("status",),
                f"Stand „{word}“, aber das Ende ({end.isoformat()}) ist vorbei – auf completed (abgeschlossen) setzen?",
            )
        ]
    if status == "planned" and ((start and start <= today) or (not start and year and year < today.year)):
        since = f"der Beginn ({start.isoformat()})" if start else f"das Jahr {year}"
        if not start:
            better = "running (läuft) oder completed (abgeschlossen)"
        else:
            better = "completed (abgeschlossen)" if end and end < today else "running (läuft)"
        return [_warning(record, ("status",), f"Stand „{word}“, aber {since} ist schon vorbei – auf {better} setzen?")]
    if status in ("running", "completed") and start and start > today:
        return [
            _warning(
                record,
                ("status",),
                f"Stand „{word}“, aber der Beginn ({start.isoformat()}) liegt in der Zukunft – auf planned (geplant) setzen?",
            )
        ]
    return []


def _story_problems(record: Record) -> list[Problem]:
    data = record.data
    if any(data.get(key) for key in ("sites", "projects", "themes")):
        return []
    message = (
        "Die Geschichte ist mit nichts verknüpft – sites, projects oder themes angeben, "
        "damit sie auch auf den passenden Seiten erscheint"
    )
    return [_warning(record, (), message)]


def _contact_problems(record: Record) -> list[Problem]:
    data = record.data
    found = []
    office = data.get("office")
    if isinstance(office, dict) and not (office.get("phone") or office.get("email")):
        found.append(
            _warning(record, ("office",), "Das Vor-Ort-Büro hat weder Telefon noch E-Mail – phone oder email angeben")
        )
    contacts = data.get("contacts")
    for index, contact in enumerate(contacts if isinstance(contacts, list) else []):
        if isinstance(contact, dict) and not (contact.get("phone") or contact.get("email")):
            has_office = isinstance(office, dict) and (office.get("phone") or office.get("email"))
            if not has_office:
                message = (
                    "Diese Ansprechperson ist weder per Telefon noch per E-Mail erreichbar – phone oder email angeben"
                )
                found.append(_warning(record, ("contacts", index), message))
    return found


def _all_placeholders(records: list[Record], cache: KeyValueCache | None) -> list[Problem]:
    """The placeholders of every record; with a *cache*, those of a record are looked for once per its content.

    Every text of every record is searched: at N = 1,000 that is 40 ms of each build, which a
    preview waits for. What a record holds depends on its bytes and this code alone.
    """
    if cache is None:
        return [problem for record in records for problem in _placeholders(record)]
    keys = [content_key(code_version(), r.kind, r.source, r.digest, str(r.body_line)) for r in records]
    known = cache.get_many(keys)
    found: list[Problem] = []
    fresh: dict[str, bytes] = {}
    for key, record in zip(keys, records, strict=True):
        if key in known:
            found += pickle.loads(known[key])
        else:
            mine = _placeholders(record)
            fresh[key] = pickle.dumps(mine, protocol=pickle.HIGHEST_PROTOCOL)
            found += mine
    cache.put_many(fresh)
    cache.keep_only(set(keys))
    return found


def content_warnings(records: RecordSet, today: dt.date, cache: KeyValueCache | None = None) -> list[Problem]:
    """Every warning of a content tree that passed the checks (placeholders looked up in *cache*, if given)."""
    # Drafts are not published: their placeholders do not matter yet.
    published = [r for r in records.all() if not (r.kind == "story" and r.data.get("status") == "draft")]
    found = _all_placeholders(published, cache)
    for record in records.projects:
        found += _status_problems(record, today)
    for record in records.stories:
        if record.data.get("status") != "draft":
            found += _story_problems(record)
    for record in records.sites:
        found += _contact_problems(record)
    return sorted(set(found))
