"""The sentences written around the text, as the checks that read meaning and typography need
them: from every page (through the markers' scanner: code, quotes and block markers are not
prose), front matter, glossary entry and interface word, each with its file, line and language,
the passages it quotes ([[ID.N]]), and whether it stands in a context box (`!!! context`) or a
footnote, where outside facts live with their sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from declaration.markers import GLOSSARY_REFERENCE, QUOTE_INLINE

QUOTED = re.compile(r"⟦(?P<id>[a-z0-9-]+)(?:\.(?P<number>[0-9]+))?⟧")
CONTEXT_BOX = re.compile(r"^(?:!!!|\?\?\?\+?)\s+context\b")
ADMONITION = re.compile(r"^(?:!!!|\?\?\?\+?)\s")
FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\]\n]{1,60}\]:")
BLOCK_START = re.compile(r"^[ \t]*(?:#{1,6}[ \t]|(?:[-*+]|[0-9]{1,9}[.)])[ \t]|\|)")
TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t:|-]+\|[ \t:|-]*$")
# Markdown's syntax, so that a sentence is its words: bounded, linear patterns.
ATTRIBUTES = re.compile(r"\{[:#.][^{}\n]{0,200}\}")
IMAGE = re.compile(r"!\[([^\[\]\n]{0,300})\]\([^()\n]{0,300}\)")
LINK = re.compile(r"\[([^\[\]\n]{0,300})\]\([^()\n]{0,300}\)")
REFERENCE_LINK = re.compile(r"\[([^\[\]\n]{0,300})\]\[[^\[\]\n]{0,60}\]")
FOOTNOTE_REFERENCE = re.compile(r"\[\^[^\]\n]{1,60}\]")
TAG = re.compile(r"<[^<>\n]{0,300}>")
EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)")
LEADER = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|(?:[-*+]|[0-9]{1,9}[.)])[ \t]+|>[ \t]?)*")
SENTENCE_END = re.compile(r"(?<=[.!?…])[ \u00a0\u202f]+(?=[«“\"(⟦A-ZÀ-ÖØ-Þ])")


@dataclass(frozen=True)
class Sentence:
    path: str
    line: int
    lang: str
    text: str  # its words: Markdown and markup removed, a quote of the text as ⟦ID.N⟧
    in_context: bool  # in a context box or a footnote: outside facts, with their sources

    @property
    def quoted(self) -> set[tuple[str, int | None]]:
        return {(match["id"], int(match["number"]) if match["number"] else None) for match in QUOTED.finditer(self.text)}


@dataclass(frozen=True)
class Block:
    """A paragraph, list item, heading or table row of a page, with the line of each of its lines."""

    path: str
    lang: str
    lines: tuple[tuple[int, str], ...]  # (line number, text with markers resolved)
    in_context: bool

    @property
    def first_line(self) -> int:
        return self.lines[0][0]

    @property
    def raw(self) -> str:
        return " ".join(text for _, text in self.lines)


def page_blocks(page) -> list[Block]:
    """The prose blocks of a page, markers resolved: a quote as ⟦ID.N⟧, a glossary reference as its
    words, a block marker as nothing; code, block quotes, table rules and admonition titles left out."""
    blocks, current, context, in_box = [], [], False, False

    def close():
        if current:
            blocks.append(Block(page.relative, page.lang, tuple(current), context))
            current.clear()

    for number, line in enumerate(_resolve_markers(page).split("\n"), start=1):
        stripped = line.strip()
        if number < page.body_start or not stripped:
            close()
            continue
        indented = len(line) - len(line.lstrip(" \t")) >= 4
        if not indented:
            in_box = bool(CONTEXT_BOX.match(stripped))  # a box runs while its lines are indented
        footnote = bool(FOOTNOTE_DEFINITION.match(stripped))
        if BLOCK_START.match(line) or ADMONITION.match(stripped) or footnote:
            close()
        if ADMONITION.match(stripped) or stripped.startswith(">") or TABLE_RULE.match(line):
            continue
        if not current:
            context = (in_box and indented) or footnote
        current.append((number, line))
    close()
    return blocks


def _resolve_markers(page) -> str:
    prose = page.scanned.prose
    pieces, done = [], 0
    for marker in page.scanned.markers:
        if marker.kind == QUOTE_INLINE:
            replacement = f"⟦{marker.target}{'.' + str(marker.sentence) if marker.sentence else ''}⟧"
        elif marker.kind == GLOSSARY_REFERENCE:
            replacement = marker.words
        else:
            replacement = ""
        pieces += [prose[done:marker.start], replacement]
        done = marker.end
    return "".join(pieces) + prose[done:]


def words_of(markdown: str) -> str:
    """A line of Markdown as the words a reader reads."""
    text = ATTRIBUTES.sub("", markdown)
    text = IMAGE.sub(r"\1", text)
    text = LINK.sub(r"\1", text)
    text = REFERENCE_LINK.sub(r"\1", text)
    text = FOOTNOTE_REFERENCE.sub("", text)
    text = TAG.sub("", text)
    text = LEADER.sub("", text)
    text = EMPHASIS.sub("", text).replace("|", ". ")
    return " ".join(text.split())


def split_sentences(block: Block) -> list[Sentence]:
    """The sentences of a block, each with the line where it starts."""
    offsets, text = [], ""
    for number, line in block.lines:
        words = words_of(line)
        if words:
            offsets.append((len(text), number))
            text += words + " "
    sentences, start = [], 0
    for piece in SENTENCE_END.split(text.strip()):
        line = next((number for offset, number in reversed(offsets) if offset <= start), block.first_line)
        if piece.strip():
            sentences.append(Sentence(block.path, line, block.lang, piece.strip(), block.in_context))
        start += len(piece) + 1
    return sentences


def sentences(sources) -> list[Sentence]:
    """Every sentence written around the text, in every language."""
    found = []
    for page in sources.pages:
        if page.lang not in sources.languages:
            continue
        for block in page_blocks(page):
            found += split_sentences(block)
        meta = page.front_matter or {}
        for key in ("title", "description"):
            if isinstance(meta.get(key), str):
                found += _text_sentences(page.relative, meta.line_of(key) + 1, page.lang, meta[key])
    for term in sources.declaration.terms:
        for lang, side in term.sides.items():
            if lang in sources.languages:
                found += _text_sentences("declaration/glossary.yml", side.line, lang, side.definition)
    for lang, words in sources.words.items():
        found += _words_sentences(words, words.data, lang)
    return found


def _text_sentences(path: str, line: int, lang: str, text: str) -> list[Sentence]:
    return [Sentence(path, line, lang, piece.strip(), False) for piece in SENTENCE_END.split(" ".join(text.split()))
            if piece.strip()]


def _words_sentences(words, data, lang) -> list[Sentence]:
    found = []
    for key, value in data.items():
        if isinstance(value, dict):
            found += _words_sentences(words, value, lang)
        elif isinstance(value, str):
            found += _text_sentences(f"declaration/{words.path.name}", data.line_of(key), lang, value)
    return found
