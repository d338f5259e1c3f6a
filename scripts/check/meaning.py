"""Check meaning: the explanations keep what the text makes conditional, optional or merely
envisaged, what it limits and who it says leads; they assert nothing it does not say.

The qualifiers and the claims are data (declaration/meaning.yml). Every sentence written around
the text (scripts/check/prose.py: pages, front matter, glossary definitions, interface words)
that speaks of a qualified subject carries each qualifier attached to it, or quotes the sentence
that sets it; the translation of that sentence carries it too. A claim the text never makes
appears only in a sentence that says the text does not say it, or in a context box (whose
sentences are facts with their sources: the facts check).

A language in progress may not have its forms yet: one warning says so, and its pages are held to
the qualifiers and claims it has; once it is complete, each missing form is an error.
"""

from __future__ import annotations


from declaration import SOURCE_LANGUAGE, contains_form

from scripts.findings import WARNING, Finding
from .progress import in_progress, name
from .prose import data_sentences, page_sentences

CHECK = "meaning"
MEANING = "declaration/meaning.yml"


def check(sources) -> list[Finding]:
    """What holds without the pages: the qualifiers' data, in every language and in the text
    itself; the sentences of the data (front matter, glossary, interface words)."""
    meaning = sources.declaration.meaning
    if meaning is None:
        return [Finding(MEANING, 1, CHECK, "no declaration/meaning.yml: nothing holds the explanations to the "
                        "text's qualifiers", "restore the file from git")]
    findings = _languages(meaning, sources.languages, in_progress(sources)) + _in_the_text(meaning, sources.declaration)
    for sentence in data_sentences(sources):
        findings += _qualifiers_kept(sentence, meaning) + _claims(sentence, meaning)
    return findings


def check_rendered(sources, pages) -> list[Finding]:
    """Every sentence written around the text, as the reader reads it (pages as rendered)."""
    meaning = sources.declaration.meaning
    if meaning is None:
        return []
    findings = []
    for sentence in page_sentences(sources, pages):
        findings += _qualifiers_kept(sentence, meaning) + _claims(sentence, meaning)
    return findings


def _languages(meaning, languages, in_progress: list[str] = ()) -> list[Finding]:
    """Every language of the site has its forms: a complete language's are listed, one by one; a
    language in progress gets one warning for all it lacks."""
    findings = []
    for lang in in_progress:
        lacking = [qualifier.id for qualifier in meaning.qualifiers
                   if any(values is not None and lang not in values for values in
                          (qualifier.about, qualifier.when, qualifier.forms, qualifier.translation))]
        lacking += [field for field in ("claims", "negations") if lang not in getattr(meaning, field)]
        if lacking:
            findings.append(Finding(MEANING, meaning.qualifiers[0].line if meaning.qualifiers else 1, CHECK,
                                    f"how {name(lang)} says the text's qualifiers and claims is not here yet "
                                    f"({len(lacking)} of them: {', '.join(lacking[:4])}{' …' if len(lacking) > 4 else ''}): "
                                    f"until it is, pages in {name(lang)} are held only to those it has",
                                    f"before {lang} is complete, someone who knows the meaning check adds {lang}: to "
                                    "the about, when, forms and translation of each qualifier, and to claims and "
                                    "negations (the head of declaration/meaning.yml says what each is)", WARNING))
    for qualifier in meaning.qualifiers:
        for field in ("about", "when", "forms", "translation"):
            values = getattr(qualifier, field)
            missing = [lang for lang in languages if values is not None and lang not in values
                       and lang not in in_progress]
            if missing:
                findings.append(Finding(MEANING, qualifier.line, CHECK,
                                        f"qualifier '{qualifier.id}' has no {field} in {', '.join(missing)}",
                                        f"add {field}: {missing[0]}: … (how that language writes it)"))
    for field in ("claims", "negations"):
        missing = [lang for lang in languages if lang not in getattr(meaning, field) and lang not in in_progress]
        if missing:
            findings.append(Finding(MEANING, meaning.lines.get(field, 1), CHECK, f"{field}: has no {', '.join(missing)}",
                                    f"add {missing[0]}: [ … ]"))
    return findings


def _in_the_text(meaning, declaration) -> list[Finding]:
    """Each qualifier is in the sentence it names, in French and in each translation."""
    findings = []
    for qualifier in meaning.qualifiers:
        segment = declaration.by_id.get(qualifier.segment)
        if segment is None or (qualifier.number or 1) > len(segment.fr_sentences):
            findings.append(Finding(MEANING, qualifier.line, CHECK, f"'{qualifier.sentence}' is no sentence of the text",
                                    "name a segment of declaration/segments.yml and a sentence of it"))
            continue
        for lang, words in qualifier.translation.items():
            if not segment.is_in(lang):
                continue  # a missing translation is the translations check's finding
            sentences = segment.sentences(lang)
            sentence = " ".join(sentences) if qualifier.number is None else sentences[qualifier.number - 1] \
                if qualifier.number <= len(sentences) else ""
            if not contains_form(sentence, words):
                path = MEANING if lang == SOURCE_LANGUAGE else f"declaration/translation.{lang}.yml"
                line = qualifier.line if lang == SOURCE_LANGUAGE else segment.translations[lang].line
                findings.append(Finding(path, line, CHECK,
                                        f"the {'text' if lang == SOURCE_LANGUAGE else 'translation'} of "
                                        f"{qualifier.sentence} does not say \"{words}\" ({qualifier.kind}: "
                                        f"{qualifier.speaks_of})",
                                        "keep the qualifier in the translation, in the words meaning.yml gives "
                                        "(or correct them there if the translation says it otherwise)"))
    return findings


def _qualifiers_kept(sentence, meaning) -> list[Finding]:
    findings, lang, quoted = [], sentence.lang, sentence.quoted
    for qualifier in meaning.qualifiers:
        if lang not in qualifier.about or lang not in qualifier.forms:
            continue
        speaks = any(all(contains_form(sentence.text, word) for word in words) for words in qualifier.about[lang])
        if not speaks or (qualifier.when and not any(contains_form(sentence.text, w) for w in qualifier.when.get(lang, ()))):
            continue
        if (qualifier.segment, qualifier.number) in quoted or (qualifier.segment, None) in quoted:
            continue
        if any(contains_form(sentence.text, form) for form in qualifier.forms[lang]):
            continue
        words = qualifier.translation.get(lang, qualifier.forms[lang][0])
        findings.append(Finding(sentence.path, sentence.line, CHECK,
                                f"speaks of {qualifier.speaks_of} without \"{words}\" ({qualifier.sentence})",
                                f"restate the {qualifier.kind} as the text sets it, or quote the sentence with "
                                f"[[{qualifier.sentence}]]"))
    return findings


def _claims(sentence, meaning) -> list[Finding]:
    if sentence.in_context:
        return []
    lang = sentence.lang
    unless = [phrase for phrase in meaning.claims_unless.get(lang, ()) if contains_form(sentence.text, phrase)]
    said = [claim for claim in meaning.claims.get(lang, ()) if contains_form(sentence.text, claim)
            and not any(contains_form(phrase, claim) for phrase in unless)]
    if not said or any(contains_form(sentence.text, negation) for negation in meaning.negations.get(lang, ())):
        return []
    return [Finding(sentence.path, sentence.line, CHECK, f"\"{said[0]}\" reads as something the text says, and "
                    "the text never says it", "rephrase; if it is an outside fact, state it as a fact "
                    "([[fact:ID]], declaration/facts.yml), with its source")]
