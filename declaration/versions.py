"""The official versions of the declaration in other languages (versions.yml): each publication's
words, segment by segment (null where no published copy could be found), and, where they differ
in meaning from the French, what differs, in every language of the site.

The words are quotations, pinned like the text (quotations.py): a changed word fails; a
correction is a reviewed change that re-pins them (`make repin`) and cites its publication (CI's
integrity job).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .files import LinedDict, LinedList, Problem, load_yaml
from .schema import problems as schema_problems

VERSIONS_FILE = "versions.yml"


@dataclass(frozen=True)
class Version:
    id: str
    line: int
    source: str  # the id of its publication in sources.yml
    lang: str
    segments: dict[str, tuple[str, ...] | None]  # by segment ID: its words, paragraph by paragraph; None: not found
    lines: dict[str, int]  # of each segment's words
    differences: dict[str, dict[str, str]]  # by segment ID, by language: what differs in meaning
    difference_lines: dict[str, int]

    def words(self, segment: str) -> str | None:
        """A segment's words, its paragraphs joined by a space (as a reader quotes them)."""
        paragraphs = self.segments.get(segment)
        return " ".join(paragraphs) if paragraphs else None


def load_versions(root: Path, plain_text_problem) -> tuple[tuple[Version, ...], list[Problem]]:
    """The versions, and the problems that make some unusable (each at its line)."""
    path = root / VERSIONS_FILE
    if not path.exists():
        return (), []
    data = load_yaml(path)
    problems = schema_problems(data, "versions", path)
    versions = []
    for index, entry in enumerate(data if isinstance(data, LinedList) else []):
        if schema_problems(entry, "versions.item", path):
            continue
        segments, differences = entry["segments"], entry.get("differences") or LinedDict()
        words = {key: None if text is None else (text,) if isinstance(text, str) else tuple(text)
                 for key, text in segments.items()}
        for key, paragraphs in words.items():
            problem = next((found for text in paragraphs or () if (found := plain_text_problem(text, 2000))), "")
            if problem:
                problems.append(Problem(path, segments.line_of(key), f"{entry['id']} {key}: {problem}",
                                        "copy the published words as plain text"))
        for key, by_language in differences.items():
            for lang, text in by_language.items():
                problem = plain_text_problem(text, 1200)
                if problem:
                    problems.append(Problem(path, by_language.line_of(lang), f"differences {key}.{lang}: {problem}",
                                            "write it as plain text"))
        versions.append(Version(entry["id"], data.line_of(index), entry["source"], entry["lang"], words,
                                {key: segments.line_of(key) for key in segments}, {k: dict(v) for k, v in differences.items()},
                                {key: differences.line_of(key) for key in differences}))
    return tuple(versions), problems
