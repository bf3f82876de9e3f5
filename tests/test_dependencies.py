"""render.dependencies: the encoding that fingerprints what a page read."""

import dataclasses

from markupsafe import Markup

from quartiersschau.catalogue import model as m
from quartiersschau.render.dependencies import encode, encode_fields, entity_key


def test_texts_cannot_run_into_each_other():
    values = [["a,b"], ["a", "b"], ["s1:a"], ["a", ""], "", ("a",), Markup("a"), "a", ["a],[b"], [["a"], ["b"]]]
    encoded = [encode(v) for v in values]
    assert len(set(encoded)) == len(values), encoded


def test_scalars_dicts_and_sets_encode_stably():
    assert encode({"b": 1, "a": (2, None)}) == encode({"a": (2, None), "b": 1})
    assert encode(frozenset({"x", "y"})) == encode(frozenset({"y", "x"}))
    assert encode(1) != encode("1") != encode(1.0)


@dataclasses.dataclass
class _Node:
    name: str
    children: list


def test_a_value_met_inside_itself_is_written_once():
    node = _Node("a", [])
    node.children.append(node)
    assert encode(node) == "_Node(name=s1:a,children=[<_Node>])"
    # The same value twice side by side is written in full both times.
    leaf = _Node("b", [])
    assert encode([leaf, leaf]) == "[_Node(name=s1:b,children=[]),_Node(name=s1:b,children=[])]"


def test_an_entity_inside_a_value_is_its_key_only():
    theme = m.Theme(id="bildung", label="Bildung", description="Lernen.", url="themen/bildung/", save_as="x")
    other = dataclasses.replace(theme, label="Bildung und Schule")
    assert encode([theme]) == encode([other]) == f"[@{entity_key(theme)}]"
    # Its own fields tell the two apart.
    assert encode_fields(theme) != encode_fields(other)
