"""The markers by which pages refer to the declaration, and the one reader of them.

    <!-- quote: ID ID..ID -->   alone on its line: a passage, the French beside the page's language
    <!-- quote: all -->         the whole text (the full-text page)
    [[ID]]  [[ID.N]]            inline: a segment, or its sentence N
    [words](glossary:ID)        a reference to a glossary entry
    <!-- glossary -->           alone on its line: the glossary's entries (the glossary page)
    <!-- source-sha256 -->      inline: the pinned SHA-256 of the text (the About page)
    <!-- changes -->            alone on its line: the record of changes (the Changes page)
    [[fact:ID]]                 inline: an outside fact's statement, with its date and sources
    <!-- facts: ID ID -->       alone on its line: facts as a dated list (a time line)

`scan()` reads a page the way Python-Markdown and SuperFences will: front matter, fenced code
(``` or ~~~, indented or in a blockquote; an unclosed fence is text), indented code blocks and
inline code spans are not prose, and what looks like a marker there is an example, shown as
written. It returns the prose with all of that blanked out (same offsets, same lines) and every
marker with its kind, line and span. The hooks replace markers by span, the checks read the same
list; where Markdown would still disagree, the hooks' placeholders fail the build (see
overrides/hooks/markers.py). Everything here runs in time linear in the page's length, but the
pairing of backticks, n log n in their number.
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass, field

QUOTE_BLOCK = "quote-block"
QUOTE_INLINE = "quote-inline"
GLOSSARY_REFERENCE = "glossary-reference"
GLOSSARY_LIST = "glossary-list"
SOURCE_HASH = "source-hash"
CHANGES_LIST = "changes-list"
FACT = "fact"
FACTS_LIST = "facts-list"
FACT_PREFIX = "fact:"

QUOTE_ALL = "all"
RANGE = ".."

# MkDocs' own front matter pattern (mkdocs.utils.meta), so that both cut the page at one place.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
FENCE = re.compile(r"^(?P<prefix>[ \t>]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]|$)")
# An admonition (!!! note, ??? note): its content is indented, like a list item's, and is prose.
ADMONITION = re.compile(r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+\w")
BLOCK_START = re.compile(r"^[ \t]*(?:#{1,6}[ \t]|>|(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]|$))")
# The `>` that open a line of a block quote (nested quotes: several).
QUOTE_PREFIX = re.compile(r"^(?:[ \t]{0,3}>[ \t]?)+")
# An ID of the data (segment, glossary entry, page): lowercase words joined by hyphens.
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
INLINE_QUOTE = re.compile(r"\[\[(?P<body>[^\[\]\n]{0,100})\]\]")
INLINE_QUOTE_BODY = re.compile(rf"(?P<id>{ID.pattern})(?:\.(?P<sentence>[1-9][0-9]{{0,2}}))?")
GLOSSARY_REF = re.compile(r"\[(?P<words>[^\[\]\n]{1,200})\]\(glossary:(?P<id>[^()\s]{0,100})\)")
TAB_WIDTH = 4
NOT_NEWLINE = re.compile(r"[^\n]")
# The names of the comment markers, by kind: a comment whose name is near one of them is taken for
# that marker, mistyped, rather than for an editor's note.
COMMENT_MARKERS = {"quote": QUOTE_BLOCK, "glossary": GLOSSARY_LIST, "source-sha256": SOURCE_HASH,
                   "changes": CHANGES_LIST, "facts": FACTS_LIST}


def did_you_mean(name: str, known, what: str) -> str:
    """How to fix a mistyped name: the nearest known ones, or where the names are."""
    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    if close:
        return "did you mean " + " or ".join(repr(found) for found in close) + "?"
    return f"use {what}"


@dataclass(frozen=True)
class Marker:
    kind: str
    line: int  # in the scanned text, 1-based
    start: int  # span in the scanned text
    end: int
    text: str  # as written
    target: str = ""  # the quote spec, the segment ID, or the glossary entry ID
    sentence: int | None = None  # [[ID.N]]
    words: str = ""  # the words of a glossary reference
    error: str = ""  # a malformed marker: what is wrong, in words an editor can act on


@dataclass(frozen=True)
class ScannedPage:
    text: str
    prose: str  # the text with front matter and code blanked out: same length, same lines
    front_matter: str | None  # the YAML between the --- lines
    body_start: int  # the line where the page's Markdown starts (after front matter)
    markers: tuple[Marker, ...]
    hidden: tuple[tuple[int, int], ...] = ()  # the spans blanked out: front matter and code
    _line_starts: list[int] = field(repr=False, compare=False, default_factory=list)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset)

    def prose_lines(self) -> list[tuple[int, str]]:
        """(line number, prose) of every line of the body that has prose left."""
        lines = self.prose.split("\n")
        return [(number, line) for number, line in enumerate(lines, start=1)
                if number >= self.body_start and line.strip()]


def scan(text: str) -> ScannedPage:
    line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
    hidden: list[tuple[int, int]] = []  # spans that are not prose
    front_matter, body_start = None, 1
    match = FRONT_MATTER.match(text)
    if match:
        front_matter = match[1]
        hidden.append((0, match.end()))
        body_start = text.count("\n", 0, match.end()) + 1
    lines = text.split("\n")
    fenced, indented = _code_lines(lines, body_start - 1)
    code = [(line_starts[index], line_starts[index] + len(lines[index])) for index in sorted(fenced | indented)]
    hidden += code
    # Backticks pair across a fence within a paragraph (SuperFences leaves a placeholder there),
    # never with the fence's own.
    hidden += _code_spans(_blanked(text, code), lines, line_starts, fenced, indented, body_start - 1)
    page = ScannedPage(text, _blanked(text, hidden), front_matter, body_start, (), tuple(sorted(hidden)), line_starts)
    markers = _comment_markers(page) + _inline_markers(page)
    object.__setattr__(page, "markers", tuple(sorted(markers, key=lambda marker: marker.start)))
    return page


def parse_spec(spec: str, order: list[str], lenient: bool = False) -> list[str]:
    """The segment IDs a quote spec names, in the order it names them: `all`, IDs, ranges `A..B`.
    Raises LookupError, in words an editor can act on (the nearest IDs), for an unknown ID or a
    backward range; `lenient`: an unknown ID is read as the nearest one, so that the checks count
    what the editor meant (one mistake, one finding) while the build fails on it."""
    if spec == QUOTE_ALL:
        return list(order)
    chosen = []
    position = {segment_id: index for index, segment_id in enumerate(order)}
    for item in spec.split():
        first, _, last = item.partition(RANGE)
        if lenient:
            first, last = (nearest(name, order) if name and name not in position else name for name in (first, last))
            if first is None or (last is None and RANGE in item):
                continue
        for segment_id in (first, last or first):
            if segment_id not in position:
                raise LookupError(f"unknown segment '{segment_id}' in quote marker: "
                                  + did_you_mean(segment_id, order, "an ID from declaration/segments.yml"))
        start, end = position[first], position[last or first]
        if end < start:
            if lenient:
                continue
            raise LookupError(f"range '{item}' runs backwards: write the earlier segment first")
        chosen.extend(order[start:end + 1])
    return chosen


def nearest(name: str, known: list[str]) -> str | None:
    """The known name a mistyped one was most likely meant to be, if one is near enough."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return close[0] if close else None


# Code: what Markdown will not read as prose ---------------------------------------------------------


def _blanked(text: str, hidden: list[tuple[int, int]]) -> str:
    """The text with every hidden span turned into spaces, line breaks kept."""
    pieces, done = [], 0
    for start, end in sorted(hidden):
        start = max(start, done)
        if end > start:
            pieces += [text[done:start], NOT_NEWLINE.sub(" ", text[start:end])]
            done = end
    return "".join(pieces) + text[done:]


def _indent(line: str) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += TAB_WIDTH - width % TAB_WIDTH
        else:
            break
    return width


def _code_lines(lines: list[str], first: int) -> tuple[set[int], set[int]]:
    """Indexes of the lines inside fenced code blocks (fences included), and inside indented ones."""
    closers = _fence_closers(lines)
    fenced: set[int] = set()
    code: set[int] = set()  # indented
    previous_blank, list_indent = True, None
    fences = True  # after a fence that nothing closes, SuperFences opens no other: all is text
    index = first
    while index < len(lines):
        line = lines[index]
        opener = _fence_opener(line) if fences else None
        if opener:
            close = _closing_line(closers, opener, index)
            if close is not None:
                fenced.update(range(index, close + 1))
                if list_indent is not None and _indent(line) < list_indent + TAB_WIDTH:
                    list_indent = None  # a fence outside the list's content ends the list
                index, previous_blank = close + 1, False
                continue
            fences = False
        if not line.strip():
            previous_blank = True
            index += 1
            continue
        indent = _indent(line)
        # Indented code: four columns past the margin, or past a list item's content.
        threshold = TAB_WIDTH if list_indent is None else list_indent + 2 * TAB_WIDTH
        if previous_blank and indent >= threshold:
            index = _indented_block_end(lines, index, code, threshold)
            previous_blank = False
            continue
        item = LIST_ITEM.match(line) or ADMONITION.match(line)
        if item:
            list_indent = _indent(item["indent"])
        elif indent == 0 and previous_blank:
            list_indent = None  # a paragraph at the margin ends the list
        previous_blank = False
        index += 1
    return fenced, code


def _indented_block_end(lines: list[str], index: int, code: set[int], threshold: int) -> int:
    """Mark an indented code block starting at `index`, its lines indented `threshold` columns or
    more (blank lines within it included); return the index of the line after it."""
    first = last = index
    while index < len(lines) and (not lines[index].strip() or _indent(lines[index]) >= threshold):
        if lines[index].strip():
            last = index
        index += 1
    code.update(range(first, last + 1))
    return last + 1


def _fence_opener(line: str) -> tuple[str, str, int] | None:
    """(its prefix, its character, its length) if the line opens a fence."""
    match = FENCE.match(line)
    if not match:
        return None
    fence, info = match["fence"], match["info"]
    if fence[0] == "`" and "`" in info:
        return None  # ```inline``` is a code span, not a fence
    return match["prefix"], fence[0], len(fence)


def _fence_closers(lines: list[str]) -> dict[tuple[str, str, int], list[int]]:
    """The lines that could close a fence, by (prefix, character, length), in order."""
    closers: dict[tuple[str, str, int], list[int]] = {}
    for index, line in enumerate(lines):
        match = FENCE.match(line)
        if match and not match["info"].strip():
            closers.setdefault((match["prefix"], match["fence"][0], len(match["fence"])), []).append(index)
    return closers


def _closing_line(closers: dict, opener: tuple[str, str, int], index: int) -> int | None:
    """SuperFences closes a fence only with the very same fence, at the same place (the same
    indentation, in the same block quote)."""
    candidates = closers.get(opener, [])
    position = bisect.bisect_right(candidates, index)
    return candidates[position] if position < len(candidates) else None


def _code_spans(text: str, lines: list[str], line_starts: list[int], fenced: set[int], indented: set[int],
                first: int) -> list[tuple[int, int]]:
    """Spans of inline code, paired within each paragraph (_paired_backticks) of `text`, whose code
    blocks are blanked. A paragraph is a run of lines up to a blank line, indented code, or a
    line that starts another block; a fence does not end it (SuperFences leaves a placeholder in
    its place, within the paragraph). A block quote's lines are read without their `>`: its
    paragraph goes on across them, and a line without `>` right after them is still the quote's
    (Markdown's lazy continuation)."""
    spans = []
    paragraph: list[int] = []
    depth = 0  # of the paragraph under way: how many `>` its lines start with
    for index in range(first, len(lines) + 1):
        if index in fenced:
            continue
        line = lines[index] if index < len(lines) else ""
        quoted = QUOTE_PREFIX.match(line)
        line_depth, content = (quoted.group().count(">"), line[quoted.end():]) if quoted else (0, line)
        ends_paragraph = index == len(lines) or index in indented or not content.strip()
        other_block = BLOCK_START.match(content) or (line_depth and line_depth != depth)
        if paragraph and (ends_paragraph or other_block):
            start, end = line_starts[paragraph[0]], line_starts[paragraph[-1]] + len(lines[paragraph[-1]])
            spans += _paired_backticks(text, start, end)
            paragraph = []
        if not ends_paragraph:
            if not paragraph:
                depth = line_depth
            paragraph.append(index)
    return spans


def _paired_backticks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of inline code in a paragraph, paired as Python-Markdown pairs them
    (markdown.inlinepatterns.BacktickInlineProcessor), left to right: a backtick not after an
    escaping backslash opens with the rest of its run, N backticks; the next run of exactly N
    closes it; failing that, the first of the longest later runs, if shorter than N (the span then
    opens with that many); failing that, the run is text, and so are the N characters after it.
    Each run is read once; each opening finds its closing run by bisection: n log n."""
    runs = []  # (start, end, escaped: its first backtick is after an odd number of backslashes)
    position = text.find("`", start, end)
    while position != -1:
        run_end = position
        while run_end < end and text[run_end] == "`":
            run_end += 1
        backslashes = 0
        while position - backslashes > start and text[position - backslashes - 1] == "\\":
            backslashes += 1
        runs.append((position, run_end, backslashes % 2 == 1))
        position = text.find("`", run_end, end)
    by_length: dict[int, list[int]] = {}  # a length → the runs of that length, in order
    for number, (run_start, run_end, _) in enumerate(runs):
        by_length.setdefault(run_end - run_start, []).append(number)
    longest_after: list[tuple[int, int]] = [(0, -1)] * (len(runs) + 1)  # (length, first index) of the runs after
    for number in range(len(runs) - 1, -1, -1):
        length = runs[number][1] - runs[number][0]
        later = longest_after[number + 1]
        longest_after[number] = (length, number) if length >= later[0] else later
    spans, position, number = [], start, 0
    while number < len(runs):
        run_start, run_end, escaped = runs[number]
        if run_end <= position:
            number += 1
            continue
        opening = max(run_start, position)
        if opening == run_start and escaped:
            opening += 1
        ticks = run_end - opening
        if ticks <= 0:
            number += 1
            continue
        same = by_length.get(ticks, [])
        following = bisect.bisect_right(same, number)
        longest, longest_index = longest_after[number + 1]
        close = same[following] if following < len(same) else longest_index if 0 < longest < ticks else None
        if close is None:
            position = run_end + ticks
            number += 1
            continue
        spans.append((opening, runs[close][1]))
        position, number = runs[close][1], close + 1
    return spans


# Markers --------------------------------------------------------------------------------------------


def _comment_markers(page: ScannedPage) -> list[Marker]:
    """<!-- quote: … -->, <!-- glossary -->, <!-- source-sha256 --> and <!-- changes -->; other
    comments are the editors' own notes."""
    prose, markers = page.prose, []
    start = prose.find("<!--")
    while start != -1:
        end = prose.find("-->", start + 4)
        if end == -1:
            break
        end += 3
        body = prose[start + 4:end - 3].strip()
        line = page.line_of(start)
        line_start = page._line_starts[line - 1]
        line_end = prose.find("\n", end)
        alone = not prose[line_start:start].strip() and not prose[end:len(prose) if line_end == -1 else line_end].strip()
        text = prose[start:end]
        name = re.match(r"[a-z0-9-]*", body)[0]
        known = name if name in COMMENT_MARKERS else _nearest_marker(name, body)
        typo = "" if known == name else f"unknown marker '{name}': did you mean '{known}'?"
        if known == "quote":
            spec = body[len(name):].strip()
            error = typo
            if not error and (not spec.startswith(":") or not spec[1:].strip()):
                error = "malformed quote marker: write <!-- quote: ID ID..ID --> with IDs from declaration/segments.yml"
            elif not error and (not alone or "\n" in text):
                error = "a quote marker stands alone on its line"
            markers.append(Marker(QUOTE_BLOCK, line, start, end, text, target=" ".join(spec.lstrip(":").split()),
                                  error=error))
        elif known == "glossary" and body == name:
            error = typo or ("" if alone else "the glossary marker stands alone on its line")
            markers.append(Marker(GLOSSARY_LIST, line, start, end, text, error=error))
        elif known == "source-sha256" and body == name:
            markers.append(Marker(SOURCE_HASH, line, start, end, text, error=typo))
        elif known == "changes" and body == name:
            error = typo or ("" if alone else "the changes marker stands alone on its line")
            markers.append(Marker(CHANGES_LIST, line, start, end, text, error=error))
        elif known == "facts":
            ids = body[len(name):].strip()
            error = typo
            if not error and (not ids.startswith(":") or not ids[1:].split()
                              or not all(ID.fullmatch(i) for i in ids[1:].split())):
                error = "malformed facts marker: write <!-- facts: ID ID --> with IDs from declaration/facts.yml"
            elif not error and (not alone or "\n" in text):
                error = "a facts marker stands alone on its line"
            markers.append(Marker(FACTS_LIST, line, start, end, text, target=" ".join(ids.lstrip(":").split()),
                                  error=error))
        start = prose.find("<!--", end)
    return markers


def _nearest_marker(name: str, body: str) -> str | None:
    """The marker a comment was meant to be, when its name is one mistyped (<!-- quotes: … -->);
    None for an editor's note."""
    rest = body[len(name):].strip()
    shaped = not rest or rest.startswith(":")  # a marker's shape: its name alone, or followed by ':'
    close = difflib.get_close_matches(name, list(COMMENT_MARKERS), n=1, cutoff=0.75) if name and shaped else []
    return close[0] if close else None


def _inline_markers(page: ScannedPage) -> list[Marker]:
    prose, markers = page.prose, []
    for match in INLINE_QUOTE.finditer(prose):
        if match["body"].strip().startswith(FACT_PREFIX):
            fact = match["body"].strip()[len(FACT_PREFIX):]
            error = "" if ID.fullmatch(fact) else (f"malformed marker {match[0]}: write [[fact:ID]] with an ID from "
                                                  "declaration/facts.yml")
            markers.append(Marker(FACT, page.line_of(match.start()), match.start(), match.end(), match[0], target=fact,
                                  error=error))
            continue
        body = INLINE_QUOTE_BODY.fullmatch(match["body"].strip())
        error = "" if body else (f"malformed marker {match[0]}: write [[ID]] or [[ID.N]] (sentence N) "
                                 "with an ID from declaration/segments.yml")
        markers.append(Marker(QUOTE_INLINE, page.line_of(match.start()), match.start(), match.end(), match[0],
                              target=body["id"] if body else "",
                              sentence=int(body["sentence"]) if body and body["sentence"] else None,
                              error=error))
    taken = [(marker.start, marker.end) for marker in markers]
    for match in GLOSSARY_REF.finditer(prose):
        error = "" if ID.fullmatch(match["id"]) else (
            f"malformed glossary reference {match[0]}: write [words](glossary:ID) with an ID "
            "from declaration/glossary.yml")
        markers.append(Marker(GLOSSARY_REFERENCE, page.line_of(match.start()), match.start(), match.end(),
                              match[0], target=match["id"], words=match["words"], error=error))
        taken.append((match.start(), match.end()))
    markers += _stray_references(page, sorted(taken))
    return markers


def _stray_references(page: ScannedPage, taken: list[tuple[int, int]]) -> list[Marker]:
    """`(glossary:` outside a well-formed reference: a reference the build would not expand."""
    strays = []
    prose = page.prose
    position = prose.find("(glossary:")
    while position != -1:
        index = bisect.bisect_right(taken, (position, float("inf"))) - 1
        if index < 0 or not taken[index][0] <= position < taken[index][1]:
            # The reference's end is looked for where a well-formed one could end (GLOSSARY_REF:
            # an ID of at most 100 characters, on the same line), never further: each stray costs
            # a bounded search, so the scan stays linear in the page's length.
            line = page.line_of(position)
            line_end = page._line_starts[line] - 1 if line < len(page._line_starts) else len(prose)
            end = prose.find(")", position, min(position + len("(glossary:") + 101, line_end))
            end = position + len("(glossary:") if end == -1 else end + 1
            strays.append(Marker(GLOSSARY_REFERENCE, line, position, end,
                                 prose[position:end],
                                 error="malformed glossary reference: write [words](glossary:ID), "
                                       "the words in brackets, no space, no title"))
        position = prose.find("(glossary:", position + 1)
    return strays
