"""The checker: what keeps the site faithful to the declaration.

`python -m scripts.check` (or `make check`) runs every check and exits 1 when any fails. Each
finding is one line, `path:line: [check-id] what is wrong — how to fix it`. The checks read the
repository's files, then build the site strictly and read what was built; MkDocs is only run,
as one of the checks (the build), never imported. docs/_snippets/checks.<code>.md lists every
check for editors and readers, in each language; a test holds that list to CHECKS.
"""

from __future__ import annotations

import os
import pickle
import re
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from declaration.markers import did_you_mean
from scripts import build as builder

from scripts.findings import ERROR, Finding

from . import (anchors, assets, characters, content, coverage, facts, language, links, meaning, published, quotes,
               rendered, safety, source_integrity, sources, terminology, translations, typography)
from .site import BuiltSite

# In the order an editor would fix them: the inputs first, then the data, what the pages say as
# the reader gets them (the build's record), and the built site last.
DATA_CHECKS = (source_integrity, assets, characters, safety, quotes, coverage, translations, terminology, meaning, facts)
RENDERED_CHECKS = (content, characters, quotes, meaning, facts, language, typography)
SITE_CHECKS = (published, quotes, links, anchors)
BUILD_CHECK = "build"
CHECKS = tuple(dict.fromkeys([sources.CHECK, *(module.CHECK for module in DATA_CHECKS), BUILD_CHECK,
                              *(module.CHECK for module in RENDERED_CHECKS), *(module.CHECK for module in SITE_CHECKS)]))
CHECK_SITE_URL = "https://example.test/"
FIX = "fix what the message names; `make build` shows the full output"


def check_sources(root: Path, only: str | None = None) -> list[Finding]:
    """The inputs and the data: fast, no build (the pages' prose is read as built: check_all).
    `only`: the id of one data check, run alone after the inputs' (its findings are those the
    whole run gives; the other data checks' are left out)."""
    read, findings = sources.read_sources(root)
    if read is None:
        return findings
    return findings + _data_findings(read, findings, only)


def _data_findings(read, findings: list[Finding], only: str | None = None) -> list[Finding]:
    # A file that could not be read is checked no further: what the other checks would say of it
    # (an empty page "differs from its counterpart") only hides the one finding that matters.
    unreadable = {finding.path for finding in findings if finding.severity == ERROR}
    return [finding for module in DATA_CHECKS if only in (None, module.CHECK) for finding in module.check(read)
            if finding.path not in unreadable]


def check_all(root: Path, site_dir: Path | None = None, site_url: str | None = None) -> list[Finding]:
    """Every check: the inputs (nothing is built from input that fails them), then the build, into
    `site_dir` (a temporary folder when None), for `site_url` (by default, as MkDocs reads it),
    under its budget, while the data checks run; then what the pages say as built, and the built
    site."""
    read, findings = sources.read_sources(root)
    if read is None or failed(findings):
        return findings
    site_url = site_url or read.site_url
    with tempfile.TemporaryDirectory(prefix="check-") as work:
        site = Path(site_dir) if site_dir else Path(work) / "site"
        record = Path(work) / "record"
        building = builder.start(root, site, site_url, record)
        findings += _data_findings(read, findings)
        build_findings = build_findings_of(builder.finish(building), read)
        if build_findings:
            # What the build stopped on, the data checks have mostly said already, at the same
            # line and with its fix: one mistake, one finding.
            said = {(finding.path, finding.line) for finding in findings}
            return findings + [finding for finding in build_findings if (finding.path, finding.line) not in said]
        # The built site's checks on the other core, while this one reads what the pages say.
        site_findings = _in_a_child(lambda: _site_findings(read, site, site_url))
        pages = rendered.read(record, read)
        findings += [finding for module in RENDERED_CHECKS for finding in module.check_rendered(read, pages)]
        findings += site_findings()
    # A snippet is rendered in every page that includes it: what it says is reported once.
    return list(dict.fromkeys(findings))


def _in_a_child(work: Callable[[], list[Finding]]) -> Callable[[], list[Finding]]:
    """`work` started in a forked process (which sees everything this one has read, unpickled);
    returns the wait for its findings. An error in it is raised here, with its traceback. Where
    there is no fork, `work` runs at once."""
    if not hasattr(os, "fork"):
        findings = work()
        return lambda: findings
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover (the child's own exit: the parent reads what it wrote)
        os.close(reading)
        try:
            answer = ("findings", work())
        except BaseException:
            answer = ("error", traceback.format_exc())
        with os.fdopen(writing, "wb") as pipe:
            pipe.write(pickle.dumps(answer))
        os._exit(0)
    os.close(writing)

    def findings() -> list[Finding]:
        with os.fdopen(reading, "rb") as pipe:
            answer = pipe.read()
        os.waitpid(child, 0)
        if not answer:
            raise RuntimeError("the built site's checks stopped without an answer")
        kind, value = pickle.loads(answer)
        if kind == "error":
            raise RuntimeError(f"the built site's checks failed:\n{value}")
        return value

    return findings


def check_site(root: Path, site_dir: Path, site_url: str) -> list[Finding]:
    """The checks that read a built site: generated quotes, what it publishes, links, anchors."""
    read, findings = sources.read_sources(root)
    if read is None:
        return findings
    return _site_findings(read, site_dir, site_url)


def _site_findings(read, site_dir: Path, site_url: str) -> list[Finding]:
    site = BuiltSite(site_dir, read.languages, site_url)  # each built page parsed once, for every check
    return [finding for module in SITE_CHECKS for finding in module.check_site(read, site)]


def build(root: Path, site_dir: Path, site_url: str = CHECK_SITE_URL) -> list[Finding]:
    """The strict build alone, as a check: its errors and warnings become findings."""
    return build_findings_of(builder.build(root, site_dir, site_url), None)


def failed(findings: list[Finding]) -> bool:
    return any(finding.severity == ERROR for finding in findings)


# What the build says, as findings ------------------------------------------------------------------

# MkDocs' messages: "WARNING -  text" or "ERROR    -  text"; a page it could not render is named
# in "Error reading page 'x.md': …"; a hook's own error starts with "docs/x.md:12: ".
LOGGED = re.compile(r"^(?:WARNING|ERROR)\s*-\s+(?P<text>.*)$")
READING = re.compile(r"Error reading page '(?P<page>[^']+)'(?::\s*(?P<error>.*))?")
LOCATED = re.compile(r"^(?P<path>(?:docs|declaration|overrides)/[^\s:]+):(?P<line>[0-9]+): (?P<text>.+)$")
SNIPPET_MISSING = re.compile(r"Snippet at path '?(?P<name>[^']+?)'? could not be found")
LINK = re.compile(r"Doc file '(?P<page>[^']+)' contains (?:a|an absolute) link '(?P<link>[^']+)'")


def build_findings_of(built: builder.Built, read) -> list[Finding]:
    """The build's failure as findings at the files and lines it names: never its traceback."""
    if built.returncode == 0:
        return []
    if built.returncode is None:
        return [Finding("mkdocs.yml", 1, BUILD_CHECK, f"the build took over {builder.BUDGET_SECONDS} s and was stopped",
                        "look for what was pasted into a page last: Markdown this slow is not a page's")]
    messages = [match["text"] for line in built.output.splitlines() if (match := LOGGED.match(line))
                and "Aborted" not in line]
    findings, page = [], None
    for message in messages:
        reading = READING.search(message)
        if reading:
            page = f"docs/{reading['page']}"
            if not reading["error"]:
                continue  # the error itself follows, on its own line
            message = reading["error"]
        findings.append(_finding(message, page, read))
    if not findings and "MemoryError" in built.output:
        findings.append(Finding(page or "mkdocs.yml", 1, BUILD_CHECK, f"the build needed over "
                                f"{builder.BUDGET_BYTES // 1024 ** 3} GB of memory and was stopped",
                                "look for what was pasted into a page last"))
    return findings or [Finding(page or "mkdocs.yml", 1, BUILD_CHECK, "the strict build failed", FIX)]


def _finding(message: str, page: str | None, read) -> Finding:
    located = LOCATED.match(message)
    if located:
        return Finding(located["path"], int(located["line"]), BUILD_CHECK, located["text"], FIX)
    link = LINK.search(message)
    if link and read is not None:
        path = f"docs/{link['page']}"
        target = link["link"].split("#")[0]
        pages = sorted({f"{item.slug}.md" for item in read.pages})
        fix = (did_you_mean(target, pages, "a page of docs/ by its name, without the language: strand-3.md")
               if target and target not in pages else "link to an anchor the page has")
        return Finding(path, _line_naming(read, path, f"]({link['link']}"), BUILD_CHECK,
                       message.split(" contains ", 1)[1].removesuffix("."), fix)
    missing = SNIPPET_MISSING.search(message)
    if missing and page and read is not None:
        line = _line_naming(read, page, missing["name"])
        return Finding(page, line, BUILD_CHECK, f"the snippet '{missing['name']}' does not exist",
                       "include a file of docs/_snippets/ by its name: --8<-- \"name.<code>.md\"")
    return Finding(page or "mkdocs.yml", 1, BUILD_CHECK, message, FIX)


def _line_naming(read, path: str, words: str) -> int:
    text = read.texts.get(path, "")
    return next((number for number, line in enumerate(text.split("\n"), start=1) if words in line), 1)
