"""Maps drawn at build time: region outlines as one small SVG file, markers per page.

No tile server, no script: the outlines (BKG VG2500, see data/geo/README.md) are
projected, simplified with Shapely and written once as ``karte/laender.svg``; every
map on the site references them with ``<use>`` (cached by the browser) and adds its
own markers, which are links with accessible names.

The projection is equirectangular with the longitude scaled by the cosine of the
middle latitude: for an area the size of Germany the distortion is invisible at
the sizes shown, and it needs no projection library.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import escape

from ..records.geo import read_features

ATTRIBUTION = "© GeoBasis-DE / BKG (2026), Daten verändert"
MAP_FILE = "karte/laender.svg"


def _ring_path(coords) -> str:
    """Compact path data: absolute move, then relative integer steps."""
    parts, prev = [], None
    for x, y in coords:
        point = (round(x), round(y))
        if prev is None:
            parts.append(f"M{point[0]} {point[1]}")
        elif point != prev:
            dx, dy = point[0] - prev[0], point[1] - prev[1]
            parts.append(f"l{dx}{' ' if dy >= 0 else ''}{dy}")  # a minus sign separates by itself
        prev = point
    return "".join(parts) + "z"


@dataclass(frozen=True)
class MapGeometry:
    """Projected, simplified outlines keyed by their code (e.g. ``DE-BY``), and the projection."""

    width: int
    height: int
    paths: dict[str, str] = field(repr=False)
    _transform: tuple[float, ...] = field(repr=False)

    def point(self, lat: float, lon: float) -> tuple[float, float]:
        a, _, _, e, xoff, yoff = self._transform
        return round(a * lon + xoff, 1), round(e * lat + yoff, 1)

    @property
    def codes(self) -> set[str]:
        return set(self.paths)

    def svg_file(self) -> str:
        """The shared outlines file: one path per region, all in the group ``alle``."""
        # The codes come from the outline file's properties: text, escaped like all text in markup.
        paths = "".join(f'<path id="{escape(code)}" d="{d}"/>' for code, d in sorted(self.paths.items()))
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} {self.height}">'
            f"<!-- {ATTRIBUTION} -->"
            f'<g id="alle" fill-rule="evenodd">{paths}</g></svg>\n'
        )


def load_geometry(
    geojson: Path, key: str, *, width: int = 600, tolerance: float = 1.0, min_area: float = 4.0
) -> MapGeometry:
    """Project and simplify every feature. *tolerance* and *min_area* are in map units (≈ pixels at full size)."""
    # Imported here: Shapely (with NumPy) takes a while to load, and only map drawing needs it.
    from shapely import affinity
    from shapely.geometry import shape
    from shapely.ops import unary_union

    shapes = {code: shape(geometry) for code, geometry in read_features(geojson, key).items()}
    minx, miny, maxx, maxy = unary_union(list(shapes.values())).bounds
    stretch = math.cos(math.radians((miny + maxy) / 2))
    scale = width / ((maxx - minx) * stretch)
    height = math.ceil((maxy - miny) * scale)
    transform = (stretch * scale, 0.0, 0.0, -scale, -minx * stretch * scale, maxy * scale)
    paths = {}
    for code, geometry in shapes.items():
        simple = affinity.affine_transform(geometry, transform).simplify(tolerance, preserve_topology=True)
        polygons = [p for p in getattr(simple, "geoms", [simple]) if p.area >= min_area]
        rings = [ring for p in polygons for ring in (p.exterior, *p.interiors) if ring.length > 0]
        paths[code] = "".join(_ring_path(ring.coords) for ring in rings)
    return MapGeometry(width, height, paths, transform)


@functools.lru_cache(maxsize=4)
def _cached_geometry(path: str, key: str, mtime_ns: int, size: int) -> MapGeometry:
    return load_geometry(Path(path), key)


def map_geometry(geojson: Path, key: str) -> MapGeometry:
    """The site's map geometry, computed once per outline file (e.g. across devserver builds)."""
    stat = Path(geojson).stat()
    return _cached_geometry(str(geojson), key, stat.st_mtime_ns, stat.st_size)
