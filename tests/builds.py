"""Building the tree, as the tests need it: the real one, or a copy to change; and git, for a
copy or a repository given a history of its own."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from scripts import build as builder

ROOT = Path(__file__).resolve().parent.parent
# What a build needs; copies of the tree hold these and nothing else.
TREE = ("declaration", "docs", "overrides", "mkdocs.yml", "assets.sha256")
TEST_SITE_URL = "https://example.test/explainer/"
# The site's languages, the source (built at the root) first.
LANGUAGES = ("fr", "en")


def build(root: Path, site_dir: Path, site_url: str = TEST_SITE_URL) -> builder.Built:
    """A strict build of the tree at `root`, as `make build` runs it."""
    return builder.build(root, site_dir, site_url)


def check_all_keeping(root: Path, site_dir: Path, site_url: str | None = None) -> tuple[list, builder.Built | None]:
    """Every check (`make check`), the site kept in `site_dir`; and what the strict build of the
    tree returned (None when nothing was built), so that a test can read the build that was
    checked instead of making another. (The tree's build is the first that check_all finishes; the
    anchors check may build a base after it.)"""
    from scripts.check import check_all

    built, finish = [], builder.finish

    def finished(process, *arguments, **options):
        built.append(finish(process, *arguments, **options))
        return built[-1]

    builder.finish = finished
    try:
        findings = check_all(root, site_dir, site_url)
    finally:
        builder.finish = finish
    return findings, (built[0] if built else None)


def copy_tree(destination: Path) -> Path:
    for name in TREE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / name)
    return destination


def git(root: Path, *arguments: str, day: str | None = None) -> str:
    """Run git in a throwaway repository, as one editor, untouched by the machine's git settings;
    `day`: the date of the commit it makes. Its output, stripped."""
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if day:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{day}T10:00:00+00:00"
    return subprocess.run(["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.test", *arguments],
                          cwd=root, env=env, capture_output=True, text=True, check=True).stdout.strip()


@dataclass
class Checked:
    """A copy of the tree with many edits, checked once (`make check`): each edit stands on lines
    of its own, and each test asks about its lines."""

    tree: Path
    findings: list
    built: builder.Built | None = None  # what its strict build returned, when it was built and kept
    site: Path | None = None  # where

    def at(self, path: str, line: int, check: str | None = None, severity: str = "error") -> list:
        return [f for f in self.findings if (f.path, f.line) == (path, line) and check in (None, f.check)
                and f.severity == severity]

    def of(self, check: str, severity: str = "error") -> list[tuple[str, int]]:
        return [(f.path, f.line) for f in self.findings if f.check == check and f.severity == severity]


def append(tree: Path, relative: str, lines: str) -> int:
    """Add lines at the end of a file, after a blank line; the line number of the first one."""
    path = tree / relative
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    path.write_text(text + "\n" + lines + "\n", encoding="utf-8")
    return text.count("\n") + 2


def edit(tree: Path, relative: str, old: str, new: str, count: int = 1) -> None:
    path = tree / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(tree: Path, relative: str, needle: str) -> int:
    text = (tree / relative).read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1
