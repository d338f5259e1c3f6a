"""Check facts: what the site says beyond the text is data, each fact with its date and sources.

- the facts the citations rest on (declaration/publication.yml) exist;
- every fact and source is complete in every language of the site, and used: a fact no page
  cites, or a source no fact or version rests on, is dead weight that nobody reviews;
- every page cites facts that exist (a mistyped ID: the nearest ones);
- a fact's statement says no more than its quotation: where both are in one language, a
  statement may not say with a strong form ("will deploy") what the quotation says only with a
  weak one ("could deploy") (declaration/meaning.yml, modality);
- the record of changes (declaration/changes.yml) says every change in every language, and
  names pages that exist: the Changes page and the feeds would otherwise say less in one
  language, or link nowhere (a language in progress: they say such a change in French, and one
  warning counts them; the facts its translated pages cite, the translations check lists with
  those pages, progress.py);
- in what the reader gets, every sentence of a context box (`!!! context`), and every block of a
  page whose front matter says `context: true` (where things stand), states a fact
  ([[fact:ID]]): a context sentence without a fact has no source the site can show. A sentence
  there may instead quote or link the text itself.
"""

from __future__ import annotations

import re

from declaration import PUBLICATION_FILE, contains_form, load_publication
from declaration.markers import FACT, FACTS_LIST, did_you_mean

from scripts.findings import WARNING, Finding

from .progress import in_progress, name
from .prose import context_pages

CHECK = "facts"
FACTS = "declaration/facts.yml"
SOURCES = "declaration/sources.yml"
CHANGES = "declaration/changes.yml"
PUBLICATION = f"declaration/{PUBLICATION_FILE}"
CONTEXT_BOX = re.compile(r"^(?:!!!|\?\?\?\+?)\s+context\b")


def check(sources) -> list[Finding]:
    data = sources.declaration.facts
    findings = _changes(sources)
    cited = {}  # fact id → first (page, line) that cites it
    for page in sources.pages:
        for marker in page.scanned.markers:
            if marker.kind not in (FACT, FACTS_LIST) or marker.error:
                continue
            for fact_id in marker.target.split():
                cited.setdefault(fact_id, (page.relative, marker.line))
                if data is None or fact_id not in data.facts:
                    findings.append(Finding(page.relative, marker.line, CHECK, f"no fact '{fact_id}' in {FACTS}",
                                            did_you_mean(fact_id, data.facts if data else {},
                                                         f"the id of a fact of {FACTS}, or add it there")))
    if data is None:
        return findings
    findings += _publication(sources, data, cited)
    used_sources = {source for fact in data.facts.values() for source in fact.sources}
    used_sources |= {version.source for version in sources.declaration.versions}
    progressing = in_progress(sources)
    for fact in data.facts.values():
        for field in ("statement", "searched"):
            values = getattr(fact, field)
            missing = [lang for lang in sources.languages if values is not None and lang not in values
                       and lang not in progressing]
            if missing:
                findings.append(Finding(FACTS, fact.lines.get(field, fact.line), CHECK,
                                        f"'{fact.id}' has no {field} in {', '.join(missing)}",
                                        f"add {missing[0]}: … under {field}:"))
        if fact.id not in cited:
            findings.append(Finding(FACTS, fact.line, CHECK, f"'{fact.id}' is cited by no page",
                                    "cite it where it belongs ([[fact:ID]]), or remove it"))
        findings += _modality(fact, sources.declaration.meaning)
    for source in data.sources.values():
        if source.id not in used_sources:
            findings.append(Finding(SOURCES, source.line, CHECK, f"'{source.id}' is the source of no fact or version",
                                    "remove it, or cite it in a fact"))
    return findings


def _publication(sources, data, cited: dict) -> list[Finding]:
    """The facts the citations rest on (publication.yml) exist; they count as cited."""
    publication, findings = load_publication(sources.root / "declaration"), []
    for key in ("adopted", "origin"):
        fact_id, line = getattr(publication, key), publication.lines[key]
        cited.setdefault(fact_id, (PUBLICATION, line))
        if fact_id not in data.facts:
            findings.append(Finding(PUBLICATION, line, CHECK, f"no fact '{fact_id}' in {FACTS}",
                                    did_you_mean(fact_id, data.facts, f"the id of a fact of {FACTS}")))
    return findings


def _changes(sources) -> list[Finding]:
    slugs = {page.slug for page in sources.pages}
    findings, progressing = [], in_progress(sources)
    for lang in progressing:
        unsaid = [change for change in sources.declaration.changes if lang not in change.summary]
        if unsaid:
            findings.append(Finding(CHANGES, unsaid[0].line, CHECK, f"{len(unsaid)} change(s) of the record not yet "
                                    f"said in {name(lang)}: {', '.join(change.id for change in unsaid[:5])}"
                                    f"{' …' if len(unsaid) > 5 else ''}; until they are, its Changes page and feed "
                                    "give them in French", f"add {lang}: under summary: of each", WARNING))
    for change in sources.declaration.changes:
        missing = [lang for lang in sources.languages if lang not in change.summary and lang not in progressing]
        if missing:
            findings.append(Finding(CHANGES, change.line, CHECK, f"'{change.id}' says nothing in {', '.join(missing)}",
                                    f"add {missing[0]}: … under summary:"))
        for slug in change.pages:
            if slug not in slugs:
                findings.append(Finding(CHANGES, change.line, CHECK, f"'{change.id}' names no page '{slug}'",
                                        did_you_mean(slug, slugs, "the name of a page of docs/, as in its file name")))
    return findings


def _modality(fact, meaning) -> list[Finding]:
    if fact.quote is None or meaning is None or fact.quote.lang not in fact.statement:
        return []
    lang, statement, quote = fact.quote.lang, fact.statement[fact.quote.lang], fact.quote.text
    weak = [form for form in meaning.weak.get(lang, ()) if contains_form(quote, form)]
    if not weak or any(contains_form(statement, form) for form in meaning.weak.get(lang, ())):
        return []
    strong = [form for form in meaning.strong.get(lang, ()) if contains_form(statement, form)]
    if not strong:
        return []
    return [Finding(FACTS, fact.lines.get(f"statement.{lang}", fact.line), CHECK,
                    f"'{fact.id}' says \"{strong[0]}\" where its source says only \"{weak[0]}\"",
                    "say it as the source does: keep the source's modality in the statement, in every language")]


def check_rendered(sources, pages) -> list[Finding]:
    """Every context sentence states a fact, as the reader gets it."""
    outside = context_pages(sources)
    findings = []
    for page in pages:
        everywhere = page.source in outside
        for block in page.blocks:
            if block.tag not in ("p", "li", "td", "dd") or (block.tag == "p" and block.in_blockquote):
                continue
            in_box = block.in_context and not block.in_footnote
            if (in_box or everywhere) and not block.facts and not block.quotes_text:
                findings.append(Finding(block.source, block.line, CHECK, "a context sentence that states no fact",
                                        "state it as a fact, [[fact:ID]] (declaration/facts.yml holds each with its "
                                        "date and sources), or quote the text ([[ID.N]])"))
    for page in sources.pages:
        for number, line in enumerate(page.text.split("\n"), start=1):
            if line.startswith("!!!") and re.search(r"\b(?:context|contexte)\b", line, re.IGNORECASE) \
                    and not CONTEXT_BOX.match(line):
                findings.append(Finding(page.relative, number, CHECK, "a context box that is not a `!!! context` box",
                                        "write it !!! context \"…\": the checks then hold each of its sentences to a fact"))
    return findings
