"""Check hidden-characters: nothing in a content file that a reader cannot see or tell apart.

Zero-width and bidi controls, soft hyphens and other format characters (Unicode category Cf),
control characters, letters of another script inside a Latin word (look-alikes, as in Unicode
TR39's mixed-script detection), and text that is not in NFC.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from .findings import Finding

CHECK = "hidden-characters"
ALLOWED_CONTROLS = {"\n", "\t"}
WORD = re.compile(r"\w+")


def check(sources) -> list[Finding]:
    """The content files as written, but the pages and snippets, read as rendered instead."""
    findings = []
    for relative, text in sorted(sources.texts.items()):
        if relative.startswith("docs/") and relative.endswith(".md"):
            continue
        for number, line in enumerate(text.split("\n"), start=1):
            findings += [Finding(relative, number, CHECK, problem, fix) for problem, fix in scan(line)]
    return findings


def check_rendered(sources, pages) -> list[Finding]:
    """The pages and their snippets as the reader gets them: entities decoded (`&#x202E;` is the
    character), code and attribute values included."""
    findings = {}
    for page in pages:
        for text in page.texts:
            for problem, fix in scan(text.value):
                findings.setdefault((text.source, text.line, problem), Finding(text.source, text.line, CHECK, problem, fix))
    return list(findings.values())


def scan(text: str) -> list[tuple[str, str]]:
    """(problem, fix) for every hidden or deceptive character in a piece of text."""
    problems = []
    for char in dict.fromkeys(text):
        category = unicodedata.category(char)
        if category == "Cf" or (category == "Cc" and char not in ALLOWED_CONTROLS):
            problems.append((f"invisible character {_name(char)}",
                             "delete it (retype the word around it if unsure)"))
    for word in WORD.findall(text):
        if word.isascii():
            continue
        scripts = {_script(char) for char in word if char.isalpha()}
        if "LATIN" in scripts and len(scripts) > 1:
            strangers = ", ".join(_name(char) for char in dict.fromkeys(word)
                                  if char.isalpha() and _script(char) != "LATIN")
            problems.append((f"the word '{word}' mixes Latin letters with look-alikes ({strangers})",
                             "retype the word with Latin letters only"))
    if unicodedata.normalize("NFC", text) != text:
        problems.append(("the line is not in Unicode NFC (a letter and a separate accent)",
                         "retype the accented letters, or normalise the file to NFC"))
    return problems


def _name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed')}"


@cache
def _script(char: str) -> str:
    # The first word of a letter's Unicode name is its script for the scripts that matter here
    # (LATIN, CYRILLIC, GREEK, ARMENIAN…); letters with marks stay LATIN after decomposition.
    base = unicodedata.normalize("NFD", char)[0]
    return unicodedata.name(base, "UNKNOWN").split()[0]
