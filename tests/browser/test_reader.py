"""What a reader does, in a real browser (Debian's Chromium), on the site served on 127.0.0.1."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from scripts.local_site import AXE_WCAG_TAGS

PHONE = {"width": 360, "height": 740}
SEARCHES = {"fr": ("garantie", "garanties"), "en": ("guarantee", "guarantees")}


def wait_for_material(page):
    """Material's script loads on the reader's first interaction (on-interaction.js)."""
    page.mouse.move(5, 5)
    page.wait_for_function("window.document$ !== undefined")


def open_search(page, query):
    wait_for_material(page)
    page.locator(".md-search__input").click()
    # Typed key by key, as a reader does: Material searches on key events, not on `fill`.
    page.locator(".md-search__input").press_sequentially(query, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")


def test_the_language_switcher_lands_on_the_counterpart(page, served_site):
    page.goto(served_site.url + "strand-2.html")
    page.locator(".md-select").first.hover()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(served_site.url + "en/strand-2.html")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-select").first.hover()
    page.get_by_role("link", name="Français").click()
    page.wait_for_url(served_site.url + "strand-2.html")
    assert page.locator("html").get_attribute("lang") == "fr"


@pytest.mark.parametrize("lang, path", [("fr", "strand-1.html"), ("en", "en/strand-1.html")])
def test_a_glossary_tooltip_shows_on_hover_and_on_focus_and_closes_on_escape(page, served_site, lang, path):
    page.goto(served_site.url + path)
    term = page.locator(".dp-term").first
    link, tooltip = term.locator("a"), term.locator(".dp-tip")
    assert tooltip.is_hidden()
    link.hover()
    assert tooltip.is_visible()
    assert tooltip.evaluate("e => e.closest('[lang]').lang") == lang
    tooltip.hover()  # the pointer can move onto the tooltip without losing it
    assert tooltip.is_visible()
    page.mouse.move(0, 0)
    assert tooltip.is_hidden()
    link.focus()
    assert tooltip.is_visible()
    page.keyboard.press("Escape")
    assert tooltip.is_hidden()
    assert page.evaluate("document.activeElement") == link.evaluate("e => e")


def test_search_in_french_finds_inflected_forms_and_only_french_pages(page, served_site):
    page.goto(served_site.url + "index.html")
    query, inflected = SEARCHES["fr"]
    results = open_search(page, query)
    assert results and not any("/en/" in url for url in results)
    assert inflected in page.locator(".md-search-result").inner_text().lower()


def test_search_in_english_returns_only_english_pages(page, served_site):
    page.goto(served_site.url + "en/index.html")
    query, inflected = SEARCHES["en"]
    results = open_search(page, query)
    assert results and all(url.startswith(served_site.url + "en/") for url in results)
    assert inflected in page.locator(".md-search-result").inner_text().lower()


def test_no_request_leaves_the_site(page, served_site):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for path in served_site.pages:
        page.goto(served_site.url + path)
        page.wait_for_load_state("networkidle")
    for path, query in (("index.html", "garantie"), ("en/index.html", "guarantee")):
        page.goto(served_site.url + path)
        open_search(page, query)
    page.goto(served_site.url + "strand-3.html")
    page.locator(".dp-term a").first.hover()
    page.locator(".md-select").first.hover()
    page.get_by_role("link", name="English").click()
    page.wait_for_load_state("networkidle")
    outside = sorted({url for url in requests if not url.startswith(served_site.url) and not url.startswith("data:")})
    assert len(requests) > len(served_site.pages)
    assert outside == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_violation_on_any_page(browser, served_site, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    failures = {}
    for path in served_site.pages:
        page.goto(served_site.url + path)
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_WCAG_TAGS}})
        violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result.response["violations"]]
        if violations:
            failures[path] = violations
    context.close()
    assert failures == {}


def test_no_horizontal_scroll_on_a_phone_and_the_parallel_text_stacks(browser, served_site):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    too_wide = {}
    for path in served_site.pages:
        page.goto(served_site.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[path] = width
    page.goto(served_site.url + "text.html")
    row = page.locator(".dp-row").nth(5)
    french, english = row.locator(".dp-fr").bounding_box(), row.locator(".dp-en").bounding_box()
    context.close()
    assert too_wide == {}
    assert english["y"] >= french["y"] + french["height"] - 1  # stacked: English below French


def test_the_parallel_text_is_side_by_side_on_a_desktop(page, served_site):
    page.goto(served_site.url + "text.html")
    row = page.locator(".dp-row").nth(5)
    french, english = row.locator(".dp-fr").bounding_box(), row.locator(".dp-en").bounding_box()
    assert english["x"] > french["x"] + french["width"] - 1 and abs(english["y"] - french["y"]) < 2


def test_every_page_has_a_skip_link_and_a_visible_focus(page, served_site):
    page.goto(served_site.url + "strand-4.html")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement")
    skip = page.evaluate("[document.activeElement.className, document.activeElement.getAttribute('href')]")
    assert "md-skip" in skip[0] and skip[1].startswith("#")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", focused


@pytest.mark.parametrize("path", ["text.html", "strand-3.html", "en/strand-3.html"])
def test_pages_print_to_a4_without_the_site_chrome_and_with_link_targets(page, served_site, path, tmp_path):
    page.goto(served_site.url + path)
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".dp-links"):
        assert page.locator(chrome).first.evaluate("e => getComputedStyle(e).display") == "none", chrome
    link = page.locator(".md-typeset :is(p, li, td) a:not([href^='#']):not(.dp-term a)").first
    assert "(" in link.evaluate("e => getComputedStyle(e, '::after').content")
    row = page.locator(".dp-row").first
    french, english = row.locator(".dp-fr").bounding_box(), row.locator(".dp-en").bounding_box()
    assert english["x"] > french["x"] + french["width"] - 1  # both columns side by side on paper
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
