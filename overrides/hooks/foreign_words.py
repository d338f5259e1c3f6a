"""The language of foreign words inside a page (WCAG 3.1.2, RGAA 8.7).

The French text itself says "Coalition of the Willing", in English. Every glossary term whose
`lang` differs from the page's language is wrapped, wherever it appears in the page's text, in
<span lang="…">, unless it already stands inside an element of that language (the English column
of a quote, a span an editor wrote). Works on the rendered HTML so that quotes, glossary entries
and prose are all covered by one pass.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from overrides.hooks._site import page_language, the_declaration

VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                 "source", "track", "wbr"}
SKIPPED_ELEMENTS = {"code", "pre", "script", "style"}


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = page_language(page)
    phrases = {
        side.term: side.lang
        for term in the_declaration(config).terms
        if lang in term.sides and (side := term.sides[lang]).lang != lang
    }
    return _mark(html, lang, phrases) if phrases else html


def _mark(html: str, page_lang: str, phrases: dict[str, str]) -> str:
    pattern = re.compile("|".join(re.escape(phrase) for phrase in sorted(phrases, key=len, reverse=True)))
    pieces, done = [], 0
    for start, end, lang in _text_nodes(html, page_lang):
        def wrap(match: re.Match, around: str = lang) -> str:
            phrase_lang = phrases[match[0]]
            return match[0] if phrase_lang == around else f'<span lang="{phrase_lang}">{match[0]}</span>'

        pieces.append(html[done:start] + pattern.sub(wrap, html[start:end]))
        done = end
    pieces.append(html[done:])
    return "".join(pieces)


def _text_nodes(html: str, page_lang: str) -> list[tuple[int, int, str]]:
    """(start, end, language) of every text node outside code, in document order."""
    parser = _TextNodeParser(html, page_lang)
    parser.feed(html)
    parser.close()
    return parser.nodes


class _TextNodeParser(HTMLParser):
    def __init__(self, html: str, page_lang: str):
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.open_elements: list[tuple[str, str]] = [("", page_lang)]
        self.nodes: list[tuple[int, int, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID_ELEMENTS:
            lang = dict(attrs).get("lang") or self.open_elements[-1][1]
            self.open_elements.append((tag, lang))

    def handle_endtag(self, tag):
        tags = [name for name, _ in self.open_elements]
        if tag in tags[1:]:
            del self.open_elements[len(tags) - 1 - tags[::-1].index(tag):]

    def handle_data(self, data):
        if any(name in SKIPPED_ELEMENTS for name, _ in self.open_elements):
            return
        line, column = self.getpos()
        start = self.line_starts[line - 1] + column
        self.nodes.append((start, start + len(data), self.open_elements[-1][1]))
