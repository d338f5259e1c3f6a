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
    return finish(start_strict_build(root, site_dir, site_url))


def start_strict_build(root: Path, site_dir: Path, site_url: str) -> subprocess.Popen:
    """The same build, started: the caller works meanwhile, then calls finish()."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen([str(MKDOCS), "build", "--strict", "--site-dir", str(site_dir)], cwd=root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen) -> subprocess.CompletedProcess:
    try:
        stdout, stderr = process.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
