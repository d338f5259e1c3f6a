"""The declaration as data: the French text, its segments, the English translation, the glossary.

This is the one module that reads the files beside it. The MkDocs hooks render from it and the
checker verifies it; neither reads those files on its own. Loading is tolerant (a missing
translation loads as an empty one) so that the checker can report every problem at once, each
with the file and line where it stands; rendering code asks for what it needs and fails loudly.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

HERE = Path(__file__).parent
LANGUAGES = ("fr", "en")
SOURCE_LANGUAGE = "fr"

TEXT_FILE = "declaration.fr.txt"
PIN_FILE = "declaration.fr.txt.sha256"
SEGMENTS_FILE = "segments.yml"
TRANSLATION_FILE = "translation.en.yml"
GLOSSARY_FILE = "glossary.yml"

ITEM_MARKER = "- "
# A sentence ends with . ! or ? followed by a space and a capital letter. The text has no
# abbreviations with a dot, so this splits each of its paragraphs the way a reader would.
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ])")
# Typographic variants that a reader cannot tell apart on screen; matching of glossary forms and
# the "quote matches only after folding" warning both use this one table.
TYPOGRAPHIC_FOLDS = str.maketrans({"\u2019": "'", "\u2011": "-", "\u00a0": " ", "\u202f": " "})


class DeclarationError(Exception):
    """The data files cannot be read at all (not a content problem: those the checker reports)."""

    def __init__(self, path: Path, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


def fold(text: str) -> str:
    """The form of a text used for lenient comparison: NFC, typographic variants folded, casefolded."""
    return unicodedata.normalize("NFC", text).translate(TYPOGRAPHIC_FOLDS).casefold()


def source_hash(french: str) -> str:
    """What a translation records of the French segment it translates."""
    return hashlib.sha256(french.encode("utf-8")).hexdigest()[:12]


def split_sentences(text: str) -> tuple[str, ...]:
    return tuple(SENTENCE_BREAK.split(text))


@dataclass(frozen=True)
class Segment:
    id: str
    line: int  # line in declaration.fr.txt, 1-based
    kind: str  # heading | paragraph | item
    part: str  # slug of the explainer page: preamble, strand-1 … strand-5, closing
    fr: str  # verbatim, without the item marker
    en_sentences: tuple[str, ...]  # empty when the translation is missing
    recorded_source: str | None  # the hash the translation says it translates
    translation_line: int | None  # where the entry stands in translation.en.yml

    @property
    def fr_sentences(self) -> tuple[str, ...]:
        return split_sentences(self.fr)

    @property
    def en(self) -> str:
        return " ".join(self.en_sentences)

    @property
    def is_outdated(self) -> bool:
        return self.recorded_source != source_hash(self.fr)

    def text(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en

    def sentences(self, lang: str) -> tuple[str, ...]:
        return self.fr_sentences if lang == "fr" else self.en_sentences


@dataclass(frozen=True)
class TermSide:
    term: str
    forms: tuple[str, ...]
    definition: str
    lang: str  # the language the term is written in


@dataclass(frozen=True)
class Term:
    id: str
    line: int  # where the entry starts in glossary.yml
    sides: dict[str, TermSide]  # by language; a missing side is absent

    def __getitem__(self, lang: str) -> TermSide:
        return self.sides[lang]

    def appears_in(self, text: str, lang: str) -> bool:
        return any(contains_form(text, form) for form in self.sides[lang].forms)


def contains_form(text: str, form: str) -> bool:
    """Whether the text uses the form as whole words, case and typographic variants aside."""
    return re.search(rf"(?<!\w){re.escape(fold(form))}(?!\w)", fold(text)) is not None


@dataclass(frozen=True)
class Declaration:
    root: Path
    segments: tuple[Segment, ...]
    terms: tuple[Term, ...]
    pinned_sha256: str
    translation_ids: dict[str, int]  # every key of translation.en.yml with its line, known or not

    @cached_property
    def by_id(self) -> dict[str, Segment]:
        return {segment.id: segment for segment in self.segments}

    @cached_property
    def terms_by_id(self) -> dict[str, Term]:
        return {term.id: term for term in self.terms}

    @property
    def parts(self) -> list[str]:
        return list(dict.fromkeys(segment.part for segment in self.segments))

    def segments_of(self, part: str) -> list[Segment]:
        return [segment for segment in self.segments if segment.part == part]

    def uses_of(self, term: Term) -> list[Segment]:
        """The segments whose French text uses the term: where the glossary links to."""
        return [s for s in self.segments if "fr" in term.sides and term.appears_in(s.fr, "fr")]

    def actual_sha256(self) -> str:
        return hashlib.sha256((self.root / TEXT_FILE).read_bytes()).hexdigest()


def load(root: Path = HERE) -> Declaration:
    """Read the declaration from its folder. Raises DeclarationError only when a file cannot be
    parsed or the skeleton does not fit the text; every other problem is left for the checker."""
    lines = _read_source_lines(root / TEXT_FILE)
    skeleton = _load_yaml(root / SEGMENTS_FILE) or []
    if len(skeleton) != len(lines):
        raise DeclarationError(
            root / SEGMENTS_FILE,
            1,
            f"{len(skeleton)} segments for {len(lines)} non-empty lines of {TEXT_FILE}: "
            "give every line exactly one entry, in order",
        )
    translation = _load_yaml(root / TRANSLATION_FILE) or LinedDict()
    segments = []
    for (line_number, text), entry in zip(lines, skeleton):
        segment_id = entry["id"]
        translated = translation.get(segment_id) or {}
        if entry["kind"] == "item":
            text = text.removeprefix(ITEM_MARKER)
        segments.append(
            Segment(
                id=segment_id,
                line=line_number,
                kind=entry["kind"],
                part=entry["part"],
                fr=text,
                en_sentences=tuple(translated.get("en") or ()),
                recorded_source=translated.get("source"),
                translation_line=translation.lines.get(segment_id),
            )
        )
    return Declaration(
        root=root,
        segments=tuple(segments),
        terms=tuple(_term(entry) for entry in _load_yaml(root / GLOSSARY_FILE) or []),
        pinned_sha256=(root / PIN_FILE).read_text(encoding="utf-8").strip(),
        translation_ids=dict(translation.lines),
    )


def _read_source_lines(path: Path) -> list[tuple[int, str]]:
    text = path.read_text(encoding="utf-8")
    return [(n, line) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]


def _term(entry: LinedDict) -> Term:
    sides = {
        lang: TermSide(
            term=side.get("term", ""),
            forms=tuple(side.get("forms") or ()),
            definition=side.get("definition", ""),
            lang=side.get("lang", lang),
        )
        for lang in LANGUAGES
        if isinstance(side := entry.get(lang), dict)
    }
    return Term(id=entry.get("id", ""), line=entry.line, sides=sides)


class LinedDict(dict):
    """A YAML mapping that remembers the line of itself and of each of its keys."""

    def __init__(self, items=(), line: int = 1, lines: dict | None = None):
        super().__init__(items)
        self.line = line
        self.lines = lines or {}


class _LineLoader(yaml.SafeLoader):
    def construct_mapping(self, node, deep=False):
        return LinedDict(
            super().construct_mapping(node, deep=True),
            line=node.start_mark.line + 1,
            lines={key.value: key.start_mark.line + 1 for key, _ in node.value},
        )


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping)


def _load_yaml(path: Path):
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 1
        raise DeclarationError(path, line, f"not valid YAML: {error.problem}") from error
    return data
