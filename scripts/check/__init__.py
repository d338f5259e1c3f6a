"""The checker: what keeps the site faithful to the declaration.

`python -m scripts.check` (or `make check`) runs every check and exits 1 when any fails. Each
finding is one line, `path:line: [check-id] what is wrong — how to fix it`. The checks read the
repository's files, then build the site strictly and read what was built; MkDocs is only run,
as one of the checks (the build), never imported. docs/_snippets/checks.<code>.md lists every
check for editors and readers, in each language; a test holds that list to CHECKS.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from scripts.build import finish, start_strict_build

from . import (anchors, characters, coverage, links, meaning, published, quotes, safety, source_integrity,
               sources, terminology, translations, typography)
from .findings import ERROR, Finding
from .site import BuiltSite

# In the order an editor would fix them: the inputs first, the text next, the built site last.
SOURCE_CHECKS = (source_integrity, characters, safety, quotes, coverage, translations, terminology, meaning,
                 typography)
SITE_CHECKS = (published, quotes, links, anchors)
BUILD_CHECK = "build"
CHECKS = tuple(dict.fromkeys([sources.CHECK, *(module.CHECK for module in SOURCE_CHECKS), BUILD_CHECK,
                              *(module.CHECK for module in SITE_CHECKS)]))
CHECK_SITE_URL = "https://example.test/"


def check_sources(root: Path) -> list[Finding]:
    """Every check that reads the repository's files: fast, no build."""
    return _sources_and_findings(root)[1]


def _sources_and_findings(root: Path):
    read, findings = sources.read_sources(root)
    if read is None:
        return None, findings
    # A file that could not be read is checked no further: what the other checks would say of it
    # (an empty page "differs from its counterpart") only hides the one finding that matters.
    unreadable = {finding.path for finding in findings if finding.severity == ERROR}
    for module in SOURCE_CHECKS:
        findings += [finding for finding in module.check(read) if finding.path not in unreadable]
    return read, findings


def check_site(root: Path, site_dir: Path, site_url: str) -> list[Finding]:
    """The checks that read a built site: generated quotes and every link."""
    read, findings = sources.read_sources(root)
    if read is None:
        return findings
    return _site_findings(read, site_dir, site_url)


def _site_findings(read, site_dir: Path, site_url: str) -> list[Finding]:
    site = BuiltSite(site_dir, read.languages, site_url)  # each built page parsed once, for every check
    return [finding for module in SITE_CHECKS for finding in module.check_site(read, site)]


def build(root: Path, site_dir: Path, site_url: str = CHECK_SITE_URL) -> list[Finding]:
    """The strict build, as a check: its errors and warnings become findings."""
    return _build_findings(start_strict_build(root, site_dir, site_url))


def _build_findings(building) -> list[Finding]:
    result = finish(building)
    if result.returncode == 0:
        return []
    messages = [line for line in (result.stdout + result.stderr).splitlines()
                if line.startswith(("WARNING", "ERROR")) and "Aborted" not in line]
    # MkDocs says "Error reading page 'x.md':" on a line of its own, before the error it caught.
    messages = [message for message, following in zip(messages, [*messages[1:], None])
                if not (message.rstrip().endswith("':") and "Error reading page" in message and following)]
    return [_build_finding(message) for message in messages or ["the strict build failed"]]


def check_all(root: Path) -> list[Finding]:
    with tempfile.TemporaryDirectory(prefix="check-site-") as site_dir:
        # The build runs in its own process while the source checks run in this one.
        building = start_strict_build(root, Path(site_dir), CHECK_SITE_URL)
        read, findings = _sources_and_findings(root)
        if read is None or failed([f for f in findings if f.check == sources.CHECK]):
            building.kill()  # it would read the same unreadable input
            building.communicate()
            return findings
        build_findings = _build_findings(building)
        findings += build_findings
        if not build_findings:
            findings += _site_findings(read, Path(site_dir), CHECK_SITE_URL)
    return findings


def failed(findings: list[Finding]) -> bool:
    return any(finding.severity == ERROR for finding in findings)


def _build_finding(message: str) -> Finding:
    """A build message as a finding; the hooks' own errors start with `docs/page.md:line: `."""
    text = message.split("-", 1)[1].strip() if " -  " in message else message
    text = text.removeprefix("Error reading page").strip(" :")
    head, _, rest = text.partition(": ")
    path, _, line = head.rpartition(":")
    if path and line.isdigit() and rest:
        return Finding(path, int(line), BUILD_CHECK, rest, "fix what the message names; `make build` shows the full output")
    return Finding("mkdocs.yml", 1, BUILD_CHECK, text, "fix what the message names; `make build` shows the full output")
