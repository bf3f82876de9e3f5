"""The region outlines of a programme (GeoJSON in its data folder), read as plain data.

Validation needs the codes the file provides (``regions.yaml`` refers to them), the
map renderer the geometries; both read the file through here.
"""

from __future__ import annotations

import json
from pathlib import Path


def read_features(geojson: Path, key: str) -> dict[str, dict]:
    """GeoJSON geometry per region code (the feature property *key*), in file order."""
    data = json.loads(Path(geojson).read_text(encoding="utf-8"))
    return {f["properties"][key]: f["geometry"] for f in data["features"]}


def read_codes(geojson: Path, key: str) -> set[str]:
    """The region codes a GeoJSON file provides (for validating regions.yaml)."""
    return set(read_features(geojson, key))
