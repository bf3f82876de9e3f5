"""The region outlines of a programme (GeoJSON in its data folder), read as plain data.

Validation needs the codes the file provides (``regions.yaml`` refers to them), the
programme's map area and the outline of each region (coordinates must lie inside);
the map renderer needs the geometries. All of them read the file through here.

Plain Python on purpose: Shapely (with NumPy) takes a while to import, and a
point-in-polygon test over these small outlines takes microseconds.
"""

from __future__ import annotations

import itertools
import json
import math
from dataclasses import dataclass
from pathlib import Path

KM_PER_DEGREE = 111.2


@dataclass(frozen=True)
class MapSource:
    """Where a programme's outlines are (``map`` in programme.yaml): the file and the code property."""

    path: Path
    key: str


def map_source(programme_data: dict | None, data_folder: Path) -> MapSource | None:
    """The outlines programme.yaml names, or None when its ``map`` is missing or broken (the schema says so)."""
    entry = programme_data.get("map") if isinstance(programme_data, dict) else None
    if (
        not isinstance(entry, dict)
        or not isinstance(entry.get("outlines"), str)
        or not isinstance(entry.get("key"), str)
    ):
        return None
    return MapSource(Path(data_folder) / entry["outlines"], entry["key"])


def read_features(geojson: Path, key: str) -> dict[str, dict]:
    """GeoJSON geometry per region code (the feature property *key*), in file order."""
    data = json.loads(Path(geojson).read_text(encoding="utf-8"))
    return {f["properties"][key]: f["geometry"] for f in data["features"]}


def read_codes(geojson: Path, key: str) -> set[str]:
    """The region codes a GeoJSON file provides (for validating regions.yaml)."""
    return set(read_features(geojson, key))


def rings(geometry: dict) -> list[list]:
    """Every ring (outer and holes) of a Polygon or MultiPolygon as lists of [lon, lat]."""
    if geometry["type"] == "Polygon":
        return list(geometry["coordinates"])
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    raise ValueError(f"Geometrie vom Typ {geometry['type']} ist kein Umriss")


def _edges(geometry: dict):
    """Every edge of every ring as ((lon, lat), (lon, lat)); an unclosed ring is closed."""
    for ring in rings(geometry):
        yield from itertools.pairwise([*ring, ring[0]] if ring else [])


@dataclass(frozen=True)
class Area:
    """A rectangle in degrees: the part of the world a programme's map shows."""

    south: float
    west: float
    north: float
    east: float

    def contains(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east


def programme_area(geometries) -> Area:
    """The bounding box of all outlines, widened outward to the next tenth of a degree (≈ 10 km)."""
    points = [point for geometry in geometries for ring in rings(geometry) for point in ring]
    if not points:
        raise ValueError("keine Umrisse in der Datei")
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return Area(
        math.floor(min(lats) * 10) / 10,
        math.floor(min(lons) * 10) / 10,
        math.ceil(max(lats) * 10) / 10,
        math.ceil(max(lons) * 10) / 10,
    )


def contains(geometry: dict, lat: float, lon: float) -> bool:
    """Whether the point lies inside the outline (even-odd rule: holes and islands count right)."""
    inside = False
    for (x1, y1), (x2, y2) in _edges(geometry):
        if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def distance_km(geometry: dict, lat: float, lon: float) -> float:
    """Approximate distance from the point to the outline's nearest edge, in kilometres."""
    stretch = math.cos(math.radians(lat))
    best = math.inf
    for (x1, y1), (x2, y2) in _edges(geometry):
        ax, ay = (x1 - lon) * stretch, y1 - lat
        dx, dy = (x2 - x1) * stretch, y2 - y1
        length = dx * dx + dy * dy
        t = 0.0 if length == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length))
        best = min(best, math.hypot(ax + t * dx, ay + t * dy))
    return best * KM_PER_DEGREE


def distance_between_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Approximate distance between two (lat, lon) points a few kilometres apart, in kilometres."""
    stretch = math.cos(math.radians((a[0] + b[0]) / 2))
    return math.hypot((a[1] - b[1]) * stretch, a[0] - b[0]) * KM_PER_DEGREE


def interior_point(geometry: dict) -> tuple[float, float]:
    """A (lat, lon) point inside the outline: the middle of the widest east-west chord at the
    middle latitude of its largest ring (a region may be in parts, like Bremen and Bremerhaven)."""
    largest = max(rings(geometry), key=len)
    lat = (min(p[1] for p in largest) + max(p[1] for p in largest)) / 2
    crossings = sorted(
        x1 + (x2 - x1) * (lat - y1) / (y2 - y1) for (x1, y1), (x2, y2) in _edges(geometry) if (y1 > lat) != (y2 > lat)
    )
    west, east = max(zip(crossings[::2], crossings[1::2], strict=True), key=lambda c: c[1] - c[0])
    return lat, (west + east) / 2
