"""What a reader does, in a real browser (Debian's Chromium), on the site served on 127.0.0.1."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from reader import DESKTOP, blank, every_case, phone, wait_for_material
from scripts.local_site import axe_context, axe_violations

PHONE = {"width": 360, "height": 740}
SEARCHES = {"fr": ("garantie", "garanties"), "en": ("guarantee", "guarantees")}


def open_search(page, query):
    wait_for_material(page)
    page.locator(".md-search__input").click()
    # Typed key by key, as a reader does: Material searches on key events, not on `fill`.
    page.locator(".md-search__input").press_sequentially(query, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")


def test_the_language_switcher_lands_on_the_counterpart(tab, served_site):
    page = tab(viewport=DESKTOP)
    page.goto(served_site.url + "strand-2.html")
    page.locator(".md-select").first.hover()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(served_site.url + "en/strand-2.html")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-select").first.hover()
    page.get_by_role("link", name="Français").click()
    page.wait_for_url(served_site.url + "strand-2.html")
    assert page.locator("html").get_attribute("lang") == "fr"


def test_switching_language_keeps_the_reader_s_place(tab, served_site):
    page = tab(viewport=DESKTOP)
    def check(case):
        path, anchor = case
        other = path.removeprefix("en/") if path.startswith("en/") else "en/" + path
        blank(page)
        page.goto(f"{served_site.url}{path}#{anchor}")
        page.locator(".md-select").first.hover()
        page.get_by_role("link", name="Français" if path.startswith("en/") else "English").click()
        page.wait_for_url(f"{served_site.url}{other}#{anchor}")
        target = page.locator("#" + anchor).bounding_box()
        assert page.evaluate("scrollY") > 0 and 0 <= target["y"] < page.viewport_size["height"] / 2

    every_case([("strand-3.html", "left-open"), ("text.html", "strand-4-item-2"), ("en/text.html", "strand-4-item-2")],
               check)


def test_switching_language_after_following_a_link_within_the_page_keeps_the_new_place(tab, served_site):
    page = tab(viewport=DESKTOP)
    page.goto(served_site.url + "strand-3.html")
    page.locator(".md-sidebar--secondary a[href='#left-open']").click()
    page.locator(".md-select").first.hover()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(served_site.url + "en/strand-3.html#left-open")


HEADER_BOXES = """[...document.querySelectorAll('.md-header__inner > *')].map(element => {
    const box = element.getBoundingClientRect();
    return `${element.className} ${box.x} ${box.width}`;
})"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_header_stays_put_when_material_s_script_arrives(tab, served_site, viewport):
    # The script arrives on the first interaction, often a pointer on its way to the language
    # switcher: were the search field and palette toggle to appear then, the switcher would move.
    page = tab(viewport=viewport)
    page.goto(served_site.url + "strand-2.html")
    before = page.evaluate(HEADER_BOXES)
    assert page.locator("html").get_attribute("data-dp-material") is None  # before is before the script
    wait_for_material(page)
    after = page.evaluate(HEADER_BOXES)
    assert "md-search" in " ".join(after) and after == before


def test_search_in_french_finds_inflected_forms_and_only_french_pages(tab, served_site):
    page = tab(viewport=DESKTOP)
    page.goto(served_site.url + "index.html")
    query, inflected = SEARCHES["fr"]
    results = open_search(page, query)
    assert results and not any("/en/" in url for url in results)
    assert inflected in page.locator(".md-search-result").inner_text().lower()


def test_search_in_english_returns_only_english_pages(tab, served_site):
    page = tab(viewport=DESKTOP)
    page.goto(served_site.url + "en/index.html")
    query, inflected = SEARCHES["en"]
    results = open_search(page, query)
    assert results and all(url.startswith(served_site.url + "en/") for url in results)
    assert inflected in page.locator(".md-search-result").inner_text().lower()


# What the palette script does for a reader whose system is in that scheme; resolved when the
# colours' transitions (125 ms in Material) have ended, so that axe measures the final colours:
# they are run to their end at once (finish()), rather than waited for.
SET_PALETTE = """scheme => {
  if (document.body.getAttribute("data-md-color-scheme") !== scheme) {
    document.body.setAttribute("data-md-color-scheme", scheme);
  }
  const animations = document.getAnimations();
  animations.forEach(animation => animation.finish());
  return Promise.all(animations.map(animation => animation.finished));
}"""


@dataclass
class Reading:
    requests: list[str]  # every URL the pages asked for
    violations: dict[str, list]  # axe's, by page and palette
    console_errors: list[str]  # what the browser reported, Content-Security-Policy violations included


def read_every_page(browser, served_site, lang: str) -> Reading:
    """Every page of a language loaded once and checked by axe in the light palette, then in the
    dark one (set as the palette script sets it, once the colours' transitions have ended), every
    request recorded on the way: listened to, not routed (a route would turn the browser's cache
    off), and nothing waits for the network to go idle, since pages ask for nothing after their
    load event until the reader interacts."""
    reading = Reading([], {}, [])
    context = axe_context(browser, color_scheme="light")
    page = context.new_page()
    page.on("request", lambda request: reading.requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and reading.console_errors.append(message.text))
    for path in served_site.pages_in(lang):
        page.goto(served_site.url + path)
        for scheme in ("default", "slate"):
            page.evaluate(SET_PALETTE, scheme)
            found = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in axe_violations(page)]
            if found:
                reading.violations[f"{path} ({scheme})"] = found
    context.close()
    return reading


def _record(route, requests: list[str], site: str) -> None:
    """Every request a page makes passes here, answered or not: nothing needs to go idle."""
    requests.append(route.request.url)
    if route.request.url.startswith((site, "data:")):
        route.continue_()
    else:
        route.abort()


# One language's pages read once (most of the browser's time, spent waiting on axe), and all
# that the reading must show checked of it, every failure reported: one test for each language,
# so that the two run on both workers at once (conftest.py starts them first).
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_page_passes_axe_in_either_palette_breaks_no_policy_and_requests_nothing_from_elsewhere(
        browser, served_site, lang):
    reading = read_every_page(browser, served_site, lang)
    outside = sorted({url for url in reading.requests if not url.startswith((served_site.url, "data:"))})
    failures = {
        # axe finds no WCAG violation on any page in either palette;
        "axe's violations": reading.violations,
        # no page breaks its own Content-Security-Policy or logs an error;
        "console errors": reading.console_errors,
        # no page requests anything from elsewhere (the pages were read, and what they load).
        "requests from elsewhere": outside,
        "too few requests to have read the pages": len(reading.requests) <= 2 * len(served_site.pages_in(lang)),
    }
    assert not any(failures.values()), {name: failure for name, failure in failures.items() if failure}


def test_searching_hovering_and_switching_language_request_nothing_from_elsewhere(page, served_site):
    requests, errors = [], []
    page.route("**/*", lambda route: _record(route, requests, served_site.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    for path, query in (("index.html", "garantie"), ("en/index.html", "guarantee")):
        page.goto(served_site.url + path)
        open_search(page, query)
    page.goto(served_site.url + "strand-3.html")
    page.locator(".dp-term a").first.hover()
    page.locator(".md-select").first.hover()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(served_site.url + "en/strand-3.html")
    assert any("search_index.json" in url for url in requests)
    assert sorted({url for url in requests if not url.startswith((served_site.url, "data:"))}) == []
    assert errors == []  # Material's script and search worker live within the policy


INJECTED = ("<img src=\"missing.png\" onerror=\"document.documentElement.dataset.ran = 'handler'\">"
            "<script>document.documentElement.dataset.ran = 'script'</script>"
            "<a id=\"injected\" href=\"javascript:document.documentElement.dataset.ran = 'link'\">x</a>"
            "<img id=\"tracker\" src=\"https://tracker.example/pixel.gif\">")


def test_a_handler_injected_into_a_built_page_does_not_run(page, served_site):
    """Whatever slips past the checks into a page, the page's own policy keeps from running."""
    built = served_site.root / "strand-1.html"
    (served_site.root / "injected.html").write_text(
        built.read_text(encoding="utf-8").replace("<article", INJECTED + "<article", 1), encoding="utf-8")
    blocked, answered = [], []
    page.on("console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text))
    page.on("response", lambda response: answered.append(response.url))
    page.goto(served_site.url + "injected.html")
    page.locator("#injected").click()
    assert page.locator("html").get_attribute("data-ran") is None
    assert len(blocked) == 4  # the handler, the script, the javascript: link, the image from elsewhere
    assert not any("tracker.example" in url for url in answered)


@pytest.mark.parametrize("scheme, palette", [("light", "default"), ("dark", "slate")])
def test_pages_take_the_reader_s_system_palette_from_the_first_paint(tab, served_site, scheme, palette):
    page = tab(viewport=DESKTOP, color_scheme=scheme)
    for path in ("index.html", "en/strand-3.html"):
        page.goto(served_site.url + path)
        assert page.locator("body").get_attribute("data-md-color-scheme") == palette, path


def test_no_horizontal_scroll_on_a_phone_and_the_parallel_text_stacks(tab, served_site):
    page = phone(tab, PHONE)
    too_wide = {}
    for path in served_site.pages:
        page.goto(served_site.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[path] = width
    page.goto(served_site.url + "en/text.html")
    row = page.locator(".dp-row").nth(5)
    french, english = row.locator(".dp-original").bounding_box(), row.locator(".dp-translation").bounding_box()
    assert too_wide == {}
    assert english["y"] >= french["y"] + french["height"] - 1  # stacked: English below French


def test_the_parallel_text_is_side_by_side_on_a_desktop(tab, served_site):
    page = tab(viewport=DESKTOP)
    page.goto(served_site.url + "en/text.html")
    row = page.locator(".dp-row").nth(5)
    french, english = row.locator(".dp-original").bounding_box(), row.locator(".dp-translation").bounding_box()
    assert english["x"] > french["x"] + french["width"] - 1 and abs(english["y"] - french["y"]) < 2


def test_every_page_has_a_skip_link_and_a_visible_focus(tab, served_site):
    page = tab(viewport=DESKTOP)
    page.goto(served_site.url + "strand-4.html")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement")
    skip = page.evaluate("[document.activeElement.className, document.activeElement.getAttribute('href')]")
    assert "md-skip" in skip[0] and skip[1].startswith("#")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", focused


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_page_s_title_is_in_the_full_colour_and_weight_of_the_text(tab, served_site, scheme):
    page = tab(viewport=DESKTOP, color_scheme=scheme)
    page.goto(served_site.url + "strand-3.html")
    title, text = (page.locator(selector).first.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).fontWeight]")
                   for selector in ("h1", ".md-content__inner > p"))
    assert title[0] == text[0] and int(title[1]) >= 600


def test_on_a_phone_a_table_is_a_card_per_row_each_cell_labelled_with_its_column(tab, served_site):
    page = phone(tab)

    def check(path):
        page.goto(served_site.url + path)
        table = page.locator(".md-content table").first
        headings = table.locator("th").all_inner_texts()
        cards = page.evaluate("""table => [...table.querySelectorAll('tbody tr')].map(row => [...row.cells].map(cell => {
            const box = cell.getBoundingClientRect();
            return [getComputedStyle(cell, '::before').content.replace(/^"|"$/g, ''), Math.round(box.x), Math.round(box.width)];
        }))""", table.element_handle())
        width = table.bounding_box()["width"]
        assert cards and all([label for label, _, _ in card] == headings for card in cards)
        assert all(len({x for _, x, _ in card}) == 1 and min(w for _, _, w in card) > width - 40 for card in cards)

    every_case(["index.html", "en/index.html"], check)


def test_context_boxes_footnotes_and_sources_read_at_no_less_than_0_85_of_the_text(tab, served_site):
    page = tab(viewport=DESKTOP)
    sizes = {}
    for path in ("index.html", "en/strand-3.html", "about.html"):
        page.goto(served_site.url + path)
        sizes.update(page.evaluate("""() => {
            const size = element => parseFloat(getComputedStyle(element).fontSize);
            const text = size(document.querySelector('.md-content__inner > p'));
            const small = '.admonition p:not(.admonition-title), .admonition li, .footnote li, .dp-sources li';
            return Object.fromEntries([...document.querySelectorAll(small)].map(element =>
                [location.pathname + ' ' + element.textContent.slice(0, 40), size(element) / text]));
        }"""))
    assert sizes and min(sizes.values()) >= 0.85
