"""The record schemas as a tree: ``$ref`` resolved, so tools can walk fields in schema order.

The web editor's configuration (``publish.admin``) and the canonical form of records
(``records.canonical``) both need, for every field, its title, description, type and
children. References point into ``common.schema.json`` (``#/$defs/…`` inside it); the
keys beside a ``$ref`` (title, description, minItems …) win over the referenced ones.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

SCHEMA_DIR = Path(__file__).parent / "schemas"
COMMON = "common.schema.json"
MARKDOWN_REF = f"{COMMON}#/$defs/markdown"
DATE_REF = f"{COMMON}#/$defs/date"
IMAGE_REF = f"{COMMON}#/$defs/image"


@functools.cache
def _document(name: str) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def _target(ref: str, base: str) -> tuple[dict, str, str]:
    """The schema a ``$ref`` points to, the file it lives in and the ref in absolute form."""
    name, _, pointer = ref.partition("#")
    name = name or base
    node = _document(name)
    for part in [p for p in pointer.split("/") if p]:
        node = node[part]
    return node, name, f"{name}#{pointer}"


def resolve(node: dict, base: str) -> tuple[dict, str]:
    """*node* with its ``$ref`` chain merged in (outer keys win), and the file it now lives in.

    The merged node keeps the absolute refs it came through in ``"x-refs"`` (to tell a
    Markdown field from plain text, an image from another object).
    """
    refs: list[str] = []
    merged = dict(node)
    while "$ref" in merged:
        ref = merged.pop("$ref")
        target, base, absolute = _target(ref, base)
        refs.append(absolute)
        merged = {**target, **merged}
    merged["x-refs"] = refs
    return merged, base


def kind_schema(kind: str) -> tuple[dict, str]:
    """The resolved top of one kind's schema (``site``, ``themes`` …)."""
    name = f"{kind}.schema.json"
    return resolve(_document(name), name)


def properties(node: dict, base: str) -> list[tuple[str, dict, str]]:
    """(key, resolved schema, its file) of an object schema's properties, in schema order."""
    return [(key, *resolve(child, base)) for key, child in (node.get("properties") or {}).items()]


def items(node: dict, base: str) -> tuple[dict, str] | None:
    """The resolved schema of an array's items, or None."""
    child = node.get("items")
    return resolve(child, base) if isinstance(child, dict) else None


def is_markdown(node: dict) -> bool:
    return MARKDOWN_REF in node.get("x-refs", ())


def is_date(node: dict) -> bool:
    return DATE_REF in node.get("x-refs", ()) or node.get("format") == "date"


def is_image(node: dict) -> bool:
    return IMAGE_REF in node.get("x-refs", ())


def node_at(kind: str, path: tuple) -> tuple[dict, str] | None:
    """The resolved schema of the value at a data *path* (keys and list indexes), or None off the schema."""
    node, base = kind_schema(kind)
    for part in path:
        if isinstance(part, int):
            found = items(node, base)
        else:
            found = next(((n, b) for key, n, b in properties(node, base) if key == part), None)
        if found is None:
            return None
        node, base = found
    return node, base


def enum_labels(node: dict) -> dict[str, str]:
    """German labels of a list of choices, from the schema's description "planned (geplant), running (läuft) …".

    The schema is the one place that says what a value means: the web editor's choices,
    the pages' words and the editors' messages all read it from here.
    """
    labels = {}
    for value in node.get("enum", ()):
        found = re.search(rf"(?<![\w-]){re.escape(str(value))} \(([^)]+)\)", node.get("description", ""))
        if found:
            labels[str(value)] = found.group(1).split(",")[0].strip()
    return labels


def choice_labels(kind: str, path: tuple) -> dict[str, str]:
    """:func:`enum_labels` of the field at *path* of a record *kind* (e.g. a project's ``status``)."""
    found = node_at(kind, path)
    return enum_labels(found[0]) if found else {}
