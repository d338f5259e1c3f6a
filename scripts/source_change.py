"""`python -m scripts.source_change BASE HEAD`: a change of the declaration's text is never incidental.

When a pull request changes declaration/declaration.fr.txt, one of its commits must carry a
trailer that cites the official publication the new text comes from:

    Source-change: https://www.elysee.fr/…

Without it, this fails and says so. Either way, under GitHub Actions, the job's summary shows the
difference of the text, line by line.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

TEXT = "declaration/declaration.fr.txt"
TRAILER = "Source-change"
OFFICIAL_URL = re.compile(r"https://[^\s/]+\.[^\s/]+/\S*")


def git(root: Path, *arguments: str) -> str:
    return subprocess.run(["git", *arguments], cwd=root, capture_output=True, text=True, check=True).stdout


def verify(root: Path, base: str, head: str) -> tuple[bool, str]:
    """(whether the change may merge, what to tell the reviewer, in Markdown)."""
    diff = git(root, "diff", f"{base}...{head}", "--", TEXT)
    if not diff:
        return True, f"`{TEXT}` is unchanged."
    cited = [value.strip() for value in git(root, "log", f"--format=%(trailers:key={TRAILER},valueonly)",
                                            f"{base}..{head}").split("\n") if value.strip()]
    sources = [value for value in cited if OFFICIAL_URL.fullmatch(value)]
    summary = f"## `{TEXT}` changes\n\n```diff\n{diff}```\n\n"
    if sources:
        return True, summary + "Cited official publication: " + ", ".join(sources) + "\n"
    return False, summary + (f"**No commit cites where the new text comes from.** Add to a commit message the "
                             f"trailer `{TRAILER}: https://…` (the address of the official publication), then "
                             "push again.\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.source_change", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base", help="the pull request's base commit")
    parser.add_argument("head", help="the pull request's head commit")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    ok, summary = verify(args.root, args.base, args.head)
    print(summary)
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as step_summary:
            step_summary.write(summary)
    if not ok:
        print(f"::error file={TEXT},line=1,title=source-change::the text of the declaration changes, and no commit "
              f"carries a '{TRAILER}: https://…' trailer citing the official publication")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
