"""Check source-integrity: the project's copy of the text is the one that was pinned.

Changing the text is a deliberate act: the finding shows what changed since the pinned version
(from git history) and the command that re-pins it.
"""

from __future__ import annotations

import difflib
import hashlib
import subprocess
from pathlib import Path

import declaration

from .findings import Finding

CHECK = "source-integrity"
TEXT = f"declaration/{declaration.TEXT_FILE}"
PIN = f"declaration/{declaration.PIN_FILE}"


def check(sources) -> list[Finding]:
    root, pinned = sources.root, sources.declaration.pinned_sha256
    current = (root / TEXT).read_bytes()
    if hashlib.sha256(current).hexdigest() == pinned:
        return []
    previous = _pinned_version(root, pinned)
    current_lines = current.decode("utf-8").split("\n")
    if previous is None:
        line, detail = 1, "(no version with the pinned hash in git history to compare with)"
    else:
        previous_lines = previous.split("\n")
        line = next((n for n, (a, b) in enumerate(zip(previous_lines, current_lines), start=1) if a != b),
                    min(len(previous_lines), len(current_lines)) + 1)
        detail = "\n".join(difflib.unified_diff(previous_lines, current_lines, "pinned", "current",
                                                lineterm="", n=0))
    return [Finding(TEXT, line, CHECK,
                    f"the text differs from its pinned SHA-256 ({pinned[:12]}…)",
                    "restore the text (git checkout -- declaration/declaration.fr.txt); if the change "
                    "is a deliberate update of the declaration, run `make repin` and review every "
                    "outdated translation it reveals", detail=detail)]


def repin(root: Path) -> str:
    digest = hashlib.sha256((root / TEXT).read_bytes()).hexdigest()
    (root / PIN).write_text(digest + "\n", encoding="utf-8")
    return digest


def _pinned_version(root: Path, pinned: str) -> str | None:
    """The most recent committed version of the text whose hash is the pinned one."""
    try:
        commits = subprocess.run(["git", "log", "--format=%H", "-n", "50", "--", TEXT], cwd=root,
                                 capture_output=True, text=True, check=True).stdout.split()
        for commit in commits:
            blob = subprocess.run(["git", "show", f"{commit}:{TEXT}"], cwd=root,
                                  capture_output=True, check=True).stdout
            if hashlib.sha256(blob).hexdigest() == pinned:
                return blob.decode("utf-8", errors="replace")
    except (OSError, subprocess.CalledProcessError):
        pass
    return None
