"""Glossary tooltips: a definition inside the window and beside the text, by mouse, touch and
keyboard; and, without scripts, a link to the glossary."""

from __future__ import annotations

import pytest

from reader import DESKTOP, NARROW_PHONE, PHONE, blank, every_case, phone

PAGES = ["index.html", "en/index.html", "strand-3.html", "en/strand-4.html"]


# A term's text, whether its definition shows (as Playwright's is_visible() sees it: rendered, of
# visibility visible, a box with an area) and the definition's box in the window (as
# bounding_box() gives it), asked of the page at once.
SHOWN = """term => {
  const tip = term.querySelector('.dp-tip'), box = tip.getBoundingClientRect();
  const visible = tip.checkVisibility() && getComputedStyle(tip).visibility === 'visible' && box.width > 0 && box.height > 0;
  return [term.querySelector('a').innerText, visible, {x: box.x, y: box.y, width: box.width, height: box.height}];
}"""


def inside(box, viewport) -> bool:
    return (box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= viewport["width"]
            and box["y"] + box["height"] <= viewport["height"])


def apart(box, other) -> bool:
    return (box["x"] + box["width"] <= other["x"] or other["x"] + other["width"] <= box["x"]
            or box["y"] + box["height"] <= other["y"] or other["y"] + other["height"] <= box["y"])


# Each viewport's pages in one page, every misplaced definition reported.
@pytest.mark.parametrize("viewport", [NARROW_PHONE, PHONE, DESKTOP], ids=["320", "390", "1280"])
def test_every_definition_shows_inside_the_window_and_never_over_the_table_of_contents(tab, served_site,
                                                                                         viewport):
    touch = viewport["width"] < 600
    page = phone(tab, viewport) if touch else tab(viewport=viewport)
    misplaced, counts = {}, {}
    for path in PAGES:
        page.goto(served_site.url + path)
        toc = page.locator(".md-sidebar--secondary .md-nav")
        toc_box = toc.bounding_box() if toc.is_visible() else None
        terms = page.locator(".dp-term")
        counts[path] = terms.count()
        for index in range(counts[path]):
            link = terms.nth(index).locator("a")
            if touch:
                link.tap()
            else:
                link.hover()
            term, visible, box = terms.nth(index).evaluate(SHOWN)
            if not visible or not inside(box, viewport) or (toc_box and not apart(box, toc_box)):
                misplaced[f"{path}: {term}"] = box
            page.keyboard.press("Escape")
    assert all(counts.values()) and misplaced == {}, {"terms by page": counts, "misplaced": misplaced}


def test_on_a_phone_the_first_tap_shows_the_definition_and_the_second_follows_it(tab, served_site):
    page = phone(tab)
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


def test_from_the_keyboard_enter_shows_the_definition_escape_closes_it_enter_again_follows(tab, served_site):
    page = tab(viewport=DESKTOP)
    def check(path):
        blank(page)
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

    every_case(["strand-1.html", "en/strand-1.html"], check)


def test_a_definition_shows_on_hover_lets_the_pointer_onto_it_and_closes_on_escape(tab, served_site):
    page = tab(viewport=DESKTOP)
    def check(case):
        lang, path = case
        blank(page)
        page.mouse.move(0, 0)
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

    every_case([("fr", "strand-1.html"), ("en", "en/strand-1.html")], check)


def test_without_scripts_a_term_shows_its_definition_on_focus_and_links_to_the_glossary(tab, served_site):
    page = tab(java_script_enabled=False)
    page.goto(served_site.url + "strand-1.html")
    term = page.locator(".dp-term").first
    link, tip = term.locator("a"), term.locator(".dp-tip")
    link.focus()
    assert tip.is_visible()
    link.click()
    page.wait_for_url("**/glossary.html#*")
