"""Browser fixtures: the site built for and served on 127.0.0.1, and Debian's Chromium.

Without Chromium the browser tests are skipped on a contributor's machine (with how to install
it), and fail under CI (CI=true), where a skipped test would be a test that did not run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts.check.site_config import read_config, site_languages
from scripts.local_site import (CHROMIUM, CHROMIUM_FLAGS, INSTALL_HINT, ROOT, build_for, chromium_available,
                                free_port, page_paths, served)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)


@dataclass(frozen=True)
class ServedSite:
    url: str  # http://127.0.0.1:PORT/
    pages: list  # every content page of every language: index.html, …, en/about.html
    root: Path  # the built site being served
    default_language: str  # the one whose pages are at the root

    def pages_in(self, lang: str) -> list[str]:
        """The pages of one language: the default's at the root, the others' in their folder."""
        if lang == self.default_language:
            return [path for path in self.pages if "/" not in path]
        return [path for path in self.pages if path.startswith(f"{lang}/")]


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    site_dir = tmp_path_factory.mktemp("served-site")
    build_for(url, site_dir)
    with served(site_dir, port):
        yield ServedSite(url, page_paths(site_dir), site_dir, site_languages(read_config(ROOT))[0])


@pytest.fixture(scope="session")
def browser():
    if not chromium_available():
        message = f"no Chromium at {CHROMIUM}: {INSTALL_HINT}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()
