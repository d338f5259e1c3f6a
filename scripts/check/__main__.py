"""Command line: `python -m scripts.check [--sources-only] [--site-dir DIR]`, `python -m scripts.check repin`.

Every check, the build among them (`make check`); with --site-dir, the site is built there and
kept (`make build`: what CI publishes is what was checked), for the site_url of SITE_URL or
mkdocs.yml's default. --sources-only: the inputs and the data, no build.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from . import check_all, check_sources, failed, source_integrity

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.check", description=__doc__)
    parser.add_argument("command", nargs="?", choices=["all", "repin"], default="all",
                        help="all: run every check (default); repin: pin the reviewed text, versions and assets as they are")
    parser.add_argument("--sources-only", action="store_true", help="the inputs and the data only: no build")
    parser.add_argument("--site-dir", type=Path, help="build the site there, and keep it")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.command == "repin":
        digest = source_integrity.repin(args.root)
        print(f"pinned {source_integrity.TEXT} at {digest}, the quotations of other publications and the assets; "
              "now run `make check` to see the translations a change of the text has outdated")
        return 0

    started = time.perf_counter()
    if args.sources_only:
        findings = check_sources(args.root)
    else:
        findings = check_all(args.root, args.site_dir)
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    for finding in sorted(findings):
        print(finding)
        if in_actions:
            print(finding.annotation())
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    elapsed = time.perf_counter() - started
    print(f"{'FAILED' if failed(findings) else 'OK'}: {errors} error(s), {warnings} warning(s) "
          f"in {elapsed:.1f} s", file=sys.stderr)
    return 1 if failed(findings) else 0


if __name__ == "__main__":
    sys.exit(main())
