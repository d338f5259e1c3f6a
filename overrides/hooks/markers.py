"""Markers in pages become the declaration's text, glossary references and glossary entries.

on_page_markdown: the page is scanned once (declaration.markers.scan, which the checks use too:
code is not prose, so marker syntax shown in code stays as written), and every marker is replaced,
by its span, with what its renderer makes of it (_quotes.py, _glossary.py). Text from the data
never goes through Markdown: it goes in as HTML behind a placeholder, an HTML comment with a
per-page nonce that Markdown passes through untouched, and on_page_content puts it in place.

A placeholder that Markdown did not pass through exactly once (a marker where the scanner saw
prose and Markdown saw code, or an attribute) fails the build naming the marker's file and line,
rather than shipping a half-rendered page. Any malformed or unknown marker fails it the same way.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from html.parser import HTMLParser

from declaration import markers
from overrides.hooks import _changes, _glossary, _quotes
from overrides.hooks._site import page_error, page_language, the_declaration, words

RENDERERS = {
    markers.QUOTE_BLOCK: _quotes.passage,
    markers.QUOTE_INLINE: _quotes.sentence,
    markers.SOURCE_HASH: _quotes.source_hash,
    markers.GLOSSARY_REFERENCE: _glossary.reference,
    markers.GLOSSARY_LIST: _glossary.entries,
    markers.CHANGES_LIST: _changes.changes,
}

# Placeholders of the pages being built, by page URL, from on_page_markdown to on_page_content.
_pending: dict[str, "Placeholders"] = {}


def on_page_markdown(markdown, page, config, files):
    context = RenderContext(page, config, files)
    pieces, done = [], 0
    for marker in markers.scan(markdown).markers:
        if marker.error:
            raise page_error(page, marker.line, marker.error)
        context.marker = marker
        try:
            rendered = RENDERERS[marker.kind](marker, context)
        except LookupError as error:
            raise page_error(page, marker.line, str(error).strip("'\"")) from None
        pieces += [markdown[done:marker.start], rendered]
        done = marker.end
    _pending[page.file.url] = context.placeholders
    return "".join(pieces) + markdown[done:]


def on_page_content(html, page, config, files):
    placeholders = _pending.pop(page.file.url)
    # MkDocs validates links to anchors against the ids it saw while rendering; the HTML held
    # behind placeholders was not there yet.
    page.present_anchor_ids |= placeholders.ids()
    return placeholders.restore(html, page)


@dataclass
class Placeholders:
    nonce: str = field(default_factory=lambda: secrets.token_hex(8))
    held: list = field(default_factory=list)  # (html, marker), by number

    def hold(self, html: str, marker) -> str:
        self.held.append((html, marker))
        return f"<!--dp:{self.nonce}:{len(self.held) - 1}-->"

    def ids(self) -> set[str]:
        collector = _Ids()
        for html, _ in self.held:
            collector.feed(html)
        collector.close()
        return collector.ids

    def restore(self, html: str, page) -> str:
        seen = [0] * len(self.held)

        def put(match: re.Match) -> str:
            number = int(match[1])
            seen[number] += 1
            return self.held[number][0]

        restored = re.sub(rf"<!--dp:{self.nonce}:([0-9]+)-->", put, html)
        for number, count in enumerate(seen):
            if count != 1:
                marker = self.held[number][1]
                raise page_error(page, marker.line, f"{marker.text} was not rendered where it stands: "
                                 "Markdown read it as code, or inside a link or an attribute; put it in "
                                 "plain text (and show marker syntax inside `code`)")
        return restored


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.ids.update(value for name, value in attrs if name == "id" and value)


class RenderContext:
    """What a renderer needs: the page, its language and words, the data, and a placeholder for
    any HTML it produces from the data."""

    def __init__(self, page, config, files):
        self.page, self.config, self.files = page, config, files
        self.lang = page_language(page)
        self.words = words(config, self.lang)
        self.declaration = the_declaration(config)
        self.placeholders = Placeholders()
        self.marker = None
        self.count = 0  # a page-wide counter, for ids the renderers create

    def html(self, html: str) -> str:
        """Markdown-proof HTML: a placeholder that on_page_content replaces with it."""
        return self.placeholders.hold(html, self.marker)

    def next_number(self) -> int:
        self.count += 1
        return self.count
