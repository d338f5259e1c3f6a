"""The record of changes, read from git: what changed in the content (the data of declaration/ and
the pages of docs/), when, in the words of the commit's subject.

A clone with shallow history (as some CI checkouts are) knows only its last commits, and git
shows the oldest of them as adding every file: that commit is left out, and the history says it
is incomplete, so that no date is invented. Outside a git checkout, the history is empty and
incomplete.

The history is read once per build: changes.py forgets it when a build starts (`mkdocs serve`
rebuilds in the same process, perhaps after a commit).
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

# What a reader's page is made of: the data, and the pages; not the code beside them.
CONTENT = re.compile(r"^(?:declaration/[^/]+\.(?:txt|sha256|yml)|docs/(?:_snippets/)?[^/]+\.md)$")
FIELD, RECORD = "\x1f", "\x1e"


@dataclass(frozen=True)
class Change:
    sha: str
    day: date
    subject: str
    files: tuple[str, ...]  # the content files it changed, relative to the project


@dataclass(frozen=True)
class History:
    changes: tuple[Change, ...]  # newest first
    complete: bool  # False: earlier changes exist that this checkout does not hold
    built: date | None  # the day of the commit being built: when the site last changed

    def of(self, path: str) -> list[Change]:
        return [change for change in self.changes if path in change.files]

    def last_change(self, path: str) -> date | None:
        changes = self.of(path)
        return changes[0].day if changes else None

    def first_change(self, path: str) -> date | None:
        """The day the file was added, when the history reaches that far back."""
        changes = self.of(path)
        return changes[-1].day if changes and self.complete else None

    @property
    def last(self) -> date | None:
        return self.changes[0].day if self.changes else None


@cache
def read_history(root: Path) -> History:
    head = (_git(root, "log", "-1", "--format=%cs") or "").strip()
    if not head:
        return History((), complete=False, built=None)
    shallow = (_git(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true"
    log = _git(root, "log", f"--format={RECORD}%H{FIELD}%cs{FIELD}%s", "--name-only", "--", "declaration", "docs")
    changes = []
    for record in (log or "").split(RECORD)[1:]:
        header, _, names = record.partition("\n")
        sha, day, subject = header.split(FIELD, 2)
        files = tuple(name for name in names.split("\n") if CONTENT.match(name))
        if files:
            changes.append(Change(sha, date.fromisoformat(day), subject.strip(), files))
    if shallow and changes:
        boundary = _boundaries(root)
        changes = [change for change in changes if change.sha not in boundary]
    return History(tuple(changes), complete=not shallow, built=date.fromisoformat(head))


def _boundaries(root: Path) -> set[str]:
    """The commits at the edge of a shallow clone (their parents are missing)."""
    path = _git(root, "rev-parse", "--git-path", "shallow")
    shallow = (root / path.strip()) if path else None
    return set(shallow.read_text(encoding="utf-8").split()) if shallow and shallow.is_file() else set()


def _git(root: Path, *arguments: str) -> str | None:
    try:
        return subprocess.run(["git", *arguments], cwd=root, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
