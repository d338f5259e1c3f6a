"""What a reader does on the served site, for the browser tests: a phone, Material's script, a search."""

from __future__ import annotations

import re
import traceback
from pathlib import Path
from urllib.parse import quote

PHONE = {"width": 390, "height": 844}
NARROW_PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 900}
# Every word Material's search reads apart (mkdocs.yml, plugins: search: separator).
SEPARATOR = re.compile(r"[\s\-\u2010\u2011’']+")


def phone(new_page, viewport=PHONE, **options):
    """A page in a phone's browser: touch, a narrow screen, the mobile viewport (new_page: the
    fixture)."""
    return new_page(viewport=viewport, is_mobile=True, has_touch=True, **options)


def blank(page):
    """Leave the page's document for an empty one, so that the next goto loads its page afresh
    (a goto to the same address with another #fragment only scrolls)."""
    page.goto("about:blank")


def every_case(cases, check) -> None:
    """check(case) for every case, in turn: fails, once all are checked, with every failing case,
    the line of the check that failed and what failed (an assertion, or a wait that timed out)."""
    from playwright.sync_api import Error

    failures = {}
    for case in cases:
        try:
            check(case)
        except (AssertionError, Error) as error:
            line = next((f"{Path(frame.filename).name}:{frame.lineno}" for frame in
                         reversed(traceback.extract_tb(error.__traceback__)) if frame.name == check.__name__), "")
            failures[case] = f"{line} {type(error).__name__}: {error}"
    assert not failures, "\n".join(f"{case} at {failure}" for case, failure in failures.items())


def wait_for_material(page):
    """Material's script loads on the reader's first interaction; on-interaction.js says when it is ready."""
    page.mouse.move(5, 5)
    page.wait_for_selector("html[data-dp-material=ready]", state="attached")


# Material's list of results, complete: scrolled (it grows as the reader scrolls it) until it
# holds as many as Material counts, or Material says it found none.
RESULTS_COMPLETE = """() => {
    const meta = document.querySelector('.md-search-result__meta').textContent.trim();
    const none = JSON.parse(document.getElementById('__config').textContent).translations['search.result.none'];
    const count = Number((meta.match(/\\d+/) || [0])[0]);
    const wrap = document.querySelector('.md-search__scrollwrap');
    wrap.scrollTop = wrap.scrollHeight;
    return meta === none || count > 0 && document.querySelectorAll('.md-search-result__item').length === count;
}"""
# Material's answer to an empty query: its invitation to type one.
AWAITING_QUERY = """() => document.querySelector('.md-search-result__meta').textContent.trim()
    === JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"""


def _results(page) -> set[str]:
    page.wait_for_function(RESULTS_COMPLETE, timeout=10_000)
    return set(page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.map(a => a.href.split('?')[0].split('#')[0])"))


def search(page, url: str, query: str) -> set[str]:
    """The pages Material finds for the query, from a link to the page with the query (`?q=`,
    which Material reads when it mounts: the query as a whole, no result for a part of it typed
    on the way). Its list of results grows as the reader scrolls it: it is scrolled until it
    holds as many as Material counts, or says it found none."""
    page.goto(f"{url}?q={quote(query)}")
    wait_for_material(page)
    return _results(page)


def search_again(page, query: str) -> set[str]:
    """The pages Material finds for another query, on the page where it answered the last one
    (search()): the field emptied, until Material answers that it awaits a query (so that no
    answer to the last one is still to come), then the query given whole, as a reader pastes it
    (Material reads the field on the key that follows, not on `fill`)."""
    field = page.locator(".md-search__input")
    for value, answered in (("", AWAITING_QUERY), (query, RESULTS_COMPLETE)):
        field.fill(value)
        page.keyboard.press("Shift")
        page.wait_for_function(answered, timeout=10_000)
    return _results(page)
