"""Builds shared by many tests: the fixture site and both demo programmes, each built once.

``programme_output`` / ``programme_url`` run a test once per demo programme (JMD im
Quartier, Quartiersmanagement Berlin): every quality gate holds for both.
"""

from __future__ import annotations

import pytest
from helpers import BERLIN, BERLIN_CONFIG, FIXTURE, FIXTURE_SETTINGS, ROOT, build_site

# Demo programme → (its output fixture, its URL fixture).
PROGRAMMES = {"jmd": ("demo_output", "demo_url"), "qm-berlin": ("berlin_output", "berlin_url")}


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
def berlin_output(tmp_path_factory):
    base = tmp_path_factory.mktemp("berlin-build")
    result = build_site(BERLIN, base / "output", base / "cache", config=BERLIN_CONFIG)
    assert result.returncode == 0, result.stderr
    return base / "output"


@pytest.fixture(scope="session")
def berlin_url(berlin_output):
    from browser_support import serve

    with serve(berlin_output) as url:
        yield url


@pytest.fixture(scope="session", params=PROGRAMMES)
def programme(request):
    """The name of a demo programme; tests that take it run once per programme."""
    return request.param


@pytest.fixture(scope="session")
def programme_output(request, programme):
    return request.getfixturevalue(PROGRAMMES[programme][0])


@pytest.fixture(scope="session")
def programme_url(request, programme):
    return request.getfixturevalue(PROGRAMMES[programme][1])


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
