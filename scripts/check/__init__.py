"""The checker: what keeps the site faithful to the declaration.

`python -m scripts.check` (or `make check`) runs every check and exits 1 when any fails. Each
finding is one line, `path:line: [check-id] what is wrong — how to fix it`. The checks read
the repository's files and the built site; MkDocs is only run, as one of the checks (the
strict build), never imported.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import declaration as declaration_module

from scripts.build import strict_build

from . import characters, coverage, links, quotes, safety, source_integrity, terminology, translations
from .findings import ERROR, Finding
from .pages import read_pages
from .site import BuiltSite

# In the order an editor would fix them: the text first, the site last.
SOURCE_CHECKS = (source_integrity, characters, safety, quotes, coverage, translations, terminology)
BUILD_CHECK = "build"
CHECK_SITE_URL = "https://example.test/"


def check_sources(root: Path) -> list[Finding]:
    """Every check that reads the repository's files: fast, no build."""
    try:
        the_declaration = declaration_module.load(root / "declaration")
    except declaration_module.DeclarationError as error:
        return [Finding(Path(error.path).relative_to(root).as_posix(), error.line,
                        source_integrity.CHECK, error.message, "fix the file so that it parses")]
    pages = read_pages(root)  # read once, for every check that looks at the pages
    findings = []
    for module in SOURCE_CHECKS:
        findings += module.check(root, the_declaration, pages)
    return findings


def check_site(root: Path, site_dir: Path, site_url: str) -> list[Finding]:
    """The checks that read a built site: generated quotes and every link."""
    the_declaration = declaration_module.load(root / "declaration")
    site = BuiltSite(site_dir)
    return quotes.check_site(site, the_declaration) + links.check_site(site, site_url)


def build(root: Path, site_dir: Path, site_url: str = CHECK_SITE_URL) -> list[Finding]:
    """The strict build, as a check: its errors and warnings become findings."""
    result = strict_build(root, site_dir, site_url)
    if result.returncode == 0:
        return []
    messages = [line for line in (result.stdout + result.stderr).splitlines()
                if line.startswith(("WARNING", "ERROR")) and "Aborted" not in line]
    return [Finding("mkdocs.yml", 1, BUILD_CHECK, _strip_level(message),
                    "fix what the message names; `make build` shows the full output")
            for message in messages or ["the strict build failed"]]


def check_all(root: Path) -> list[Finding]:
    findings = check_sources(root)
    with tempfile.TemporaryDirectory(prefix="check-site-") as site_dir:
        build_findings = build(root, Path(site_dir))
        findings += build_findings
        if not build_findings:
            findings += check_site(root, Path(site_dir), CHECK_SITE_URL)
    return findings


def failed(findings: list[Finding]) -> bool:
    return any(finding.severity == ERROR for finding in findings)


def _strip_level(message: str) -> str:
    return message.split("-", 1)[1].strip() if " -  " in message else message
