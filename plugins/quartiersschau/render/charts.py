"""Small bar charts drawn at build time as SVG geometry for the templates.

The numbers come from the catalogue (``year_chart``, ``theme_chart`` are template
globals); the template draws the bars and prints the same numbers as a table, so the
chart is a picture of data that is also there as text (WCAG 1.1.1, 1.3.1). No script, no library: a bar chart is a few rectangles.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..catalogue.catalogue import Catalogue


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    label_x: float
    label_y: float
    value_x: float
    value_y: float


@dataclass(frozen=True)
class Chart:
    title: str
    width: int
    height: int
    bars: tuple[Bar, ...]
    horizontal: bool


def column_chart(title: str, items: list[tuple[str, int]], *, width: int = 480, height: int = 200) -> Chart:
    """Vertical bars, e.g. projects per year; labels under the bars, values on top."""
    top, bottom = 18, 22
    peak = max((v for _, v in items), default=0) or 1
    slot = width / max(1, len(items))
    bars = []
    for index, (label, value) in enumerate(items):
        h = round((height - top - bottom) * value / peak, 1)
        x = round(index * slot + slot * 0.15, 1)
        w = round(slot * 0.7, 1)
        y = round(height - bottom - h, 1)
        centre = round(x + w / 2, 1)
        bars.append(Bar(label, value, x, y, w, h, centre, height - 6, centre, round(y - 5, 1)))
    return Chart(title, width, height, tuple(bars), horizontal=False)


def bar_chart(
    title: str, items: list[tuple[str, int]], *, width: int | None = None, row: int = 26, label_width: int | None = None
) -> Chart:
    """Horizontal bars, e.g. projects per theme; long labels fit on the left."""
    peak = max((v for _, v in items), default=0) or 1
    # Room for the longest label (about 7 units per character at the label size), bars keep theirs.
    if label_width is None:
        label_width = min(300, max(120, 7 * max((len(label) for label, _ in items), default=0) + 16))
    if width is None:
        width = label_width + 290
    room = width - label_width - 40
    bars = []
    for index, (label, value) in enumerate(items):
        y = index * row + 4
        w = round(room * value / peak, 1)
        bars.append(
            Bar(
                label,
                value,
                label_width,
                y,
                w,
                row - 8,
                label_width - 8,
                y + row / 2 + 1,
                round(label_width + w + 6, 1),
                y + row / 2 + 1,
            )
        )
    return Chart(title, width, len(items) * row + 4, tuple(bars), horizontal=True)


def year_chart(catalogue: Catalogue) -> Chart:
    """Projects per year, every year of the programme (gaps shown as empty columns)."""
    words = catalogue.programme.words
    return column_chart(f"{words.project.plural} pro Jahr", [(str(y), n) for y, n in catalogue.projects_per_year])


def theme_chart(catalogue: Catalogue) -> Chart:
    """Projects per theme, most first."""
    words = catalogue.programme.words
    return bar_chart(f"{words.project.plural} pro Thema", [(t.label, n) for t, n in catalogue.projects_per_theme])
