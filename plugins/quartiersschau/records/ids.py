"""Record ids: what a valid id looks like, and how to make one from a German title."""

from __future__ import annotations

import re

from unidecode import unidecode

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

# German transliteration first (ä → ae, not a); unidecode handles the rest (é → e).
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"})


def make_id(title: str, max_length: int = 60) -> str:
    """Turn a title into an id: ``"Nähcafé Gotha-West"`` → ``"naehcafe-gotha-west"``."""
    text = unidecode(title.translate(_GERMAN)).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(text) > max_length:
        text = text[:max_length].rsplit("-", 1)[0] or text[:max_length]
    return text
