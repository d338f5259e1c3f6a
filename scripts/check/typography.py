"""Check typography: French prose takes French spaces; the declaration keeps its own.

In what the site writes in French (pages, snippets, front matter, the French side of the
glossary, the French interface words): a narrow no-break space (U+202F) before ; ! and ?, a
no-break space (U+00A0) before : and inside « » (U+202F is accepted there too). Never in the
declaration's own words: quotes come from the data, and block quotes, code, URLs, markup and
marker syntax are left as they are. `make typography` (`python -m scripts.check typography`)
puts the right spaces in, everywhere this check looks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from declaration.markers import scan

from .findings import Finding

CHECK = "typography"
NARROW = "\u202f"
NO_BREAK = "\u00a0"
SPACES = " \u00a0\u202f"
# What is not French prose inside a prose line: words marked as another language, link targets,
# autolinks and URLs, markup, attribute lists, footnote labels, entities, times (10:30) are blanked
# out first.
NOT_PROSE = re.compile(r"<span lang=\"(?!fr\")[a-zA-Z-]{2,12}\">[^<\n]{0,500}</span>|\]\([^()\n]{0,500}\)|<[^<>\n]{0,300}>|\{[:#.][^{}\n]{0,200}\}|\[\^[^\]\n]{1,60}\]:?"
                       r"|\b[a-z][a-z0-9+.-]{1,20}://[^\s)>\]]{0,500}|&#?[A-Za-z0-9]{1,32};|\d:\d|!\[|\[\[")
YAML_KEY = re.compile(r"^(\s*(?:- )?[A-Za-z_]+:)([ \t]|$)")
FRENCH_PAGE = re.compile(r"(?:^|/)[a-z0-9_-]+\.fr\.md$")


@dataclass(frozen=True)
class Edit:
    offset: int  # in the file's text
    length: int  # of the text it replaces (0: an insertion)
    text: str
    problem: str


def check(sources) -> list[Finding]:
    findings = []
    for path, text, spans in french_prose(sources):
        lines_seen = set()
        for edit in edits(text, spans):
            line = text.count("\n", 0, edit.offset) + 1
            if line not in lines_seen:
                lines_seen.add(line)
                findings.append(Finding(path, line, CHECK, f"French typography: {edit.problem}",
                                        "run `make typography`, which puts the right spaces in"))
    return findings


def fix(sources) -> list[str]:
    """Put the French spaces in, in place; the files changed."""
    changed = []
    for path, text, spans in french_prose(sources):
        result, done = [], 0
        for edit in edits(text, spans):
            result += [text[done:edit.offset], edit.text]
            done = edit.offset + edit.length
        if done:
            (sources.root / path).write_text("".join(result) + text[done:], encoding="utf-8")
            changed.append(path)
    return changed


def french_prose(sources):
    """(path, text, prose spans) of everything the site writes in French."""
    for page in sources.pages:
        if page.lang == "fr" and page.text:
            yield page.relative, page.text, _page_spans(page)
    for relative, text in sorted(sources.texts.items()):
        if relative.startswith("docs/_snippets/") and FRENCH_PAGE.search(relative):
            scanned = scan(text)
            yield relative, text, _without(_prose_spans(scanned.prose), scanned.hidden)
    interface = "declaration/interface.fr.yml"
    if interface in sources.texts:
        yield interface, sources.texts[interface], _yaml_spans(sources.texts[interface], everything=True)
    glossary = "declaration/glossary.yml"
    if glossary in sources.texts:
        yield glossary, sources.texts[glossary], _yaml_spans(sources.texts[glossary], everything=False)


def _page_spans(page) -> list[tuple[int, int]]:
    """The prose of a page: the body outside code, block quotes and markers, and the values of its
    front matter."""
    spans = _prose_spans(page.scanned.prose, page.body_start)
    spans = _without(spans, [*page.scanned.hidden, *((marker.start, marker.end) for marker in page.scanned.markers)])
    text, offset = page.text, 0
    for number, line in enumerate(text.split("\n"), start=1):
        if 1 < number < page.body_start:
            key = YAML_KEY.match(line)
            if key and key[1].strip() in ("title:", "description:"):
                spans.append((offset + key.end(), offset + len(line)))
        offset += len(line) + 1
    return spans


def _prose_spans(prose: str, first: int = 1) -> list[tuple[int, int]]:
    """The lines of prose (code blanked out by the scanner), block quotes left out."""
    spans, offset = [], 0
    for number, line in enumerate(prose.split("\n"), start=1):
        if number >= first and line.strip() and not line.lstrip().startswith(">"):
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


def _yaml_spans(text: str, everything: bool) -> list[tuple[int, int]]:
    """The French values of a YAML file: every value (interface words), or the terms and
    definitions of the glossary's fr: sides; their continuation lines included."""
    spans, offset, in_french, in_value = [], 0, everything, False
    for line in text.split("\n"):
        stripped = line.strip()
        key = YAML_KEY.match(line)
        if stripped.startswith("#") or not stripped:
            in_value = False if not stripped else in_value
        elif key:
            name = key[1].strip().lstrip("- ")
            if not everything and len(line) - len(line.lstrip()) <= 2:
                in_french = name == "fr:"
            in_value = in_french and name in (("term:", "definition:") if not everything else (name,)) and name != "locale:"
            if in_value:
                spans.append((offset + key.end(), offset + len(line)))
        elif in_value:
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


def _without(spans, holes) -> list[tuple[int, int]]:
    result = []
    holes = sorted(holes)
    for start, end in spans:
        for hole_start, hole_end in holes:
            if hole_end <= start or hole_start >= end:
                continue
            if hole_start > start:
                result.append((start, hole_start))
            start = max(start, hole_end)
        if start < end:
            result.append((start, end))
    return result


def edits(text: str, spans) -> list[Edit]:
    found = []
    for start, end in spans:
        segment = NOT_PROSE.sub(lambda match: "\x00" * len(match[0]), text[start:end])
        for index, char in enumerate(segment):
            offset = start + index
            previous = segment[index - 1] if index else "\x00"
            if char in ";!?" and previous not in "\x00;!?" and previous != NARROW:
                found.append(_space_before(text, offset, previous, NARROW, f"a narrow no-break space before '{char}'"))
            elif char == ":" and previous not in "\x00" and previous not in (NO_BREAK, NARROW) \
                    and not segment.startswith("//", index + 1):
                found.append(_space_before(text, offset, previous, NO_BREAK, "a no-break space before ':'"))
            elif char == "«" and index + 1 < len(segment) and segment[index + 1] not in (NO_BREAK, NARROW):
                following = segment[index + 1]
                found.append(Edit(offset + 1, 1 if following == " " else 0, NO_BREAK, "a no-break space after '«'"))
            elif char == "»" and previous not in (NO_BREAK, NARROW, "\x00"):
                found.append(_space_before(text, offset, previous, NO_BREAK, "a no-break space before '»'"))
    return sorted(found, key=lambda edit: edit.offset)


def _space_before(text: str, offset: int, previous: str, space: str, problem: str) -> Edit:
    if previous in SPACES:
        return Edit(offset - 1, 1, space, problem)
    return Edit(offset, 0, space, problem)
