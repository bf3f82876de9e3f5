"""Small bar charts for the templates: labels and numbers as text, each bar's length as a share.

The numbers come from the catalogue (``year_chart``, ``theme_chart`` are template
globals). The template writes labels and values as HTML text, so they keep the page's
font size at every width (at least 12 px on a phone), and draws only the bars as tiny SVGs
(an attribute, not an inline style: the CSP allows no inline styles). The same numbers
follow as a table, so nobody depends on the picture (WCAG 1.1.1, 1.3.1). No script, no
library: a bar chart is a few rectangles.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..catalogue.catalogue import Catalogue


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    # Length of the bar in per cent of the longest (0–100, one decimal).
    share: float


@dataclass(frozen=True)
class Chart:
    title: str
    # The table's heading over the labels ("Jahr", "Thema").
    label_heading: str
    bars: tuple[Bar, ...]


def chart(title: str, label_heading: str, items: list[tuple[str, int]]) -> Chart:
    peak = max((v for _, v in items), default=0) or 1
    return Chart(title, label_heading, tuple(Bar(label, value, round(100 * value / peak, 1)) for label, value in items))


def year_chart(catalogue: Catalogue) -> Chart:
    """Projects per year, every year of the programme (gaps shown as empty bars)."""
    words = catalogue.programme.words
    return chart(f"{words.project.plural} pro Jahr", "Jahr", [(str(y), n) for y, n in catalogue.projects_per_year])


def theme_chart(catalogue: Catalogue) -> Chart:
    """Projects per theme, most first."""
    words = catalogue.programme.words
    items = [(t.label, n) for t, n in catalogue.projects_per_theme]
    return chart(f"{words.project.plural} pro Thema", "Thema", items)
