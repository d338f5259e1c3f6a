"""Glossary tooltips: a definition inside the window and beside the text, by mouse, touch and
keyboard; and, without scripts, a link to the glossary."""

from __future__ import annotations

import pytest

from reader import DESKTOP, NARROW_PHONE, PHONE, phone

PAGES = ["index.html", "en/index.html", "strand-3.html", "en/strand-4.html"]


def inside(box, viewport) -> bool:
    return (box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= viewport["width"]
            and box["y"] + box["height"] <= viewport["height"])


def apart(box, other) -> bool:
    return (box["x"] + box["width"] <= other["x"] or other["x"] + other["width"] <= box["x"]
            or box["y"] + box["height"] <= other["y"] or other["y"] + other["height"] <= box["y"])


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("viewport", [NARROW_PHONE, PHONE, DESKTOP], ids=["320", "390", "1280"])
def test_every_definition_shows_inside_the_window_and_never_over_the_table_of_contents(browser, served_site,
                                                                                         path, viewport):
    touch = viewport["width"] < 600
    page = phone(browser, viewport) if touch else browser.new_context(viewport=viewport).new_page()
    page.goto(served_site.url + path)
    toc = page.locator(".md-sidebar--secondary .md-nav")
    toc_box = toc.bounding_box() if toc.is_visible() else None
    misplaced = {}
    terms = page.locator(".dp-term")
    count = terms.count()
    for index in range(count):
        link, tip = terms.nth(index).locator("a"), terms.nth(index).locator(".dp-tip")
        if touch:
            link.tap()
        else:
            link.hover()
        box = tip.bounding_box()
        if not tip.is_visible() or not inside(box, viewport) or (toc_box and not apart(box, toc_box)):
            misplaced[link.inner_text()] = box
        page.keyboard.press("Escape")
    page.context.close()
    assert count > 0 and misplaced == {}


def test_on_a_phone_the_first_tap_shows_the_definition_and_the_second_follows_it(browser, served_site):
    page = phone(browser)
    page.goto(served_site.url + "strand-4.html")
    term = page.locator(".dp-term").first
    link, tip = term.locator("a"), term.locator(".dp-tip")
    target = link.get_attribute("href")
    link.tap()
    assert tip.is_visible() and page.url == served_site.url + "strand-4.html"
    page.locator("h1").tap()  # a tap elsewhere closes it
    assert tip.is_hidden()
    link.tap()
    assert tip.is_visible()
    link.tap()
    page.wait_for_url(served_site.url + target)
    assert page.locator("#" + target.split("#")[1]).is_visible()
    page.context.close()


@pytest.mark.parametrize("path", ["strand-1.html", "en/strand-1.html"])
def test_from_the_keyboard_enter_shows_the_definition_escape_closes_it_enter_again_follows(page, served_site, path):
    page.goto(served_site.url + path)
    term = page.locator(".dp-term").first
    link, tip = term.locator("a"), term.locator(".dp-tip")
    link.focus()
    page.keyboard.press("Enter")
    assert tip.is_visible() and page.url == served_site.url + path
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    assert page.evaluate("document.activeElement") == link.evaluate("e => e")
    page.keyboard.press("Enter")
    assert tip.is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url("**/glossary.html#*")


@pytest.mark.parametrize("lang, path", [("fr", "strand-1.html"), ("en", "en/strand-1.html")])
def test_a_definition_shows_on_hover_lets_the_pointer_onto_it_and_closes_on_escape(page, served_site, lang, path):
    page.goto(served_site.url + path)
    term = page.locator(".dp-term").first
    link, tip = term.locator("a"), term.locator(".dp-tip")
    assert tip.is_hidden()
    link.hover()
    assert tip.is_visible()
    assert tip.evaluate("e => e.closest('[lang]').lang") == lang
    start, end = link.bounding_box(), tip.bounding_box()
    page.mouse.move(end["x"] + 10, end["y"] + end["height"] / 2, steps=10)  # from the term onto its definition
    assert tip.is_visible()
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    page.mouse.move(0, 0)
    page.mouse.move(start["x"] + 2, start["y"] + start["height"] / 2)
    assert tip.is_visible()  # back on the term, the definition shows again
    page.mouse.move(0, 0)
    assert tip.is_hidden()


def test_without_scripts_a_term_shows_its_definition_on_focus_and_links_to_the_glossary(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site.url + "strand-1.html")
    term = page.locator(".dp-term").first
    link, tip = term.locator("a"), term.locator(".dp-tip")
    link.focus()
    assert tip.is_visible()
    link.click()
    page.wait_for_url("**/glossary.html#*")
    context.close()
