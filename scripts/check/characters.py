"""Check hidden-characters: nothing a reader cannot see or tell apart, however it is written (the
character itself, or an entity that the browser turns into it: the pages are read as rendered).

- Every default-ignorable code point (zero-width spaces and joiners, the combining grapheme
  joiner, variation selectors, Hangul fillers, tags…) and every bidirectional control, whatever
  its Unicode category; other format (Cf) and control (Cc) characters; text that is not in NFC.
- Look-alike letters: a word that mixes Latin letters with letters of another script; and, in the
  prose of a language written in Latin letters, a word written in another script whose Unicode
  TR39 skeleton (confusables.txt) is a Latin word (`ΝΑΤΟ`, Greek capitals, for NATO). A language
  written in another script is judged by its own (Cyrillic: Ukrainian, Russian…).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import confusables

from scripts.findings import Finding

CHECK = "hidden-characters"
ALLOWED_CONTROLS = {"\n", "\t"}
WORD = re.compile(r"\w+")
# Unicode 15's Default_Ignorable_Code_Point (DerivedCoreProperties.txt) and Bidi_Control.
DEFAULT_IGNORABLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                               "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
                               "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]")
# The script a language is written in, where it is not Latin.
SCRIPTS = {"uk": "CYRILLIC", "ru": "CYRILLIC", "bg": "CYRILLIC", "be": "CYRILLIC", "sr": "CYRILLIC", "el": "GREEK"}
CONFUSABLES = Path(confusables.__file__).parent / "assets" / "confusables.txt"


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
    character), code and attribute values included, each in its language."""
    findings = {}
    for page in pages:
        for text in page.texts:
            for problem, fix in scan(text.value, text.lang):
                findings.setdefault((text.source, text.line, problem), Finding(text.source, text.line, CHECK, problem, fix))
    return list(findings.values())


# Text that is all printable ASCII (tabs and line breaks allowed) hides nothing: most of a page's.
PLAIN_ASCII = re.compile(r"[\t\n\x20-\x7e]*")


def scan(text: str, lang: str | None = None) -> list[tuple[str, str]]:
    """(problem, fix) for every hidden or deceptive character in a piece of text; `lang`: the
    language it is written in, when known."""
    return list(_scan(text, lang)) if PLAIN_ASCII.fullmatch(text) is None else []


# The same texts (a page's header, its navigation, its footer) recur in every page.
@lru_cache(maxsize=1 << 14)
def _scan(text: str, lang: str | None) -> tuple[tuple[str, str], ...]:
    problems = []
    for char in dict.fromkeys(text):
        category = unicodedata.category(char)
        if DEFAULT_IGNORABLE.match(char) or category == "Cf" or (category == "Cc" and char not in ALLOWED_CONTROLS):
            problems.append((f"invisible character {_name(char)}", "delete it (retype the word around it if unsure)"))
    own = SCRIPTS.get((lang or "").split("-")[0], "LATIN")
    for word in WORD.findall(text):
        if word.isascii():
            continue
        scripts = {_script(char) for char in word if char.isalpha()}
        if "LATIN" in scripts and len(scripts) > 1:
            strangers = ", ".join(_name(char) for char in dict.fromkeys(word)
                                  if char.isalpha() and _script(char) != "LATIN")
            problems.append((f"the word '{word}' mixes Latin letters with look-alikes ({strangers})",
                             "retype the word with Latin letters only"))
        elif lang and own == "LATIN" and scripts and "LATIN" not in scripts \
                and (latin := skeleton(word)).isascii() and any(char.isalpha() for char in latin):
            problems.append((f"the word '{word}' is written in {'/'.join(sorted(scripts)).lower()} letters that look "
                             f"like the Latin word '{latin}'", "retype the word with Latin letters"))
    if unicodedata.normalize("NFC", text) != text:
        problems.append(("the line is not in Unicode NFC (a letter and a separate accent)",
                         "retype the accented letters, or normalise the file to NFC"))
    return tuple(problems)


def skeleton(text: str) -> str:
    """Unicode TR39's skeleton: each character by its prototype in confusables.txt, decomposed."""
    prototypes = _prototypes()
    return unicodedata.normalize("NFD", "".join(prototypes.get(char, char) for char in unicodedata.normalize("NFD", text)))


@cache
def _prototypes() -> dict[str, str]:
    table = {}
    for line in CONFUSABLES.read_text(encoding="utf-8-sig").split("\n"):
        fields = line.split("#", 1)[0].split(";")
        if len(fields) >= 2 and fields[0].strip():
            table[chr(int(fields[0].strip(), 16))] = "".join(chr(int(code, 16)) for code in fields[1].split())
    return table


def _name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed')}"


@cache
def _script(char: str) -> str:
    # The first word of a letter's Unicode name is its script for the scripts that matter here
    # (LATIN, CYRILLIC, GREEK, ARMENIAN…); letters with marks stay LATIN after decomposition.
    base = unicodedata.normalize("NFD", char)[0]
    return unicodedata.name(base, "UNKNOWN").split()[0]
