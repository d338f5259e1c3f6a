"""Check 5, terminology: one English term for one French term, everywhere.

When a glossary term appears in a French segment, its English term appears in that segment's
translation; each entry is complete in both languages; every reference to an entry resolves
and uses a form of the term; one French term never gets two English renderings.
"""

from __future__ import annotations

import declaration as declaration_module

from .findings import Finding

CHECK = "terminology"
GLOSSARY = f"declaration/{declaration_module.GLOSSARY_FILE}"
TRANSLATION = f"declaration/{declaration_module.TRANSLATION_FILE}"
FIELDS = ("term", "forms", "definition")


def check(_root, declaration, pages) -> list[Finding]:
    complete = [term for term in declaration.terms if not _incomplete(term)]
    return (_entries(declaration) + _segments(declaration, complete)
            + _references(pages, declaration) + _renderings(complete))


def _incomplete(term) -> list[str]:
    return [f"{lang}.{name}" for lang in ("fr", "en") for name in FIELDS
            if lang not in term.sides or not getattr(term[lang], name)]


def _entries(declaration) -> list[Finding]:
    findings, seen = [], set()
    for term in declaration.terms:
        missing = _incomplete(term)
        if not term.id:
            missing.insert(0, "id")
        if missing:
            findings.append(Finding(GLOSSARY, term.line, CHECK,
                                    f"glossary entry '{term.id}' lacks {', '.join(missing)}",
                                    "give every entry an id, and term, forms and definition in fr and en"))
        if term.id in seen:
            findings.append(Finding(GLOSSARY, term.line, CHECK, f"two glossary entries have the id '{term.id}'",
                                    "merge them, or give one another id"))
        seen.add(term.id)
        if not missing and not declaration.uses_of(term):
            findings.append(Finding(GLOSSARY, term.line, CHECK,
                                    f"no French form of '{term['fr'].term}' appears in the text",
                                    "list under fr: forms: the words as the declaration writes them"))
    return findings


def _segments(declaration, terms) -> list[Finding]:
    findings = []
    for segment in declaration.segments:
        if not segment.en_sentences:
            continue  # the translations check reports it
        for term in terms:
            if term.appears_in(segment.fr, "fr") and not term.appears_in(segment.en, "en"):
                findings.append(Finding(TRANSLATION, segment.translation_line or 1, CHECK,
                                        f"'{segment.id}' says '{term['fr'].term}' in French but its "
                                        f"translation lacks '{term['en'].term}'",
                                        f"translate it as '{term['en'].term}' (declaration/glossary.yml), "
                                        "or add the form used to the entry's en: forms"))
    return findings


def _references(pages, declaration) -> list[Finding]:
    findings = []
    terms = declaration.terms_by_id
    for page in pages:
        for reference in page.glossary_references:
            term = terms.get(reference.value["id"])
            if term is None:
                findings.append(Finding(page.relative, reference.line, CHECK,
                                        f"no glossary entry '{reference.value['id']}'",
                                        "use an id from declaration/glossary.yml, or add the entry there"))
            elif page.lang in term.sides and not _names_term(reference.value["words"], term, page.lang):
                findings.append(Finding(page.relative, reference.line, CHECK,
                                        f"'{reference.value['words']}' is not a form of the glossary's "
                                        f"'{term[page.lang].term}'",
                                        f"use the glossary's term, or add '{reference.value['words']}' "
                                        f"to its {page.lang}: forms if it is the same term"))
    return findings


def _names_term(words: str, term, lang: str) -> bool:
    folded = declaration_module.fold(words)
    forms = [declaration_module.fold(form) for form in (*term[lang].forms, term[lang].term)]
    return any(form in folded or (len(folded) >= 5 and folded in form) for form in forms)


def _renderings(terms) -> list[Finding]:
    findings, renderings = [], {}
    for term in terms:
        key = declaration_module.fold(term["fr"].term)
        english = declaration_module.fold(term["en"].term)
        if key in renderings and renderings[key][0] != english:
            findings.append(Finding(GLOSSARY, term.line, CHECK,
                                    f"'{term['fr'].term}' is rendered both '{renderings[key][1]}' and "
                                    f"'{term['en'].term}'", "keep one English term for it: merge the entries"))
        renderings.setdefault(key, (english, term["en"].term))
    return findings
