"""When each page last changed, from git: the day of the last commit that changed its file, for the
one date a page shows ("Updated on …") and its metadata.

A clone with shallow history (as some CI checkouts are) knows only its last commits, and git
shows the oldest of them as adding every file: in a shallow clone no date is given, rather than
an invented one. Outside a git checkout, there are none either. Read once per commit: a new
commit (`mkdocs serve` rebuilds in the same process) is read afresh.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from declaration.files import git

RECORD = "\x1e"


def last_changes(root: Path) -> dict[str, date]:
    """Each file of docs/ and declaration/ → the day of the last commit that changed it."""
    head = (git(root, "rev-parse", "HEAD") or "").strip()
    return _read(root, head) if head else {}


@cache
def _read(root: Path, head: str) -> dict[str, date]:
    if (git(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true":
        return {}
    log = git(root, "log", f"--format={RECORD}%cs", "--name-only", head, "--", "declaration", "docs") or ""
    days: dict[str, date] = {}
    for record in log.split(RECORD)[1:]:
        day, _, names = record.partition("\n")
        for name in names.split("\n"):
            if name.strip():
                days.setdefault(name.strip(), date.fromisoformat(day.strip()))
    return days


