"""The record of changes, for readers (changes.yml): what changed on which pages and why, written
and reviewed like the pages, in every language of the site, newest first. The Changes page and
the Atom feeds are made from it, never from commit subjects: what the site publishes of its
history is what was reviewed as such."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .files import InputError, Problem
from .schema import day_of, entries_of

CHANGES_FILE = "changes.yml"


@dataclass(frozen=True)
class Change:
    id: str
    line: int
    date: date
    pages: tuple[str, ...]  # the pages it changed, by name (slug)
    summary: dict[str, str]  # by language


def load_changes(root: Path, plain_text_problem) -> tuple[Change, ...]:
    path = root / CHANGES_FILE
    problems: list[Problem] = []
    changes, seen = [], set()
    for line, entry in entries_of(path, "changes", problems)[0]:
        when = day_of(path, entry, problems, 'write it "YYYY-MM-DD"')
        if when is None:
            continue
        for lang, text in entry["summary"].items():
            problem = plain_text_problem(text, 1200)
            if problem:
                problems.append(Problem(path, entry["summary"].line_of(lang), f"summary.{lang}: {problem}",
                                        "write it as plain text"))
        if entry["id"] in seen:
            problems.append(Problem(path, line, f"two changes have the id '{entry['id']}'", "give each its own id"))
        seen.add(entry["id"])
        if changes and when > changes[-1].date:
            problems.append(Problem(path, line, f"'{entry['id']}' is newer than the change before it",
                                    "keep the changes newest first"))
        changes.append(Change(entry["id"], line, when, tuple(entry["pages"]), dict(entry["summary"])))
    if problems:
        raise InputError(problems)
    return tuple(changes)
