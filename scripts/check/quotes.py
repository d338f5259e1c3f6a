"""Check quotes: whatever a page presents as the declaration's words is the declaration's words.

In what the reader gets (the pages as rendered, snippets included): every block quote (reserved
for quoting the declaration), and every quotation, in « », “ ”, a <q> or a span marked as
another language, that is near enough to the text to pass for a quotation of it (three words or
more, most of them the text's, in order) must be the text: the French, or its translation in
the quotation's language. In the built site: every generated passage and inline quote. In the
pages' markers: a passage's segments in the text's order.

Comparison works the way translation QA tools do: first a scan for invisible and look-alike
characters, then an NFC exact match; a match only after folding typographic variants (’ and ',
U+2011 and -, no-break and plain spaces) is a warning; anything else fails with a word diff and
the nearest words of the text. A dropped or reordered paragraph or list item fails.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache

import declaration as declaration_module
from declaration.markers import QUOTE_BLOCK, RANGE, parse_spec

from . import characters
from scripts.findings import WARNING, Finding
from .rendered import QUOTED, SPACES

CHECK = "quotes"


# A quotation this near the text (the share of its words that are the text's, in order) is taken
# for a quotation of it, and must be it; further, it quotes something else.
# (SequenceMatcher's ratio on words: one word changed in four is 0.75; « Sommet de la Coalition
# des volontaires » against « membres de la Coalition finaliseront des » is 0.67.)
NEAR = 0.75
MIN_WORDS = 3


def check(sources) -> list[Finding]:
    """The pages' quote markers: a passage keeps the text's order. The data's own words that the
    site shows (glossary definitions, what differs in the official versions): every quotation of
    the text or of an official version in them is it. (A fact's statement quotes its own source,
    cited beside it, and may quote another instrument in words near the declaration's.)"""
    findings = []
    for page in sources.pages:
        for marker in page.markers_of(QUOTE_BLOCK):
            findings += _check_marker_order(page.relative, marker, sources.declaration)
    candidates = _candidates(sources.declaration)
    for path, line, text in _data_texts(sources):
        for match in QUOTED.finditer(text):
            quoted = match[0][1:-1].strip(SPACES + ".,;:")
            status, _, detail, nearness = compare(quoted, candidates, MIN_WORDS)
            if status != "different" or (len(quoted.split()) >= MIN_WORDS and nearness >= NEAR):
                findings += _judge(path, line, status, detail)
    return findings


def _data_texts(sources):
    """(file, line, text) of the data's words that the site shows as prose."""
    the_declaration = sources.declaration
    for term in the_declaration.terms:
        for side in term.sides.values():
            yield "declaration/glossary.yml", side.definition_line, side.definition
    for version in the_declaration.versions:
        for segment, by_language in version.differences.items():
            for text in by_language.values():
                yield "declaration/versions.yml", version.difference_lines[segment], text


def check_rendered(sources, pages) -> list[Finding]:
    """Every quotation of what the reader gets (see the module's docstring)."""
    findings, declaration = [], sources.declaration
    candidates = _candidates(declaration)
    for page in pages:
        positions: dict[int, list] = {}  # each block quote's paragraphs, in order
        for quotation in page.quotations():
            blockquote = quotation.kind == "blockquote"
            status, index, detail, nearness = compare(quotation.text, candidates, 0 if blockquote else MIN_WORDS)
            if status == "different" and not blockquote and (
                    len(quotation.text.split()) < MIN_WORDS or nearness < NEAR):
                continue  # not a quotation of the text
            findings += _judge(quotation.source, quotation.line, status, detail)
            if blockquote and status in ("exact", "typography"):
                paragraphs = positions.setdefault(quotation.blockquote, [])
                paragraphs.append((quotation.line, index))
                findings += _sequence_findings(quotation.source, paragraphs[-2:], declaration)
    return findings


def _judge(path: str, line: int, status: str, detail: str) -> list[Finding]:
    if status == "hidden":
        return [Finding(path, line, CHECK, f"the quotation hides characters: {detail}",
                        "retype it from declaration/declaration.fr.txt")]
    if status == "typography":
        return [Finding(path, line, CHECK, "the quotation matches the text only once typography is ignored "
                        "(apostrophe, hyphen or space)", "copy it from the text, or quote the sentence with [[ID.N]]",
                        WARNING, detail)]
    if status == "different":
        return [Finding(path, line, CHECK, "the quotation differs from the declaration (its nearest words below)",
                        "quote the text with [[ID.N]] or <!-- quote: ID --> instead of typing it, or copy it exactly",
                        detail=detail)]
    return []


def _candidates(declaration) -> tuple[tuple[int, str], ...]:
    """(segment index, text) of every segment and every sentence: the French, each translation
    it has, and each official version's words where they are known. A quotation is compared with
    them all (a French page quotes the official English too); a quotation in one language is never
    near the words of another."""
    found = []
    for index, segment in enumerate(declaration.segments):
        for lang in (declaration_module.SOURCE_LANGUAGE, *segment.translations):
            found += [(index, text) for text in (segment.text(lang), *segment.sentences(lang))]
        for version in declaration.versions:
            words = version.words(segment.id)
            if words:
                found += [(index, text) for text in (words, *declaration_module.split_sentences(words))]
    return tuple(found)


STATUSES = ("exact", "typography", "different", "hidden")
ELLIPSIS = re.compile(r"\s*(?:\[…\]|\(…\)|…|\.\.\.)\s*")


def compare(text: str, candidates, words_for_nearness: int = 0) -> tuple[str, int, str, float]:
    """("exact" | "typography" | "different" | "hidden", the segment index of the matching or
    closest candidate, a word diff or the hidden characters, how near the closest run of words is).
    An ellipsis marks words left out: each piece on either side is compared on its own. A text of
    fewer than `words_for_nearness` words that differs is not sought among the text's words (the
    costly part): it is "different", at no index, nearness 0."""
    return _compare(text, tuple(candidates), len(text.split()) >= words_for_nearness)


# A pure function of the quotation and the text's words: the same quotations, in pages and data
# read again and again, are compared once per process.
@lru_cache(maxsize=4096)
def _compare(text: str, candidates: tuple[tuple[int, str], ...], nearest: bool) -> tuple[str, int, str, float]:
    pieces = [piece for piece in ELLIPSIS.split(text) if piece.strip()]
    if len(pieces) > 1:
        results = [_compare(piece, candidates, nearest) for piece in pieces]
        worst = max(results, key=lambda result: STATUSES.index(result[0]))
        return worst[0], results[0][1], worst[2], min(result[3] for result in results)
    text = pieces[0] if pieces else text
    hidden = characters.scan(text)
    if hidden:
        return "hidden", -1, "; ".join(problem for problem, _ in hidden), 1.0
    normalised = unicodedata.normalize("NFC", text)
    # A quotation taken from within a sentence may start with a small letter, and one that
    # starts a sentence of the page with a capital: its first letter's case aside.
    cases = {normalised, normalised[:1].lower() + normalised[1:], normalised[:1].upper() + normalised[1:]}
    for index, candidate in candidates:
        if any(case in candidate for case in cases):
            return "exact", index, "", 1.0
    folded = declaration_module.fold(normalised)
    for index, candidate in candidates:
        if folded in declaration_module.fold(candidate):
            return "typography", index, word_diff(_closest(normalised, [(index, candidate)])[1], normalised), 1.0
    if not nearest:
        return "different", -1, "", 0.0
    index, closest, nearness = _closest(normalised, candidates)
    return "different", index, word_diff(closest, normalised), nearness


def _closest(text: str, candidates: list[tuple[int, str]]) -> tuple[int, str, float]:
    """The run of words of the text most like the quote (a quote is often part of a sentence),
    compared folded (case, apostrophes, hyphens and spaces aside), and how like it is."""
    words = declaration_module.fold(text).split()
    best, found = -1.0, (-1, "")
    # One matcher for the quote's words (their index made once), each run of words set against
    # them in turn; a run whose upper bounds (the shorter length's share; the words in common,
    # order aside) are no better than the best so far cannot beat it, and is not matched.
    matcher = difflib.SequenceMatcher(None, [], words, autojunk=False)
    for index, candidate in candidates:
        original, candidate_words = candidate.split(), declaration_module.fold(candidate).split()
        for start in range(max(1, len(candidate_words) - len(words) + 1)):
            matcher.set_seq1(candidate_words[start:start + len(words)])
            if matcher.real_quick_ratio() <= best or matcher.quick_ratio() <= best:
                continue
            ratio = matcher.ratio()
            if ratio > best:
                best, found = ratio, (index, " ".join(original[start:start + len(words)]))
    return (*found, max(best, 0.0))


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
    """Whether a passage's row shows its segment: each of its texts the segment in its language,
    the French among them (an official version's words, beside them, are not the row's text)."""
    texts = [element for element in row.find_all(cls="dp-text") if "lang" in element.attrs]
    columns = {element.attrs["lang"]: element.text() for element in texts}
    if segment is None or declaration_module.SOURCE_LANGUAGE not in columns or len(columns) != len(texts):
        return False
    try:
        return all(text == segment.text(lang) for lang, text in columns.items())
    except declaration_module.MissingData:
        return False
