"""Check quotes: whatever a page presents as the declaration's text is the text.

In the pages: blockquotes (reserved for quoting the declaration) and the segment lists of quote
markers. In the built site: every generated passage and inline quote. Comparison works the way
translation QA tools do: first a scan for invisible and look-alike characters, then an NFC exact
match; a match only after folding typographic variants (’ and ', U+2011 and -, no-break and
plain spaces) is a warning; anything else fails with a word diff. A dropped, added or
reordered paragraph or list item fails.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

import declaration as declaration_module
from declaration.markers import QUOTE_BLOCK, RANGE, parse_spec

from . import characters
from .findings import WARNING, Finding

CHECK = "quotes"
QUOTATION_MARKS = "«»“”\"„ \u00a0\u202f"
EMPHASIS = re.compile(r"^[*_]+|[*_]+$")


def check(sources) -> list[Finding]:
    findings, declaration = [], sources.declaration
    for page in sources.pages:
        candidates = _candidates(declaration, dict.fromkeys((declaration_module.SOURCE_LANGUAGE, page.lang)))
        for quote in page.blockquotes:
            findings += _check_blockquote(page.relative, quote, candidates, declaration)
        for marker in page.markers_of(QUOTE_BLOCK):
            findings += _check_marker_order(page.relative, marker, declaration)
    return findings


def _candidates(declaration, languages) -> list[tuple[int, str]]:
    """(segment index, text) of every segment and every sentence, in the given languages (those
    it is translated into: a missing translation is the translations check's finding)."""
    return [(index, text)
            for lang in languages
            for index, segment in enumerate(declaration.segments)
            if segment.is_in(lang)
            for text in (segment.text(lang), *segment.sentences(lang))]


def compare(text: str, candidates: list[tuple[int, str]]) -> tuple[str, int, str]:
    """("exact" | "typography" | "different" | "hidden", the segment index of the matching or
    closest candidate, a word diff or the hidden characters)."""
    hidden = characters.scan(text)
    if hidden:
        return "hidden", -1, "; ".join(problem for problem, _ in hidden)
    normalised = unicodedata.normalize("NFC", text)
    for index, candidate in candidates:
        if normalised in candidate:
            return "exact", index, ""
    folded = declaration_module.fold(normalised)
    for index, candidate in candidates:
        if folded in declaration_module.fold(candidate):
            return "typography", index, word_diff(candidate, normalised)
    index, closest = _closest(normalised, candidates)
    return "different", index, word_diff(closest, normalised)


def _closest(text: str, candidates: list[tuple[int, str]]) -> tuple[int, str]:
    """The run of words of the text most like the quote: a quote is often part of a sentence."""
    words = text.split()
    best, found = -1.0, (-1, "")
    for index, candidate in candidates:
        candidate_words = candidate.split()
        for start in range(max(1, len(candidate_words) - len(words) + 1)):
            window = candidate_words[start:start + len(words)]
            ratio = difflib.SequenceMatcher(None, window, words, autojunk=False).ratio()
            if ratio > best:
                best, found = ratio, (index, " ".join(window))
    return found


def word_diff(expected: str, actual: str) -> str:
    """The difference word by word: [-words of the text-] {+words of the page+}."""
    old, new = expected.split(), actual.split()
    out = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            words = old[a1:a2]
            out.append(" ".join(words if len(words) <= 6 else words[:3] + ["…"] + words[-3:]))
        else:
            if a2 > a1:
                out.append("[-" + " ".join(old[a1:a2]) + "-]")
            if b2 > b1:
                out.append("{+" + " ".join(new[b1:b2]) + "+}")
    return "    " + " ".join(out)


def _pieces(quote: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The paragraphs and list items of a blockquote, each with its first line."""
    pieces: list[tuple[int, list[str]]] = []
    for number, line in quote:
        stripped = line.strip()
        if not stripped:
            pieces.append((number, []))
            continue
        item = re.match(r"^(?:[-*+]|\d+\.)\s+(.*)$", stripped)
        if item or not pieces or not pieces[-1][1]:
            pieces.append((number, [item[1] if item else stripped]))
        else:
            pieces[-1][1].append(stripped)
    return [(number, EMPHASIS.sub("", " ".join(words)).strip(QUOTATION_MARKS))
            for number, words in pieces if words]


def _check_blockquote(path, quote, sources, declaration) -> list[Finding]:
    findings, positions = [], []
    for number, text in _pieces(quote):
        status, index, detail = compare(text, sources)
        if status == "hidden":
            findings.append(Finding(path, number, CHECK, f"the quote hides characters: {detail}",
                                    "retype the quote from declaration/declaration.fr.txt"))
        elif status == "typography":
            findings.append(Finding(path, number, CHECK, "the quote matches the text only once "
                                    "typography is ignored (apostrophe, hyphen or space)",
                                    "copy it from declaration/declaration.fr.txt, or use a "
                                    "quote marker", WARNING, detail))
        elif status == "different":
            findings.append(Finding(path, number, CHECK, "the quote differs from the declaration",
                                    "quote the text with <!-- quote: ID --> instead of typing it, "
                                    "or copy it exactly", detail=detail))
        if status in ("exact", "typography"):
            positions.append((number, index))
    return findings + _sequence_findings(path, positions, declaration)


def _sequence_findings(path, positions, declaration) -> list[Finding]:
    findings = []
    ids = [segment.id for segment in declaration.segments]
    for (_, previous), (number, current) in zip(positions, positions[1:]):
        if current <= previous:
            findings.append(Finding(path, number, CHECK, f"'{ids[current]}' comes after "
                                    f"'{ids[previous]}': the quote reorders the text",
                                    "keep the paragraphs and items in the order of the text"))
        elif current > previous + 1:
            dropped = ", ".join(ids[previous + 1:current])
            findings.append(Finding(path, number, CHECK, f"the quote drops {dropped}",
                                    "quote every paragraph and item in between, or split the quote in two"))
    return findings


def _check_marker_order(path, marker, declaration) -> list[Finding]:
    order = [segment.id for segment in declaration.segments]
    try:
        chosen = parse_spec(marker.target, order) if not marker.error else []
    except LookupError:
        return []  # an unknown segment is the coverage check's finding
    positions = [(marker.line, order.index(segment_id)) for segment_id in chosen]
    findings = _sequence_findings(path, positions, declaration)
    return [Finding(f.path, f.line, f.check, f.problem, f"{f.fix}; a range {RANGE} keeps every "
                    "segment in between", f.severity) for f in findings]


def check_site(sources, site) -> list[Finding]:
    """Every generated passage and inline quote of the built site says what the data says."""
    findings, declaration = [], sources.declaration
    by_id = declaration.by_id
    texts: dict[str, list[str]] = {}  # by language: every segment as the text says it
    for lang, pages in site.pages.items():
        for slug, path in pages.items():
            relative = path.relative_to(site.root).as_posix()
            content = site.content(lang, slug)
            for row in content.find_all(cls="dp-row"):
                if not _shows_its_segment(row, by_id.get(row.attrs.get("id"))):
                    findings.append(Finding(f"site/{relative}", row.line, CHECK,
                                            f"passage '{row.attrs.get('id')}' does not show the "
                                            "declaration's text", "rebuild; if it persists, "
                                            "report a bug in overrides/hooks/_quotes.py"))
            for quote in content.find_all("q", cls="dp-quote"):
                language = quote.lang()
                if language not in texts:
                    texts[language] = [s.text(language) for s in declaration.segments if s.is_in(language)]
                if not any(quote.text() in text for text in texts[language]):
                    findings.append(Finding(f"site/{relative}", quote.line, CHECK,
                                            "an inline quote does not show the declaration's text",
                                            "rebuild; if it persists, report a bug in overrides/hooks/_quotes.py"))
    return findings


def _shows_its_segment(row, segment) -> bool:
    """Whether a passage's row shows its segment: each column the text in its language, the
    French among them."""
    columns = {child.attrs["lang"]: child.text() for child in row.children
               if not isinstance(child, str) and "lang" in child.attrs}
    if segment is None or declaration_module.SOURCE_LANGUAGE not in columns:
        return False
    try:
        return all(text == segment.text(lang) for lang, text in columns.items())
    except declaration_module.MissingData:
        return False
