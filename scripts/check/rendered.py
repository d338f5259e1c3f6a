"""What the reader gets: each page's content as the build made it, read back to its source lines.

The build records every page's content after every hook has acted on it and before the theme
wraps it (overrides/hooks/record.py), with the stamps of what the hooks generated. This module
reads that record with the one HTML parser of the checks (selectolax: lexbor, WHATWG), entities
decoded, and gives the checks what they read:

- blocks: each paragraph, list item, heading, table cell… of what an edit wrote, as the words a
  reader reads (code included, marked as such), a quotation of the text that the hooks generated
  as ⟦ID.N⟧, a glossary reference as its words; with the language it is written in, whether it
  stands in a context box or a footnote (outside facts, with their sources), and the file and
  line it comes from;
- text: every text node and attribute value, generated or not, for the characters check.

Lines: Markdown keeps no line numbers, so each block is found again in its source by its words,
in order: the page's file, with each snippet it includes (`--8<-- "name"`) read in its place, so
that what a snippet wrote is reported at the snippet's own line.
"""

from __future__ import annotations

import bisect
import html
import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from declaration import fold

STAMP = "data-dp"
# Generated elements whose content is data (checked against the data, not as prose), except:
# a glossary reference wraps the editor's words, and an explanation wraps the editor's prose.
WRAPPERS = {"term", "explanation"}
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "figcaption", "caption", "summary",
          "pre", "div", "blockquote", "section", "article", "aside", "details", "ul", "ol", "dl", "table", "thead",
          "tbody", "tr", "figure"}
CODE = {"code", "pre", "kbd", "samp"}
# What Markdown's extensions add around the words: a heading's permalink, a footnote's number and
# its way back. Their words are the site's (interface words), not the page's.
EXTENSION_CHROME = {"headerlink", "footnote-ref", "footnote-backref"}
QUOTED = re.compile(r"«[^«»\n]{1,2000}»|“[^“”\n]{1,2000}”")
SPACES = " \u00a0\u202f"
SNIPPET = re.compile(r'^[ \t]*--8<--[ \t]+"(?P<name>[^"\n]+)"[ \t]*$')
SNIPPETS = "docs/_snippets"
WORD = re.compile(r"\w+")
MATCHED_WORDS = 4


@dataclass(frozen=True)
class Block:
    source: str  # the file the words come from: a page, or a snippet it includes
    line: int
    lang: str  # the language the block is written in: the page's, or a lang attribute's
    text: str  # the words a reader reads; a quotation generated from the text as ⟦ID.N⟧
    in_context: bool  # in a context box or a footnote: outside facts, with their sources
    tag: str
    code: str = ""  # the words of its code, apart
    native: str = ""  # its words in its own language: without code, nor what is marked as another language
    facts: bool = False  # it states an outside fact ([[fact:ID]])
    quotes_text: bool = False  # it quotes the text ([[ID.N]]) or links to it (the full text's passages)
    in_footnote: bool = False
    in_blockquote: int = 0  # the number of the block quote it stands in, in the page (0: none)
    position: int = 0  # where its words start among the source's words (SourceLines)


@dataclass(frozen=True)
class Quotation:
    """Words a page presents as quoted: in « », “ ”, a <q>, a block quote, or marked as another
    language than the page's; with where they stand."""

    text: str
    lang: str  # the language they are written in (as marked, or the block's)
    source: str
    line: int
    kind: str  # guillemets | quotes | q | blockquote | lang
    blockquote: int = 0  # for a block quote's paragraph: which block quote of the page


@dataclass(frozen=True)
class Text:
    """A text node or an attribute value, entities decoded, with where it stands."""

    value: str
    line: int
    source: str
    generated: bool
    in_code: bool
    lang: str
    attribute: str = ""  # the attribute's name, for an attribute value
    quoted: bool = False  # in a block quote or a <q>: its source's words


@dataclass
class RenderedPage:
    source: str  # docs/strand-3.fr.md
    lang: str
    url: str  # strand-3.html, en/strand-3.html
    nonce: str
    html: str
    lines: "SourceLines"
    blocks: list[Block] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    marked_at: list[tuple[str, str, str, int]] = field(default_factory=list)  # <q> and lang spans: (kind, lang, text, block)

    def quotations(self) -> list[Quotation]:
        """Every quotation the page makes, once each (a <span lang> around « » is one)."""
        found: dict[tuple, Quotation] = {}
        for block in self.blocks:
            if block.in_blockquote:
                found.setdefault((block.line, block.text), Quotation(block.text, block.lang, block.source, block.line,
                                                                     "blockquote", block.in_blockquote))
                continue
            for match in QUOTED.finditer(block.text):
                text = match[0][1:-1].strip(SPACES + ".,;:")
                if text and "⟦" not in text:
                    kind = "guillemets" if match[0][0] == "«" else "quotes"
                    found.setdefault((block.line, text), Quotation(text, block.lang, block.source, block.line, kind))
        for block, kind, lang, text in self._marked_in_blocks():
            text = text.strip(SPACES + "«»“”\"")
            if text and "⟦" not in text and (block.line, text) not in found:
                found[(block.line, text)] = Quotation(text, lang, block.source, block.line, kind)
        return list(found.values())

    def _marked_in_blocks(self):
        for kind, lang, text, block_index in self.marked_at:
            if block_index < len(self.blocks):
                yield self.blocks[block_index], kind, lang, text

    @cached_property
    def tree(self) -> LexborHTMLParser:
        return LexborHTMLParser(self.html)

    def stamp_of(self, node) -> tuple[str, str] | None:
        """(kind, reference) of an element's stamp, when the hooks made it in this build."""
        value = (node.attributes.get(STAMP) or "").split()
        if len(value) >= 2 and value[0] == self.nonce:
            return value[1], " ".join(value[2:])
        return None


def read(record: Path, sources) -> list[RenderedPage]:
    """Every page the build recorded, read (see the module's docstring)."""
    pages = []
    for path in sorted((record / "pages").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        page = RenderedPage(data["source"], data["lang"], data["url"], data["nonce"], data["html"],
                            SourceLines.of(data["source"], sources.texts))
        _Walker(page).walk()
        pages.append(page)
    return pages


# Source lines: the words of a page and its snippets, in order, each with its file and line --------


@dataclass
class SourceLines:
    words: list[str]
    places: list[tuple[str, int]]  # (file, line) of each word
    index: dict[str, list[int]]  # word → its positions, in order
    first: tuple[str, int]

    @classmethod
    def of(cls, source: str, texts: dict[str, str]) -> "SourceLines":
        words, places = [], []
        for file, number, line in _lines(source, texts, depth=0):
            for word in WORD.findall(fold(html.unescape(line))):
                words.append(word)
                places.append((file, number))
        index: dict[str, list[int]] = {}
        for position, word in enumerate(words):
            index.setdefault(word, []).append(position)
        return cls(words, places, index, (source, 1))

    def find(self, text: str, after: int) -> tuple[int, tuple[str, int]] | None:
        """Where the words of `text` start in the source, looking from `after` first, then from
        the start (Markdown moves footnotes to the end); None when they are nowhere."""
        wanted = WORD.findall(fold(text))
        if not wanted:
            return None
        for count in (min(MATCHED_WORDS, len(wanted)), 1):
            for start in (after, 0):
                positions = self.index.get(wanted[0], [])
                for position in positions[bisect.bisect_left(positions, start):]:
                    if self.words[position:position + count] == wanted[:count]:
                        return position, self.places[position]
        return None


def _lines(source: str, texts: dict[str, str], depth: int):
    """(file, line number, line) of a page, each snippet it includes read in its place."""
    for number, line in enumerate((texts.get(source) or "").split("\n"), start=1):
        snippet = SNIPPET.match(line)
        name = f"{SNIPPETS}/{snippet['name']}" if snippet else None
        if name and name in texts and depth < 3:
            yield from _lines(name, texts, depth + 1)
        else:
            yield source, number, line


# The walk -------------------------------------------------------------------------------------------


@dataclass
class _Context:
    lang: str
    generated: bool = False  # inside what the hooks made from the data
    in_code: bool = False
    in_context: bool = False
    skipped: bool = False  # the extensions' own words (permalinks, footnote numbers)
    in_blockquote: int = 0
    in_q: bool = False
    in_footnote: bool = False


# Pieces that say something of their block, not words of it.
STATES_A_FACT = _Context("", skipped=True)
QUOTES_THE_TEXT = _Context("", skipped=True)


class _Walker:
    def __init__(self, page: RenderedPage):
        self.page = page
        self.cursor = 0
        self.last_place = page.lines.first
        self.blockquotes = 0

    def walk(self) -> None:
        body = self.page.tree.body
        if body is not None:
            self._children(body, _Context(self.page.lang), block=None)

    def _children(self, node, context: _Context, block: list | None) -> None:
        child = node.child
        while child is not None:
            self._node(child, context, block)
            child = child.next

    def _node(self, node, context: _Context, block: list | None) -> None:
        tag = node.tag
        if tag == "-text":
            value = node.text(deep=False) or ""
            if not value.strip():
                if block is not None and value:
                    block.append((" ", context))
                return
            if block is not None:
                block.append((value, context))
            else:
                self._add_text(value, context, "")
            return
        if tag.startswith("-"):
            return  # comments
        attributes = {name.lower(): value or "" for name, value in node.attributes.items()}
        stamp = self.page.stamp_of(node)
        classes = set(attributes.get("class", "").split())
        inner = _Context(attributes.get("lang") or context.lang, context.generated, context.in_code,
                         context.in_context, context.skipped, context.in_blockquote, context.in_q, context.in_footnote)
        inner.in_q = context.in_q or tag == "q"
        if tag == "blockquote":
            self.blockquotes += 1
            inner.in_blockquote = self.blockquotes
        if stamp and stamp[0] not in WRAPPERS:
            inner.generated = True
            inner.skipped = inner.skipped or block is not None  # not the words of the block around it
        if tag in CODE:
            inner.in_code = True
        if classes & EXTENSION_CHROME:
            inner.skipped = True
        if ({"admonition", "context"} <= classes) or "footnote" in classes:
            inner.in_context = True
        inner.in_footnote = context.in_footnote or "footnote" in classes
        if "admonition-title" in classes:
            inner.in_context = False  # a box's title names it; the facts are its items
        if stamp and stamp[0] == "quote" and block is not None and not context.generated:
            block.append((f" ⟦{stamp[1]}⟧ ", context))
        if block is not None and stamp and stamp[0] in ("fact", "facts"):
            block.append(("", STATES_A_FACT))
        if block is not None and (stamp and stamp[0] == "quote" or tag == "a" and re.match(
                r"^(?:\.\./)?text\.html#", attributes.get("href", ""))):
            block.append(("", QUOTES_THE_TEXT))
        marked = None if inner.generated or block is None else (
            "q" if tag == "q" else "lang" if "lang" in attributes and attributes["lang"] != self.page.lang else None)
        if marked:
            pieces: list = []
            self._children(node, inner, pieces)
            block.extend(pieces)
            self.page.marked_at.append((marked, inner.lang, "".join(
                text for text, piece in pieces if not piece.skipped), len(self.page.blocks)))
            return
        for name, value in attributes.items():
            if name not in ("class", "id", STAMP, "href") and value.strip():
                self.page.texts.append(Text(html.unescape(value), self.last_place[1], self.last_place[0],
                                            inner.generated, False, inner.lang, name))
        if tag in BLOCKS and not inner.generated:
            pieces: list = []
            self._children(node, inner, pieces)
            self._close(tag, pieces, inner)
        else:
            self._children(node, inner, block)

    def _close(self, tag: str, pieces: list, context: _Context) -> None:
        words = "".join(text for text, piece in pieces if not piece.skipped)
        code = " ".join(text for text, piece in pieces if not piece.skipped and piece.in_code)
        prose = " ".join(words.split())
        native = " ".join("".join(text for text, piece in pieces if not piece.skipped and not piece.in_code
                                  and piece.lang == context.lang and not text.startswith(" ⟦")).split())
        # The block's place: where its words start in the source, in order.
        found = self.page.lines.find(prose, self.cursor)
        position = self.cursor
        if found:
            position = found[0]
            self.cursor, self.last_place = found[0] + 1, found[1]
        for text, piece in pieces:
            if not piece.skipped and text.strip() and not text.startswith(" ⟦"):
                self._add_text(text, piece, "")
        if prose:
            self.page.blocks.append(Block(self.last_place[0], self.last_place[1], context.lang, prose,
                                          context.in_context, tag, " ".join(code.split()), native,
                                          any(piece is STATES_A_FACT for _, piece in pieces),
                                          any(piece is QUOTES_THE_TEXT for _, piece in pieces),
                                          context.in_footnote, context.in_blockquote, position))

    def _add_text(self, value: str, context: _Context, attribute: str) -> None:
        self.page.texts.append(Text(value, self.last_place[1], self.last_place[0], context.generated,
                                    context.in_code, context.lang, attribute,
                                    bool(context.in_blockquote) or context.in_q))
