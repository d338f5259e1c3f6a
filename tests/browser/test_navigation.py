"""Finding one's way as a reader does: each "Explained in" of the full text lands on the
explanation of that very passage; each strand has one name wherever the reader meets it; the
Changes page tells readers, in their language, what changed."""

from __future__ import annotations

import subprocess

import pytest
import yaml

from reader import DESKTOP, every_case, phone
from scripts.local_site import ROOT

TEXTS = ["text.html", "en/text.html"]
# Where a landing is seen: below Material's fixed header, inside the window.
LANDED = """id => {
    const row = document.getElementById(id);
    const box = row.getBoundingClientRect();
    const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
    const passage = row.closest('.dp-passage');
    const next = passage && passage.nextElementSibling;
    return {top: box.top >= header - 1 && box.top < window.innerHeight, row: row.classList.contains('dp-row'),
            explained: !!next && !next.classList.contains('dp-passage') && next.textContent.trim().length > 0};
}"""


def test_every_explained_in_lands_on_its_passage_followed_by_its_explanation(tab, served_site):
    page = phone(tab)

    def check(text):
        page.goto(served_site.url + text)
        folder = served_site.url + text.removesuffix("text.html")
        links = page.evaluate("""() => [...document.querySelectorAll('.dp-row > .dp-actions a[href*="#"]:not(.dp-permalink)')]
            .map(a => [a.closest('.dp-row').id, a.getAttribute('href')])""")
        assert links, "no Explained in"
        # Page by page (each loaded once; the next passage of the same page, a jump within it).
        for passage, href in sorted(links, key=lambda link: link[1].split("#")[0]):
            assert href.split("#")[1] == passage, (passage, href)  # the very passage, by its id
            page.goto(folder + href)
            landing = page.evaluate(LANDED, passage)
            assert landing == {"top": True, "row": True, "explained": True}, (href, landing)

    every_case(TEXTS, check)


def _strand_names() -> dict[str, dict[int, str]]:
    """Each strand's one name, by language: the title its page's front matter gives it."""
    names = {}
    for lang in ("fr", "en"):
        for number in range(1, 6):
            text = (ROOT / "docs" / f"strand-{number}.{lang}.md").read_text(encoding="utf-8")
            names.setdefault(lang, {})[number] = yaml.safe_load(text.split("---")[1])["title"]
    return names


def _spaced(text: str) -> str:
    """The words as typed: French spacing (no-break spaces, which the build puts) as plain spaces."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def test_each_strand_has_one_name_wherever_the_reader_meets_it(tab, served_site):
    page = tab(viewport=DESKTOP)
    names = _strand_names()

    def check(lang):
        folder = served_site.url + ("" if lang == "fr" else "en/")
        page.goto(folder + "index.html")
        home = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('article a[href^="strand-"]')]
            .map(a => [a.getAttribute('href'), a.textContent.trim()]))""")
        for number, name in names[lang].items():
            assert _spaced(home.get(f"strand-{number}.html", "")) == name, ("home", number, home)
            page.goto(folder + f"strand-{number}.html")
            seen = page.evaluate("""() => ({
                h1: document.querySelector('article h1').firstChild.textContent.trim(),
                title: document.title.split(' - ')[0],
                nav: document.querySelector('.md-nav--primary .md-nav__link--active').textContent.trim()})""")
            assert {where: _spaced(text) for where, text in seen.items()} == {"h1": name, "title": name, "nav": name}, \
                (number, seen)

    every_case(["fr", "en"], check)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_changes_page_tells_readers_in_their_language_what_changed(tab, served_site, lang):
    record = yaml.safe_load((ROOT / "declaration" / "changes.yml").read_text(encoding="utf-8"))
    subject = subprocess.run(["git", "log", "-1", "--format=%s"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    page = phone(tab)
    page.goto(served_site.url + ("" if lang == "fr" else "en/") + "changes.html")
    assert page.locator("html").get_attribute("lang") == lang
    article = " ".join(page.locator("article").inner_text().split())
    strands = _strand_names()[lang]
    for change in record:
        first_words = " ".join(change["summary"][lang].split())[:60]
        assert first_words in article, change["id"]
        assert page.locator(f"#change-{change['id']}").count() == 1
        # the pages it changed, by their titles (a strand's is its one name), never by file name
        links = dict(page.locator(f"#change-{change['id']} a").evaluate_all(
            "all => all.map(a => [a.getAttribute('href'), a.textContent])"))
        assert set(links) == {f"{slug}.html" for slug in change["pages"]}, links
        assert not [href for href, text in links.items() if text == href.removesuffix(".html")], links
        assert all(_spaced(links[f"strand-{n}.html"]) == name for n, name in strands.items()
                   if f"strand-{n}.html" in links), links
    assert not subject or subject not in article  # never the commit subjects
