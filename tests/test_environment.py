"""The Jinja environment: strict, escaping, our theme only, with the globals of later stages passed in."""

import pytest
from jinja2 import Environment, TemplateNotFound, UndefinedError
from pelican.settings import DEFAULT_CONFIG

from quartiersschau.render.environment import configure_environment


def test_environment_is_strict_and_never_falls_back_to_pelicans_simple_theme(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "mine.html").write_text("{{ missing }}", encoding="utf-8")
    (tmp_path / "templates" / "text.html").write_text("{{ text }}", encoding="utf-8")
    env = Environment()
    configure_environment(env, dict(DEFAULT_CONFIG), str(tmp_path))
    with pytest.raises(TemplateNotFound):
        env.get_template("archives.html")  # exists in Pelican's built-in theme
    with pytest.raises(UndefinedError):
        env.get_template("mine.html").render()
    assert env.get_template("text.html").render(text="<b>") == "&lt;b&gt;"


def test_globals_of_later_stages_are_passed_in_not_imported(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "feed.html").write_text("{{ stories_feed_url }}", encoding="utf-8")
    bare = Environment()
    configure_environment(bare, dict(DEFAULT_CONFIG), str(tmp_path))
    with pytest.raises(UndefinedError):
        bare.get_template("feed.html").render()
    env = Environment()
    configure_environment(env, dict(DEFAULT_CONFIG), str(tmp_path), {"stories_feed_url": "geschichten/feed.xml"})
    assert env.get_template("feed.html").render() == "geschichten/feed.xml"


def test_compiled_templates_are_kept_apart_by_the_options_that_change_them(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "seite.html").write_text("{% if true %}\n  <p>{{ text }}</p>\n{% endif %}\n")
    settings = {**DEFAULT_CONFIG, "QS_CACHE_PATH": str(tmp_path / "cache")}
    plain, trimmed = Environment(), Environment(trim_blocks=True, lstrip_blocks=True)
    for env in (plain, trimmed):
        configure_environment(env, dict(settings), str(tmp_path))
    assert plain.get_template("seite.html").render(text="<b>") == "\n  <p>&lt;b&gt;</p>\n"
    assert trimmed.get_template("seite.html").render(text="<b>") == "  <p>&lt;b&gt;</p>\n"
    kept = sorted((tmp_path / "cache" / "templates").iterdir())
    assert len(kept) == 2  # one compiled file per set of options
    # A new environment (the next build) reads the compiled code instead of compiling again.
    again = Environment()
    configure_environment(again, dict(settings), str(tmp_path))
    again.compile = None  # compiling would fail now
    assert again.get_template("seite.html").render(text="x") == "\n  <p>x</p>\n"
