"""A printout that can be cited: A4, without the site's chrome, a header that says what the page is,
where it lives and when it was printed, each passage with its label, each link with a full address
or none."""

from __future__ import annotations

import re

from reader import DESKTOP, every_case

TEXTS = {"text.html": "Déclaration de Paris", "en/text.html": "Paris Declaration"}
# The declaration's date as the site writes it, and which text and translation a printout cites.
DATE = "2026-01-06"
SPELLED = {"text.html": "6 janvier 2026", "en/text.html": "6 January 2026"}
EDITION = {"text.html": "Texte français", "en/text.html": "French text, with an English translation made for this site"}
A4 = (595, 842)  # in points, as a PDF gives its pages' size
MEDIA_BOX = re.compile(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]")
AFTER = "e => getComputedStyle(e, '::after').content"


def printed(page, tmp_path) -> bytes:
    """The page printed to PDF, as the browser prints it (its beforeprint event included); the
    page is then left in print media, to read what the printout showed."""
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    page.emulate_media(media="print")
    return pdf.read_bytes()


def test_the_full_text_prints_on_a4_under_a_header_saying_what_it_is(tab, served_site, tmp_path):
    page = tab(viewport=DESKTOP)
    def check(path):
        title = TEXTS[path]
        page.emulate_media(media="null")  # the screen again, after the last printout
        page.goto(served_site.url + path)
        pdf = printed(page, tmp_path)
        assert {tuple(round(float(side)) for side in box) for box in MEDIA_BOX.findall(pdf)} == {A4}
        header = page.locator(".dp-print-header")
        lines = header.locator("p").all_inner_texts()
        assert header.is_visible() and header.bounding_box()["y"] < page.locator("h1").bounding_box()["y"]
        assert lines[:3] == [f"{title}, {SPELLED[path]}", EDITION[path],
                             f"{page.title().split(' - ')[-1]}: {served_site.url}{path}"]
        assert header.locator(".dp-print-header__title time").get_attribute("datetime") == DATE
        day = header.locator(".dp-print-header__printed time")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", day.get_attribute("datetime")) and day.inner_text()

    every_case(list(TEXTS), check)


def test_without_scripts_the_header_says_all_but_the_day(tab, served_site):
    page = tab(java_script_enabled=False)
    page.goto(served_site.url + "en/text.html")
    page.emulate_media(media="print")
    header = page.locator(".dp-print-header")
    assert header.is_visible() and f"{served_site.url}en/text.html" in header.inner_text()
    assert f"Paris Declaration, {SPELLED['en/text.html']}" in header.inner_text()
    assert header.locator(".dp-print-header__title time").get_attribute("datetime") == DATE


def test_pages_print_without_the_site_chrome_their_passages_labelled_and_their_links_in_full(
        tab, served_site, tmp_path):
    page = tab(viewport=DESKTOP)

    def check(path):
        page.emulate_media(media="null")  # the screen again, after the last printout
        page.goto(served_site.url + path)
        printed(page, tmp_path)
        for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".dp-choice",
                       ".dp-jump"):
            displays = page.locator(chrome).evaluate_all("all => all.map(e => getComputedStyle(e).display)")
            assert set(displays) <= {"none"}, chrome
        labels = page.locator(".dp-passage-label" if path.endswith("text.html") else ".dp-links a")
        assert labels.count() and all(label.is_visible() for label in labels.all())
        inside = page.locator(".md-typeset :is(p, li, td) a[href]:not([href^='#'], [href*=':'], .dp-term a)").first
        assert inside.evaluate(AFTER).startswith(f'" ({served_site.url}')
        outside = page.locator(".md-typeset :is(p, li, td) a[href^='http']").first
        if outside.count():
            assert outside.evaluate(AFTER) == f'" ({outside.get_attribute("href")})"'
        terms = page.locator(".dp-term a").evaluate_all(f"all => all.map({AFTER})")
        assert set(terms) <= {"none", "normal"}  # the glossary is printed apart

    every_case(["en/text.html", "strand-3.html", "en/strand-3.html"], check)


def test_both_languages_print_side_by_side_whatever_the_reader_chose(tab, served_site, tmp_path):
    page = tab(viewport=DESKTOP)
    page.goto(served_site.url + "en/text.html")
    page.locator(".dp-choice button", has_text="English").click()
    printed(page, tmp_path)
    row = page.locator("#strand-3-text")
    french, english = row.locator(".dp-original").bounding_box(), row.locator(".dp-translation").bounding_box()
    assert english["x"] > french["x"] + french["width"] - 1 and abs(english["y"] - french["y"]) < 2
