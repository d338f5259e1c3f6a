"""Building the tree, as the tests need it: the real one, or a copy to break."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What a build needs; copies of the tree hold these and nothing else.
TREE = ("declaration", "docs", "overrides", "mkdocs.yml")
TEST_SITE_URL = "https://example.test/explainer/"


def build(root: Path, site_dir: Path, site_url: str = TEST_SITE_URL) -> subprocess.CompletedProcess:
    """A strict build of the tree at `root`, as `make build` runs it."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=root, env=env, capture_output=True, text=True, timeout=120,
    )


def copy_tree(destination: Path) -> Path:
    for name in TREE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / name)
    return destination
