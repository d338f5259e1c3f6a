"""The full text as a reading page: its parts, the reader's choice of language, one quiet control
per passage (its menu: permanent link, copy, citation, explanation), on a phone as on a desktop."""

from __future__ import annotations

import pytest

from reader import DESKTOP, PHONE, blank, every_case, phone

TEXTS = [("fr", "text.html"), ("en", "en/text.html")]
PARTS = {"fr": ["Préambule", "Volet 1", "Volet 2", "Volet 3", "Volet 4", "Volet 5", "Décision finale"],
         "en": ["Preamble", "Strand 1", "Strand 2", "Strand 3", "Strand 4", "Strand 5", "Closing decision"]}
# What the copy buttons say once done, in each language (interface.*.yml: cite.*).
COPIED = {"fr": ("Lien copié", "Citation copiée"), "en": ("Link copied", "Citation copied")}
PASSAGE_LABEL = {"fr": "Volet 3, texte", "en": "Strand 3, text"}
ROWS, LABELLED_ROWS = 27, 15  # the text's lines; those that are not list items, each a passage with its label

# Where the focus is, in terms of the full text: the label of the passage it is in (a row and the
# list items that follow it, which have no control of their own), and whether it is the official
# version's note (a note of the translation, not a control of the passage); or "after", once
# past the last passage.
FOCUS_IN_TEXT = """() => {
  const focused = document.activeElement;
  const passages = document.querySelectorAll('.dp-passage');
  const last = passages[passages.length - 1];
  if (last.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING && !last.contains(focused)) return 'after';
  let row = focused.closest('.dp-row');
  if (!row) return null;
  while (row.classList.contains('dp-item')) {
    row = row.parentElement.previousElementSibling;
  }
  const label = row.querySelector('.dp-passage-label').textContent;
  return focused.closest('.dp-official') ? label + ' (official version)' : label;
}"""


@pytest.mark.parametrize("lang, path", TEXTS)
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_each_passage_takes_one_tab_stop_its_menu(tab, served_site, lang, path, viewport):
    page = tab(viewport=viewport)
    page.goto(served_site.url + path)
    stops = []
    for _ in range(4 * ROWS):  # far more than the stops there are: a focus trap fails, never hangs
        if (where := page.evaluate(FOCUS_IN_TEXT)) == "after":
            break
        if where:
            stops.append(where)
        page.keyboard.press("Tab")
    else:
        raise AssertionError(f"Tab never left the text: {stops[-5:]}")
    controls = [stop for stop in stops if not stop.endswith("(official version)")]
    assert len(controls) == LABELLED_ROWS and len(set(controls)) == LABELLED_ROWS  # one each, menus closed
    assert len(stops) - len(controls) < LABELLED_ROWS  # the official version's notes, where it differs


def test_the_parts_are_labelled_by_the_site_and_listed_in_the_table_of_contents(tab, served_site):
    page = tab(viewport=DESKTOP)
    def check(text):
        lang, path = text
        blank(page)
        page.goto(served_site.url + path)
        toc = page.locator(".md-sidebar--secondary .md-nav__link")
        headings = page.locator("h2.dp-part").evaluate_all("headings => headings.map(h => h.firstChild.textContent)")
        assert [entry for entry in toc.all_inner_texts() if entry in PARTS[lang]] == PARTS[lang] == headings
        toc.get_by_text(PARTS[lang][3], exact=True).click()
        heading = page.locator("h2.dp-part").nth(3).bounding_box()
        header = page.locator(".md-header").bounding_box()
        assert page.url.endswith("#part-strand-3")
        assert header["y"] + header["height"] <= heading["y"] < DESKTOP["height"] / 2

    every_case(TEXTS, check)


def test_on_a_phone_a_jump_bar_under_the_header_leads_to_each_part(tab, served_site):
    page = phone(tab)

    def check(text):
        lang, path = text
        blank(page)
        page.goto(served_site.url + path)
        bar = page.locator(".dp-jump")
        page.locator("#part-preamble").scroll_into_view_if_needed()
        assert bar.is_visible()
        bar.get_by_role("link").nth(4).tap()
        page.wait_for_url("**#part-strand-4")
        header, bar_box = page.locator(".md-header").bounding_box(), bar.bounding_box()
        heading = page.locator("#part-strand-4").bounding_box()
        assert bar_box["y"] == pytest.approx(header["y"] + header["height"], abs=1)  # it stays under the header
        assert bar_box["y"] + bar_box["height"] <= heading["y"] < PHONE["height"] / 2  # the part is not under it
        sizes = bar.get_by_role("link").evaluate_all(
            "links => links.map(link => [link.getBoundingClientRect().width, link.getBoundingClientRect().height])")
        assert sizes and all(width >= 24 and height >= 24 for width, height in sizes), sizes

    every_case(TEXTS, check)


# The height the English full text takes on a phone (from its jump bar to its last passage),
# against that of the text itself (the blocks of words of its passages, in both languages).
HEIGHTS = """() => {
  const texts = [...document.querySelectorAll('.dp-passage .dp-text')].filter(text => text.checkVisibility());
  const words = texts.reduce((sum, text) => sum + text.getBoundingClientRect().height, 0);
  const passages = document.querySelectorAll('.dp-passage');
  const top = document.querySelector('.dp-jump').getBoundingClientRect().top;
  return [passages[passages.length - 1].getBoundingClientRect().bottom - top, words];
}"""


@pytest.mark.parametrize("scripts", [True, False], ids=["with-scripts", "without-scripts"])
def test_the_english_full_text_on_a_phone_is_mostly_text(tab, served_site, scripts):
    page = phone(tab, java_script_enabled=scripts)
    page.goto(served_site.url + "en/text.html")
    height, words = page.evaluate(HEIGHTS)
    assert height <= 1.3 * words


CHOICE = ".dp-choice button"
SHOWN = """() => [...document.querySelectorAll('.dp-passage--2 .dp-row')].map(row => [
  row.querySelector('.dp-original').checkVisibility(), row.querySelector('.dp-translation').checkVisibility()])"""


def shown(page) -> set[tuple[bool, bool]]:
    """Which of the French and the translation every bilingual row shows, as one pair if all agree."""
    return {tuple(pair) for pair in page.evaluate(SHOWN)}


def test_the_reader_s_choice_of_language_is_kept_across_pages(tab, served_site):
    page = tab(viewport=DESKTOP)
    page.goto(served_site.url + "en/text.html")
    assert shown(page) == {(True, True)}
    assert page.locator(CHOICE, has_text="Both").get_attribute("aria-pressed") == "true"
    page.locator(CHOICE, has_text="English").click()
    assert shown(page) == {(False, True)}
    page.goto(served_site.url + "en/strand-3.html")
    assert shown(page) == {(False, True)}
    assert page.locator(CHOICE, has_text="English").get_attribute("aria-pressed") == "true"
    page.locator(CHOICE, has_text="French").click()
    page.goto(served_site.url + "en/text.html")
    assert shown(page) == {(True, False)}
    page.locator(CHOICE, has_text="Both").click()
    page.reload()
    assert shown(page) == {(True, True)}


def test_without_scripts_both_languages_are_shown_and_no_choice_offered(tab, served_site):
    page = tab(java_script_enabled=False)
    page.goto(served_site.url + "en/text.html")
    assert shown(page) == {(True, True)}
    assert page.locator(".dp-choice").is_hidden()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_each_block_says_its_language_and_the_page_s_is_never_faded(tab, served_site, scheme):
    page = phone(tab, color_scheme=scheme)
    page.goto(served_site.url + "en/strand-4.html")
    blocks = page.locator(".dp-passage--2 .dp-col")
    labels = page.evaluate("""() => [...document.querySelectorAll('.dp-passage--2 .dp-col')].map(column => {
        const label = column.querySelector('.dp-label');
        return label.checkVisibility() ? label.textContent : null })""")
    assert blocks.count() > 0 and set(labels) == {"French", "English: this site’s translation"}
    text, *translation = page.evaluate("""() => [document.querySelector('.md-content__inner > p'),
        ...document.querySelectorAll('.dp-translation .dp-text')].map(element => getComputedStyle(element).color)""")
    assert translation and set(translation) == {text}


def test_a_passage_s_menu_copies_its_link_and_citation_from_the_keyboard(new_page, served_site):
    page = new_page(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))

    def check(text):
        lang, path = text
        errors.clear()
        blank(page)
        page.goto(served_site.url + path)
        row = page.locator("#strand-3-text")
        summary = row.locator(".dp-actions summary")
        link_copied, citation_copied = COPIED[lang]
        assert summary.inner_text() == PASSAGE_LABEL[lang]
        assert row.locator(".dp-citation").is_hidden()

        summary.focus()
        page.keyboard.press("Enter")
        assert row.locator(".dp-citation").is_visible()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('dp-permalink')")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.wait_for_function("done => document.querySelector('.dp-announce').textContent === done", arg=link_copied)
        assert page.evaluate("navigator.clipboard.readText()") == f"{served_site.url}{path}#strand-3-text"
        assert row.locator("button[data-dp-copy=link]").text_content() == link_copied

        page.keyboard.press("Tab")
        page.keyboard.press("Space")
        page.wait_for_function("done => document.querySelector('.dp-announce').textContent === done",
                               arg=citation_copied)
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == row.locator(".dp-citation").text_content()
        assert PASSAGE_LABEL[lang] in copied and f"{served_site.url}{path}#strand-3-text" in copied

        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.getAttribute('href')").endswith("strand-3.html#strand-3-text")
        page.keyboard.press("Escape")
        assert row.locator(".dp-citation").is_hidden()
        assert page.evaluate("document.activeElement") == summary.evaluate("e => e")
        assert errors == []

    every_case(TEXTS, check)


def test_where_the_clipboard_refuses_the_link_is_selected_to_copy_by_hand(page, served_site):
    page.add_init_script("navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused'))")
    page.goto(served_site.url + "en/text.html")
    row = page.locator("#strand-3-text")
    row.locator(".dp-actions summary").click()
    row.locator("button[data-dp-copy=link]").click()
    page.wait_for_function("() => getSelection().toString() !== ''")
    assert page.evaluate("getSelection().toString()") == f"{served_site.url}en/text.html#strand-3-text"


def test_without_scripts_a_passage_s_menu_holds_its_link_and_its_citation(tab, served_site):
    page = tab(java_script_enabled=False)
    page.goto(served_site.url + "en/text.html")
    row = page.locator("#strand-3-text")
    row.locator(".dp-actions summary").click()
    assert row.locator(".dp-permalink").is_visible()
    assert row.locator(".dp-permalink").get_attribute("href") == "#strand-3-text"
    assert f"{served_site.url}en/text.html#strand-3-text" in row.locator(".dp-citation").inner_text()
    assert row.locator("button[data-dp-copy]").evaluate_all("buttons => buttons.every(b => !b.checkVisibility())")


def test_every_passage_s_menu_has_its_link_citation_copy_buttons_and_explanation(tab, served_site):
    page = tab(viewport=DESKTOP)
    def check(text):
        lang, path = text
        page.goto(served_site.url + path)
        menus = page.evaluate("""() => [...document.querySelectorAll('.dp-row')].map(row => {
            const menu = row.querySelector(':scope > .dp-actions');
            if (!menu) return row.classList.contains('dp-item') ? 'item' : 'none';
            menu.open = true;
            const url = location.href.split('#')[0] + '#' + row.id;
            return [menu.querySelector('.dp-permalink').getAttribute('href') === '#' + row.id,
                    [...menu.querySelectorAll('button[data-dp-copy]')].filter(b => b.checkVisibility()).length,
                    menu.querySelector('.dp-citation').textContent.includes(url),
                    menu.querySelector('a[href*="#' + row.id + '"]:not(.dp-permalink)') !== null];
        })""")
        assert len(menus) == ROWS
        assert [menu for menu in menus if menu != "item"] == [[True, 2, True, True]] * LABELLED_ROWS

    every_case(TEXTS, check)
