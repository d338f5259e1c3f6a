"""Renderers for the facts' markers (see markers.py, which calls them), from declaration/facts.yml
and sources.yml: what the site says beyond the text, never without its date and its sources.

    [[fact:ID]]            the fact's statement, in the page's language, with a reference to its
                           entry in the page's sources (a negative fact says up to when)
    <!-- facts: ID ID -->  the facts as a dated list, in the order given (a time line)

A page that cites facts ends with their sources (`sources`, which markers.py adds): for each
fact, its date, its sources (publisher, title, date, address, the kind of source: a press
report is labelled as one) and the words of the source it rests on; for a negative fact, what
was searched, and the latest sources read.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

from declaration.facts import Fact
from declaration.markers import did_you_mean
from declaration.typography import spacing
from overrides.hooks._site import spelled_date

SOURCES_ID = "sources"


def _fact(context, fact_id: str) -> Fact:
    facts = context.declaration.facts
    if facts is None or fact_id not in facts.facts:
        raise LookupError(f"unknown fact '{fact_id}': " + did_you_mean(
            fact_id, facts.facts if facts else {}, "an id from declaration/facts.yml, or add the fact there"))
    fact = facts.facts[fact_id]
    if context.lang not in fact.statement:
        raise LookupError(f"fact '{fact_id}' has no statement in '{context.lang}': add it to declaration/facts.yml")
    if fact_id not in context.cited:
        context.cited.append(fact_id)
    return fact


def _statement(fact: Fact, context) -> str:
    statement = escape(spacing(context.lang)(fact.statement[context.lang]), quote=False)
    if fact.negative:
        as_of = context.words("facts.as_of", date=spelled_date(fact.date, context.words))
        statement += f' <span class="dp-as-of">({escape(as_of, quote=False)})</span>'
    number = context.cited.index(fact.id) + 1
    return (f'{statement}<sup class="dp-fact-ref"><a href="#fact-{fact.id}" '
            f'title="{escape(context.words("facts.sources"))}">{number}</a></sup>')


def fact(marker, context) -> str:
    found = _fact(context, marker.target)
    return context.inline(f'<span class="dp-fact"{context.stamp("fact", found.id)}>{_statement(found, context)}</span>')


def facts(marker, context) -> str:
    items = []
    for fact_id in marker.target.split():
        found = _fact(context, fact_id)
        items.append(f'<li><time datetime="{found.date.isoformat()}">{escape(spelled_date(found.date, context.words))}'
                     f"</time> {_statement(found, context)}</li>")
    held = context.block(f'<ol class="dp-facts"{context.stamp("facts", marker.target)}>{"".join(items)}</ol>')
    return f"\n\n{held}\n\n"


def sources(context) -> str:
    """The page's sources, as Markdown (its heading joins the table of contents) and held HTML."""
    words, facts = context.words, context.declaration.facts
    entries = [_entry(facts.facts[fact_id], facts.sources, context) for fact_id in context.cited]
    heading = f"## {escape(words('facts.sources'))} {{ #{SOURCES_ID} {context.stamp('sources').strip()} }}"
    held = context.block(f'<ol class="dp-sources"{context.stamp("sources")}>{"".join(entries)}</ol>')
    return f"\n\n{heading}\n\n{held}\n"


def _entry(fact: Fact, sources: dict, context) -> str:
    words = context.words
    parts = [f'<p><time datetime="{fact.date.isoformat()}">{escape(spelled_date(fact.date, words))}</time> — '
             f"{escape(spacing(context.lang)(fact.statement[context.lang]), quote=False)}</p>"]
    if fact.negative:
        parts.append(f"<p>{escape(words('facts.searched'))} "
                     f"{escape(spacing(context.lang)(fact.searched.get(context.lang, '')), quote=False)}</p>")
        parts.append(f"<p>{escape(words('facts.sources_read'))} "
                     f"{'; '.join(_source(sources[source], context) for source in fact.sources)}</p>")
    else:
        parts += [f"<p>{escape(words('facts.source'))} {_source(sources[source], context)}</p>" for source in fact.sources]
        parts.append(f'<p>{escape(words("facts.says"))} <q lang="{fact.quote.lang}">{escape(fact.quote.text, quote=False)}</q></p>')
    return f'<li id="fact-{fact.id}">{"".join(parts)}</li>'


def _source(source, context) -> str:
    words = context.words
    archive = (f' (<a href="{escape(source.archive)}">{escape(words("facts.archive"))}</a>)' if source.archive else "")
    return (f'{escape(source.publisher, quote=False)}, <cite lang="{source.lang}">{escape(source.title, quote=False)}</cite>, '
            f'{escape(spelled_date(source.date, words))}, <a href="{escape(source.url)}">{escape(_host(source.url))}</a>'
            f'{archive} <span class="dp-source-kind">({escape(words("facts.kinds." + source.kind))})</span>')


def _host(url: str) -> str:
    return urlsplit(url).hostname or url
