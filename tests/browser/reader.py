"""What a reader does on the served site, for the browser tests: a phone, Material's script, a search."""

from __future__ import annotations

import re
from urllib.parse import quote

PHONE = {"width": 390, "height": 844}
NARROW_PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 900}
# Every word Material's search reads apart (mkdocs.yml, plugins: search: separator).
SEPARATOR = re.compile(r"[\s\-\u2010\u2011’']+")


def phone(browser, viewport=PHONE, **options):
    """A page in a phone's browser: touch, a narrow screen, the mobile viewport."""
    context = browser.new_context(viewport=viewport, is_mobile=True, has_touch=True, **options)
    return context.new_page()


def wait_for_material(page):
    """Material's script loads on the reader's first interaction; on-interaction.js says when it is ready."""
    page.mouse.move(5, 5)
    page.wait_for_selector("html[data-dp-material=ready]", state="attached")


def search(page, url: str, query: str) -> set[str]:
    """The pages Material finds for the query, from a link to the page with the query (`?q=`,
    which Material reads when it mounts: the query as a whole, no result for a part of it typed
    on the way). Its list of results grows as the reader scrolls it: it is scrolled until it
    holds as many as Material counts, or says it found none."""
    page.goto(f"{url}?q={quote(query)}")
    wait_for_material(page)
    page.wait_for_function("""() => {
        const meta = document.querySelector('.md-search-result__meta').textContent.trim();
        const none = JSON.parse(document.getElementById('__config').textContent).translations['search.result.none'];
        const count = Number((meta.match(/\\d+/) || [0])[0]);
        const wrap = document.querySelector('.md-search__scrollwrap');
        wrap.scrollTop = wrap.scrollHeight;
        return meta === none || count > 0 && document.querySelectorAll('.md-search-result__item').length === count;
    }""", timeout=10_000)
    return set(page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.map(a => a.href.split('?')[0].split('#')[0])"))
