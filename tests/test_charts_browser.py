"""Charts on a phone: every label and number is text of at least 12 px, and the bars show the counts."""

import pytest


@pytest.mark.parametrize("width", [320, 390])
def test_chart_text_is_at_least_12_px_on_a_phone(browser, programme_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    tab.goto(f"{programme_url}/")
    sizes = tab.eval_on_selector_all(
        ".qs-chart__label, .qs-chart__value, .qs-chart__title",
        # The size on the screen, not only the CSS value: text in a scaled SVG would be smaller than its font-size.
        "els => els.map(e => { const r = e.getBoundingClientRect();"
        " return [e.textContent, parseFloat(getComputedStyle(e).fontSize), r.height, r.right]; })",
    )
    assert len(sizes) > 10
    small = [(text, size, height) for text, size, height, _ in sizes if size < 12 or height < 12]
    assert small == []
    assert max(right for *_, right in sizes) <= width
    context.close()


def test_bars_are_as_long_as_their_counts(page, demo_url):
    page.goto(f"{demo_url}/")
    rows = page.eval_on_selector_all(
        "#jahre-titel ~ .qs-chart__rows .qs-chart__row",
        "rows => rows.map(r => [Number(r.querySelector('.qs-chart__value').textContent),"
        " r.querySelector('rect').getBoundingClientRect().width])",
    )
    peak_count, peak_width = max(rows)
    assert peak_width > 50
    for count, width in rows:
        assert width == pytest.approx(peak_width * count / peak_count, abs=1.5)
