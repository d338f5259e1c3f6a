"""Search reads French as French readers type it: hyphens, non-breaking hyphens and elisions split
words (mkdocs.yml), accents fold in the index and in the query alike (the site's
assets/javascripts/lunr/min/lunr.fr.min.js); each language searches its own pages."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from reader import SEPARATOR, search

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


def pages_with(served_site, lang: str, query: str) -> set[str]:
    """The pages of the language's index where every word of the query is a word of the text."""
    folder = "" if lang == served_site.default_language else f"{lang}/"
    index = json.loads((served_site.root / folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    text: dict[str, set[str]] = {}
    for doc in index["docs"]:
        page = served_site.url + folder + doc["location"].split("#")[0]
        text.setdefault(page, set()).update(words(doc["title"] + " " + doc["text"]))
    return {page for page, found in text.items() if words(query) <= found}


@pytest.mark.parametrize("lang, query", [(lang, query) for lang, queries in QUERIES.items() for query in queries])
def test_a_query_finds_every_page_that_says_it(page, served_site, lang, query):
    home = served_site.url + ("" if lang == served_site.default_language else f"{lang}/") + "index.html"
    expected = pages_with(served_site, lang, query)
    found = search(page, home, query)
    assert expected and expected <= found
    assert all(url.startswith(home.removesuffix("index.html")) for url in found)
    if lang == served_site.default_language:
        assert not any("/en/" in url for url in found)


@pytest.mark.parametrize("bare, accented", FOLDED)
def test_accents_do_not_matter_to_french_search(page, served_site, bare, accented):
    home = served_site.url + "index.html"
    expected = pages_with(served_site, "fr", accented)
    assert expected and search(page, home, bare) == search(page, home, accented) >= expected
