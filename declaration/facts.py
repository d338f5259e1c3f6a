"""What the site says beyond the text, as data: the sources it has read (sources.yml), and each
fact it states, with its date, its statement in every language, its sources and a short
quotation of one of them, exactly as the source has it (facts.yml). A negative fact (no report
of a thing, up to a date) says what was searched instead, and never poses as a quotation.

Pages cite facts by ID (`[[fact:ID]]`, `<!-- facts: ID ID -->`); the build renders each
statement with its date and its sources. Read like every data file: as untrusted input, against
a declared schema (schemas/), every problem with its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .files import InputError, Problem
from .schema import day_of, entries_of

SOURCES_FILE = "sources.yml"
FACTS_FILE = "facts.yml"


@dataclass(frozen=True)
class Source:
    id: str
    line: int
    url: str
    publisher: str
    title: str
    date: date
    lang: str
    kind: str  # official | international-organisation | press | research
    archive: str | None = None


@dataclass(frozen=True)
class Quote:
    source: str
    lang: str
    text: str
    line: int  # of its words, for findings


@dataclass(frozen=True)
class Fact:
    id: str
    line: int
    kind: str  # fact | negative
    date: date  # what it refers to; for a negative, up to when it was searched
    statement: dict[str, str]  # by language
    sources: tuple[str, ...]
    quote: Quote | None  # a fact's
    searched: dict[str, str] | None  # a negative's, by language
    lines: dict[str, int]  # of its keys, and of its statement in each language (statement.fr), for findings

    @property
    def negative(self) -> bool:
        return self.kind == "negative"


@dataclass(frozen=True)
class Facts:
    sources: dict[str, Source]
    facts: dict[str, Fact]
    sources_path: Path
    facts_path: Path


def load_facts(root: Path, plain_text_problem) -> Facts:
    """The sources and the facts; InputError with every problem, at its line."""
    sources_path, facts_path = root / SOURCES_FILE, root / FACTS_FILE
    problems: list[Problem] = []
    sources, written = _sources(sources_path, problems, plain_text_problem)
    facts = _facts(facts_path, written, problems, plain_text_problem)
    if problems:
        raise InputError(problems)
    return Facts(sources, facts, sources_path, facts_path)


def _sources(path: Path, problems: list[Problem], plain_text_problem) -> tuple[dict[str, Source], set]:
    sources: dict[str, Source] = {}
    listed, written = entries_of(path, "sources", problems)
    for line, entry in listed:
        day = day_of(path, entry, problems, 'write the date "YYYY-MM-DD" as the source gives it')
        for key in ("publisher", "title"):
            problem = plain_text_problem(entry[key], 400)
            if problem:
                problems.append(Problem(path, entry.line_of(key), f"{key}: {problem}", "write it as plain text"))
        if entry["id"] in sources:
            problems.append(Problem(path, line, f"two sources have the id '{entry['id']}'", "give each its own id"))
        if day:
            sources[entry["id"]] = Source(entry["id"], line, entry["url"], entry["publisher"], entry["title"], day,
                                          entry["lang"], entry["kind"], entry.get("archive"))
    return sources, written


def _facts(path: Path, sources: set, problems: list[Problem], plain_text_problem) -> dict[str, Fact]:
    """The facts; `sources`: the ids sources.yml writes."""
    facts: dict[str, Fact] = {}
    for line, entry in entries_of(path, "facts", problems)[0]:
        day = day_of(path, entry, problems, 'write the date "YYYY-MM-DD" as the source gives it')
        for source in entry["sources"]:
            if source not in sources:
                problems.append(Problem(path, entry.line_of("sources"), f"'{entry['id']}' cites an unknown source '{source}'",
                                        f"add the source to declaration/{SOURCES_FILE}, or name one it holds"))
        quote = entry.get("quote")
        if quote and quote["source"] not in entry["sources"]:
            problems.append(Problem(path, entry.line_of("quote"), f"the quotation of '{entry['id']}' is from "
                                    f"'{quote['source']}', which is not among its sources", "add it to sources: [ … ]"))
        for field in ("statement", "searched"):
            for lang, text in (entry.get(field) or {}).items():
                problem = plain_text_problem(text, 600)
                if problem:
                    problems.append(Problem(path, entry[field].line_of(lang), f"{field}.{lang}: {problem}",
                                            "write it as plain text"))
        if quote:
            problem = plain_text_problem(quote["text"], 300)
            if problem:
                problems.append(Problem(path, entry["quote"].line_of("text"), f"quote: {problem}",
                                        "copy the words as the source has them, as plain text"))
        if entry["id"] in facts:
            problems.append(Problem(path, line, f"two facts have the id '{entry['id']}'", "give each its own id"))
        if day:
            facts[entry["id"]] = Fact(
                entry["id"], line, entry["kind"], day, dict(entry["statement"]), tuple(entry["sources"]),
                Quote(quote["source"], quote["lang"], quote["text"], quote.line_of("text")) if quote else None,
                dict(entry["searched"]) if entry.get("searched") else None,
                {**entry.lines, **{f"statement.{lang}": entry["statement"].line_of(lang) for lang in entry["statement"]}})
    return facts
