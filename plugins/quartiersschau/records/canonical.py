"""One canonical form for record files, so the web editor and a text editor give equal diffs.

The form: keys in the order of the kind's schema (unknown keys after them, in the order
they came), block style, sequences indented under their key, lines up to 100 characters,
every non-ASCII character as itself. Strings YAML would otherwise read as something else
(``true``, ``1.5``, ``10:30``) and every string that begins with a digit or ``+`` – postcodes,
times, dates, phone numbers, as the README asks editors to write them – are written in
double quotes; Markdown fields
and every text with line breaks as literal blocks (``|``). Other quoting is PyYAML's own
(single quotes where a plain scalar would not parse, e.g. text with ``: ``).

Comments are not data: they do not survive this form (nor the web editor).
"""

from __future__ import annotations

import yaml

from .loading import RecordLoader
from .schema_tree import is_markdown, items, kind_schema, properties

WIDTH = 100
_STR = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()


class _Literal(str):
    """A text written as a literal block."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow=False, indentless=False):
        # "themes:\n  - a" rather than PyYAML's "themes:\n- a".
        return super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = None
    if isinstance(value, _Literal) or "\n" in value:
        style = "|"
    elif value[:1].isdigit() or value[:1] == "+" or _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) != _STR:
        style = '"'
    return dumper.represent_scalar(_STR, value, style=style)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_Literal, _represent_str)


def _ordered(value, node: dict | None, base: str):
    """*value* with its keys in schema order and Markdown texts marked for literal blocks."""
    if node is None:
        return value
    if isinstance(value, dict):
        fields = {key: (child, child_base) for key, child, child_base in properties(node, base)}
        keys = [k for k in fields if k in value] + [k for k in value if k not in fields]
        return {k: _ordered(value[k], *fields.get(k, (None, base))) for k in keys}
    if isinstance(value, list):
        child = items(node, base)
        return [_ordered(v, *child) if child else v for v in value]
    if isinstance(value, str) and is_markdown(node):
        return _Literal(value)
    return value


def canonical_data(kind: str, data):
    """*data* of one record of *kind* in canonical order (equal to *data* as plain values)."""
    return _ordered(data, *kind_schema(kind))


def dump(kind: str, data) -> str:
    """The canonical YAML text of one record's data."""
    return yaml.dump(
        canonical_data(kind, data),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=WIDTH,
        default_flow_style=False,
    )


def load(text: str):
    """Plain data of YAML text as the records stage reads it (dates stay text)."""
    return yaml.load(text, Loader=RecordLoader)  # RecordLoader is the safe loader


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter YAML, body) of a Markdown record; the body as it is."""
    if not text.startswith("---"):
        raise ValueError("Kopfbereich fehlt")
    _, _, rest = text.partition("\n")
    header, sep, body = rest.partition("\n---\n")
    if not sep:
        if rest.startswith("---\n"):
            return "", rest[4:]
        raise ValueError("nach den Feldern fehlt die Zeile mit '---'")
    return header + "\n", body


def format_text(kind: str, text: str, *, front_matter: bool) -> str:
    """The canonical form of one record file's text (a YAML file, or Markdown with front matter)."""
    if not front_matter:
        return dump(kind, load(text))
    header, body = split_front_matter(text)
    return f"---\n{dump(kind, load(header))}---\n{body}"
