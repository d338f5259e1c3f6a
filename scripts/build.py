"""The strict MkDocs build of a tree, the one way every tool builds: `make build` and `make check`
(through the checker), the tests and the browser's local site.

Every build is of one tree with that tree's own code (PYTHONPATH: its `declaration` and
`overrides`, not the ones installed), under a budget of time and memory: an edit that makes
Markdown slow or greedy ends in a finding, never in a stalled or swapping machine. Never with -q:
with it, --strict lets warnings pass.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# The `mkdocs` command of the environment this runs in (the project's dependencies are there).
MKDOCS = Path(sys.executable).parent / "mkdocs"
# Far above what the real site takes (about 2 s and 150 MB), far below what would stall CI.
BUDGET_SECONDS = 120
BUDGET_BYTES = 4 * 1024 ** 3
RECORD = "DP_BUILD_RECORD"  # overrides/hooks/record.py writes each page's content there


@dataclass
class Built:
    returncode: int | None  # None: stopped, over its time budget
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (BUDGET_BYTES, BUDGET_BYTES))


def start(root: Path, site_dir: Path, site_url: str, record: Path | None = None) -> subprocess.Popen:
    """The build of the tree at `root` into `site_dir`, its absolute URLs under `site_url`, started:
    the caller works meanwhile, then calls finish(). `record`: where the hooks write each page's
    content, for the checks."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(root)}
    env.pop(RECORD, None)
    if record is not None:
        env[RECORD] = str(record)
    return subprocess.Popen([str(MKDOCS), "build", "--strict", "--site-dir", str(site_dir)], cwd=root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_limits)


def finish(process: subprocess.Popen, timeout: float = BUDGET_SECONDS) -> Built:
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
        return Built(None, stdout, stderr)
    return Built(process.returncode, stdout, stderr)


def build(root: Path, site_dir: Path, site_url: str, record: Path | None = None) -> Built:
    return finish(start(root, site_dir, site_url, record))
