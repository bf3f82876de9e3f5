"""JSON Schema fields → Decap CMS widgets, for the web editor's config.yml (``publish.admin``).

Labels are the schema's German ``title``, hints its ``description``, ``required`` comes
from the ``required`` lists. Ids that refer to other records become relation widgets
(sites, projects: folder collections) or selects whose options are read from the
programme's data at build time (themes, regions, phases, funds …, kept in list files).
"""

from __future__ import annotations

from ..records.schema_tree import enum_labels, is_date, is_image, is_markdown, items, properties

# Field path (kind/key/…) → the folder collection its ids point into, with the fields to search.
RELATIONS = {
    "project/site": ("sites", ["name", "city"]),
    "story/sites": ("sites", ["name", "city"]),
    "event/sites": ("sites", ["name", "city"]),
    "call/sites": ("sites", ["name", "city"]),
    "story/projects": ("projects", ["title"]),
    "event/projects": ("projects", ["title"]),
}
# Field path → the list of (id, label) choices it takes (see admin.choices).
CHOICES = {
    "site/region": "regions",
    "site/phase": "phases",
    "site/themes": "themes",
    "project/themes": "themes",
    "story/themes": "themes",
    "project/fund": "funds",
    "call/fund": "funds",
    "site/fund_amounts/fund": "funds",
    "project/programme_lines": "programme_lines",
    "event/kind": "event_kinds",
    "site/committees/kind": "committee_kinds",
}
LONG_TEXT = 200  # strings allowed this long or longer get a multi-line text box


def _base(name: str, node: dict, required: bool) -> dict:
    field = {"name": name, "label": node.get("title") or name, "required": required}
    if node.get("description"):
        field["hint"] = node["description"]
    # What a new entry in the web editor starts with (a story: a draft, as `make new-story` writes it).
    if "x-editor-default" in node:
        field["default"] = node["x-editor-default"]
    return field


def _pattern(node: dict) -> list[str] | None:
    if "pattern" not in node or node["pattern"] == "\\S":
        return None
    return [node["pattern"], node.get("x-message") or node.get("description") or "Format prüfen"]


def _scalar(field: dict, node: dict) -> dict:
    kind = node.get("type")
    if "enum" in node:
        labels = enum_labels(node)
        field.update(
            widget="select", options=[{"label": labels.get(str(v), str(v)), "value": str(v)} for v in node["enum"]]
        )
    elif is_markdown(node):
        field.update(widget="markdown")
    elif is_date(node):
        field.update(widget="datetime", format="YYYY-MM-DD", date_format="YYYY-MM-DD", time_format=False)
    elif kind == "boolean":
        field.update(widget="boolean")
    elif kind in ("integer", "number"):
        field.update(widget="number", value_type="int" if kind == "integer" else "float")
        for key in ("minimum", "maximum"):
            if key in node:
                field[key[:3]] = node[key]
    else:
        long = node.get("maxLength", LONG_TEXT) >= LONG_TEXT and "maxLength" in node
        field.update(widget="text" if long else "string")
        if pattern := _pattern(node):
            field["pattern"] = pattern
    return field


def _reference(field: dict, path: str, multiple: bool, choices: dict) -> dict | None:
    if path in RELATIONS:
        collection, search = RELATIONS[path]
        field.update(
            widget="relation",
            collection=collection,
            value_field="{{slug}}",
            search_fields=search,
            display_fields=search[:1],
            multiple=multiple,
        )
        return field
    options = choices.get(CHOICES.get(path, ""), [])
    if not options:
        return None
    field.update(widget="select", multiple=multiple, options=[{"label": lb, "value": v} for v, lb in options])
    return field


def widget(name: str, node: dict, base: str, required: bool, path: str, choices: dict) -> dict:
    """The Decap field for one schema property (*path*: kind/key/… for references)."""
    field = _base(name, node, required)
    kind = node.get("type")
    if kind == "array":
        child = items(node, base)
        if (done := _reference(field, path, True, choices)) is not None:
            return done
        if child and child[0].get("type") == "object":
            field.update(widget="list", fields=object_fields(*child, path, choices))
            if is_image(child[0]):
                field["label_singular"] = "Bild"
            return field
        field.update(widget="list")
        return field
    if kind == "object" or is_image(node):
        # Decap checks an object's required fields even when the object is left empty, so an
        # optional object's fields are all optional here; the schema check (CI) still refuses
        # a half-filled one.
        field.update(widget="object", fields=object_fields(node, base, path, choices, optional=not required))
        return field
    if kind == "string" and (done := _reference(field, path, False, choices)) is not None:
        return done
    return _scalar(field, node)


def object_fields(node: dict, base: str, path: str, choices: dict, optional: bool = False) -> list[dict]:
    """Decap fields for every property of an object schema, in schema order (*optional*: none required)."""
    required = set() if optional else set(node.get("required") or ())
    fields = []
    for key, child, child_base in properties(node, base):
        field = widget(key, child, child_base, key in required, f"{path}/{key}", choices)
        if is_image(node) and key == "src":
            field.update(widget="image", choose_url=False)
        fields.append(field)
    return fields
