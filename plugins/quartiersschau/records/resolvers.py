"""Which plain YAML scalars are numbers and booleans: YAML 1.2's answer, not PyYAML's YAML 1.1 one.

YAML 1.1 reads ``17:00`` as 1020 (a number in base 60) and ``yes``, ``no``, ``on``, ``off``
as booleans; YAML 1.2, which the web editor writes, reads them as text. Dates stay text
too: the schema checks them as text (``records.dates``).
"""

from __future__ import annotations

import re

_CORE = "tag:yaml.org,2002:"

_IMPLICIT = {
    _CORE + "bool": (re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"),
    _CORE + "int": (
        re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$"),
        "-+0123456789",
    ),
    _CORE + "float": (
        re.compile(
            r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
        ),
        "-+0123456789.",
    ),
}


def implicit_resolvers(base: dict) -> dict:
    """PyYAML's table of implicit resolvers (*base*) without timestamps and with YAML 1.2's numbers and booleans."""
    table = {
        first: [(tag, rx) for tag, rx in resolvers if tag != _CORE + "timestamp" and tag not in _IMPLICIT]
        for first, resolvers in base.items()
    }
    for tag, (pattern, firsts) in _IMPLICIT.items():
        for first in firsts:
            table.setdefault(first, []).append((tag, pattern))
    return table
