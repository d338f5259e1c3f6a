"""Markers in pages become the declaration's text, glossary references and glossary entries.

on_page_markdown: the page is scanned once (declaration.markers.scan, which the checks use too:
code is not prose, so marker syntax shown in code stays as written), and every marker is replaced,
by its span, with what its renderer makes of it (_quotes.py, _glossary.py, _changes.py). Text from
the data never goes through Markdown: it is held behind a placeholder (_site.Rendering, carried by
the page) and on_page_content puts it in place, stamped as generated.

A placeholder that Markdown did not pass through exactly once (a marker where the scanner saw
prose and Markdown saw code, or an attribute) fails the build naming the marker's file and line,
rather than shipping a half-rendered page. Any malformed or unknown marker fails it the same way.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from declaration import Declaration, Words, markers
from overrides.hooks import _changes, _facts, _glossary, _quotes
from overrides.hooks._site import Rendering, page_error, page_language, rendering, the_declaration, words

RENDERERS = {
    markers.QUOTE_BLOCK: _quotes.passage,
    markers.QUOTE_INLINE: _quotes.sentence,
    markers.SOURCE_HASH: _quotes.source_hash,
    markers.GLOSSARY_REFERENCE: _glossary.reference,
    markers.GLOSSARY_LIST: _glossary.entries,
    markers.CHANGES_LIST: _changes.changes,
    markers.FACT: _facts.fact,
    markers.FACTS_LIST: _facts.facts,
}


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
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
    # A page that cites facts ends with their sources.
    after = _facts.sources(context) if context.cited else ""
    return "".join(pieces) + markdown[done:] + after


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = rendering(page)
    # MkDocs validates links to anchors against the ids it saw while rendering; the HTML held
    # behind placeholders was not there yet.
    page.present_anchor_ids |= state.ids()
    restored, lost = state.restore(html)
    if lost:
        marker = lost[0]
        raise page_error(page, marker.line, f"{marker.text} was not rendered where it stands: Markdown read it "
                         "as code, or inside a link or an attribute; put it in plain text (and show marker "
                         "syntax inside `code`)")
    return restored


class RenderContext:
    """What a renderer needs: the page, its language and words, the data, the marker it renders,
    and the page's Rendering, to hold the HTML it makes and to stamp it."""

    def __init__(self, page: Page, config: MkDocsConfig, files: Files):
        self.page, self.config, self.files = page, config, files
        self.lang: str = page_language(page)
        self.words: Words = words(config, self.lang)
        self.declaration: Declaration = the_declaration(config)
        self.rendering: Rendering = rendering(page)
        self.marker: markers.Marker | None = None
        self.count = 0  # a page-wide counter, for ids the renderers create
        self.cited: list[str] = []  # the facts the page cites, in order

    def block(self, html: str) -> str:
        """Markdown-proof HTML that stands for a block: a placeholder that on_page_content
        replaces with it."""
        return self.rendering.hold(html, self.marker, inline=False)

    def inline(self, html: str) -> str:
        """The same, for HTML within a paragraph."""
        return self.rendering.hold(html, self.marker, inline=True)

    def stamp(self, kind: str, reference: str = "") -> str:
        """The attribute that marks an element the renderer makes as generated."""
        return self.rendering.stamp(kind, reference)

    def next_number(self) -> int:
        self.count += 1
        return self.count
