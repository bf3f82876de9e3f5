"""Check each record against its JSON Schema and say what is wrong in German.

The schemas live in ``schemas/`` as plain JSON Schema (draft 2020-12) so editors' IDEs
can use them too. Two extension keywords carry our words: ``x-message`` replaces the
message of a failing ``pattern``/``format``/``const``/``not``/``required``, and ``x-hint``
adds what to do when a value has the wrong type (a postcode written without quotes).
"""

from __future__ import annotations

import difflib
import functools
import json
import re

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .characters import shown
from .dates import date_message
from .fields import titled
from .ids import ID_PATTERN, make_id
from .loading import LoadedDocument
from .problems import Problem
from .schema_tree import SCHEMA_DIR, node_at, properties

KINDS = ("programme", "themes", "regions", "site", "project", "story", "page", "event", "call")

_TYPE_NAMES = {
    "string": "Text",
    "integer": "ganze Zahl",
    "number": "Zahl",
    "boolean": "true oder false",
    "array": "Liste",
    "object": "Gruppe von Feldern",
    "null": "leerer Wert",
}
_MESSAGE_OVERRIDES = {"pattern", "format", "const", "not", "required"}
# What a whole file of the wrong shape should look like (a list where fields belong, …).
_SHAPE_HINTS = {
    "object": "jede Zeile 'feld: Wert', ohne '-' davor",
    "array": "jeder Eintrag beginnt mit '- ' in einer eigenen Zeile",
}


def close_match(value: object, candidates) -> str | None:
    """The candidate closest to *value* (letter case aside), or None when none is close."""
    if not isinstance(value, str):
        return None
    candidates = sorted(candidates)
    same = [c for c in candidates if c.casefold() == value.casefold()]
    close = same or difflib.get_close_matches(value, candidates, n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(value: object, candidates) -> str:
    """A German 'did you mean' suffix, or nothing when no candidate is close."""
    close = close_match(value, candidates)
    return f" (meinten Sie '{close}'?)" if close else ""


@functools.cache
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(contents, default_specification=DRAFT202012)))
    return Registry().with_resources(resources)


@functools.cache
def schema_for(kind: str) -> dict:
    """The JSON Schema of one record kind (as parsed once for the registry)."""
    return _registry().contents(f"{kind}.schema.json")


@functools.cache
def validator_for(kind: str) -> Draft202012Validator:
    return Draft202012Validator(schema_for(kind), registry=_registry(), format_checker=FormatChecker())


def _found(instance: object, raw: str | None) -> str:
    if instance is None:
        return "ein leerer Wert"
    if isinstance(instance, bool):
        return f"{str(instance).lower()} (Ja/Nein-Wert)"
    if isinstance(instance, int | float):
        return f"die Zahl {shown(raw if raw is not None else instance)}"
    if isinstance(instance, str):
        return f"der Text '{shown(instance)}'"
    if isinstance(instance, list):
        return "eine Liste"
    return "eine Gruppe von Feldern"


def _type_message(error, raw: str | None) -> str:
    expected = error.validator_value
    names = [expected] if isinstance(expected, str) else list(expected)
    wanted = " oder ".join(_TYPE_NAMES.get(n, n) for n in names)
    message = f"erwartet {wanted}, gefunden wurde {_found(error.instance, raw)}"
    hint = error.schema.get("x-hint")
    if not hint and not error.absolute_path and isinstance(expected, str):
        hint = _SHAPE_HINTS.get(expected)
    if not hint and "string" in names and raw is not None and not isinstance(error.instance, str | type(None)):
        hint = f'Wert in Anführungszeichen setzen: "{shown(raw)}"'
    if hint:
        message += f" – {hint}"
    return message


def _required_problems(doc: LoadedDocument, error, path: tuple, explained: set) -> list[Problem]:
    match = re.match(r"'(.+)' is a required property", error.message)
    missing = match.group(1) if match else "?"
    if path + (missing,) in explained:
        return []
    if "x-message" in error.schema:
        return [doc.problem(path + (missing,), error.schema["x-message"])]
    message = "Pflichtfeld fehlt"
    hint = error.schema.get("properties", {}).get(missing, {}).get("x-hint")
    if hint:
        message += f" – {hint}"
    return [doc.problem(path + (missing,), message)]


def _groups_of(kind: str, path: tuple, key: str, instance: dict) -> list[str]:
    """The object-valued fields at *path* that have a field *key*: where a key too little indented belongs.

    Groups the record already has come first: ``period:`` stands there, empty, above them.
    """
    found = node_at(kind, path)
    groups = [
        name
        for name, child, base in (properties(*found) if found else [])
        if child.get("type") == "object" and key in (child.get("properties") or {})
    ]
    return sorted(groups, key=lambda name: name not in instance)


def _additional_problems(doc: LoadedDocument, error, path: tuple, kind: str, explained: set) -> list[Problem]:
    """Unknown fields; each names where it belongs or what was meant, and *explained* learns what that covers."""
    known = set(error.schema.get("properties", {}))
    problems = []
    for key in error.instance:
        if key in known:
            continue
        groups = _groups_of(kind, path, key, error.instance) if isinstance(key, str) else []
        meant = close_match(key, known)
        if groups:
            group = groups[0]
            explained.add(path + (group,))
            message = f"'{shown(key)}' gehört zu {group}: – die Zeile zwei Leerzeichen weiter einrücken als '{group}:'"
        elif meant:
            explained.add(path + (meant,))
            message = f"unbekanntes Feld '{shown(key)}' (meinten Sie '{meant}'?)"
        else:
            message = f"unbekanntes Feld '{shown(key)}' – erlaubt sind: {', '.join(sorted(known))}"
        problems.append(doc.problem(path + (key,), message, key=True))
    return problems


def _meant_id(error) -> str:
    """For a malformed id (``Bayern``), the id it probably means (``bayern``)."""
    if error.validator != "pattern" or error.validator_value != ID_PATTERN or not isinstance(error.instance, str):
        return ""
    meant = make_id(error.instance)
    return f"; gemeint ist wohl '{meant}'" if meant and meant != error.instance else ""


def _message(error, raw: str | None) -> str:
    kind = error.validator
    value = error.validator_value
    if kind in ("pattern", "format") and error.schema.get("format") == "date":
        said = date_message(error.instance)
        if said:
            return said
    if kind in _MESSAGE_OVERRIDES and "x-message" in error.schema:
        return error.schema["x-message"] + _meant_id(error)
    if kind == "type":
        return _type_message(error, raw)
    if kind == "enum":
        allowed = ", ".join(str(v) for v in value)
        suggestion = did_you_mean(error.instance, map(str, value))
        return f"unzulässiger Wert '{shown(error.instance)}'{suggestion} – erlaubt: {allowed}"
    if kind == "const":
        return f"muss {json.dumps(value)} sein"
    if kind in ("minLength", "pattern") and isinstance(error.instance, str) and not error.instance.strip():
        return "darf nicht leer sein"
    if kind == "maxLength":
        return f"zu lang: {len(error.instance)} Zeichen, erlaubt sind höchstens {value} – kürzer fassen"
    if kind == "minimum":
        return f"muss mindestens {value} sein"
    if kind == "exclusiveMinimum":
        return f"muss größer als {value} sein"
    if kind == "maximum":
        return f"darf höchstens {value} sein"
    if kind == "minItems":
        return "Liste darf nicht leer sein" if value == 1 else f"mindestens {value} Einträge nötig"
    if kind == "maxItems":
        return f"höchstens {value} Einträge erlaubt"
    if kind == "uniqueItems":
        return "ein Eintrag steht doppelt in der Liste"
    if kind == "minProperties":
        return "darf nicht leer sein – mindestens ein Feld angeben"
    if kind in ("pattern", "format"):
        return "hat nicht die erwartete Form"
    return f"ungültiger Wert (Regel '{kind}' des Schemas) – Beschreibung des Felds prüfen"


def schema_problems(doc: LoadedDocument, kind: str) -> list[Problem]:
    """Every schema violation of one document, located at the offending value, its field named by title.

    Unknown fields come first: one that belongs into a group or is a misspelt field explains
    that the group is empty or the field missing, which then is not said again.
    """
    named = titled(doc, kind)
    errors = sorted(validator_for(kind).iter_errors(doc.data), key=lambda e: e.validator != "additionalProperties")
    explained: set[tuple] = set()
    problems: list[Problem] = []
    for error in errors:
        path = tuple(error.absolute_path)
        if error.validator == "additionalProperties":
            problems += _additional_problems(named, error, path, kind, explained)
        elif error.validator == "required":
            problems += _required_problems(named, error, path, explained)
        elif not (error.validator == "type" and error.instance is None and path in explained):
            problems.append(named.problem(path, _message(error, doc.raw.get(path))))
    # A value can fail two keywords with the same message (pattern and format of a date).
    return list(dict.fromkeys(problems))
