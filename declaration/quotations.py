"""What the site quotes of other publications, pinned like the text: the official versions' words
(versions.yml), segment by segment, and each fact's supporting quotation (facts.yml).
quotations.sha256 holds the SHA-256 of each, so that a quotation changed by a word fails; a
correction, or a new fact, is a reviewed change in which a maintainer reads the words at their
source and re-pins them (`make repin`).

    <SHA-256>  president-ua-en#preamble-1     a version's words for a segment
    <SHA-256>  fact:no-ceasefire-in-force     a fact's quotation
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .facts import Facts
from .files import Problem, read_text
from .versions import Version

PIN_FILE = "quotations.sha256"


def fingerprint(words: str) -> str:
    return hashlib.sha256(words.encode("utf-8")).hexdigest()


def fingerprints(versions: tuple[Version, ...], facts: Facts | None) -> dict[str, str]:
    """Each quotation's key → the SHA-256 of its words: every version's segment with words, every
    fact with a quotation."""
    pins = {f"{version.id}#{segment}": fingerprint("\n\n".join(paragraphs)) for version in versions
            for segment, paragraphs in version.segments.items() if paragraphs is not None}
    pins.update({f"fact:{fact.id}": fingerprint(fact.quote.text) for fact in (facts.facts.values() if facts else ())
                 if fact.quote is not None})
    return pins


def read_pins(root: Path) -> tuple[dict[str, tuple[str, int]], list[Problem]]:
    """Each quotation's key → (pinned SHA-256, its line in quotations.sha256)."""
    path = root / PIN_FILE
    if not path.exists():
        return {}, []
    text, problems = read_text(path)
    pins = {}
    for number, line in enumerate((text or "").split("\n"), start=1):
        if line.strip():
            digest, _, key = line.partition("  ")
            if len(digest) != 64 or not key:
                problems.append(Problem(path, number, "not `SHA-256  key`", "run `make repin`"))
                continue
            pins[key.strip()] = (digest, number)
    return pins, problems


def pin_text(versions: tuple[Version, ...], facts: Facts | None) -> str:
    return "".join(f"{digest}  {key}\n" for key, digest in fingerprints(versions, facts).items())
