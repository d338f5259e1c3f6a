"""Building the tree, as the tests need it: the real one, or a copy to change; and git, for a
copy or a repository given a history of its own."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from scripts.build import strict_build

ROOT = Path(__file__).resolve().parent.parent
# What a build needs; copies of the tree hold these and nothing else.
TREE = ("declaration", "docs", "overrides", "mkdocs.yml")
TEST_SITE_URL = "https://example.test/explainer/"
# The site's languages, the source (built at the root) first.
LANGUAGES = ("fr", "en")


def build(root: Path, site_dir: Path, site_url: str = TEST_SITE_URL) -> subprocess.CompletedProcess:
    """A strict build of the tree at `root`, as `make build` runs it."""
    return strict_build(root, site_dir, site_url)


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
