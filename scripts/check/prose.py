"""The sentences written around the text, as the meaning check reads them: every block of what
the build rendered of the pages and snippets (rendered.py: the words a reader reads, entities
decoded, code included, a quotation of the text as ⟦ID.N⟧), and the front matter, glossary
definitions and interface words, each with its file, line and language, and whether it stands
in a context box or a footnote, where outside facts live with their sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from declaration import split_sentences

QUOTED = re.compile(r"⟦(?P<id>[a-z0-9-]+)(?:\.(?P<number>[0-9]+))?⟧")


@dataclass(frozen=True)
class Sentence:
    path: str
    line: int
    lang: str
    text: str  # its words; a quote of the text as ⟦ID.N⟧
    in_context: bool  # in a context box or a footnote: outside facts, with their sources

    @property
    def quoted(self) -> set[tuple[str, int | None]]:
        return {(match["id"], int(match["number"]) if match["number"] else None) for match in QUOTED.finditer(self.text)}


def context_pages(sources) -> set[str]:
    """The pages whose front matter says `context: true`: every sentence there is an outside fact
    (or quotes the text), with its source."""
    return {page.relative for page in sources.pages if (page.front_matter or {}).get("context") is True}


def page_sentences(sources, pages) -> list[Sentence]:
    """Every sentence of the pages and snippets, in every language, as rendered."""
    found, outside = [], context_pages(sources)
    for page in pages:
        if page.lang not in sources.languages:
            continue
        for block in page.blocks:
            position = block.position
            for text in split_sentences(block.text):
                # Each sentence at its own line: found among the source's words from its block on.
                place = page.lines.find(text.replace("⟦", " ").replace("⟧", " "), position)
                path, line = (place[1] if place and place[1][0] == block.source else (block.source, block.line))
                if place:
                    position = place[0]
                found.append(Sentence(path, line, block.lang, text, block.in_context or page.source in outside))
    return found


def data_sentences(sources) -> list[Sentence]:
    """Every sentence the site writes from its data: front matter, glossary, interface words."""
    found, outside = [], context_pages(sources)
    for page in sources.pages:
        if page.lang not in sources.languages:
            continue
        meta = page.front_matter or {}
        for key in ("title", "description"):
            if isinstance(meta.get(key), str):
                found += _text_sentences(page.relative, meta.line_of(key) + 1, page.lang, meta[key],
                                         page.relative in outside)
    for term in sources.declaration.terms:
        for lang, side in term.sides.items():
            if lang in sources.languages:
                found += _text_sentences("declaration/glossary.yml", side.definition_line, lang, side.definition)
    for lang, words in sources.words.items():
        found += _words_sentences(words, words.data, lang)
    return found


def _text_sentences(path: str, line: int, lang: str, text: str, in_context: bool = False) -> list[Sentence]:
    return [Sentence(path, line, lang, piece, in_context) for piece in split_sentences(" ".join(text.split()))]


def _words_sentences(words, data, lang) -> list[Sentence]:
    found = []
    for key, value in data.items():
        if isinstance(value, dict):
            found += _words_sentences(words, value, lang)
        elif isinstance(value, str):
            found += _text_sentences(f"declaration/{words.path.name}", data.line_of(key), lang, value)
    return found
