"""render.paging: which projects a page of a long list shows, and which pages it links."""

import pytest

from quartiersschau.render.paging import Pages, continuation_pages, page_count, page_url


def test_a_list_that_fits_is_one_page_whatever_its_length():
    assert page_count(0, 10) == page_count(10, 10) == page_count(5000, 0) == 1
    assert page_count(11, 10) == 2 and page_count(100, 10) == 10 and page_count(101, 10) == 11
    whole = Pages(base="themen/bildung/", number=1, total=40, size=0)
    assert not whole.paged and (whole.start, whole.end) == (0, 40) and whole.page_of(39) == 1


def test_pages_cover_the_list_once_in_order():
    total, size = 23, 5
    shown = []
    for number in range(1, page_count(total, size) + 1):
        pages = Pages(base="projekte/", number=number, total=total, size=size)
        shown += range(pages.start, pages.end)
        assert all(pages.page_of(index) == number for index in range(pages.start, pages.end))
    assert shown == list(range(total))


def test_addresses_of_the_pages():
    assert page_url("projekte/", 1) == "projekte/"
    assert page_url("themen/bildung/", 3) == "themen/bildung/seite/3/"
    assert continuation_pages(23, "projekte/", 10) == [(2, "projekte/seite/2/"), (3, "projekte/seite/3/")]
    assert continuation_pages(10, "projekte/", 10) == continuation_pages(10, "projekte/", 0) == []


@pytest.mark.parametrize(
    ("number", "count", "window"),
    [
        (1, 1, (1,)),
        (1, 3, (1, 2, 3)),
        (1, 10, (1, 2, 3, None, 10)),
        (5, 10, (1, 2, 3, 4, 5, 6, 7, None, 10)),  # 2 is linked, not left out as "…"
        (6, 10, (1, None, 4, 5, 6, 7, 8, 9, 10)),
        (50, 100, (1, None, 48, 49, 50, 51, 52, None, 100)),
        (100, 100, (1, None, 98, 99, 100)),
    ],
)
def test_the_window_links_the_ends_and_the_pages_near_this_one(number, count, window):
    pages = Pages(base="projekte/", number=number, total=count * 10, size=10)
    assert pages.window == window
    assert pages.previous == (number - 1 or None) and pages.next == (number + 1 if number < count else None)
