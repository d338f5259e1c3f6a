"""Check anchors: permanent links stay permanent.

The anchors the site has published are those of the base branch's build (where this work
branched from main, or DP_BASE): each must still be there. A new anchor needs nothing. One that
disappears fails, naming its two remedies, in that order: keep the id, or record where it moved
(declaration/anchors.yml, `moved:`, which the build honours by keeping the old id at its new
place). CI judges the same with the base branch's own script (scripts/integrity.py); this gives an
editor the answer first. Without git or a base (a copy of the tree), there is nothing to compare.
"""

from __future__ import annotations

import io
import json
import os
import tarfile
import tempfile
from pathlib import Path

import declaration
from declaration.files import git
from scripts.integrity import ANCHORS_READING, TREE, anchor_problems, anchors_of, lost_anchors, published_anchors

from scripts.findings import Finding

CHECK = "anchors"
ANCHORS = f"declaration/{declaration.ANCHORS_FILE}"
BASE_VARIABLE = "DP_BASE"
CACHE = ".cache/anchors"


def check_site(sources, site) -> list[Finding]:
    try:
        anchors = declaration.load_anchors(sources.root / "declaration")
    except declaration.DeclarationError as error:
        return [Finding(ANCHORS, problem.line, CHECK, problem.message, problem.fix) for problem in error.problems]
    findings = []
    for lang, pages in site.pages.items():
        for slug, path in pages.items():
            ids = site.ids(path.relative_to(site.root).as_posix())
            for (page, old), (target, line) in anchors.moved.items():
                if page == slug and old not in ids:
                    findings.append(Finding(ANCHORS, line, CHECK, f"{slug}.html#{old} ({lang}) is recorded as moved, "
                                            "but the build did not keep it", f"check that #{target} exists on the page"))
    base = base_anchors(sources.root)
    if base is not None:
        lost = lost_anchors(base, published_anchors(site.root))
        findings += [Finding(problem.path, problem.line, CHECK, problem.problem, problem.fix)
                     for problem in anchor_problems(lost, sources.root)]
    return findings


def base_commit(root: Path) -> str | None:
    """The commit this work is judged against: DP_BASE, or where HEAD branched from main."""
    if os.environ.get(BASE_VARIABLE):
        return os.environ[BASE_VARIABLE]
    for branch in ("origin/main", "main"):
        found = git(root, "merge-base", "HEAD", branch)
        if found:
            return found.strip()
    return None


def base_anchors(root: Path) -> dict[str, dict[str, str]] | None:
    """The anchors the base's build publishes, built once per base commit (cached in .cache/)."""
    commit = base_commit(root)
    if not commit:
        return None
    cached = root / CACHE / f"{commit}.{ANCHORS_READING}.json"
    if cached.is_file():
        return json.loads(cached.read_text(encoding="utf-8"))
    archive = git(root, "archive", "--format=tar", commit, "--", *TREE, text=False)
    if not archive:
        return None
    with tempfile.TemporaryDirectory(prefix="base-") as work:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(work, filter="data")
        try:
            anchors = anchors_of(Path(work))
        except RuntimeError:
            return None  # a base that does not build with this machine's tools promises nothing here
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}")  # two checks at once each write whole files
    partial.write_text(json.dumps(anchors, ensure_ascii=False), encoding="utf-8")
    partial.replace(cached)
    return anchors


