"""Check terminology: one term in each language for one French term, everywhere.

When a glossary term appears in a French segment, its term in each language appears in that
segment's translation; each entry is complete in every language of the site; every reference to
an entry resolves and uses a form of the term; one French term never gets two renderings in a
language. A language in progress needs the entries its translated pages refer to: the
translations check lists them with those pages (progress.py).
"""

from __future__ import annotations

import declaration as declaration_module
from declaration import SOURCE_LANGUAGE as FRENCH
from declaration.markers import GLOSSARY_REFERENCE, did_you_mean

from scripts.findings import Finding

from .progress import in_progress

CHECK = "terminology"
GLOSSARY = f"declaration/{declaration_module.GLOSSARY_FILE}"
FIELDS = ("term", "forms", "definition")


def check(sources) -> list[Finding]:
    declaration, languages = sources.declaration, sources.languages
    progressing = in_progress(sources)
    findings = _entries(declaration, [lang for lang in languages if lang not in progressing]) + _references(sources)
    for lang in sources.targets:
        complete = [term for term in declaration.terms if not _incomplete(term, [FRENCH, lang])]
        findings += _segments(declaration, complete, lang) + _renderings(complete, lang)
    return findings


def _incomplete(term, languages) -> list[str]:
    return [f"{lang}.{name}" for lang in languages for name in FIELDS
            if lang not in term.sides or not getattr(term.sides[lang], name)]


def _entries(declaration, languages) -> list[Finding]:
    findings, seen = [], set()
    for term in declaration.terms:
        missing = _incomplete(term, languages)
        if missing:
            findings.append(Finding(GLOSSARY, term.line, CHECK,
                                    f"glossary entry '{term.id}' lacks {', '.join(missing)}",
                                    f"give every entry term, forms and definition in {', '.join(languages)}"))
        if term.id in seen:
            findings.append(Finding(GLOSSARY, term.line, CHECK, f"two glossary entries have the id '{term.id}'",
                                    "merge them, or give one another id"))
        seen.add(term.id)
        if FRENCH in term.sides and term.sides[FRENCH].forms and not declaration.uses_of(term):
            findings.append(Finding(GLOSSARY, term.line, CHECK,
                                    f"no French form of '{term.sides[FRENCH].term}' appears in the text",
                                    "list under fr: forms: the words as the declaration writes them"))
    return findings


def _segments(declaration, terms, lang: str) -> list[Finding]:
    findings, path = [], f"declaration/{declaration.translation_path(lang).name}"
    for segment in declaration.segments:
        translation = segment.translations.get(lang)
        if translation is None or not translation.sentences:
            continue  # the translations check reports it
        for term in terms:
            if term.appears_in(segment.fr, FRENCH) and not term.appears_in(translation.text, lang):
                findings.append(Finding(path, translation.line, CHECK,
                                        f"'{segment.id}' says '{term[FRENCH].term}' in French but its "
                                        f"translation lacks '{term[lang].term}'",
                                        f"translate it as '{term[lang].term}' (declaration/glossary.yml), "
                                        f"or add the form used to the entry's {lang}: forms"))
    return findings


def _references(sources) -> list[Finding]:
    findings, terms = [], sources.declaration.terms_by_id
    for page in sources.pages:
        for reference in page.markers_of(GLOSSARY_REFERENCE):
            if reference.error:
                continue  # the coverage check reports malformed markers
            term = terms.get(reference.target)
            if term is None:
                findings.append(Finding(page.relative, reference.line, CHECK, f"no glossary entry '{reference.target}'",
                                        did_you_mean(reference.target, terms, "an id from declaration/glossary.yml, "
                                                     "or add the entry there")))
                continue
            elif page.lang in term.sides and not _names_term(reference.words, term, page.lang):
                findings.append(Finding(page.relative, reference.line, CHECK,
                                        f"'{reference.words}' is not a form of the glossary's '{term[page.lang].term}'",
                                        f"use the glossary's term, or add '{reference.words}' to its {page.lang}: "
                                        "forms if it is the same term"))
    return findings


def _names_term(words: str, term, lang: str) -> bool:
    folded = declaration_module.fold(words)
    forms = [declaration_module.fold(form) for form in (*term[lang].forms, term[lang].term)]
    return any(form in folded or (len(folded) >= 5 and folded in form) for form in forms)


def _renderings(terms, lang: str) -> list[Finding]:
    findings, renderings = [], {}
    for term in terms:
        key, rendering = declaration_module.fold(term[FRENCH].term), declaration_module.fold(term[lang].term)
        if key in renderings and renderings[key][0] != rendering:
            findings.append(Finding(GLOSSARY, term.line, CHECK,
                                    f"'{term[FRENCH].term}' is rendered both '{renderings[key][1]}' and "
                                    f"'{term[lang].term}' in '{lang}'", "keep one term for it: merge the entries"))
        renderings.setdefault(key, (rendering, term[lang].term))
    return findings
