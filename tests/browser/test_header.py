"""The header from the first paint: on a phone, search and the palette toggle are there and work
on the first tap, before Material's script has arrived (it loads on the first interaction,
on-interaction.js); the closed drawer and the closed search take no Tab stop."""

from __future__ import annotations

import pytest

from reader import DESKTOP, PHONE, phone

BUNDLE = "**/assets/javascripts/bundle.*.min.js"


def held_back(page) -> list:
    """Material's script, asked for on the first interaction, is held back until the test lets it
    through (route.continue_()): what the reader gets before it arrives."""
    held = []
    page.route(BUNDLE, lambda route: held.append(route))
    return held


def test_on_a_phone_the_first_tap_on_search_opens_it_before_material_s_script(new_page, served_site):
    page = phone(new_page)
    held = held_back(page)
    page.goto(served_site.url + "strand-3.html")
    button = page.locator(".md-header__button[for=__search]")
    assert button.is_visible()
    button.tap()
    field = page.locator(".md-search__input")
    assert field.is_visible() and page.evaluate("document.activeElement") == field.evaluate("e => e")
    assert held and page.locator("html").get_attribute("data-dp-material") is None  # still on its way
    page.keyboard.type("garantie", delay=20)
    held[0].continue_()
    page.wait_for_selector(".md-search-result__item", timeout=10_000)  # the query typed meanwhile, answered
    assert field.input_value() == "garantie"


@pytest.mark.parametrize("scheme, palette, other", [("light", "default", "slate"), ("dark", "slate", "default")])
def test_on_a_phone_the_first_tap_on_the_palette_toggle_switches_it_before_material_s_script(
        new_page, served_site, scheme, palette, other):
    page = phone(new_page, color_scheme=scheme)
    held = held_back(page)
    page.goto(served_site.url + "en/strand-3.html")
    body = page.locator("body")
    toggles = page.locator("[data-md-component=palette] label")
    assert body.get_attribute("data-md-color-scheme") == palette
    assert len([toggle for toggle in toggles.all() if toggle.is_visible()]) == 1
    next(toggle for toggle in toggles.all() if toggle.is_visible()).tap()
    assert body.get_attribute("data-md-color-scheme") == other
    assert held and page.locator("html").get_attribute("data-dp-material") is None
    held[0].continue_()
    page.wait_for_selector("html[data-dp-material=ready]", state="attached")
    assert body.get_attribute("data-md-color-scheme") == other  # Material mounts on the reader's choice
    assert len([toggle for toggle in toggles.all() if toggle.is_visible()]) == 1
    page.reload()
    assert body.get_attribute("data-md-color-scheme") == other


def tab_stops(page, until: str, limit: int = 80) -> list[str]:
    """What each press of Tab reaches, from the top of the page until the first element matching
    `until`: where it is (the drawer, the search, elsewhere) and whether it is on the screen."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        where = page.evaluate("""until => {
            const focused = document.activeElement;
            if (focused.matches(until)) return null;
            // Material's palette options are drawn by their labels, which show their focus.
            const drawn = focused.matches('.md-option') ? focused.nextElementSibling : focused;
            const box = drawn.getBoundingClientRect();
            const seen = box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth;
            const part = focused.closest('.md-sidebar--primary') ? 'drawer'
                : focused.closest('.md-search__output') ? 'search results' : 'page';
            return `${part} ${seen ? 'seen' : 'unseen'}`;
        }""", until)
        if where is None:
            return stops
        stops.append(where)
    raise AssertionError(f"no {until} within {limit} presses of Tab")


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1024, "height": 768}, DESKTOP], ids=["phone", "tablet", "desktop"])
def test_tab_reaches_only_what_is_on_the_screen_the_closed_drawer_takes_none(tab, served_site, viewport):
    page = tab(viewport=viewport)
    page.goto(served_site.url + "strand-4.html")
    stops = tab_stops(page, "article a[href^='glossary.html']")
    assert stops and set(stops) <= {"page seen", "drawer seen"}
    if viewport["width"] < 1220:  # where the navigation is a drawer, off the screen until opened
        assert "drawer seen" not in stops


def test_an_open_drawer_takes_the_tab_stops_of_its_links(tab, served_site):
    page = phone(tab)
    page.goto(served_site.url + "strand-4.html")
    page.locator(".md-header label[for=__drawer]").tap()
    page.wait_for_function("() => getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility === 'visible'")
    stops = tab_stops(page, "article a[href^='glossary.html']")
    assert "drawer seen" in stops


@pytest.mark.parametrize("path, short", [("strand-3.html", "Déclaration de Paris"), ("en/strand-3.html", "Paris declaration")])
def test_a_phone_s_header_shows_the_short_name_whole_and_a_desktop_s_the_long_one(tab, served_site, path, short):
    shown = """() => [...document.querySelectorAll('.md-header__topic:first-child [class^=dp-name]')]
        .filter(name => name.checkVisibility()).map(name => {
            const box = name.closest('.md-ellipsis') || name.parentElement;
            return [name.textContent, box.scrollWidth <= box.clientWidth];
        })"""
    long = {"strand-3.html": "La déclaration de Paris expliquée", "en/strand-3.html": "The Paris declaration explained"}
    for viewport, name in ((PHONE, short), (DESKTOP, long[path])):
        page = tab(viewport=viewport)
        page.goto(served_site.url + path)
        assert page.evaluate(shown) == [[name, True]], viewport  # the one name shown, not cut by an ellipsis
