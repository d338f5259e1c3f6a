"""Renderers for the glossary markers (see markers.py, which calls them), from declaration/glossary.yml.

    [words](glossary:ID)   the words link to the entry, and show its definition on hover and on
                           keyboard focus, in a tooltip drawn by CSS
    <!-- glossary -->      every entry, in the page's language (the glossary page)
"""

from __future__ import annotations

import re
import unicodedata
from html import escape

import babel

from declaration import SOURCE_LANGUAGE
from declaration.markers import did_you_mean
from declaration.typography import spacing
from overrides.hooks._site import FULL_TEXT_PAGE, GLOSSARY_PAGE, languages, languages_in_progress, segment_label, url_to

# The characters Python-Markdown lets a backslash escape: with them escaped (and <, > and &
# written as entities), data written into generated Markdown stays literal text.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def reference(marker, context) -> str:
    """The words, linked to the entry, with its definition as the link's description (WCAG 1.4.13).

    The tooltip is shown by CSS on hover and on focus, and is hoverable itself; tooltips.js closes
    it on Escape. Material's own tooltips did the same with JavaScript on every page load, which
    cost more blocking time than all the rest."""
    term = context.declaration.terms_by_id.get(marker.target)
    if term is None:
        raise LookupError(f"unknown glossary entry '{marker.target}': " + did_you_mean(
            marker.target, context.declaration.terms_by_id, "an id from declaration/glossary.yml, or add the entry there"))
    tip = f"dp-tip-{context.next_number()}"
    href = url_to(context.page, GLOSSARY_PAGE, term.id)
    definition = escape(_spaced(term[context.lang].definition, term[context.lang].lang), quote=False)
    tooltip = context.inline(f'<span class="dp-tip" id="{tip}" role="tooltip" data-search-exclude'
                           f'{context.stamp("tip", term.id)}>{definition}</span>')
    # The words are the editor's (Markdown reads them); around them, the link is the hook's.
    return (f'<span class="dp-term"{context.stamp("term", term.id)}><a href="{href}" aria-describedby="{tip}">'
            f'{marker.words}</a>{tooltip}</span>')


def entries(marker, context) -> str:
    """Every entry as Markdown (so that its heading joins the page's table of contents), the data
    in it escaped or held as HTML."""
    lang, words, declaration = context.lang, context.words, context.declaration
    locale = babel.Locale.parse(words("locale"))
    others = [SOURCE_LANGUAGE] if lang != SOURCE_LANGUAGE else [code for code in languages(context.config)
                                                                  if code != SOURCE_LANGUAGE]
    # A language in progress shows the entries it has already; a complete language has them all.
    in_progress = languages_in_progress(context.config)
    blocks = []
    for term in sorted(declaration.terms, key=lambda term: _sort_key(term[lang].term)):
        side = term[lang]
        heading_lang = f" lang={side.lang}" if side.lang != lang else ""
        stamp = context.stamp("glossary", term.id).strip()
        blocks.append(f"## {_markdown_text(side.term)} {{ #{term.id}{heading_lang} {stamp} }}\n")
        others_html = "".join(
            f'<p><em>{escape(words("glossary.term_in", language=locale.languages.get(other, other)))}</em> '
            f'<span lang="{term[other].lang}">{escape(term[other].term)}</span></p>'
            for other in others if other in term.sides or other not in in_progress)
        uses = ", ".join(f'<a href="{url_to(context.page, FULL_TEXT_PAGE, segment.id)}">{escape(segment_label(segment, words))}</a>'
                         for segment in declaration.uses_of(term))
        blocks.append(context.block(f'<div class="dp-entry"{context.stamp("glossary", term.id)}>{others_html}'
                                   f"<p>{escape(_spaced(side.definition, side.lang))}</p>"
                                   f'<p>{escape(words("glossary.uses"))} {uses}</p></div>') + "\n")
    return "\n".join(blocks)


def _spaced(text: str, lang: str) -> str:
    """The data's words take their language's spaces, typed or not (declaration/typography.py)."""
    return spacing(lang)(text)


def _markdown_text(text: str) -> str:
    return MARKDOWN_SPECIAL.sub(r"\\\1", escape(text, quote=False))


def _sort_key(term: str) -> str:
    # Alphabetical order as a reader expects it: accents and case do not count.
    decomposed = unicodedata.normalize("NFD", term.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
