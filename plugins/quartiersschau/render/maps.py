"""Maps drawn at build time: region outlines as one small SVG file, markers per page.

No tile server, no script: the programme's outlines (``map`` in programme.yaml, e.g.
Germany's Länder or Berlin's Bezirke) are projected, simplified with Shapely and
written once as ``karte/umrisse.svg``; every map on the site references them with
``<use>`` (cached by the browser) and adds its own markers, which are links with
accessible names. The map frames all outlines; a region's map frames that region.

The projection is equirectangular with the longitude scaled by the cosine of the
middle latitude: for an area the size of a country or smaller the distortion is
invisible at the sizes shown, and it needs no projection library.
"""

from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import escape

from ..common.cache import KeyValueCache, content_key
from ..records.geo import read_features

MAP_FILE = "karte/umrisse.svg"
# Margin around a region's own map, as a share of its size.
REGION_MARGIN = 0.12


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
    attribution: str
    paths: dict[str, str] = field(repr=False)
    # Projected bounds (x, y, width, height) of each region.
    boxes: dict[str, tuple[float, float, float, float]] = field(repr=False)
    _transform: tuple[float, ...] = field(repr=False)

    def point(self, lat: float, lon: float) -> tuple[float, float]:
        a, _, _, e, xoff, yoff = self._transform
        return round(a * lon + xoff, 1), round(e * lat + yoff, 1)

    @property
    def codes(self) -> set[str]:
        return set(self.paths)

    def view_box(self, code: str | None = None) -> str:
        """The SVG viewBox of the whole map, or of one region with a margin (kept inside the map)."""
        if code is None or code not in self.boxes:
            return f"0 0 {self.width} {self.height}"
        x, y, w, h = self.boxes[code]
        side = max(w, h * self.width / self.height) * (1 + 2 * REGION_MARGIN)
        w2, h2 = side, side * self.height / self.width
        x2 = min(max(0.0, x + w / 2 - w2 / 2), max(0.0, self.width - w2))
        y2 = min(max(0.0, y + h / 2 - h2 / 2), max(0.0, self.height - h2))
        return f"{x2:.1f} {y2:.1f} {w2:.1f} {h2:.1f}"

    def zoom(self, code: str | None = None) -> float:
        """How much smaller a region's view is than the whole map: markers are scaled by it to keep their size."""
        return float(self.view_box(code).split()[2]) / self.width

    def svg_file(self) -> str:
        """The shared outlines file: one path per region, all in the group ``alle``."""
        # The codes come from the outline file's properties: text, escaped like all text in markup.
        paths = "".join(f'<path id="{escape(code)}" d="{d}"/>' for code, d in sorted(self.paths.items()))
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} {self.height}">'
            f"<!-- {escape(self.attribution)} -->"
            f'<g id="alle" fill-rule="evenodd">{paths}</g></svg>\n'
        )


def load_geometry(
    geojson: Path, key: str, attribution: str = "", *, width: int = 600, tolerance: float = 1.0, min_area: float = 4.0
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
    paths, boxes = {}, {}
    for code, geometry in shapes.items():
        projected = affinity.affine_transform(geometry, transform)
        x0, y0, x1, y1 = projected.bounds
        boxes[code] = (round(x0, 1), round(y0, 1), round(x1 - x0, 1), round(y1 - y0, 1))
        simple = projected.simplify(tolerance, preserve_topology=True)
        polygons = [p for p in getattr(simple, "geoms", [simple]) if p.area >= min_area]
        rings = [ring for p in polygons for ring in (p.exterior, *p.interiors) if ring.length > 0]
        paths[code] = "".join(_ring_path(ring.coords) for ring in rings)
    return MapGeometry(width, height, attribution, paths, boxes, transform)


def _from_json(text: str) -> MapGeometry:
    data = json.loads(text)
    data["boxes"] = {code: tuple(box) for code, box in data["boxes"].items()}
    data["_transform"] = tuple(data["_transform"])
    return MapGeometry(**data)


def map_geometry(geojson: Path, key: str, attribution: str, cache: KeyValueCache) -> MapGeometry:
    """The programme's map geometry, computed once per outline file and kept in *cache* between builds.

    Projecting and simplifying (and loading Shapely for it) costs a fifth of a second; the
    cache key is the outline file's bytes and this module's code, which draws it.
    """
    cache_key = content_key("map", Path(geojson).read_bytes(), key, attribution, Path(__file__).read_bytes())
    if (kept := cache.get_many([cache_key]).get(cache_key)) is not None:
        return _from_json(kept if isinstance(kept, str) else kept.decode("utf-8"))
    geometry = load_geometry(Path(geojson), key, attribution)
    cache.put_many({cache_key: json.dumps(dataclasses.asdict(geometry))})
    cache.keep_only({cache_key})
    return geometry
