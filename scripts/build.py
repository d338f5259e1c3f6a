"""The strict MkDocs build, as `make build` runs it, for the tools that build a tree of their own:
the checker, the tests and the browser's local site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# The `mkdocs` command of the environment this runs in (the project is installed there).
MKDOCS = Path(sys.executable).parent / "mkdocs"


def strict_build(root: Path, site_dir: Path, site_url: str) -> subprocess.CompletedProcess:
    """Build the tree at `root` into `site_dir`, its absolute URLs under `site_url`. Never with
    -q: with it, --strict lets warnings pass."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([str(MKDOCS), "build", "--strict", "--site-dir", str(site_dir)],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300)
