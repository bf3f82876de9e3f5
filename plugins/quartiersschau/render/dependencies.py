"""What a page read while it was rendered, so that it is rendered again only when that changed.

While a page renders, every attribute the template reads through Jinja (``site.name``,
``catalogue.projects``) is noted: an entity (a site, project, theme, region, story, page,
event or call) as the entity, a value of the catalogue or of its participation part as
that attribute. Functions the templates call (our filters and globals) note the entities
they are given; one given the whole catalogue makes the page depend on all of it.

A dependency is checked against the current catalogue by its *fingerprint*: the entity's
own fields, encoded deeply, with other entities written as their keys. So a site's
fingerprint changes when one of its fields changes and when the list of its projects does
(a project moved to another site changes both sites), but not when one of its projects'
texts does – the page that shows that text read the project and depends on it itself.
Whatever is not in the catalogue (templates, code, settings, the map, the programme's words,
the build day) is in the key every page shares.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
from collections.abc import Callable, Iterable, Mapping

from jinja2.defaults import DEFAULT_NAMESPACE
from jinja2.filters import FILTERS as JINJA_FILTERS
from markupsafe import Markup

from ..catalogue import model as m
from ..catalogue.catalogue import Catalogue
from ..catalogue.participation import Call, Event
from ..catalogue.taking_part import Participation

ENTITIES = (m.Theme, m.Region, m.Site, m.Project, m.Story, m.Page, Event, Call)
_ENTITY_TYPES = frozenset(ENTITIES)
# Read attribute by attribute: their values (not the whole object) are the dependencies.
CONTAINERS = {Catalogue: "catalogue", Participation: "participation"}
# A dependency on everything the catalogue holds.
EVERYTHING = ("*",)
_SCALARS = (str, int, float, bool, Markup, dt.date, dt.datetime, dt.time, type(None))

# The set of the page being rendered (in this process), or None outside rendering.
_current: set | None = None


def entity_key(entity) -> str:
    ident = getattr(entity, "id", None) or getattr(entity, "slug", None)
    return f"{type(entity).__name__}:{ident}"


def _note(value) -> None:
    kind = type(value)
    if kind in _ENTITY_TYPES:
        _current.add(("e", entity_key(value)))
    elif kind in CONTAINERS:
        _current.add(EVERYTHING)
    elif kind is tuple and value and type(value[0]) in _ENTITY_TYPES:
        _current.update(("e", entity_key(v)) for v in value if type(v) in _ENTITY_TYPES)


def tracking_getattr(original: Callable) -> Callable:
    """Jinja's ``environment.getattr`` (and ``getitem``), noting what a page reads."""

    def getattr_(obj, attribute):
        value = original(obj, attribute)
        if _current is not None:
            kind = type(obj)
            if kind in _ENTITY_TYPES:
                _current.add(("e", entity_key(obj)))
            elif kind in CONTAINERS and type(value) not in CONTAINERS:
                _current.add(("a", CONTAINERS[kind], str(attribute)))
        return value

    return getattr_


def tracking_call(function: Callable) -> Callable:
    """A filter or global that notes the entities (or the catalogue) it is given."""

    @functools.wraps(function)
    def call(*args, **kwargs):
        if _current is not None:
            for value in (*args, *kwargs.values()):
                _note(value)
        return function(*args, **kwargs)

    return call


def install(env) -> None:
    """Let *env* note dependencies: its attribute lookups, and every filter and global that is not Jinja's own."""
    if getattr(env, "_qs_tracking", False):
        return
    env.getattr = tracking_getattr(env.getattr)
    env.getitem = tracking_getattr(env.getitem)
    for table, builtin in ((env.filters, JINJA_FILTERS), (env.globals, DEFAULT_NAMESPACE)):
        for name, function in list(table.items()):
            if callable(function) and builtin.get(name) is not function:
                table[name] = tracking_call(function)
    env._qs_tracking = True


def render_tracked(render: Callable[[], str], given: Iterable = ()) -> tuple[str, list]:
    """Run *render*; return its HTML and what it read (plus the entities in *given*)."""
    global _current
    _current = set()
    try:
        for value in given:
            _note(value)
        html = render()
        return html, sorted(_current)
    finally:
        _current = None


_SCALAR_TYPES = frozenset(_SCALARS)
# Field names of each dataclass met while encoding (dataclasses.fields is slow when asked 100,000 times).
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(kind: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(kind))
    return names


def _encode(value, open_ids: set) -> str:
    kind = type(value)
    if kind in _ENTITY_TYPES:
        return "@" + entity_key(value)
    # Texts with their length, which delimits them as surely as quotes, without repr's escaping.
    if kind is str:
        return f"s{len(value)}:{value}"
    if kind is Markup:
        return f"m{len(value)}:{value}"
    if kind in _SCALAR_TYPES or isinstance(value, _SCALARS):
        return repr(value)
    if id(value) in open_ids:
        return f"<{kind.__name__}>"
    open_ids.add(id(value))
    try:
        if isinstance(value, tuple | list):
            return "[" + ",".join([_encode(v, open_ids) for v in value]) + "]"
        if isinstance(value, Mapping):
            items = sorted(value.items(), key=lambda i: repr(i[0]))
            return "{" + ",".join([f"{_encode(k, open_ids)}:{_encode(v, open_ids)}" for k, v in items]) + "}"
        if isinstance(value, set | frozenset):
            return "{" + ",".join(sorted(_encode(v, open_ids) for v in value)) + "}"
        if dataclasses.is_dataclass(value):
            parts = [f"{name}={_encode(getattr(value, name), open_ids)}" for name in _field_names(kind)]
            return f"{kind.__name__}(" + ",".join(parts) + ")"
    finally:
        open_ids.discard(id(value))
    # Anything else may not encode stably (an object's address): the page is then rendered each time.
    return f"{kind.__name__}:{value!r}"


def encode(value) -> str:
    """A value as text that changes whenever it does; entities are written as their keys.

    A value met again inside itself (a committee's meetings name the committee) is written
    as its type: everything it holds is encoded at its first place already.
    """
    return _encode(value, set())


def encode_fields(entity) -> str:
    """An entity's own fields (``encode`` writes an entity met inside a value as its key only)."""
    open_ids = {id(entity)}
    return ",".join([f"{name}={_encode(getattr(entity, name), open_ids)}" for name in _field_names(type(entity))])


def _hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


class Fingerprints:
    """The current value of every kind of dependency, computed once per build when asked."""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self._entities: dict[str, object] | None = None
        self._memo: dict[tuple, str | None] = {}

    def _index(self) -> dict[str, object]:
        if self._entities is None:
            cat = self.catalogue
            found = [*cat.themes, *cat.regions, *cat.sites, *cat.projects, *cat.stories, *cat.pages]
            found += [*cat.participation.events, *cat.participation.calls]
            self._entities = {entity_key(e): e for e in found}
        return self._entities

    def _container(self, name: str):
        return self.catalogue if name == "catalogue" else self.catalogue.participation

    def value(self, dependency: tuple) -> str | None:
        """The fingerprint of one dependency now; None when it no longer exists."""
        dependency = tuple(dependency)
        if dependency in self._memo:
            return self._memo[dependency]
        if dependency == EVERYTHING:
            result = self.catalogue.digest
        elif dependency[0] == "e":
            entity = self._index().get(dependency[1])
            result = None if entity is None else _hash(encode_fields(entity))
        else:
            container, attribute = self._container(dependency[1]), dependency[2]
            try:
                value = getattr(container, attribute)
            except AttributeError:
                value = None
            result = _hash(_method_value(container, attribute, value) if callable(value) else encode(value))
        self._memo[dependency] = result
        return result

    def of(self, dependencies: Iterable) -> list:
        """Each dependency with its fingerprint now: what a rendered page stores."""
        return [[*d, self.value(d)] for d in dependencies]

    def unchanged(self, recorded: Iterable) -> bool:
        """Whether every stored dependency still has the fingerprint it had."""
        return all(self.value(tuple(entry[:-1])) == entry[-1] for entry in recorded)


def _method_value(container, name: str, _method) -> str:
    """What a method of the catalogue answers from: the menus from the pages' menu fields."""
    if isinstance(container, Catalogue) and name == "menu":
        return encode([(p.slug, p.title, p.url, p.menu, p.order) for p in container.pages])
    return container.digest if isinstance(container, Catalogue) else encode(container)
