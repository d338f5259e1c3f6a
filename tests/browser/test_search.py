"""Search reads French as French readers type it: hyphens, non-breaking hyphens and elisions split
words (mkdocs.yml), accents fold in the index and in the query alike (the site's
assets/javascripts/lunr/min/lunr.fr.min.js); each language searches its own pages."""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from pathlib import Path

import pytest

from reader import DESKTOP, SEPARATOR, every_case, search, search_again

TAG = re.compile(r"<[^>]+>")
QUERIES = {
    "fr": ["cessez-le-feu", "cessez le feu", "feu", "OTAN", "l’OTAN", "Etats-Unis", "États-Unis", "Unis",
           "agression", "Ukraine"],
    "en": ["ceasefire", "United States", "NATO"],
}
# A word with and without its accents finds the same pages, as many as the text writes it.
FOLDED = [("Etats", "États"), ("securite", "sécurité"), ("Etats-Unis", "États-Unis")]


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def words(text: str) -> set[str]:
    return {word for word in SEPARATOR.split(fold(TAG.sub(" ", text))) if word}


@functools.cache
def words_of_pages(index: Path, url: str) -> dict[str, set[str]]:
    """The words of each page (its address under url) in a search index, read once."""
    text: dict[str, set[str]] = {}
    for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]:
        page = url + doc["location"].split("#")[0]
        text.setdefault(page, set()).update(words(doc["title"] + " " + doc["text"]))
    return text


def pages_with(served_site, lang: str, query: str) -> set[str]:
    """The pages of the language's index where every word of the query is a word of the text."""
    folder = "" if lang == served_site.default_language else f"{lang}/"
    text = words_of_pages(served_site.root / folder / "search" / "search_index.json", served_site.url + folder)
    return {page for page, found in text.items() if words(query) <= found}


class Searcher:
    """Material's search on one page of a language, asked one query after another: the first
    from a link with the query (search()), the others on the same page (search_again()), so
    that the page, Material and its index are loaded once; from a link again after a failure."""

    def __init__(self, page, home: str):
        self.page, self.home, self.answered = page, home, False

    def __call__(self, query: str) -> set[str]:
        answered, self.answered = self.answered, False
        found = search_again(self.page, query) if answered else search(self.page, self.home, query)
        self.answered = True
        return found


# Each language's queries on one page, every failing query reported.
@pytest.mark.parametrize("lang", list(QUERIES))
def test_a_query_finds_every_page_that_says_it(tab, served_site, lang):
    page = tab(viewport=DESKTOP)
    home = served_site.url + ("" if lang == served_site.default_language else f"{lang}/") + "index.html"
    searcher = Searcher(page, home)

    def check(query):
        expected = pages_with(served_site, lang, query)
        found = searcher(query)
        assert expected and expected <= found
        assert all(url.startswith(home.removesuffix("index.html")) for url in found)
        if lang == served_site.default_language:
            assert not any("/en/" in url for url in found)

    every_case(QUERIES[lang], check)


def test_accents_do_not_matter_to_french_search(tab, served_site):
    page = tab(viewport=DESKTOP)
    searcher = Searcher(page, served_site.url + "index.html")

    def check(words):
        bare, accented = words
        expected = pages_with(served_site, "fr", accented)
        assert expected and searcher(bare) == searcher(accented) >= expected

    every_case(FOLDED, check)
