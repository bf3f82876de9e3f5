"""Long project lists in pages: the first on the owner's own page, the rest under ``seite/N/``.

A list of 10,000 projects is 12 MB of HTML in one page: too much for a phone on a weak
connection, and every edited project would render it again. With pages, a resident loads
``QS_PROJECTS_PER_PAGE`` cards at a time, and an edit renders the one page that shows it.

The templates slice the owner's list themselves (``theme.projects[pages.start:pages.end]``):
what a page shows then depends on the owner's list, which the page read, and on the
projects it shows, not on every project of the list (see render.dependencies). A
``Pages`` is made from numbers alone, so asking for it notes no dependency.
"""

from __future__ import annotations

from dataclasses import dataclass

# Where page N (from 2) of a list goes, below the owner's URL: ``themen/bildung/seite/2/``.
PAGE_URL = "{base}seite/{number}/"


def page_url(base: str, number: int) -> str:
    """Page *number* of the list whose first page is *base*."""
    return base if number == 1 else PAGE_URL.format(base=base, number=number)


def page_count(total: int, size: int) -> int:
    """How many pages *total* projects take (one, also when there is none, or no paging)."""
    if not size or total <= size:
        return 1
    return -(-total // size)


@dataclass(frozen=True)
class Pages:
    """Page *number* of a list of *total* projects, *size* to a page, whose first page is *base*."""

    base: str
    number: int
    total: int
    size: int

    @property
    def count(self) -> int:
        return page_count(self.total, self.size)

    @property
    def paged(self) -> bool:
        return self.count > 1

    @property
    def start(self) -> int:
        """Index of the page's first project in the whole list."""
        return (self.number - 1) * self.size if self.paged else 0

    @property
    def end(self) -> int:
        return min(self.start + self.size, self.total) if self.paged else self.total

    def url(self, number: int) -> str:
        return page_url(self.base, number)

    def page_of(self, index: int) -> int:
        """The page that shows the list's project at *index*."""
        return index // self.size + 1 if self.paged else 1

    @property
    def previous(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if self.number < self.count else None

    @property
    def window(self) -> tuple[int | None, ...]:
        """The page numbers to link, None where some are left out: 1 … 6 7 8 … 100."""
        near = {1, self.count, *range(self.number - 2, self.number + 3)}
        shown = sorted(n for n in near if 1 <= n <= self.count)
        result: list[int | None] = []
        for n in shown:
            if result and n - result[-1] == 2:
                result.append(n - 1)  # a gap of one page: the page itself, not "…"
            elif result and n - result[-1] > 2:
                result.append(None)
            result.append(n)
        return tuple(result)


def pages_global(size: int):
    """The templates' ``project_pages(total, base, number=1)``, with the programme's page size."""

    def project_pages(total: int, base: str, number: int = 1) -> Pages:
        return Pages(base=base, number=number, total=total, size=size)

    return project_pages


def continuation_pages(total: int, base: str, size: int) -> list[tuple[int, str]]:
    """(number, URL) of every page of a list after the first."""
    return [(n, page_url(base, n)) for n in range(2, page_count(total, size) + 1)]
