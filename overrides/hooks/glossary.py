"""The glossary: references to its entries, and the glossary page itself, from declaration/glossary.yml.

    [words](glossary:ID)   a reference: the words link to the entry, and show its definition
                           on hover and on keyboard focus, in a tooltip drawn by CSS
    <!-- glossary -->      alone on its line, on the glossary page: every entry, generated

An unknown entry fails the build with file and line.
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata

from declaration.markers import GLOSSARY_LIST, GLOSSARY_REFERENCE

from _shared import (
    FULL_TEXT_PAGE,
    GLOSSARY_PAGE,
    marker_error,
    page_language,
    segment_label,
    the_declaration,
    url_to,
)

OTHER_LANGUAGE = {"fr": "en", "en": "fr"}
USES_LABEL = {"fr": "Dans le texte :", "en": "In the text:"}
OTHER_TERM_LABEL = {"fr": "En anglais :", "en": "In French:"}


def on_page_markdown(markdown, page, config, files):
    markdown = _expand_glossary(markdown, page)
    return _expand_references(markdown, page)


def _expand_references(markdown: str, page) -> str:
    lang = page_language(page)
    terms = the_declaration().terms_by_id
    numbers = itertools.count(1)

    def replace(match: re.Match) -> str:
        term = terms.get(match["id"])
        if term is None:
            raise marker_error(page, match[0],
                               f"unknown glossary entry '{match['id']}': use an id from "
                               "declaration/glossary.yml, or add the entry there")
        return _reference(page, term, match["words"], lang, next(numbers))

    return GLOSSARY_REFERENCE.sub(replace, markdown)


def _reference(page, term, words: str, lang: str, number: int) -> str:
    """The words, linked to the entry, with its definition as a tooltip (WCAG 1.4.13).

    The tooltip is the link's description (aria-describedby), shown by CSS on hover and on
    focus, and hoverable itself; tooltips.js closes it on Escape. Material's own tooltips did the
    same with JavaScript on every page load, which cost more blocking time than all the rest."""
    tip = f"dp-tip-{number}"
    href = url_to(page, GLOSSARY_PAGE, term.id)
    definition = html.escape(term[lang].definition, quote=False)
    return (f'<span class="dp-term"><a href="{href}" aria-describedby="{tip}">{words}</a>'
            f'<span class="dp-tip" id="{tip}" role="tooltip" data-search-exclude>{definition}</span></span>')


def _expand_glossary(markdown: str, page) -> str:
    lang = page_language(page)
    return GLOSSARY_LIST.sub(lambda _: _render_entries(page, lang), markdown)


def _render_entries(page, lang: str) -> str:
    declaration = the_declaration()
    other = OTHER_LANGUAGE[lang]
    blocks = []
    for term in sorted(declaration.terms, key=lambda term: _sort_key(term[lang].term)):
        side, other_side = term[lang], term[other]
        heading_lang = f" lang={side.lang}" if side.lang != lang else ""
        uses = ", ".join(
            f"[{html.escape(segment_label(segment, lang))}]({FULL_TEXT_PAGE}#{segment.id})"
            for segment in declaration.uses_of(term)
        )
        blocks.append(
            f"## {html.escape(side.term)} {{ #{term.id}{heading_lang} }}\n\n"
            f'*{OTHER_TERM_LABEL[lang]}* <span lang="{other_side.lang}">'
            f"{html.escape(other_side.term)}</span>\n\n"
            f"{html.escape(side.definition)}\n\n"
            f"{USES_LABEL[lang]} {uses}\n"
        )
    return "\n".join(blocks)


def _sort_key(term: str) -> str:
    # Alphabetical order as a reader expects it: accents and case do not count.
    decomposed = unicodedata.normalize("NFD", term.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
