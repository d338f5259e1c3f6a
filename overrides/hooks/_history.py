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
from overrides.hooks._site import project_root

RECORD = "\x1e"


# Where a build keeps the commit it describes, asked of git once per build rather than for each
# page: MkDocs makes a new configuration for each build (`make serve` after a commit).
HEAD = "dp_history_head"


def last_changes(config) -> dict[str, date]:
    """Each file of docs/ and declaration/ of the project being built → the day of the last commit
    that changed it."""
    root = project_root(config)
    head = config.get(HEAD)
    if head is None:
        head = config[HEAD] = (git(root, "rev-parse", "HEAD") or "").strip()
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


