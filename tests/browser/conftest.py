"""Browser fixtures: the site built for and served on 127.0.0.1, and Debian's Chromium.

Without Chromium the browser tests are skipped on a contributor's machine (with how to install
it), and fail under CI (CI=true), where a skipped test would be a test that did not run.

The browser's contexts (a desktop, a phone, no scripts…) are kept for the session, one for each
kind of reader, so that a test does not pay for a new context and a cold cache; and in each, a
tab that test after test goes to its pages in, left blank between them. A test that needs more
of a page than reading and acting on it as a reader does (a listener, a route, an init script)
opens a page of its own (new_page, page), closed after it. Nothing a test does reaches the next:
what its pages stored (local and session storage, cookies…) is cleared for every origin they
visited; after a failure, the contexts it used are left as they are, new ones opened for the next
tests.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from scripts.check.site_config import read_config, site_languages
from scripts.local_site import (CHROMIUM, CHROMIUM_FLAGS, INSTALL_HINT, ROOT, build_for, chromium_available,
                                free_port, page_paths, served)

# The longest tests, started first (by name, in this order), so that the shorter ones fill the
# workers around them rather than leave one worker on a long test at the end.
LONGEST_FIRST = ("test_every_page_passes_axe_in_either_palette", "test_no_horizontal_scroll_on_a_phone",
                 "test_every_definition_shows_inside_the_window")
# What Chromium stores for an origin, cleared after each test for the origins its pages visited.
STORAGE = "cookies,local_storage,indexeddb,cache_storage,service_workers,file_systems,websql"


def pytest_collection_modifyitems(config, items):
    browser_tests = [index for index, item in enumerate(items) if "tests/browser/" in item.nodeid]
    for index in browser_tests:
        items[index].add_marker(pytest.mark.browser)

    def rank(item):
        name = item.originalname if isinstance(item, pytest.Function) else item.name
        return next((rank for rank, prefix in enumerate(LONGEST_FIRST) if name.startswith(prefix)), len(LONGEST_FIRST))

    # Reordered among themselves, in the places they hold (xdist hands tests out in this order).
    for index, item in zip(browser_tests, sorted((items[index] for index in browser_tests), key=rank)):
        items[index] = item


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


# The options of Playwright's browser.new_context that are its defaults (and need no context of
# their own), and those that a page can take by itself (set on the page, before it loads).
DEFAULTS = {"viewport": {"width": 1280, "height": 720}, "color_scheme": "light", "is_mobile": False,
            "has_touch": False, "java_script_enabled": True}
PAGE_OPTIONS = ("viewport", "color_scheme")
# What a page reused from test to test (tab) must not be given: it would reach the next tests.
NOT_FOR_A_TAB = ("on", "once", "route", "route_from_har", "route_web_socket", "add_init_script", "expose_function",
                 "expose_binding", "set_extra_http_headers", "add_locator_handler", "set_default_timeout",
                 "set_default_navigation_timeout")
FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed:
        item.stash[FAILED] = True
    return report


class _Kept:
    """A context kept for the session, with a blank page that keeps it (and a renderer) alive and
    through which it is told to clear what the tests' pages stored; and its tab, a page that test
    after test reads in, if they need nothing of the page but to read in it."""

    def __init__(self, browser, options):
        self.context = browser.new_context(**options)
        self.origins = set()  # those the pages visited since the last clearing
        self.context.on("page", lambda page: page.on("framenavigated", self._visited))
        self.keeper = self.context.new_page()
        self.devtools = self.context.new_cdp_session(self.keeper)
        self.tab = None

    def _visited(self, frame):
        parts = urlsplit(frame.url)
        if parts.scheme in ("http", "https", "file"):
            self.origins.add(f"{parts.scheme}://{parts.netloc}")

    def take_tab(self):
        if self.tab is None:
            self.tab = self.context.new_page()
            for name in NOT_FOR_A_TAB:
                setattr(self.tab, name, functools.partial(_not_for_a_tab, name))
        return self.tab

    def after_test(self, failed: bool) -> bool:
        """Leave the tab blank, close the test's other pages (and any it opened), and clear what
        they stored (local and session storage, cookies…); whether the context can serve again.
        After a failure, or if a page cannot be left, the context is abandoned as it is, for the
        browser to close at the end: closing a page, or a context, while a navigation begun by a
        tap is still to come can wait for ever."""
        from playwright.sync_api import Error

        if failed:
            return False
        try:
            for page in self.context.pages:
                if page is not self.keeper:
                    page.goto("about:blank")
                    if page is not self.tab:
                        page.close()
            for origin in sorted(self.origins):
                self.devtools.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": STORAGE})
        except Error:
            return False
        self.origins.clear()
        return True


def _not_for_a_tab(name, *args, **kwargs):
    raise TypeError(f"page.{name}() on a tab would reach the tests after this one: open a page of its own (new_page)")


@pytest.fixture(scope="session")
def _kept_contexts(browser):
    kept = {}
    yield kept
    for context in kept.values():
        context.context.close()


@pytest.fixture
def _pages(browser, _kept_contexts, request):
    """The pages a test opens, as a context with these options would (those of Playwright's
    browser.new_context: viewport, is_mobile, has_touch, color_scheme, java_script_enabled,
    permissions…): its context is kept for the session, one for each set of options but the
    viewport and the palette, which the page takes by itself before it loads (as a context sets
    them on its pages). After the test, its pages are closed (its tab left on a blank page) and
    what they stored is cleared (_Kept.after_test)."""
    used = []

    def open_page(options, tab):
        options = {**DEFAULTS, **options}
        shared = {name: value for name, value in options.items()
                  if name not in PAGE_OPTIONS and value != DEFAULTS.get(name)}
        key = repr(sorted(shared.items()))
        if key not in _kept_contexts:
            _kept_contexts[key] = _Kept(browser, shared)
        kept = _kept_contexts[key]
        used.append(kept)
        page = kept.take_tab() if tab else kept.context.new_page()
        page.set_viewport_size(options["viewport"])
        page.emulate_media(media="null", color_scheme=options["color_scheme"])
        return page

    yield open_page
    failed = request.node.stash.get(FAILED, False)
    for key, kept in list(_kept_contexts.items()):
        if kept in used and not kept.after_test(failed):
            del _kept_contexts[key]


@pytest.fixture
def new_page(_pages):
    """new_page(**options): a new page of its own, closed after the test."""
    return lambda **options: _pages(options, tab=False)


@pytest.fixture
def tab(_pages):
    """tab(**options): the page its context keeps for the tests that only go to pages, read them
    and act on them as a reader does, one after the other; the test finds it blank, with the
    viewport and palette asked for. It takes no listener, route, init script…: a test that needs
    one opens a page of its own (new_page)."""
    return lambda **options: _pages(options, tab=True)


@pytest.fixture
def page(new_page):
    """A page on a desktop, of its own."""
    return new_page(viewport={"width": 1280, "height": 900})
