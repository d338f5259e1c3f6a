"""A language in progress: what remains to translate, page by page, in a translator's words.

A language listed in mkdocs.yml under `extra: languages_in_progress:` is published before it is
complete: a page not yet translated into it is shown in French, saying so (the build's
overrides/hooks/untranslated.py). The translations check (translations.py calls this) then lists,
as warnings, for each page: the page file to create, and from which file to start; and the data
that page needs in the language: the translation of the passages of the text it quotes, the
glossary entries it refers to, the facts it cites, the differences of an official version it
shows, the snippets it includes. Besides the pages: the site's words still marked to translate
(interface.<code>.yml, translations.py), and what the meaning and facts checks need of the
language before it is complete (meaning.py, facts.py).

What a page needs is read from its French page, whether the translation exists or not: the count
never rises while one translates. Translating the page's file first turns its needs into errors,
each at the line of the translated page that asks for it (a published page must be complete),
neither more nor fewer.

When the language is complete, it is removed from the list; every missing item is then an error
of the checks that hold a complete language (translations, terminology, facts, meaning,
versions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


import declaration as declaration_module
from declaration import SOURCE_LANGUAGE
from declaration.files import InputError
from declaration.markers import FACT, FACTS_LIST, GLOSSARY_LIST, GLOSSARY_REFERENCE, QUOTE_BLOCK, QUOTE_INLINE

from overrides.hooks.untranslated import english_name
from scripts.findings import ERROR, WARNING, Finding

from .coverage import FULL_TEXT
from .pages import snippets_included
from .site_config import CONFIG, IN_PROGRESS, TEMPLATE_LANGUAGE, languages_in_progress, read_config

CHECK = "translations"
WORD = re.compile(r"\w+")
# What a page may need in a language, in the order a translator would do it.
KINDS = ("segments", "glossary", "facts", "differences", "snippets")


@dataclass(frozen=True)
class Need:
    kind: str  # one of KINDS
    item: str  # the segment, glossary entry, fact, segment (with a difference) or snippet it names
    asker: tuple | None  # what in the French page asks for it: (marker kind, what it means), to find in a translation


def in_progress(sources) -> list[str]:
    """The site's languages in progress, as far as they can be (the list's problems: `config`)."""
    try:
        listed = languages_in_progress(read_config(sources.root))
    except InputError:
        return []  # the input check reports it
    return [lang for lang in listed if isinstance(lang, str) and lang in sources.targets]


def config(sources) -> list[Finding]:
    """The list itself: languages of the site, the source not among them."""
    try:
        read = read_config(sources.root)
    except InputError:
        return []
    extra = read.get("extra")
    if not isinstance(extra, dict) or extra.get(IN_PROGRESS) is None:
        return []
    line = extra.line_of(IN_PROGRESS) if hasattr(extra, "line_of") else 1
    listed = extra[IN_PROGRESS]
    wrong = [lang for lang in listed if not isinstance(lang, str) or lang not in sources.targets] \
        if isinstance(listed, list) else [listed]
    if not wrong:
        return []
    problem = f"'{wrong[0]}' is not a language of the site other than the source ({SOURCE_LANGUAGE})" \
        if isinstance(listed, list) else "is not a list"
    return [Finding(CONFIG, line, CHECK, f"extra: {IN_PROGRESS}: {problem}",
                    f"write a list of codes of the i18n languages below, e.g. {IN_PROGRESS}: [uk]; or [] when "
                    "every language is complete")]


def name(lang: str) -> str:
    """A language's name, in English (the checks' messages are): as the site's notices name it."""
    return english_name(lang)


def check(sources) -> list[Finding]:
    findings, progressing = config(sources), in_progress(sources)
    complete = [lang for lang in sources.targets if lang not in progressing]
    for lang in progressing:
        findings += _pages(sources, lang, complete)
    return findings


def _pages(sources, lang: str, complete: list[str]) -> list[Finding]:
    """Each page, not yet translated or needing data in the language (see the module's docstring)."""
    findings = []
    translated = sources.pages_in(lang)
    for slug, original in sorted(sources.pages_in(SOURCE_LANGUAGE).items()):
        page = translated.get(slug)
        path = f"docs/{slug}.{lang}.md"
        if page is None:
            starts = [f"docs/{slug}.{other}.md" for other in complete if f"docs/{slug}.{other}.md" in sources.texts]
            start = starts[0] if starts else original.relative
            # Its words sort first among the page's findings, all at its line 1.
            findings.append(Finding(path, 1, CHECK, f"awaits its translation into {name(lang)} (about "
                                    f"{words_of(sources.texts.get(start, original.text))} words): until then, "
                                    "readers get the French page there, with a notice",
                                    f"create it from {start}"
                                    + (f" (or {original.relative}, the source)" if start != original.relative else "")
                                    + ": the same headings with the same {#ids}, the same markers, your words; "
                                    "and give it what it needs (below), which a published page must have",
                                    WARNING))
        missing = [need for need in needs(sources, original) if _missing(sources, need, lang)]
        for kind in KINDS:
            group = list(dict.fromkeys(need.item for need in missing if need.kind == kind))
            if not group:
                continue
            askers = [need.asker for need in missing if need.kind == kind]
            line = _line(sources, page, askers) if page is not None else 1
            problem, fix, detail = _say(sources, kind, group, lang)
            findings.append(Finding(path, line, CHECK, problem, fix, ERROR if page is not None else WARNING, detail))
    return findings


def needs(sources, page) -> list[Need]:
    """What a page asks of the data, read from its markers and snippets, in order."""
    decl = sources.declaration
    found = []
    for marker in page.scanned.markers:
        if marker.error:
            continue
        asker = (marker.kind, decl.meant(marker))
        if marker.kind == QUOTE_BLOCK:
            for segment in asker[1].split():
                found.append(Need("segments", segment, asker))
                found += [Need("differences", segment, asker) for version in decl.versions
                          if segment in version.differences and version.segments.get(segment)]
        elif marker.kind == QUOTE_INLINE:
            found.append(Need("segments", marker.target, asker))
        elif marker.kind == GLOSSARY_REFERENCE:
            found.append(Need("glossary", marker.target, asker))
        elif marker.kind == GLOSSARY_LIST:
            found += [Need("glossary", term.id, asker) for term in decl.terms]
        elif marker.kind in (FACT, FACTS_LIST):
            found += [Need("facts", fact, asker) for fact in marker.target.split()]
    if page.slug == FULL_TEXT:
        # What the full text says of the declaration (its citations' metadata) rests on these.
        try:
            publication = declaration_module.load_publication(sources.root / "declaration")
            found += [Need("facts", publication.origin, None), Need("facts", publication.adopted, None)]
        except declaration_module.DeclarationError:
            pass  # the input check reports it
    found += [Need("snippets", snippet, ("snippet", snippet)) for snippet in _snippets(page.text).values()]
    return found


def _snippets(text: str) -> dict[int, str]:
    """Each snippet a page includes, by its line: its name without its language."""
    return {line: name.split(".")[0] for line, name in snippets_included(text)}


def _missing(sources, need: Need, lang: str) -> bool:
    decl = sources.declaration
    if need.kind == "segments":
        segment = decl.by_id.get(need.item)
        translation = segment.translations.get(lang) if segment else None
        return segment is not None and (translation is None or not translation.sentences)
    if need.kind == "glossary":
        term = decl.terms_by_id.get(need.item)
        return term is not None and (lang not in term.sides or not all(
            getattr(term.sides[lang], field) for field in ("term", "forms", "definition")))
    if need.kind == "facts":
        fact = decl.facts.facts.get(need.item) if decl.facts else None
        return fact is not None and (lang not in fact.statement or (fact.searched is not None and lang not in fact.searched))
    if need.kind == "differences":
        return any(need.item in version.differences and version.segments.get(need.item)
                   and lang not in version.differences[need.item] for version in decl.versions)
    return f"docs/_snippets/{need.item}.{lang}.md" not in sources.texts


def _line(sources, page, askers: list) -> int:
    """Where the translated page asks for the first of them: the marker (or the snippet) that
    means what the French page's means; its first line when none does."""
    lines_of = {}
    for marker in page.scanned.markers:
        if not marker.error:
            lines_of.setdefault((marker.kind, sources.declaration.meant(marker)), marker.line)
    for line, snippet in _snippets(page.text).items():
        lines_of.setdefault(("snippet", snippet), line)
    lines = [lines_of[asker] for asker in askers if asker in lines_of]
    return min(lines) if lines else page.body_start


def _say(sources, kind: str, items: list[str], lang: str) -> tuple[str, str, str]:
    """(what is missing, how to give it, the detail that helps: what to translate, where)."""
    decl, language, count = sources.declaration, name(lang), len(items)
    if kind == "segments":
        segments = [decl.by_id[item] for item in items]
        words = sum(len(WORD.findall(segment.fr)) for segment in segments)
        # Each passage's French, sentence by sentence as its translation gives them, with its hash.
        detail = "\n".join(f"    {segment.id}: source: {declaration_module.source_hash(segment.fr)}, sentences:\n"
                           + "\n".join(f"      {number}. {sentence}" for number, sentence
                                       in enumerate(segment.fr_sentences, start=1)) for segment in segments)
        return (f"its passages of the text, not yet translated into {language} ({_count(count, 'passage')}, about "
                f"{words} words of French): {_list(items)}",
                f"translate each in declaration/translation.{lang}.yml, under its ID: source: (below) and sentences: "
                "one per French sentence, in order", detail)
    if kind == "glossary":
        terms = [decl.terms_by_id[item] for item in items]
        detail = "\n".join(f"    {term.id} (declaration/glossary.yml:{term.line}): "
                           + "; ".join(f"{other}: {term.sides[other].term}" for other in term.sides) for term in terms)
        return (f"its glossary entries, with no {language} side yet ({_count(count, 'entry', 'entries')}): "
                f"{_list(items)}",
                f"give each a {lang}: side in declaration/glossary.yml: term:, forms: (the words a page may use "
                "for it) and definition:", detail)
    if kind == "facts":
        facts = [decl.facts.facts[item] for item in items]
        detail = "\n".join(f"    {fact.id} (declaration/facts.yml:{fact.line}): "
                           f"{_short(fact.statement.get('en') or fact.statement.get(SOURCE_LANGUAGE, ''))}"
                           for fact in facts)
        return (f"its facts, not yet stated in {language} ({_count(count, 'fact')}): {_list(items)}",
                f"add {lang}: under statement: of each in declaration/facts.yml (and under searched:, for a fact "
                "that something was not found)", detail)
    if kind == "differences":
        detail = "\n".join(f"    {item} ({version.id}, declaration/versions.yml:{version.difference_lines[item]}): "
                           f"{_short(version.differences[item].get('en') or version.differences[item].get(SOURCE_LANGUAGE, ''))}"
                           for item in items for version in decl.versions
                           if item in version.differences and lang not in version.differences[item])
        return (f"its differences of an official version, not yet said in {language} "
                f"({_count(count, 'passage')}): {_list(items)}",
                f"add {lang}: under each passage's differences: in declaration/versions.yml", detail)
    return (f"its snippets, not yet translated into {language}: {_list(items)}",
            "create " + ", ".join(f"docs/_snippets/{item}.{lang}.md from docs/_snippets/{item}.{TEMPLATE_LANGUAGE}.md"
                                  for item in items)
            + ", and include it in the page as " + ", ".join(f'--8<-- "{item}.{lang}.md"' for item in items), "")


def words_of(text: str) -> int:
    """The words a translator translates in a page: its title and description, its prose, the
    words of its glossary references; not its markers, code or heading ids."""
    text = re.sub(r"<!--.*?-->|\[\[[^\]]*\]\]|\{[^{}\n]*\}|`[^`\n]*`|\]\([^)\n]*\)", " ", text, flags=re.DOTALL)
    text = re.sub(r"^(?:title|description|search|exclude|context):", " ", text, flags=re.MULTILINE)
    return len(WORD.findall(text))


def _count(count: int, one: str, many: str = "") -> str:
    return f"{count} {one if count == 1 else many or one + 's'}"


def _list(items: list[str]) -> str:
    return ", ".join(items[:8]) + (f" and {len(items) - 8} more" if len(items) > 8 else "")


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
