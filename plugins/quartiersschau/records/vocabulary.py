"""What a programme calls its sites, regions and projects, with the forms German grammar needs.

One programme has "Standorte in Bundesländern" and "Mikroprojekte", another
"QM-Gebiete in Bezirken" and "Projekte". The words come from ``vocabulary`` in
programme.yaml (checked by its schema); pages and messages build their phrases from a
:class:`Noun` instead of writing a programme's word into code or templates.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

# Strong adjective endings and articles by grammatical gender (Genus).
_ADJECTIVE = {"m": "er", "f": "e", "n": "es"}
_NOMINATIVE = {"m": "der", "f": "die", "n": "das"}
_ACCUSATIVE = {"m": "den", "f": "die", "n": "das"}
_DATIVE = {"m": "dem", "f": "der", "n": "dem"}
_THIS_GENITIVE = {"m": "dieses", "f": "dieser", "n": "dieses"}
_GENITIVE = {"m": "des", "f": "der", "n": "des"}
_THIS_DATIVE = {"m": "diesem", "f": "dieser", "n": "diesem"}
_INDEFINITE = {"m": "ein", "f": "eine", "n": "ein"}
_INDEFINITE_ACCUSATIVE = {"m": "einen", "f": "eine", "n": "ein"}
_INDEFINITE_DATIVE = {"m": "einem", "f": "einer", "n": "einem"}
_NO = {"m": "kein", "f": "keine", "n": "kein"}
_EVERY = {"m": "jeder", "f": "jede", "n": "jedes"}


@dataclass(frozen=True)
class Noun:
    """A noun in the forms pages need: ``Standort``, ``Standorte``, ``Standorten``, ``Standorts``."""

    singular: str
    plural: str
    dative_plural: str
    genitive: str
    gender: str  # "m", "f" or "n"

    def count(self, number: int) -> str:
        """``1 Standort``, ``22 Standorte`` (nominative or accusative); numbers with German separators."""
        return f"{_number(number)} {self.singular if number == 1 else self.plural}"

    def count_dative(self, number: int) -> str:
        """After *in*, *aus*, *mit*: ``einem Bundesland``, ``16 Bundesländern``."""
        if number == 1:
            return f"{_INDEFINITE_DATIVE[self.gender]} {self.singular}"
        return f"{_number(number)} {self.dative_plural}"

    def adjective(self, stem: str) -> str:
        """An adjective before the noun without article: ``unbekannter Standort``, ``unbekanntes QM-Gebiet``."""
        return f"{stem}{_ADJECTIVE[self.gender]} {self.singular}"

    @property
    def the(self) -> str:
        """``der Standort``, ``das QM-Gebiet`` (nominative)."""
        return f"{_NOMINATIVE[self.gender]} {self.singular}"

    @property
    def the_accusative(self) -> str:
        return f"{_ACCUSATIVE[self.gender]} {self.singular}"

    @property
    def of_the(self) -> str:
        """``des Standorts``, ``der Region`` (genitive)."""
        return f"{_GENITIVE[self.gender]} {self.genitive}"

    @property
    def of_this(self) -> str:
        """``dieses Standorts``, ``dieses QM-Gebiets`` (genitive)."""
        return f"{_THIS_GENITIVE[self.gender]} {self.genitive}"

    @property
    def at_this(self) -> str:
        """``diesem Standort`` (dative), for *zu*, *an*, *von*."""
        return f"{_THIS_DATIVE[self.gender]} {self.singular}"

    @property
    def a(self) -> str:
        """``ein Standort``, ``eine Region``."""
        return f"{_INDEFINITE[self.gender]} {self.singular}"

    @property
    def a_accusative(self) -> str:
        """``einen Standort``, ``ein QM-Gebiet`` (after *für*)."""
        return f"{_INDEFINITE_ACCUSATIVE[self.gender]} {self.singular}"

    @property
    def every(self) -> str:
        """``jeder Standort``, ``jedes QM-Gebiet``."""
        return f"{_EVERY[self.gender]} {self.singular}"

    @property
    def none(self) -> str:
        """``kein Standort``, ``keine Region``."""
        return f"{_NO[self.gender]} {self.singular}"


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


# Used when programme.yaml has no vocabulary (or it could not be read): plain, programme-neutral words.
DEFAULTS = {
    "site": Noun("Quartier", "Quartiere", "Quartieren", "Quartiers", "n"),
    "region": Noun("Region", "Regionen", "Regionen", "Region", "f"),
    "project": Noun("Projekt", "Projekte", "Projekten", "Projekts", "n"),
}


def noun(data: dict) -> Noun:
    return Noun(data["singular"], data["plural"], data["dative_plural"], data["genitive"], data["gender"])


def vocabulary(programme_data: dict | None) -> dict[str, Noun]:
    """The programme's nouns by role (``site``, ``region``, ``project``); defaults where missing or broken."""
    words = (programme_data or {}).get("vocabulary") if isinstance(programme_data, dict) else None
    out = dict(DEFAULTS)
    for role in out:
        entry = words.get(role) if isinstance(words, dict) else None
        # A broken entry was reported by the schema check; messages then use the default word.
        with contextlib.suppress(KeyError, TypeError):
            out[role] = noun(entry)
    return out
