"""Builds shared by many tests: the fixture site and the demo site, each built once."""

from __future__ import annotations

import pytest
from helpers import FIXTURE, FIXTURE_SETTINGS, ROOT, build_site


@pytest.fixture(scope="session")
def fixture_output(tmp_path_factory):
    base = tmp_path_factory.mktemp("fixture-build")
    result = build_site(FIXTURE, base / "output", base / "cache", *FIXTURE_SETTINGS)
    assert result.returncode == 0, result.stderr
    return base / "output"


@pytest.fixture(scope="session")
def demo_output(tmp_path_factory):
    base = tmp_path_factory.mktemp("demo-build")
    result = build_site(ROOT, base / "output", base / "cache")
    assert result.returncode == 0, result.stderr
    return base / "output"


@pytest.fixture(scope="session")
def demo_url(demo_output):
    from browser_support import serve

    with serve(demo_output) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from browser_support import CHROMIUM_ARGS, chromium_path
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("console", lambda message: tab.errors.append(message.text) if message.type == "error" else None)
    yield tab
    context.close()
