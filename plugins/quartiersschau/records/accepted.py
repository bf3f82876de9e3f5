"""The records as the later rules may see them: every value the schema refused is masked.

A value the schema reported (``start: 01.04.2026``) must not be reported again by a rule
that compares it (``Beginn liegt im Jahr 01.0``, ``liegt vor dem Beginn des Programms``).
The rules are defensive about shapes already: they skip what is not a text, a number, a
list or a group. So each refused value becomes :data:`REFUSED`, which is none of these,
and the key stays, so no rule says it is missing. The records' documents are
:class:`~.fields.TitledDocument`, so every later problem names its field by title too.
"""

from __future__ import annotations

import copy
import dataclasses

from .fields import titled
from .reading import Record, RecordSet
from .validation import validator_for

# Keywords that fault a group for what it lacks or has too much, not a value it holds:
# its other fields are still sound.
_GROUP_KEYWORDS = {"required", "additionalProperties", "minProperties", "dependentRequired"}
# The last set asked for and its answer (accepted_records): each record is masked once per check.
_LAST: tuple[RecordSet, RecordSet] | None = None


class _Refused:
    """A refused value: no text, number, list or group; false, so ``value or {}`` falls back."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "<vom Schema abgelehnt>"


REFUSED = _Refused()


def refused_paths(data: object, kind: str) -> set[tuple]:
    """Paths of the values in *data* that break the schema of *kind* (not the top)."""
    return {
        tuple(error.absolute_path)
        for error in validator_for(kind).iter_errors(data)
        if error.validator not in _GROUP_KEYWORDS and error.absolute_path
    }


def _masked_data(data: object, paths: set[tuple]) -> object:
    if not paths:
        return data
    data = copy.deepcopy(data)
    # Deepest first: a value inside a refused group is replaced before the group is.
    for path in sorted(paths, key=len, reverse=True):
        parent = data
        for part in path[:-1]:
            parent = parent[part] if isinstance(parent, dict | list) else None
        if isinstance(parent, dict | list):
            parent[path[-1]] = REFUSED
    return data


def accepted_record(record: Record) -> Record:
    """*record* with refused values masked and fields named by title."""
    # A record the schema accepted as it was read has nothing to mask (most of them, on most builds).
    refused = set() if record.schema_clean else refused_paths(record.data, record.kind)
    data = _masked_data(record.data, refused)
    return dataclasses.replace(record, doc=titled(record.doc, record.kind, data))


def forget() -> None:
    """Drop the last answer once the checks are done: no later step asks, and it holds every record."""
    global _LAST
    _LAST = None


def accepted_records(records: RecordSet) -> RecordSet:
    """Every record of *records* as :func:`accepted_record` gives it; unreadable and unlisted ids stay.

    The checks of one build each ask for the same set (and the plausibility check for the
    accepted one again): the last answer is kept until :func:`forget`.
    """
    global _LAST
    if _LAST is not None and (records is _LAST[0] or records is _LAST[1]):
        return _LAST[1]

    def one(record: Record | None) -> Record | None:
        return accepted_record(record) if record is not None else None

    accepted = dataclasses.replace(
        records,
        programme=one(records.programme),
        themes=one(records.themes),
        regions=one(records.regions),
        sites=[one(r) for r in records.sites],
        projects=[one(r) for r in records.projects],
        stories=[one(r) for r in records.stories],
        pages=[one(r) for r in records.pages],
        events=[one(r) for r in records.events],
        calls=[one(r) for r in records.calls],
    )
    _LAST = (records, accepted)
    return accepted
