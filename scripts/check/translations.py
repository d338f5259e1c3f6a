"""Check translations: every segment translated, up to date, in every language of the site; every
page in every language, built like its French counterpart; nothing left untranslated (French
words in another language's page, values marked TODO(translate) by `make new-language`).

Each translation records the hash of the French it translates (`source:`), as translation-memory
tools do: when the French changes, the translation is outdated until someone updates it and
records the new hash.

A language in progress (mkdocs.yml, `extra: languages_in_progress:`) may lack pages, and the
translation of what they quote: what remains is listed page by page, as warnings
(progress.py); its words still marked to translate are one warning. What it has must be right:
an outdated translation, or a page that differs from the French, is an error as in any language.
"""

from __future__ import annotations

import re
from collections import Counter

import declaration as declaration_module
from declaration.markers import GLOSSARY_REFERENCE, QUOTE_BLOCK, QUOTE_INLINE

from scripts.findings import WARNING, Finding

from . import progress

CHECK = "translations"
# What `make new-language` writes at the end of each line still to translate: a YAML comment,
# or an HTML comment atop a snippet.
UNTRANSLATED = re.compile(r"TODO\(translate\)(?:\s*-->)?\s*$")
FRENCH_WORDS = {"le", "la", "les", "des", "du", "une", "est", "sont", "dans", "pour", "avec", "qui",
                "aux", "ces", "cette", "leur", "leurs", "pas", "sera", "seront", "nous", "vous", "mais"}
MARKED_FRENCH = re.compile(r'<span lang="fr">[^<]{0,500}</span>')
LINK_TARGET = re.compile(r"\]\([^()\n]{0,500}\)")
WORDS_OF = re.compile(r"[^\W\d_]+")


def check(sources) -> list[Finding]:
    findings, in_progress = [], progress.in_progress(sources)
    for lang in sources.targets:
        findings += _segments(sources.declaration, lang, lang in in_progress)
    return (findings + _untranslated(sources, in_progress) + _pairs(sources, in_progress) + _structure(sources)
            + _french_in_translations(sources, in_progress) + progress.check(sources))


def _segments(declaration, lang: str, in_progress: bool = False) -> list[Finding]:
    findings, path = [], f"declaration/{declaration.translation_path(lang).name}"
    for segment in declaration.segments:
        expected = declaration_module.source_hash(segment.fr)
        translation = segment.translations.get(lang)
        if (translation is None or not translation.sentences) and in_progress:
            continue  # listed with the pages that quote it (progress.py)
        if translation is None or not translation.sentences:
            line = translation.line if translation else 1
            findings.append(Finding(path, line, CHECK, f"segment '{segment.id}' has no translation",
                                    f"add '{segment.id}:' with source: {expected} and sentences: one per "
                                    "French sentence", detail=f"    {segment.fr}"))
            continue
        if translation.recorded_source != expected:
            findings.append(Finding(path, translation.line, CHECK,
                                    f"the translation of '{segment.id}' is outdated: its French changed",
                                    f"update the translation to the French below, then set source: {expected}",
                                    detail=f"    {segment.fr}"))
        if len(translation.sentences) != len(segment.fr_sentences):
            findings.append(Finding(path, translation.line, CHECK,
                                    f"'{segment.id}' has {len(translation.sentences)} sentence(s) "
                                    f"for {len(segment.fr_sentences)} in French",
                                    "give one sentences: line per French sentence, in the same order"))
    known = set(declaration.by_id)
    for segment_id, line in declaration.translation_entries.get(lang, {}).items():
        if segment_id not in known:
            findings.append(Finding(path, line, CHECK, f"'{segment_id}' is no segment of the text",
                                    "remove the entry, or rename it to an ID of declaration/segments.yml"))
    return findings


def _untranslated(sources, in_progress: list[str]) -> list[Finding]:
    """Every line that `make new-language` marked as still to translate; the words of a language
    in progress, all in one warning (they show in English until translated)."""
    findings = []
    words_files = {f"declaration/{declaration_module.INTERFACE_FILES.replace('*', lang)}": lang for lang in in_progress}
    for relative, text in sorted(sources.texts.items()):
        marked = [(number, line) for number, line in enumerate(text.split("\n"), start=1) if UNTRANSLATED.search(line)]
        if marked and relative in words_files:
            keys = _keys(text, {number for number, _ in marked})
            findings.append(Finding(relative, marked[0][0], CHECK, f"{len(marked)} of the site's words not yet "
                                    f"translated into {progress.name(words_files[relative])}: until they are, "
                                    "they show in English, around every page",
                                    "translate each line marked # TODO(translate) (keep what is in { }), then "
                                    "remove its marker", WARNING, "    " + _wrapped(keys)))
            continue
        findings += [Finding(relative, number, CHECK, "not translated yet",
                             "translate this line (in front matter or atop a snippet: the whole file), then remove the TODO")
                     for number, _ in marked]
    return findings


def _keys(text: str, numbers: set[int]) -> list[str]:
    """The dotted names (passage.show, nav.strands) of a YAML file's lines with those numbers."""
    keys, parents = [], []  # (indent, name) of the keys the line stands under
    for number, line in enumerate(text.split("\n"), start=1):
        name = line.split(":", 1)[0]
        if not line.strip() or line.lstrip().startswith("#") or ":" not in line or " " in name.strip():
            continue
        indent = len(line) - len(line.lstrip())
        parents = [(level, parent) for level, parent in parents if level < indent]
        if number in numbers:
            keys.append(".".join([parent for _, parent in parents] + [name.strip()]))
        parents.append((indent, name.strip()))
    return keys


def _wrapped(words: list[str], width: int = 96) -> str:
    lines, line = [], ""
    for word in words:
        if line and len(line) + len(word) + 2 > width:
            lines.append(line + ",")
            line = word
        else:
            line = f"{line}, {word}" if line else word
    return "\n    ".join(lines + [line])


def _pairs(sources, in_progress: list[str]) -> list[Finding]:
    findings = []
    by_language = {lang: sources.pages_in(lang) for lang in sources.languages}
    source = by_language.get(declaration_module.SOURCE_LANGUAGE, {})
    for slug in sorted({slug for pages in by_language.values() for slug in pages}):
        present = [pages[slug] for pages in by_language.values() if slug in pages]
        for lang, pages in by_language.items():
            if lang in in_progress and slug in source:
                continue  # shown in French until translated, and listed as such (progress.py)
            if slug not in pages:
                findings.append(Finding(present[0].relative, 1, CHECK, f"no counterpart docs/{slug}.{lang}.md",
                                        f"create docs/{slug}.{lang}.md with the same structure (a language "
                                        "translated page by page is listed under extra: languages_in_progress "
                                        "in mkdocs.yml until it is complete)"))
    for page in sources.pages:
        if page.lang not in sources.languages:
            findings.append(Finding(page.relative, 1, CHECK, f"'{page.lang}' is not a language of the site",
                                    "name pages NAME.<code>.md with a code of mkdocs.yml's languages"))
    return findings


def _outline(page, declaration) -> dict[str, list]:
    """What must be the same on every side of a set of counterparts, each item with its line; a
    marker by what it was meant to name (a mistyped name is the coverage or terminology check's
    finding, not a difference of structure too)."""
    return {
        "headings (level, id)": [(h.line, h.value) for h in page.headings],
        "quote markers": [(m.line, (m.kind, declaration.meant(m))) for m in page.scanned.markers
                          if m.kind in (QUOTE_BLOCK, QUOTE_INLINE)],
        "glossary references": [(m.line, declaration.meant(m)) for m in page.markers_of(GLOSSARY_REFERENCE)],
        "cross-links": [(link.line, link.value["target"]) for link in page.links],
        "list items": [(line, "item") for line in page.list_items],
    }


def _structure(sources) -> list[Finding]:
    """Every heading has an explicit id; every page is built like its French counterpart (a page
    without one is _pairs' finding)."""
    findings = []
    french = sources.pages_in(declaration_module.SOURCE_LANGUAGE)
    for lang in sources.languages:
        for page in sources.pages_in(lang).values():
            original = french.get(page.slug)
            if original is None:
                continue
            findings += [Finding(page.relative, heading.line, CHECK, f"heading '{heading.text}' has no explicit id",
                                 "end it with { #an-id }, the same in every language")
                         for heading in page.headings if heading.value[1] is None]
            if page is not original:
                findings += _compare(page, original, sources.declaration,
                                     {"", *(f"{slug}.md" for slug in french)})
    return findings


def _compare(translated, original, declaration, pages: set[str]) -> list[Finding]:
    findings = []
    ours, theirs = _outline(translated, declaration), _outline(original, declaration)
    # A link to a page that does not exist is the build's finding, not a difference of structure too.
    if any(target.split("#")[0] not in pages for side in (ours, theirs) for _, target in side["cross-links"]):
        del ours["cross-links"]
    for aspect, items in ours.items():
        mine, other = [value for _, value in items], [value for _, value in theirs[aspect]]
        ordered = aspect in ("headings (level, id)", "quote markers")
        if (mine == other) if ordered else (Counter(mine) == Counter(other)):
            continue
        line = next((number for (number, a), b in zip(items, other) if a != b),
                    items[len(other)][0] if len(items) > len(other) else translated.body_start)
        missing = list((Counter(other) - Counter(mine)).elements())
        extra = list((Counter(mine) - Counter(other)).elements())
        what = "; ".join(part for part in (f"missing here: {_show(missing)}" if missing else "",
                                           f"not in French: {_show(extra)}" if extra else "") if part) \
            or "in another order"
        findings.append(Finding(translated.relative, line, CHECK, f"{aspect} differ from {original.relative} ({what})",
                                "give every language the same structure: change the page that is behind"))
    return findings


def _show(values) -> str:
    return ", ".join(str(value) for value in values[:4]) + (" …" if len(values) > 4 else "")


def _french_in_translations(sources, in_progress: list[str] = ()) -> list[Finding]:
    findings = []
    complete = [term for term in sources.declaration.terms if declaration_module.SOURCE_LANGUAGE in term.sides]
    for lang in sources.targets:
        # A language in progress: the terms it has a side for (what a page needs of the others is
        # listed with it, and it is not yet known how the language says them).
        terms = [term for term in complete if lang in term.sides] if lang in in_progress else complete
        own_forms = {declaration_module.fold(form) for term in complete if lang in term.sides for form in term.sides[lang].forms}
        french_only = [form for term in terms for form in term.sides[declaration_module.SOURCE_LANGUAGE].forms
                       if declaration_module.fold(form) not in own_forms]
        for page in sources.pages_in(lang).values():
            if any(UNTRANSLATED.search(line) for line in page.text.split("\n", 3)[:3]):
                continue  # the whole page is marked untranslated: one finding says so
            for number, line in page.body_lines:
                prose = LINK_TARGET.sub("]", MARKED_FRENCH.sub("", line))
                for marker in page.scanned.markers:
                    if marker.line == number:
                        prose = prose.replace(marker.text, " " if marker.kind != GLOSSARY_REFERENCE else marker.words)
                words = {word.casefold() for word in WORDS_OF.findall(prose)}
                found = [form for form in french_only if declaration_module.contains_form(prose, form)]
                if found or len(words & FRENCH_WORDS) >= 3:
                    what = f"the French term '{found[0]}'" if found else "French words"
                    findings.append(Finding(page.relative, number, CHECK, f"{what} in a page in '{lang}'",
                                            "translate it with the glossary's term, or mark a deliberate "
                                            "French word <span lang=\"fr\">…</span>"))
    return findings
