"""Markdown to sanitised HTML, with heading levels fitted to the page and a content-hash cache."""

from quartiersschau.common.cache import KeyValueCache
from quartiersschau.render.markdown import MarkdownRenderer, render_markdown_uncached


def html(text: str, base: int = 2) -> str:
    return render_markdown_uncached((text, base))


def test_script_is_removed_with_its_content():
    assert html("Hallo <script>alert('x')</script> Welt") == "<p>Hallo  Welt</p>"


def test_event_handlers_and_styles_are_removed():
    out = html(
        '<a href="https://example.org" onclick="steal()" style="color:red">Link</a> <img src=x onerror=alert(1)>'
    )
    assert out == '<p><a href="https://example.org">Link</a> </p>'


def test_only_http_https_and_mailto_links_survive():
    out = html(
        "[a](javascript:alert(1)) [b](data:text/html,x) [c](https://example.org) [d](mailto:a@example.org) [e](ftp://x.org)"
    )
    assert (
        out
        == '<p><a>a</a> <a>b</a> <a href="https://example.org">c</a> <a href="mailto:a@example.org">d</a> <a>e</a></p>'
    )


def test_iframes_forms_and_comments_are_dropped():
    out = html('<iframe src="https://evil.example"></iframe><form action="x"><input name=a></form><!-- hidden -->Text')
    assert "iframe" not in out and "form" not in out and "input" not in out and "hidden" not in out


def test_headings_start_at_the_base_level_without_gaps():
    out = html("# Eins\n\n### Drei\n\n##### Fünf\n\n# Wieder eins", base=2)
    assert [line[:4] for line in out.splitlines()] == ["<h2>", "<h3>", "<h4>", "<h2>"]


def test_heading_base_three():
    assert html("## Unterpunkt", base=3) == "<h3>Unterpunkt</h3>"


def test_lists_tables_and_emphasis():
    out = html("- **fett**\n- *kursiv*\n\n| A | B |\n|---|---|\n| 1 | 2 |")
    assert "<strong>fett</strong>" in out and "<em>kursiv</em>" in out and "<td>1</td>" in out


def test_disk_cache_is_used_by_a_new_renderer(tmp_path, monkeypatch):
    first = MarkdownRenderer(KeyValueCache(tmp_path, "markdown"))
    assert str(first.render("Hallo *Welt*")) == "<p>Hallo <em>Welt</em></p>"
    first.cache.close()
    calls = []
    monkeypatch.setattr(
        "quartiersschau.render.markdown.render_markdown_uncached", lambda task: calls.append(task) or "x"
    )
    second = MarkdownRenderer(KeyValueCache(tmp_path, "markdown"))
    assert str(second.render("Hallo *Welt*")) == "<p>Hallo <em>Welt</em></p>"
    assert str(second.render("Neu")) == "x"
    assert calls == [("Neu", 2)]


def test_parallel_rendering_gives_the_same_result():
    texts = [(f"Text {i} mit **Nachdruck**", 2) for i in range(30)]
    sequential = MarkdownRenderer(workers=1).render_many(texts)
    parallel = MarkdownRenderer(workers=2, min_parallel=2).render_many(texts)
    assert [str(x) for x in parallel] == [str(x) for x in sequential]
