"""`python -m scripts.integrity --base DIR --head DIR`: what a change may not do quietly, judged
against the base branch by the base branch's own rules.

CI runs this file from a checkout of the base branch, against the pull request's tree: a pull
request cannot change the rules that judge it. Each finding is a line of the checker's form,
`file:line: [integrity] what — how to fix it`.

- The text: when declaration/declaration.fr.txt or the official versions' words
  (declaration/versions.yml) change, a commit of the change carries a trailer
  `Source-change: https://…` whose address is on the domain of an official publisher of the
  base's data (declaration/sources.yml, official or international organisation).
- The translations: a translation whose recorded source hash changes, marking it up to date with
  a new French, changes its sentences too.
- The published anchors: every anchor the base's build publishes is published by the head's
  build: a permanent link stays permanent (declaration/anchors.yml may record where one moved;
  the build then keeps the old one).

`make check` runs the anchors' comparison too, against the base it finds (DP_BASE, or where the
work branched from main), for an editor to know before CI says so.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from selectolax.lexbor import LexborHTMLParser

from declaration.files import git
from scripts import build as builder
from scripts.findings import Finding

CHECK = "integrity"
TEXT = "declaration/declaration.fr.txt"
VERSIONS = "declaration/versions.yml"
SOURCES = "declaration/sources.yml"
MOVES = "declaration/anchors.yml"
TRAILER = "Source-change"
TREE = ("declaration", "docs", "overrides", "mkdocs.yml")
LOCAL_URL = "https://example.test/"
# What the anchors of a site are (published_anchors): a new reading makes cached ones stale.
ANCHORS_READING = 2
# Ids that are not promises: the theme's, footnotes' (numbered in order), tooltips' (numbered).
UNSTABLE = re.compile(r"^(?:__|fn:|fnref:|dp-tip-)")


def _problem(path: str, line: int, message: str, fix: str) -> Finding:
    return Finding(path, line, CHECK, message, fix)


# The published anchors ----------------------------------------------------------------------------


def published_anchors(site: Path) -> dict[str, dict[str, str]]:
    """Every anchor of every page of a built site, by page (its path below the site: `text.html`,
    `en/text.html`): the ids of its content, but for those that are not promises (UNSTABLE),
    each with the first words of what it names (to find where it stood)."""
    anchors = {}
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative == "404.html":
            continue
        article = LexborHTMLParser(path.read_text(encoding="utf-8")).css_first("article.md-content__inner")
        if article is not None:
            # A page's title (h1) is the page itself: a link to it is a link to the page's top.
            anchors[relative] = {node.attributes["id"]: " ".join(node.text(deep=True).split())[:80]
                                 for node in article.css("[id]") if node.tag != "h1"
                                 and node.attributes.get("id") and not UNSTABLE.match(node.attributes["id"])}
    return anchors


def lost_anchors(base: dict[str, dict[str, str]], head: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """Each page's anchors that the base published and the head does not (a page gone: all)."""
    lost = {}
    for page, anchors in base.items():
        gone = {anchor: words for anchor, words in anchors.items() if anchor not in head.get(page, {})}
        if gone:
            lost[page] = gone
    return lost


def anchors_of(tree: Path) -> dict[str, set[str]]:
    """The anchors a tree publishes: it is built (with its own code) aside, and read."""
    with tempfile.TemporaryDirectory(prefix="anchors-") as work:
        built = builder.build(tree, Path(work) / "site", LOCAL_URL)
        if built.returncode != 0:
            raise RuntimeError(f"{tree} does not build: {built.output[-2000:]}")
        return published_anchors(Path(work) / "site")


def anchor_problems(lost: dict[str, dict[str, str]], head: Path) -> list[Finding]:
    problems = []
    for page, anchors in lost.items():
        slug, lang = _slug_and_language(page, head)
        source = f"docs/{slug}.{lang}.md"
        for anchor, words in sorted(anchors.items()):
            # Where it stood: the line that still says what it named (a heading renamed keeps its words).
            line = _line_of(head / source, " ".join(words.rstrip("¶").split()[:4])) if (head / source).is_file() else 1
            problems.append(_problem(source if (head / source).is_file() else MOVES, line,
                                    f"{page}#{anchor} was published and is gone: links to it, in citations, "
                                    "bookmarks and other sites, would break",
                                    f"keep the anchor (write {{#{anchor}}} on the heading or element that took "
                                    f"its place), or, if it moved, record where under moved: in {MOVES} "
                                    f"({slug}#{anchor}: {slug}#NEW-ID), which a maintainer reviews"))
    return problems


def _slug_and_language(page: str, tree: Path) -> tuple[str, str]:
    folder, _, name = page.rpartition("/")
    slug = name.removesuffix(".html")
    if folder:
        return slug, folder
    config = (tree / "mkdocs.yml").read_text(encoding="utf-8") if (tree / "mkdocs.yml").is_file() else ""
    default = re.search(r"locale:\s*(\S+)\s*\n\s*name:[^\n]*\n\s*default:\s*true", config)
    return slug, default[1] if default else "fr"


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if needle and needle.casefold() in line.casefold():
            return number
    return 1


# The text, the versions and the translations ---------------------------------------------------------


def official_domains(tree: Path) -> set[str]:
    """The domains of the official publishers the data names (sources.yml)."""
    path = tree / SOURCES
    if not path.is_file():
        return set()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return {urlsplit(str(source.get("url", ""))).hostname or "" for source in data if isinstance(source, dict)
            and source.get("kind") in ("official", "international-organisation")} - {""}


def cited_sources(head: Path, commits: str) -> list[str]:
    """The Source-change addresses of the commits of a change (git range BASE..HEAD)."""
    log = git(head, "log", f"--format=%(trailers:key={TRAILER},valueonly)", commits) or ""
    return [value.strip() for value in log.split("\n") if value.strip()]


def source_problems(base: Path, head: Path, commits: str | None) -> list[Finding]:
    changed = [path for path in (TEXT, VERSIONS) if _read(base / path) != _read(head / path)]
    if not changed:
        return []
    domains = official_domains(base)
    cited = cited_sources(head, commits) if commits else []
    if any(_on(address, domains) for address in cited):
        return []
    return [_problem(path, 1, f"{path} changes, and no commit cites the official publication the new words come "
                    f"from{' (cited: ' + ', '.join(cited) + ')' if cited else ''}",
                    f"add to a commit message the trailer `{TRAILER}: https://…`, the address of the publication on "
                    f"{', '.join(sorted(domains)) or 'an official publisher named in ' + SOURCES}") for path in changed]


def _on(address: str, domains: set[str]) -> bool:
    parts = urlsplit(address)
    host = parts.hostname or ""
    return parts.scheme == "https" and any(host == domain or host.endswith("." + domain) for domain in domains)


def translation_problems(base: Path, head: Path) -> list[Finding]:
    problems = []
    for path in sorted((head / "declaration").glob("translation.*.yml")):
        relative = path.relative_to(head).as_posix()
        old, new = _entries(base / relative), _entries(path)
        for segment, entry in new.items():
            before = old.get(segment)
            if before and before.get("source") != entry.get("source") and before.get("sentences") == entry.get("sentences"):
                problems.append(_problem(relative, _line_of(path, f"{segment}:"),
                                        f"the translation of '{segment}' is marked as translating a new French "
                                        "(its source hash changed), but its sentences did not change",
                                        "translate the new French, then record its hash; or restore the hash"))
    return problems


def _entries(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
    return data if isinstance(data, dict) else {}


def _read(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


# The command ----------------------------------------------------------------------------------------


def check(base: Path, head: Path, commits: str | None) -> list[Finding]:
    problems = source_problems(base, head, commits) + translation_problems(base, head)
    return sorted(problems + anchor_problems(lost_anchors(anchors_of(base), anchors_of(head)), head))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.integrity", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", type=Path, required=True, help="the base branch's tree")
    parser.add_argument("--head", type=Path, required=True, help="the change's tree (a git checkout)")
    parser.add_argument("--commits", help="the change's commits, as a git range BASE..HEAD (for the trailers)")
    args = parser.parse_args(argv)
    problems = check(args.base, args.head, args.commits)
    for problem in problems:
        print(problem)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(problem.annotation())
    print(f"{'FAILED' if problems else 'OK'}: {len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0



if __name__ == "__main__":
    sys.exit(main())
