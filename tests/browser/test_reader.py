"""What a reader does, in a real browser (Debian's Chromium), on the site served on 127.0.0.1."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from scripts.local_site import axe_context, axe_violations

PHONE = {"width": 360, "height": 740}
SEARCHES = {"fr": ("garantie", "garanties"), "en": ("guarantee", "guarantees")}


def wait_for_material(page):
    """Material's script loads on the reader's first interaction; on-interaction.js says when it is ready."""
    page.mouse.move(5, 5)
    page.wait_for_selector("html[data-dp-material=ready]", state="attached")


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


HEADER_BOXES = """[...document.querySelectorAll('.md-header__inner > *')].map(element => {
    const box = element.getBoundingClientRect();
    return `${element.className} ${box.x} ${box.width}`;
})"""


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE], ids=["desktop", "phone"])
def test_the_header_stays_put_when_material_s_script_arrives(browser, served_site, viewport):
    # The script arrives on the first interaction, often a pointer on its way to the language
    # switcher: were the search field and palette toggle to appear then, the switcher would move.
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(served_site.url + "strand-2.html")
    before = page.evaluate(HEADER_BOXES)
    wait_for_material(page)
    after = page.evaluate(HEADER_BOXES)
    context.close()
    assert "md-search" in " ".join(after) and after == before


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


# What the palette script does for a reader whose system is in that scheme; resolved when the
# colours' transitions (125 ms in Material) have ended, so that axe measures the final colours.
SET_PALETTE = """scheme => {
  if (document.body.getAttribute("data-md-color-scheme") !== scheme) {
    document.body.setAttribute("data-md-color-scheme", scheme);
  }
  return Promise.all(document.getAnimations().map(animation => animation.finished));
}"""


@dataclass
class Reading:
    requests: list[str]  # every URL the pages asked for
    violations: dict[str, list]  # axe's, by page and palette
    console_errors: list[str]  # what the browser reported, Content-Security-Policy violations included


# Each language's pages are read in a group of their own, so that the two halves of the sweep
# (most of the browser's time, spent waiting on axe) run on both workers at once.
BY_LANGUAGE = [pytest.param(lang, marks=pytest.mark.xdist_group(f"reading-{lang}"), id=lang) for lang in ("fr", "en")]


@pytest.fixture(scope="session")
def readings(browser, served_site) -> dict[str, Reading]:
    """Each language's pages, read once per session (see read_every_page), by language."""
    return {}


def read_every_page(readings: dict, lang: str, browser, served_site) -> Reading:
    """Every page of a language loaded once and checked by axe in the light palette, then in the
    dark one (set as the palette script sets it, once the colours' transitions have ended), every
    request recorded on the way: listened to, not routed (a route would turn the browser's cache
    off), and nothing waits for the network to go idle, since pages ask for nothing after their
    load event until the reader interacts."""
    if lang in readings:
        return readings[lang]
    reading = readings[lang] = Reading([], {}, [])
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


@pytest.mark.parametrize("lang", BY_LANGUAGE)
def test_axe_finds_no_wcag_violation_on_any_page_in_either_palette(readings, lang, browser, served_site):
    assert read_every_page(readings, lang, browser, served_site).violations == {}


@pytest.mark.parametrize("lang", BY_LANGUAGE)
def test_no_page_breaks_its_own_content_security_policy_or_logs_an_error(readings, lang, browser, served_site):
    assert read_every_page(readings, lang, browser, served_site).console_errors == []


@pytest.mark.parametrize("lang", BY_LANGUAGE)
def test_no_page_requests_anything_from_elsewhere(readings, lang, browser, served_site):
    reading = read_every_page(readings, lang, browser, served_site)
    outside = sorted({url for url in reading.requests if not url.startswith((served_site.url, "data:"))})
    assert len(reading.requests) > 2 * len(served_site.pages_in(lang))  # pages, and what they load
    assert outside == []


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
def test_pages_take_the_reader_s_system_palette_from_the_first_paint(browser, served_site, scheme, palette):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    for path in ("index.html", "en/strand-3.html"):
        page.goto(served_site.url + path)
        assert page.locator("body").get_attribute("data-md-color-scheme") == palette, path
    context.close()


def test_no_horizontal_scroll_on_a_phone_and_the_parallel_text_stacks(browser, served_site):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    too_wide = {}
    for path in served_site.pages:
        page.goto(served_site.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[path] = width
    page.goto(served_site.url + "en/text.html")
    row = page.locator(".dp-row").nth(5)
    french, english = row.locator(".dp-original").bounding_box(), row.locator(".dp-translation").bounding_box()
    context.close()
    assert too_wide == {}
    assert english["y"] >= french["y"] + french["height"] - 1  # stacked: English below French


def test_the_parallel_text_is_side_by_side_on_a_desktop(page, served_site):
    page.goto(served_site.url + "en/text.html")
    row = page.locator(".dp-row").nth(5)
    french, english = row.locator(".dp-original").bounding_box(), row.locator(".dp-translation").bounding_box()
    assert english["x"] > french["x"] + french["width"] - 1 and abs(english["y"] - french["y"]) < 2


def test_every_page_has_a_skip_link_and_a_visible_focus(page, served_site):
    page.goto(served_site.url + "strand-4.html")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement")
    skip = page.evaluate("[document.activeElement.className, document.activeElement.getAttribute('href')]")
    assert "md-skip" in skip[0] and skip[1].startswith("#")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", focused


@pytest.mark.parametrize("path", ["en/text.html", "strand-3.html", "en/strand-3.html"])
def test_pages_print_to_a4_without_the_site_chrome_and_with_link_targets(page, served_site, path, tmp_path):
    page.goto(served_site.url + path)
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".dp-links"):
        assert page.locator(chrome).first.evaluate("e => getComputedStyle(e).display") == "none", chrome
    link = page.locator(".md-typeset :is(p, li, td) a:not([href^='#']):not(.dp-term a)").first
    assert "(" in link.evaluate("e => getComputedStyle(e, '::after').content")
    row = page.locator(".dp-row").first
    if path.startswith("en/"):
        french, english = row.locator(".dp-original").bounding_box(), row.locator(".dp-translation").bounding_box()
        assert english["x"] > french["x"] + french["width"] - 1  # both columns side by side on paper
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000


# What the cite controls of the full text say, in each language (interface.*.yml: cite.*).
COPIED = {"fr": ("Lien copié", "Citation copiée"), "en": ("Link copied", "Citation copied")}
PASSAGE_LABEL = {"fr": "Volet 3, texte", "en": "Strand 3, text"}


@pytest.mark.parametrize("lang, path", [("fr", "text.html"), ("en", "en/text.html")])
def test_a_passage_s_link_and_citation_copy_to_the_clipboard_from_the_keyboard(browser, served_site, lang, path):
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(served_site.url + path)
    row = page.locator("#strand-3-text")
    announce = page.locator(".dp-announce")
    link_copied, citation_copied = COPIED[lang]

    copy_link = row.locator("button[data-dp-copy=link]")
    copy_link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("done => document.querySelector('.dp-announce').textContent === done", arg=link_copied)
    assert page.evaluate("navigator.clipboard.readText()") == f"{served_site.url}{path}#strand-3-text"
    assert copy_link.text_content() == link_copied and announce.get_attribute("role") == "status"

    summary = row.locator(".dp-cite summary")
    summary.focus()
    page.keyboard.press("Enter")
    citation = row.locator(".dp-citation")
    assert citation.is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.dpCopy") == "citation"
    page.keyboard.press("Space")
    page.wait_for_function("done => document.querySelector('.dp-announce').textContent === done", arg=citation_copied)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == citation.text_content()
    assert PASSAGE_LABEL[lang] in copied and f"{served_site.url}{path}#strand-3-text" in copied
    assert errors == []
    context.close()


def test_without_javascript_a_passage_keeps_its_link_and_its_citation(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site.url + "en/text.html")
    row = page.locator("#strand-3-text")
    assert row.locator(".dp-permalink").get_attribute("href") == "#strand-3-text"
    assert row.locator("button[data-dp-copy]").evaluate_all("buttons => buttons.every(b => !b.checkVisibility())")
    row.locator(".dp-cite summary").click()
    assert row.locator(".dp-citation").is_visible()
    context.close()


def test_every_passage_of_the_full_text_has_its_copy_and_cite_controls(page, served_site):
    for path in ("text.html", "en/text.html"):
        page.goto(served_site.url + path)
        counts = page.evaluate("""() => [...document.querySelectorAll('.dp-row')].map(row => [
            row.id, row.querySelectorAll('.dp-permalink[href="#' + row.id + '"]').length,
            row.querySelectorAll('button[data-dp-copy]:not([hidden])').length,
            row.querySelector('.dp-citation').textContent.includes(location.href.split('#')[0] + '#' + row.id)])""")
        assert len(counts) == 27 and all(count[1:] == [1, 2, True] for count in counts), path
