"""The Markdown pages of docs/, read the way the checks need them: front matter, and every
heading, marker, link, list item and blockquote with its line number."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from declaration.markers import GLOSSARY_REFERENCE, INLINE_QUOTE, QUOTE_BLOCK

DOCS = "docs"
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?---[ \t]*\n", re.DOTALL)
HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*(?:\{(?P<attrs>[^}]*)\})?[ \t]*$")
HEADING_ID = re.compile(r"#(?P<id>[\w-]+)")
FENCE = re.compile(r"^[ \t]*(```|~~~)")
LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+\.)[ \t]+\S")
LINK = re.compile(r"(?<!!)\[(?P<words>[^\]\n]*)\]\((?P<target>[^)\s]+)(?:[ \t]+\"[^\"]*\")?\)")
IMAGE = re.compile(r"!\[[^\]\n]*\]\((?P<target>[^)\s]+)")
INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")


def without_code(line: str) -> str:
    """The line with its inline code spans emptied: `<script>` in backticks is text, not HTML."""
    return INLINE_CODE.sub("``", line)


@dataclass(frozen=True)
class Located:
    line: int
    value: object
    text: str = ""  # the raw text of the match


@dataclass
class Page:
    path: Path  # absolute
    relative: str  # docs/strand-1.fr.md
    slug: str  # strand-1
    lang: str
    text: str
    front_matter: dict | None = None
    front_matter_error: tuple[int, str] | None = None
    body_start: int = 1  # line of the first line after the front matter
    body_lines: list = field(default_factory=list)  # (line number, text), code fences removed

    def located(self, pattern: re.Pattern) -> list[Located]:
        """Every match of `pattern` in the body (outside code), with its line."""
        found = []
        for number, line in self.body_lines:
            for match in pattern.finditer(line):
                found.append(Located(number, match, match[0]))
        return found

    @cached_property
    def headings(self) -> list[Located]:
        """(level, explicit id or None, text) of every heading but the page title (level 1)."""
        found = []
        for number, line in self.body_lines:
            match = HEADING.match(line)
            if match and len(match["hashes"]) > 1:
                attrs = HEADING_ID.search(match["attrs"] or "")
                found.append(Located(number, (len(match["hashes"]), attrs["id"] if attrs else None),
                                     match["text"]))
        return found

    @cached_property
    def quote_blocks(self) -> list[Located]:
        return self.located(QUOTE_BLOCK)

    @cached_property
    def inline_quotes(self) -> list[Located]:
        return self.located(INLINE_QUOTE)

    @cached_property
    def glossary_references(self) -> list[Located]:
        return self.located(GLOSSARY_REFERENCE)

    @cached_property
    def links(self) -> list[Located]:
        """Markdown links to other pages or anchors (not glossary references, not external)."""
        return [found for found in self.located(LINK)
                if not re.match(r"[a-z][a-z0-9+.-]*:", found.value["target"])]

    @cached_property
    def list_items(self) -> list[int]:
        return [number for number, line in self.body_lines if LIST_ITEM.match(line)]

    @cached_property
    def blockquotes(self) -> list[list[tuple[int, str]]]:
        """Each blockquote as its lines (number, text without the leading `>`)."""
        quotes, current = [], []
        for number, line in self.body_lines:
            if line.lstrip().startswith(">"):
                current.append((number, line.lstrip()[1:].lstrip()))
            elif current:
                quotes.append(current)
                current = []
        if current:
            quotes.append(current)
        return quotes


def read_pages(root: Path) -> list[Page]:
    pages = []
    for path in sorted((root / DOCS).rglob("*.md")):
        name_parts = path.name.split(".")
        lang = name_parts[-2] if len(name_parts) >= 3 else ""
        page = Page(path=path, relative=path.relative_to(root).as_posix(),
                    slug=path.relative_to(root / DOCS).as_posix().split(".")[0], lang=lang,
                    text=path.read_text(encoding="utf-8"))
        _read_front_matter(page)
        _read_body(page)
        pages.append(page)
    return pages


def _read_front_matter(page: Page) -> None:
    match = FRONT_MATTER.match(page.text)
    if not match:
        return
    page.body_start = match.group(0).count("\n") + 1
    try:
        data = yaml.safe_load(match["yaml"] or "")
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = 2 + (mark.line if mark else 0)
        page.front_matter_error = (line, f"front matter is not valid YAML ({getattr(error, 'problem', error)})")
        return
    if not isinstance(data, dict):
        page.front_matter_error = (1, "front matter is not a list of `key: value` lines")
        return
    page.front_matter = data


def _read_body(page: Page) -> None:
    in_fence = False
    for number, line in enumerate(page.text.split("\n")[page.body_start - 1:], start=page.body_start):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            page.body_lines.append((number, line))
