"""The meaning guard's data (meaning.yml): the text's load-bearing qualifiers, and the claims it
never makes. Read like every data file: as untrusted input, every problem with its line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .files import InputError, LinedDict, LinedList, Problem, load_yaml
from .markers import ID

MEANING_FILE = "meaning.yml"
KINDS = ("condition", "modality", "scope", "leadership")
SENTENCE = re.compile(rf"(?P<id>{ID.pattern})(?:\.(?P<number>[1-9][0-9]?))?")
ALL_WORDS = " + "


@dataclass(frozen=True)
class Qualifier:
    id: str
    line: int
    segment: str  # the segment that sets it
    number: int | None  # its sentence there; None: the whole segment
    kind: str
    speaks_of: str  # the subject, in words: "implementing the reassurance measures"
    about: dict[str, tuple[tuple[str, ...], ...]]  # by language: alternatives, each words all required
    when: dict[str, tuple[str, ...]] | None  # by language; None: any mention of the subject
    forms: dict[str, tuple[str, ...]]  # by language: how prose may restate it
    translation: dict[str, str]  # by language: as the text (fr) and its translations write it

    @property
    def sentence(self) -> str:
        return f"{self.segment}.{self.number}" if self.number else self.segment


@dataclass(frozen=True)
class Meaning:
    path: Path
    qualifiers: tuple[Qualifier, ...]
    claims: dict[str, tuple[str, ...]]
    negations: dict[str, tuple[str, ...]]
    lines: dict[str, int]  # of the top-level keys, for findings
    claims_unless: dict[str, tuple[str, ...]] = field(default_factory=dict)  # where a claim's words are no claim
    weak: dict[str, tuple[str, ...]] = field(default_factory=dict)  # modality: what only may be
    strong: dict[str, tuple[str, ...]] = field(default_factory=dict)  # modality: what is, or will be


def load_meaning(root: Path, plain_text_problem) -> Meaning:
    path = root / MEANING_FILE
    data = load_yaml(path)
    problems: list[Problem] = []
    if not isinstance(data, LinedDict) or not {"qualifiers", "claims", "negations"} <= set(data):
        raise InputError([Problem(path, 1, "not qualifiers:, claims: and negations:", "write it as it was written")])
    qualifiers = []
    entries = data["qualifiers"] if isinstance(data["qualifiers"], LinedList) else LinedList()
    for index, entry in enumerate(entries):
        qualifier = _qualifier(path, entry, entries.line_of(index), problems, plain_text_problem)
        if qualifier:
            qualifiers.append(qualifier)
    claims = _by_language(path, data, "claims", problems, plain_text_problem)
    negations = _by_language(path, data, "negations", problems, plain_text_problem)
    unless = _by_language(path, data, "claims_unless", problems, plain_text_problem) if "claims_unless" in data else {}
    modality = data.get("modality") if isinstance(data.get("modality"), LinedDict) else LinedDict()
    weak = _by_language(path, modality, "weak", problems, plain_text_problem) if "weak" in modality else {}
    strong = _by_language(path, modality, "strong", problems, plain_text_problem) if "strong" in modality else {}
    if problems:
        raise InputError(problems)
    return Meaning(path, tuple(qualifiers), claims, negations, dict(data.lines), unless, weak, strong)


def _qualifier(path, entry, line, problems, plain_text_problem) -> Qualifier | None:
    fields = {"id", "sentence", "kind", "speaks_of", "about", "when", "forms", "translation"}
    if not isinstance(entry, LinedDict) or not {"id", "sentence", "kind", "speaks_of", "about", "forms",
                                                  "translation"} <= set(entry) or not set(entry) <= fields:
        problems.append(Problem(path, line, "a qualifier is id, sentence, kind, speaks_of, about, (when), forms and "
                                "translation", "write it as its neighbours are written"))
        return None
    sentence = SENTENCE.fullmatch(str(entry["sentence"]))
    if not sentence:
        problems.append(Problem(path, entry.line_of("sentence"), f"sentence '{entry['sentence']}' is not ID or ID.N",
                                "name the segment, and the sentence's number in it"))
        return None
    if entry["kind"] not in KINDS:
        problems.append(Problem(path, entry.line_of("kind"), f"kind '{entry['kind']}' is not one of {', '.join(KINDS)}",
                                "use condition, modality, scope or leadership"))
    lists = {name: _by_language(path, entry, name, problems, plain_text_problem)
             for name in ("about", "when", "forms") if name in entry}
    translation = entry["translation"]
    if not isinstance(translation, LinedDict) or any(plain_text_problem(value, 300) for value in translation.values()):
        problems.append(Problem(path, entry.line_of("translation"), "translation: is not plain words by language",
                                "write fr: and en: with the qualifier as the sentence writes it"))
        translation = {}
    return Qualifier(
        id=str(entry["id"]), line=line, segment=sentence["id"],
        number=int(sentence["number"]) if sentence["number"] else None, kind=str(entry["kind"]),
        speaks_of=str(entry["speaks_of"]),
        about={lang: tuple(tuple(word.strip() for word in form.split(ALL_WORDS)) for form in forms)
               for lang, forms in lists["about"].items()},
        when=lists.get("when"), forms=lists["forms"], translation={str(k): str(v) for k, v in translation.items()})


def _by_language(path, mapping, name, problems, plain_text_problem) -> dict[str, tuple[str, ...]]:
    value = mapping.get(name)
    if not isinstance(value, LinedDict) or not all(isinstance(forms, list) and forms for forms in value.values()) \
            or any(plain_text_problem(form, 200) for forms in value.values() for form in forms):
        problems.append(Problem(path, mapping.line_of(name), f"{name}: is not lists of plain words by language",
                                f"write {name}: with fr: [ … ] and en: [ … ]"))
        return {}
    return {str(lang): tuple(str(form) for form in forms) for lang, forms in value.items()}
