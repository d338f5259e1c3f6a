"""Check 4, translations: every segment translated and up to date, every page in both languages,
counterparts built alike, no French left in an English page.

Each translation records the hash of the French it translates (`source:`), as
translation-memory tools do: when the French changes, the translation is outdated until someone
updates it and records the new hash.
"""

from __future__ import annotations

import re
from collections import Counter

import declaration as declaration_module
from declaration.markers import GLOSSARY_REFERENCE, INLINE_QUOTE, QUOTE_BLOCK

from .findings import Finding
from .pages import without_code

CHECK = "translations"
TRANSLATION = f"declaration/{declaration_module.TRANSLATION_FILE}"
FRENCH_WORDS = {"le", "la", "les", "des", "du", "une", "est", "sont", "dans", "pour", "avec", "qui",
                "aux", "ces", "cette", "leur", "leurs", "pas", "sera", "seront", "nous", "vous", "mais"}
MARKED_FRENCH = re.compile(r'<span lang="fr">.*?</span>')
LINK_TARGET = re.compile(r"\]\([^)]*\)")


def check(_root, declaration, pages) -> list[Finding]:
    return (_segments(declaration) + _pairs(pages) + _structure(pages)
            + _french_in_english(pages, declaration))


def _segments(declaration) -> list[Finding]:
    findings = []
    known = set(declaration.by_id)
    for segment in declaration.segments:
        line = segment.translation_line or 1
        expected = declaration_module.source_hash(segment.fr)
        if not segment.en_sentences:
            findings.append(Finding(TRANSLATION, line, CHECK, f"segment '{segment.id}' has no English translation",
                                    f"add '{segment.id}:' with source: {expected} and en: one line per sentence"))
            continue
        if segment.recorded_source != expected:
            findings.append(Finding(TRANSLATION, line, CHECK,
                                    f"the translation of '{segment.id}' is outdated: its French changed",
                                    f"update the English to the French below, then set source: {expected}",
                                    detail=f"    {segment.fr}"))
        if len(segment.en_sentences) != len(segment.fr_sentences):
            findings.append(Finding(TRANSLATION, line, CHECK,
                                    f"'{segment.id}' has {len(segment.en_sentences)} English sentence(s) "
                                    f"for {len(segment.fr_sentences)} French",
                                    "give one en: line per French sentence, in the same order"))
    for segment_id, line in declaration.translation_ids.items():
        if segment_id not in known:
            findings.append(Finding(TRANSLATION, line, CHECK, f"'{segment_id}' is no segment of the text",
                                    "remove the entry, or rename it to an ID of declaration/segments.yml"))
    return findings


def _pairs(pages) -> list[Finding]:
    findings = []
    by_language = {lang: {page.slug: page for page in pages if page.lang == lang} for lang in ("fr", "en")}
    for lang, other in (("fr", "en"), ("en", "fr")):
        for slug, page in by_language[lang].items():
            if slug not in by_language[other]:
                findings.append(Finding(page.relative, 1, CHECK, f"no counterpart docs/{slug}.{other}.md",
                                        f"create docs/{slug}.{other}.md with the same structure"))
    for page in pages:
        if page.lang not in ("fr", "en"):
            findings.append(Finding(page.relative, 1, CHECK, "a page without a language suffix",
                                    "name it NAME.fr.md and give it its NAME.en.md counterpart"))
    return findings


def _outline(page) -> dict[str, list]:
    """What must be the same on both sides of a pair, each item with its line."""
    return {
        "headings (level, id)": [(h.line, h.value) for h in page.headings],
        "quote markers": [(q.line, " ".join(q.text.split())) for q in page.located(QUOTE_BLOCK)]
                         + [(q.line, q.text) for q in page.located(INLINE_QUOTE)],
        "glossary references": [(g.line, g.value["id"]) for g in page.located(GLOSSARY_REFERENCE)],
        "cross-links": [(link.line, link.value["target"]) for link in page.links],
        "list items": [(line, "item") for line in page.list_items],
    }


def _structure(pages) -> list[Finding]:
    findings = []
    french = {page.slug: page for page in pages if page.lang == "fr"}
    for english in (page for page in pages if page.lang == "en"):
        page = french.get(english.slug)
        if page is None:
            continue
        for heading in english.headings + page.headings:
            if heading.value[1] is None:
                findings.append(Finding(_path_of(heading, english, page), heading.line, CHECK,
                                        f"heading '{heading.text}' has no explicit id",
                                        "end it with { #an-id }, the same in both languages"))
        ours, theirs = _outline(english), _outline(page)
        for aspect, items in ours.items():
            mine, other = [value for _, value in items], [value for _, value in theirs[aspect]]
            same = mine == other if aspect in ("headings (level, id)", "quote markers") else Counter(mine) == Counter(other)
            if same:
                continue
            line = next((number for (number, a), b in zip(items, other) if a != b),
                        items[len(other)][0] if len(items) > len(other) else english.body_start)
            missing = list((Counter(other) - Counter(mine)).elements())
            extra = list((Counter(mine) - Counter(other)).elements())
            what = "; ".join(part for part in (f"missing here: {_show(missing)}" if missing else "",
                                               f"not in French: {_show(extra)}" if extra else "") if part) \
                or "in another order"
            findings.append(Finding(english.relative, line, CHECK,
                                    f"{aspect} differ from {page.relative} ({what})",
                                    "give both languages the same structure: change the page that is behind"))
    return findings


def _show(values) -> str:
    return ", ".join(str(value) for value in values[:4]) + (" …" if len(values) > 4 else "")


def _path_of(heading, english, french) -> str:
    return english.relative if heading in english.headings else french.relative


def _french_in_english(pages, declaration) -> list[Finding]:
    findings = []
    complete = [term for term in declaration.terms if "fr" in term.sides and "en" in term.sides]
    french_only_forms = [
        form for term in complete for form in term["fr"].forms
        if declaration_module.fold(form) not in {declaration_module.fold(f) for f in term["en"].forms}
    ]
    for page in (page for page in pages if page.lang == "en"):
        for number, line in page.body_lines:
            if QUOTE_BLOCK.match(line):
                continue
            prose = LINK_TARGET.sub("]", INLINE_QUOTE.sub("", MARKED_FRENCH.sub("", without_code(line))))
            words = {word.casefold() for word in re.findall(r"[^\W\d_]+", prose)}
            found = [form for form in french_only_forms if declaration_module.contains_form(prose, form)]
            if found or len(words & FRENCH_WORDS) >= 3:
                what = f"the French term '{found[0]}'" if found else "French words"
                findings.append(Finding(page.relative, number, CHECK, f"{what} in an English page",
                                        "translate it with the glossary's English term, or mark a "
                                        "deliberate French word <span lang=\"fr\">…</span>"))
    return findings
