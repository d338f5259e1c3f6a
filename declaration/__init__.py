"""The declaration as data: the French text, its segments, its translations, the glossary.

This is the one package that reads the files beside it (and the pages' markers, markers.py). The
MkDocs hooks render from it and the checker verifies it; neither reads those files on its own.

`load()` treats every file as untrusted input. What would make rendering unsafe or impossible (a
file that does not decode, YAML with aliases or tags, a value of the wrong type, markup in a value
that must be plain text, an empty sentence, a skeleton that does not fit the text) raises
DeclarationError with every problem and its file and line, before anything renders. What is only
incomplete or outdated (a missing or outdated translation, a glossary entry without a language)
loads, so that the checker can list it all at once; rendering code asks for what it needs and
fails loudly when it is missing.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property, lru_cache
from pathlib import Path

import babel

from . import markers
from .changes import Change, load_changes
from .facts import FACTS_FILE, SOURCES_FILE, Facts, load_facts
from .files import InputError, LinedDict, LinedList, Problem, load_yaml, read_text
from .markers import ID
from .meaning import MEANING_FILE, Meaning, load_meaning
from .typography import spacing
from .versions import Version, load_versions

HERE = Path(__file__).parent
SOURCE_LANGUAGE = "fr"

TEXT_FILE = "declaration.fr.txt"
PIN_FILE = "declaration.fr.txt.sha256"
SEGMENTS_FILE = "segments.yml"
GLOSSARY_FILE = "glossary.yml"
TRANSLATION_FILES = "translation.*.yml"
INTERFACE_FILES = "interface.*.yml"

KINDS = ("heading", "paragraph", "item")
ITEM_MARKER = "- "
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?")
PART = re.compile(r"preamble|closing|strand-[1-9][0-9]?")
# A segment's ID is its part, alone or followed by its role: preamble-3, strand-2-heading,
# strand-2-text, strand-2-item-4; reader's labels ("Strand 2, item 4") are made from it.
SEGMENT_ROLE = re.compile(r"|[1-9][0-9]?|heading|text|item-[1-9][0-9]?")
SOURCE_HASH = re.compile(r"[0-9a-f]{12}")
# Plain text holds no markup: the site escapes it, and a tag or a link here is a mistake or an
# attack. A backtick, a tag, an entity, a Markdown link or link definition.
MARKUP = re.compile(r"<[A-Za-z/!?]|&#?[A-Za-z0-9]{1,32};|\]\(|^\s*\[[^\]\n]{0,200}\]:|`", re.MULTILINE)
# The only placeholders interface words may hold; nothing else is ever formatted into them.
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
PLACEHOLDERS = ("part", "number", "language", "date", "title", "issuer", "place", "passage", "edition", "site",
                "url", "changed")
MAX_SENTENCE = 1_500
MAX_TERM = 120
MAX_DEFINITION = 1_200

# A sentence ends with . ! ? or … followed by spaces and a capital letter, an opening quote or
# bracket (or a quotation of the text, ⟦ID⟧, in the checks' reading of the prose). The text has
# no abbreviations with a dot: this splits its paragraphs, and the prose around it, the way a
# reader would. The one sentence splitter of the project.
SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[ \t\n\u00a0\u202f]+(?=[«“\"(⟦A-ZÀ-ÖØ-Þ])")
# Typographic variants that a reader cannot tell apart on screen; matching of glossary forms and
# the "quote matches only after folding" warning both use this one table.
TYPOGRAPHIC_FOLDS = str.maketrans({"\u2019": "'", "\u2011": "-", "\u00a0": " ", "\u202f": " "})


class DeclarationError(InputError):
    """The data files cannot be used as they are; `problems` lists every reason."""


class MissingData(LookupError):
    """Something rendering needs is not in the data (yet): says which file and line to complete."""


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """The form of a text used for lenient comparison: NFC, typographic variants folded, casefolded."""
    return unicodedata.normalize("NFC", text).translate(TYPOGRAPHIC_FOLDS).casefold()


def source_hash(french: str) -> str:
    """What a translation records of the French segment it translates."""
    return hashlib.sha256(french.encode("utf-8")).hexdigest()[:12]


def split_sentences(text: str) -> tuple[str, ...]:
    return tuple(piece.strip() for piece in SENTENCE_BREAK.split(text) if piece.strip())


@lru_cache(maxsize=1 << 16)  # the checks ask the same of the same sentences again and again
def contains_form(text: str, form: str) -> bool:
    """Whether the text uses the form as whole words, case and typographic variants aside."""
    return _form_pattern(form).search(fold(text)) is not None


@cache
def _form_pattern(form: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(fold(form))}(?!\w)")


@dataclass(frozen=True)
class Translation:
    lang: str
    sentences: tuple[str, ...]
    recorded_source: str | None  # the hash of the French it says it translates
    path: Path
    line: int  # where the entry stands in its file

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


@dataclass(frozen=True)
class Segment:
    id: str
    line: int  # line in declaration.fr.txt, 1-based
    kind: str  # heading | paragraph | item
    part: str  # slug of the explainer page: preamble, strand-1 … strand-5, closing
    fr: str  # verbatim, without the item marker
    translations: dict[str, Translation]  # by language; a missing translation is absent

    @property
    def role(self) -> str:
        """What follows the part in the ID: '', '3', 'heading', 'text' or 'item-4'."""
        return self.id.removeprefix(self.part).lstrip("-")

    @property
    def fr_sentences(self) -> tuple[str, ...]:
        return split_sentences(self.fr)

    def is_in(self, lang: str) -> bool:
        """Whether the segment can be read in the language: the French, or a translation it has."""
        return lang == SOURCE_LANGUAGE or lang in self.translations

    def translation(self, lang: str) -> Translation:
        if lang not in self.translations:
            raise MissingData(f"segment '{self.id}' has no translation in '{lang}': add it to "
                              f"declaration/translation.{lang}.yml")
        return self.translations[lang]

    def sentences(self, lang: str) -> tuple[str, ...]:
        return self.fr_sentences if lang == SOURCE_LANGUAGE else self.translation(lang).sentences

    def text(self, lang: str) -> str:
        return self.fr if lang == SOURCE_LANGUAGE else self.translation(lang).text


@dataclass(frozen=True)
class TermSide:
    term: str
    forms: tuple[str, ...]
    definition: str
    lang: str  # the language the term is written in (the French text says some words in English)
    line: int
    definition_line: int  # where its definition starts, for findings about what it says


@dataclass(frozen=True)
class Term:
    id: str
    line: int  # where the entry starts in glossary.yml
    sides: dict[str, TermSide]  # by language; a missing side is absent

    def __getitem__(self, lang: str) -> TermSide:
        if lang not in self.sides:
            raise MissingData(f"glossary entry '{self.id}' has no '{lang}' side: add {lang}: with term, "
                              f"forms and definition to declaration/{GLOSSARY_FILE} (line {self.line})")
        return self.sides[lang]

    def appears_in(self, text: str, lang: str) -> bool:
        return lang in self.sides and any(contains_form(text, form) for form in self.sides[lang].forms)


@dataclass(frozen=True)
class Declaration:
    root: Path
    segments: tuple[Segment, ...]
    terms: tuple[Term, ...]
    pinned_sha256: str
    translation_entries: dict[str, dict[str, int]]  # by language: every key of its file, with its line
    meaning: Meaning | None = None  # the qualifiers and claims the meaning check holds prose to
    facts: Facts | None = None  # what the site says beyond the text, with its sources
    versions: tuple[Version, ...] = ()  # the official versions in other languages
    changes: tuple[Change, ...] = ()  # what changed for readers, newest first

    @property
    def target_languages(self) -> tuple[str, ...]:
        """The languages the text is translated into (one translation file each), sorted."""
        return tuple(sorted(self.translation_entries))

    @cached_property
    def by_id(self) -> dict[str, Segment]:
        return {segment.id: segment for segment in self.segments}

    @cached_property
    def terms_by_id(self) -> dict[str, Term]:
        return {term.id: term for term in self.terms}

    @property
    def parts(self) -> list[str]:
        return list(dict.fromkeys(segment.part for segment in self.segments))

    def meant(self, marker) -> str:
        """What a marker was meant to name, its typos read as the nearest names: the checks compare
        and count this, so that one mistyped name is one finding (its own), not one for every
        check that counts on it."""
        order = list(self.by_id)
        if marker.kind == markers.QUOTE_BLOCK:
            return " ".join(markers.parse_spec(marker.target, order, lenient=True))
        known = {markers.QUOTE_INLINE: order, markers.GLOSSARY_REFERENCE: list(self.terms_by_id),
                 markers.FACT: list(self.facts.facts) if self.facts else []}.get(marker.kind)
        meant = marker.target if known is None or marker.target in known else \
            markers.nearest(marker.target, known) or marker.target
        return meant + (f".{marker.sentence}" if marker.sentence else "")

    def uses_of(self, term: Term) -> list[Segment]:
        """The segments whose French text uses the term: where the glossary links to."""
        return [segment for segment in self.segments if term.appears_in(segment.fr, SOURCE_LANGUAGE)]

    def translation_path(self, lang: str) -> Path:
        return self.root / TRANSLATION_FILES.replace("*", lang)

    def actual_sha256(self) -> str:
        return hashlib.sha256((self.root / TEXT_FILE).read_bytes()).hexdigest()


def load(root: Path = HERE) -> Declaration:
    """Read the declaration from its folder; DeclarationError lists every problem that prevents it."""
    problems: list[Problem] = []
    lines = _collect(problems, lambda: _source_lines(root / TEXT_FILE)) or []
    skeleton = _collect(problems, lambda: _skeleton(root / SEGMENTS_FILE, lines)) or []
    translations = {}
    for path in sorted(root.glob(TRANSLATION_FILES)):
        lang = path.name.split(".")[1]
        if not LANGUAGE_CODE.fullmatch(lang):
            problems.append(Problem(path, 1, f"'{lang}' is not a language code",
                                    "name translation files translation.<code>.yml, e.g. translation.uk.yml"))
            continue
        translations[lang] = _collect(problems, lambda path=path, lang=lang: _translation(path, lang)) or {}
    terms = _collect(problems, lambda: _glossary(root / GLOSSARY_FILE)) or ()
    meaning = _collect(problems, lambda: load_meaning(root, plain_text_problem)) if (root / MEANING_FILE).exists() else None
    facts = _collect(problems, lambda: load_facts(root, plain_text_problem)) \
        if (root / FACTS_FILE).exists() or (root / SOURCES_FILE).exists() else None
    versions, version_problems = _collect(problems, lambda: load_versions(root, plain_text_problem)) or ((), [])
    changes = _collect(problems, lambda: load_changes(root, plain_text_problem)) or ()
    problems += version_problems
    pinned, pin_problems = read_text(root / PIN_FILE)
    problems += pin_problems
    if problems:
        raise DeclarationError(problems)
    segments = tuple(
        Segment(id=entry["id"], line=number, kind=entry["kind"], part=entry["part"],
                fr=text.removeprefix(ITEM_MARKER) if entry["kind"] == "item" else text,
                translations={lang: by_id[entry["id"]] for lang, by_id in translations.items()
                              if entry["id"] in by_id})
        for (number, text), entry in zip(lines, skeleton)
    )
    return Declaration(root=root, segments=segments, terms=tuple(terms), pinned_sha256=(pinned or "").strip(),
                       translation_entries={lang: {key: t.line for key, t in by_id.items()}
                                            for lang, by_id in translations.items()}, meaning=meaning, facts=facts,
                       versions=versions, changes=changes)


def _collect(problems: list[Problem], read):
    try:
        return read()
    except InputError as error:
        problems += error.problems
        return None


def _source_lines(path: Path) -> list[tuple[int, str]]:
    text, problems = read_text(path)
    if problems or text is None:
        raise DeclarationError(problems)
    return [(number, line) for number, line in enumerate(text.split("\n"), start=1) if line.strip()]


def _skeleton(path: Path, lines: list[tuple[int, str]]) -> list[LinedDict]:
    entries = load_yaml(path)
    if not isinstance(entries, LinedList):
        raise DeclarationError([Problem(path, 1, "not a list of segments", "write one `- {id: …, kind: …, part: …}` per line")])
    problems, seen = [], set()
    for index, entry in enumerate(entries):
        line = entries.line_of(index)
        if not isinstance(entry, LinedDict) or set(entry) != {"id", "kind", "part"}:
            problems.append(Problem(path, line, "a segment is {id: …, kind: …, part: …}, nothing else",
                                    "write the entry as its neighbours are written"))
            continue
        segment_id, kind, part = (str(entry[key]) for key in ("id", "kind", "part"))
        if kind not in KINDS:
            problems.append(Problem(path, line, f"kind '{kind}' is not one of {', '.join(KINDS)}",
                                    "use heading, paragraph or item"))
        if not PART.fullmatch(part):
            problems.append(Problem(path, line, f"part '{part}' is not preamble, strand-N or closing",
                                    "name the explainer page that explains the segment"))
        elif not (segment_id.startswith(part) and SEGMENT_ROLE.fullmatch(segment_id[len(part):].lstrip("-"))
                  and ID.fullmatch(segment_id)):
            problems.append(Problem(path, line, f"ID '{segment_id}' is not its part followed by -N, "
                                    "-heading, -text or -item-N",
                                    f"e.g. {part}-text, {part}-item-1"))
        if segment_id in seen:
            problems.append(Problem(path, line, f"two segments have the ID '{segment_id}'", "give each its own ID"))
        seen.add(segment_id)
        if index < len(lines) and kind in KINDS and (kind == "item") != lines[index][1].startswith(ITEM_MARKER):
            problems.append(Problem(path, line, f"'{segment_id}' is a {kind}, but line {lines[index][0]} of "
                                    f"{TEXT_FILE} {'is not' if kind == 'item' else 'is'} a list item",
                                    "make the kind match the line (items start with '- ')"))
    if len(entries) != len(lines):
        problems.append(Problem(path, entries.line_of(min(len(entries), len(lines))),
                                f"{len(entries)} segments for {len(lines)} non-empty lines of {TEXT_FILE}",
                                "give every line exactly one entry, in order"))
    if problems:
        raise DeclarationError(problems)
    return list(entries)


def _translation(path: Path, lang: str) -> dict[str, Translation]:
    entries = load_yaml(path) or LinedDict()
    if not isinstance(entries, LinedDict):
        raise DeclarationError([Problem(path, 1, "not a mapping of segment IDs to translations",
                                        "write `ID:` then `source:` and `sentences:` under it")])
    problems, translated = [], {}
    for segment_id, entry in entries.items():
        line = entries.line_of(segment_id)
        if not isinstance(entry, LinedDict) or not set(entry) <= {"source", "sentences"}:
            problems.append(Problem(path, line, f"'{segment_id}' holds something other than source: and sentences:",
                                    "keep only source: (the hash) and sentences: (a list)"))
            continue
        source = entry.get("source")
        if source is not None and not SOURCE_HASH.fullmatch(str(source)):
            problems.append(Problem(path, entry.line_of("source"), f"source '{source}' is not 12 hex digits",
                                    "copy the hash that `make check` gives for this segment"))
        sentences = entry.get("sentences") or []
        if not isinstance(sentences, list):
            problems.append(Problem(path, entry.line_of("sentences"), "sentences: is not a list",
                                    "write one `- sentence` per line"))
            continue
        for index, sentence in enumerate(sentences):
            problem = plain_text_problem(sentence, MAX_SENTENCE)
            if problem:
                problems.append(Problem(path, sentences.line_of(index), f"sentence {index + 1} of '{segment_id}' {problem}",
                                        "write the sentence as plain text"))
        translated[str(segment_id)] = Translation(lang, tuple(str(s) for s in sentences),
                                                  str(source) if source is not None else None, path, line)
    if problems:
        raise DeclarationError(problems)
    return translated


def _glossary(path: Path) -> list[Term]:
    entries = load_yaml(path) or LinedList()
    if not isinstance(entries, LinedList):
        raise DeclarationError([Problem(path, 1, "not a list of entries", "write one `- id: …` per entry")])
    problems, terms = [], []
    for index, entry in enumerate(entries):
        line = entries.line_of(index)
        if not isinstance(entry, LinedDict):
            problems.append(Problem(path, line, "an entry is `id:` and one block per language", "write it as its neighbours are"))
            continue
        term_id = str(entry.get("id", ""))
        if not ID.fullmatch(term_id):
            problems.append(Problem(path, line, f"id '{term_id}' is not lowercase words joined by hyphens",
                                    "e.g. id: cessez-le-feu"))
        sides = {}
        for lang, side in entry.items():
            if lang == "id":
                continue
            side_line = entry.line_of(lang)
            if not LANGUAGE_CODE.fullmatch(str(lang)) or not isinstance(side, LinedDict):
                problems.append(Problem(path, side_line, f"'{lang}' is not a language code with term, forms and definition",
                                        "write fr:, en: … each with term:, forms: and definition:"))
                continue
            problems += _side_problems(path, side)
            sides[str(lang)] = TermSide(term=str(side.get("term") or ""), forms=tuple(str(f) for f in side.get("forms") or ()),
                                        definition=str(side.get("definition") or ""), lang=str(side.get("lang") or lang),
                                        line=side_line, definition_line=side.line_of("definition"))
        terms.append(Term(id=term_id, line=line, sides=sides))
    if problems:
        raise DeclarationError(problems)
    return terms


def _side_problems(path: Path, side: LinedDict) -> list[Problem]:
    problems = []
    unknown = set(side) - {"term", "forms", "definition", "lang"}
    if unknown:
        problems.append(Problem(path, side.line_of(sorted(unknown)[0]), f"unknown field {sorted(unknown)[0]}:",
                                "a side has term:, forms:, definition: and, if needed, lang:"))
    for name, limit in (("term", MAX_TERM), ("definition", MAX_DEFINITION)):
        if name in side:
            problem = plain_text_problem(side[name], limit)
            if problem:
                problems.append(Problem(path, side.line_of(name), f"{name}: {problem}", f"write the {name} as plain text"))
    forms = side.get("forms")
    if forms is not None:
        if not isinstance(forms, list):
            problems.append(Problem(path, side.line_of("forms"), "forms: is not a list", "write forms: [form, other form]"))
        else:
            for form in forms:
                problem = plain_text_problem(form, MAX_TERM)
                if problem:
                    problems.append(Problem(path, side.line_of("forms"), f"a form {problem}", "write forms as plain words"))
    if "lang" in side and not LANGUAGE_CODE.fullmatch(str(side["lang"])):
        problems.append(Problem(path, side.line_of("lang"), f"lang '{side['lang']}' is not a language code", "e.g. lang: en"))
    return problems


def plain_text_problem(value, limit: int) -> str:
    """What makes a value unfit to be plain text on the site, or '' when it is fit."""
    if not isinstance(value, str):
        return f"is not text ({type(value).__name__})"
    return _text_problem(value, limit)


@lru_cache(maxsize=1 << 14)  # the same values, read again and again
def _text_problem(value: str, limit: int) -> str:
    if not value.strip():
        return "is empty"
    if len(value) > limit:
        return f"is {len(value)} characters long, over {limit}"
    if any(unicodedata.category(char) == "Cc" for char in value):
        return "holds a control character"
    markup = MARKUP.search(value)
    if markup:
        return f"holds markup ({markup[0].strip()!r}): it must be plain text"
    return ""


@dataclass(frozen=True)
class Words:
    """The interface words of one language (declaration/interface.<code>.yml)."""

    lang: str
    path: Path
    data: LinedDict

    def __call__(self, key: str, **fields: str) -> str:
        value = self.data
        for name in key.split("."):
            if not isinstance(value, dict) or name not in value:
                raise MissingData(f"{self.path.name} has no '{key}': add it, as in {INTERFACE_FILES.replace('*', 'en')}")
            value = value[name]
        for name, field in fields.items():
            value = value.replace("{" + name + "}", str(field))
        # The French the site writes takes French spaces, typed or not (typography.py).
        return spacing(self.lang)(value) if isinstance(value, str) else value


def load_words(root: Path, lang: str) -> Words:
    """A language's interface words; DeclarationError when the file is missing or unfit."""
    path = root / INTERFACE_FILES.replace("*", lang)
    if not path.is_file():
        raise DeclarationError([Problem(path, 1, f"no interface words for '{lang}'",
                                        f"run `make new-language CODE={lang}`, or copy interface.en.yml and translate it")])
    data = load_yaml(path)
    if not isinstance(data, LinedDict):
        raise DeclarationError([Problem(path, 1, "not a mapping of names to words", "write it as interface.en.yml is written")])
    problems = list(_words_problems(path, data))
    try:
        babel.Locale.parse(str(data.get("locale", "")))
    except (ValueError, TypeError, babel.UnknownLocaleError):
        problems.append(Problem(path, data.line_of("locale"), f"locale: '{data.get('locale')}' is no locale babel knows",
                                "write the language's locale, e.g. en_GB, fr_FR, uk_UA"))
    if problems:
        raise DeclarationError(problems)
    return Words(lang, path, data)


def _words_problems(path: Path, data: LinedDict):
    for key, value in data.items():
        line = data.line_of(key)
        if isinstance(value, LinedDict):
            yield from _words_problems(path, value)
            continue
        if key == FUNCTION_WORDS:
            if not isinstance(value, list) or not value or any(plain_text_problem(word, 40) or " " in word for word in value):
                yield Problem(path, line, f"{key}: is not a list of words", "write [word, word, …]")
            continue
        problem = plain_text_problem(value, MAX_DEFINITION)
        unknown = [name for name in PLACEHOLDER.findall(value if isinstance(value, str) else "")
                   if name not in PLACEHOLDERS]
        if problem:
            yield Problem(path, line, f"{key}: {problem}", "write the words as plain text")
        elif unknown:
            yield Problem(path, line, f"{key}: unknown placeholder {{{unknown[0]}}}",
                          f"use only {', '.join('{' + name + '}' for name in PLACEHOLDERS)}")


# The interface words' one list: the language's function words, for the language check.
FUNCTION_WORDS = "function_words"
PUBLICATION_FILE = "publication.yml"


@dataclass(frozen=True)
class Publication:
    """What the text does not say about itself, for citations: context, resting on facts."""

    title: dict[str, str]  # by language
    issuer: str
    date: str  # ISO 8601
    place: str
    adopted: str  # the fact that reports its adoption, by ID
    origin: str  # the fact that says what is known of its French text's origin, by ID
    lines: dict[str, int]  # of its keys, for findings


PUBLICATION_KEYS = ("title", "issuer", "date", "place", "adopted", "origin")


def load_publication(root: Path) -> Publication:
    """publication.yml, read; that its facts exist is the facts check's (they are another file's)."""
    path = root / PUBLICATION_FILE
    data = load_yaml(path)
    problems = []
    if not isinstance(data, LinedDict) or set(data) != set(PUBLICATION_KEYS) or not isinstance(data["title"], LinedDict):
        raise DeclarationError([Problem(path, 1, f"not {', '.join(PUBLICATION_KEYS)} (title by language)",
                                        "write it as it was written")])
    for key in ("issuer", "place", "adopted", "origin", *(f"title.{lang}" for lang in data["title"])):
        value = data["title"][key[6:]] if key.startswith("title.") else data[key]
        problem = plain_text_problem(value, MAX_TERM * 2)
        if problem:
            problems.append(Problem(path, data.line_of(key.split(".")[0]), f"{key}: {problem}", "write plain text"))
    try:
        date.fromisoformat(str(data["date"]))
    except ValueError:
        problems.append(Problem(path, data.line_of("date"), "date: is no day of the calendar, YYYY-MM-DD in quotes",
                                'e.g. date: "2026-01-06"'))
    if SOURCE_LANGUAGE not in data["title"]:
        problems.append(Problem(path, data.line_of("title"), f"title: has no {SOURCE_LANGUAGE}: the title in the text's "
                                "language", f"add {SOURCE_LANGUAGE}: …"))
    if problems:
        raise DeclarationError(problems)
    return Publication({str(k): str(v) for k, v in data["title"].items()}, str(data["issuer"]), str(data["date"]),
                       str(data["place"]), str(data["adopted"]), str(data["origin"]),
                       {key: data.line_of(key) for key in PUBLICATION_KEYS})


ANCHORS_FILE = "anchors.yml"
ANCHOR = re.compile(r"[A-Za-z0-9_:.-]{1,100}")
PAGE_ANCHOR = re.compile(rf"(?P<page>{ID.pattern})#(?P<anchor>{ANCHOR.pattern})")


@dataclass(frozen=True)
class Anchors:
    """Where the anchors that moved now point: a permanent link stays permanent (the anchors a
    site publishes are its build's; the base branch's must stay, scripts/integrity.py)."""

    path: Path
    moved: dict[tuple[str, str], tuple[str, int]]  # (page, old) → (new, line): an anchor moves on its page


def load_anchors(root: Path) -> Anchors:
    path = root / ANCHORS_FILE
    data = load_yaml(path) if path.exists() else LinedDict({"moved": LinedDict()})
    problems = []
    if not isinstance(data, LinedDict) or set(data) != {"moved"} or not isinstance(data["moved"] or LinedDict(), dict):
        raise DeclarationError([Problem(path, 1, "not moved: (page#old: page#new, one a line)",
                                        "write it as it was written")])
    moved = {}
    for old, new in (data["moved"] or LinedDict()).items():
        line = data["moved"].line_of(old)
        old_match, new_match = PAGE_ANCHOR.fullmatch(str(old)), PAGE_ANCHOR.fullmatch(str(new))
        if not old_match or not new_match or old_match["page"] != new_match["page"]:
            problems.append(Problem(path, line, f"'{old}: {new}' is not page#anchor: page#anchor, on one page",
                                    "write e.g. strand-3#left-open: strand-3#not-specified"))
            continue
        moved[(old_match["page"], old_match["anchor"])] = (new_match["anchor"], line)
    if problems:
        raise DeclarationError(problems)
    return Anchors(path, moved)
