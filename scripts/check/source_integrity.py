"""Check source-integrity: the project's copy of the text, and what it quotes of other
publications (the official versions' words, the facts' quotations), are the ones that were pinned.

Changing them is a deliberate act: the finding shows what changed since the pinned version (from
git history) and the command that re-pins it; a fact's quotation is pinned once a maintainer has
read it at its source. The official versions name every segment of the
text (their words, or null where no published copy was found), rest on an official publication
of sources.yml, and say what differs only where they have words, in every language of the site
(a language in progress: where its translated pages show it).
"""

from __future__ import annotations

import difflib
import hashlib
from pathlib import Path

import declaration
from declaration.quotations import PIN_FILE as QUOTATIONS_PIN
from declaration.quotations import fingerprints, pin_text, read_pins
from declaration.versions import VERSIONS_FILE
from declaration.files import git

from scripts.findings import Finding

from . import assets
from .progress import in_progress

CHECK = "source-integrity"
TEXT = f"declaration/{declaration.TEXT_FILE}"
PIN = f"declaration/{declaration.PIN_FILE}"
VERSIONS = f"declaration/{VERSIONS_FILE}"
FACTS = "declaration/facts.yml"
OFFICIAL = ("official", "international-organisation")


def check(sources) -> list[Finding]:
    pins, problems = read_pins(sources.root / "declaration")
    actual = fingerprints(sources.declaration.versions, sources.declaration.facts)
    findings = [Finding(f"declaration/{QUOTATIONS_PIN}", p.line, CHECK, p.message, p.fix) for p in problems]
    return findings + _text(sources) + _versions(sources, pins, actual) + _fact_quotations(sources, pins, actual)


def _fact_quotations(sources, pins: dict, actual: dict) -> list[Finding]:
    """A fact's quotation is the source's words: pinned once a maintainer has read them there."""
    facts = sources.declaration.facts
    findings = []
    for fact in facts.facts.values() if facts else ():
        key = f"fact:{fact.id}"
        if fact.quote is not None and pins.get(key, ("", 0))[0] != actual[key]:
            findings.append(Finding(FACTS, fact.quote.line, CHECK,
                                    f"the quotation of '{fact.id}' is not the one read at its source "
                                    f"({'changed since it was pinned' if key in pins else 'never pinned'})",
                                    "copy the words exactly as the source has them; a maintainer who has read them "
                                    "there pins them (`make repin`)"))
    return findings


def _versions(sources, pins: dict, actual: dict) -> list[Finding]:
    the_declaration, findings = sources.declaration, []
    versions = the_declaration.versions
    ids = [segment.id for segment in the_declaration.segments]
    known_sources = the_declaration.facts.sources if the_declaration.facts else {}
    progressing = in_progress(sources)
    for version in versions:
        source = known_sources.get(version.source)
        if source is None or source.kind not in OFFICIAL:
            findings.append(Finding(VERSIONS, version.line, CHECK, f"'{version.id}' rests on '{version.source}', which "
                                    "is no official publication of declaration/sources.yml",
                                    "name the official publication it copies, listed in sources.yml"))
        for segment in version.segments:
            if segment not in ids:
                findings.append(Finding(VERSIONS, version.lines[segment], CHECK, f"'{segment}' is no segment of the text",
                                        "use the IDs of declaration/segments.yml"))
        missing = [segment for segment in ids if segment not in version.segments]
        if missing:
            findings.append(Finding(VERSIONS, version.line, CHECK, f"'{version.id}' does not name {', '.join(missing[:3])}"
                                    f"{' …' if len(missing) > 3 else ''}", "name every segment: its words, or null"))
        for segment, digest in actual.items():
            key_version, _, key_segment = segment.partition("#")
            if key_version == version.id and pins.get(segment, ("", 0))[0] != digest:
                findings.append(Finding(VERSIONS, version.lines[key_segment], CHECK,
                                        f"the official words of {key_segment} ({version.id}) differ from their pin",
                                        "restore them as published; if the publication itself changed, re-pin them "
                                        "(`make repin`) in a change that cites it (Source-change: https://…)"))
        for segment, by_language in version.differences.items():
            line = version.difference_lines[segment]
            if version.segments.get(segment) is None:
                findings.append(Finding(VERSIONS, line, CHECK, f"a difference for {segment}, where '{version.id}' has "
                                        "no words", "say what differs only where the version's words are known"))
            # A language in progress: the translations check lists it with the pages that show it.
            missing = [lang for lang in sources.languages if lang not in by_language and lang not in progressing]
            if missing:
                findings.append(Finding(VERSIONS, line, CHECK, f"the difference for {segment} is not said in "
                                        f"{', '.join(missing)}", f"add {missing[0]}: …"))
    return findings


def _text(sources) -> list[Finding]:
    root, pinned = sources.root, sources.declaration.pinned_sha256
    current = (root / TEXT).read_bytes()
    if hashlib.sha256(current).hexdigest() == pinned:
        return []
    previous = _pinned_version(root, pinned)
    current_lines = current.decode("utf-8").split("\n")
    if previous is None:
        line, detail = 1, "(no version with the pinned hash in git history to compare with)"
    else:
        previous_lines = previous.split("\n")
        line = next((n for n, (a, b) in enumerate(zip(previous_lines, current_lines), start=1) if a != b),
                    min(len(previous_lines), len(current_lines)) + 1)
        detail = "\n".join(difflib.unified_diff(previous_lines, current_lines, "pinned", "current",
                                                lineterm="", n=0))
    return [Finding(TEXT, line, CHECK,
                    f"the text differs from its pinned SHA-256 ({pinned[:12]}…)",
                    "restore the text (git checkout -- declaration/declaration.fr.txt); if the change "
                    "is a deliberate update of the declaration, run `make repin` and review every "
                    "outdated translation it reveals", detail=detail)]


def repin(root: Path) -> str:
    """Pin what a maintainer has reviewed, as it is: the text, the quotations of other publications
    (the official versions' words, the facts' quotations), the assets the site ships (assets.py);
    the text's new SHA-256."""
    digest = hashlib.sha256((root / TEXT).read_bytes()).hexdigest()
    (root / PIN).write_text(digest + "\n", encoding="utf-8")
    data = declaration.load(root / "declaration")
    (root / "declaration" / QUOTATIONS_PIN).write_text(pin_text(data.versions, data.facts), encoding="utf-8")
    (root / assets.MANIFEST).write_text(assets.manifest(root), encoding="utf-8")
    return digest


def _pinned_version(root: Path, pinned: str) -> str | None:
    """The most recent committed version of the text whose hash is the pinned one."""
    for commit in (git(root, "log", "--format=%H", "-n", "50", "--", TEXT) or "").split():
        blob = git(root, "show", f"{commit}:{TEXT}", text=False)
        if blob is not None and hashlib.sha256(blob).hexdigest() == pinned:
            return blob.decode("utf-8", errors="replace")
    return None
