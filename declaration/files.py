"""Reading the files an editor can change, as untrusted input: every problem becomes a Problem
with the file and line, never a traceback, and the time taken stays linear in the file's size.

The project's text files are UTF-8 without a byte-order mark, with LF line endings, of bounded
size and line length (`.gitattributes` keeps them so in git). YAML data files use plain YAML:
no anchors, aliases or tags (an alias can expand a small file into gigabytes), and every mapping
remembers the line of each of its keys, for the messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

# Far above any legitimate file of this project (the largest page is about 10 KB, the longest
# line about 1,000 characters), far below what would make a check or the build slow.
MAX_FILE_BYTES = 256 * 1024
MAX_LINE_CHARS = 5_000
MAX_YAML_DEPTH = 20


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong in an input file, where it stands, and how to fix it."""

    path: Path
    line: int
    message: str
    fix: str


class InputError(Exception):
    """Input that cannot be used as it is; `problems` says every reason, with file and line."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        first = self.problems[0]
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(f"{first.path}:{first.line}: {first.message} — {first.fix}{more}")


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """The file's text, and its problems. The text is None when it cannot be decoded at all."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [Problem(path, 1, f"the file is {size // 1024} KB, over the "
                                  f"{MAX_FILE_BYTES // 1024} KB this project accepts",
                                  "split it, or remove what was pasted into it by mistake")]
        data = path.read_bytes()
    except OSError as error:
        return None, [Problem(path, 1, f"cannot be read ({error.strerror})", "check that it is a regular file")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return None, [Problem(path, line, f"not UTF-8 (byte 0x{data[error.start]:02x} cannot be "
                              "decoded)", "save the file as UTF-8 (your editor's encoding setting)")]
    return text, _text_problems(path, text)


def _text_problems(path: Path, text: str) -> list[Problem]:
    problems = []
    if text.startswith("\ufeff"):
        problems.append(Problem(path, 1, "starts with a byte-order mark (BOM)",
                                "save the file as UTF-8 without BOM"))
    carriage_return = text.find("\r")
    if carriage_return >= 0:
        problems.append(Problem(path, text.count("\n", 0, carriage_return) + 1,
                                "Windows line endings (CR LF): the project's text files use LF",
                                "save the file with LF (Unix) line endings; .gitattributes does it on commit"))
    if "\x00" in text:
        problems.append(Problem(path, text.count("\n", 0, text.index("\x00")) + 1,
                                "a NUL character: this is not a text file", "remove it"))
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            problems.append(Problem(path, number, f"a line of {len(line):,} characters, over the "
                                    f"{MAX_LINE_CHARS:,} this project accepts",
                                    "break the paragraph into shorter lines"))
            break
    return problems


class LinedDict(dict):
    """A YAML mapping that remembers its own line and the line of each of its keys."""

    def __init__(self, items=(), line: int = 1, lines: dict | None = None):
        super().__init__(items)
        self.line = line
        self.lines = lines or {}

    def line_of(self, key) -> int:
        return self.lines.get(key, self.line)


class LinedList(list):
    """A YAML sequence that remembers its own line and the line of each of its items."""

    def __init__(self, items=(), line: int = 1, lines: list | None = None):
        super().__init__(items)
        self.line = line
        self.lines = lines or []

    def line_of(self, index: int) -> int:
        return self.lines[index] if index < len(self.lines) else self.line


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that this project refuses, with what to write instead."""

    def __init__(self, problem: str, mark, fix: str):
        super().__init__(problem=problem, problem_mark=mark)
        self.fix = fix


def _refuse_what_is_not_plain(text: str) -> None:
    """Anchors, aliases, tags and deep nesting, found in the parser's events (libyaml's, in C)."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused("anchors and aliases (& and *) are not allowed", event.start_mark,
                           "write the value out in full where it is needed")
        if getattr(event, "tag", None) is not None:
            raise _Refused(f"explicit tags ({event.tag}) are not allowed", event.start_mark,
                           "remove the tag (the word starting with !): values are plain text")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise _Refused(f"nested more than {MAX_YAML_DEPTH} levels deep", event.start_mark,
                               "flatten the data: no file of this project needs that depth")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


class _LinedLoader(yaml.CSafeLoader):
    """libyaml's safe loader, whose mappings and sequences remember their lines."""

    def construct_mapping(self, node, deep=False):
        return LinedDict(super().construct_mapping(node, deep=True), line=node.start_mark.line + 1,
                         lines={key.value: key.start_mark.line + 1 for key, _ in node.value})

    def construct_sequence(self, node, deep=False):
        return LinedList(super().construct_sequence(node, deep=True), line=node.start_mark.line + 1,
                         lines=[item.start_mark.line + 1 for item in node.value])


_LinedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LinedLoader.construct_mapping)
_LinedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _LinedLoader.construct_sequence)


def load_yaml(path: Path):
    """The data of a YAML file, or InputError with every reason it cannot be used."""
    text, problems = read_text(path)
    if problems or text is None:
        raise InputError(problems)
    return parse_yaml(text, path)


def parse_yaml(text: str, path: Path, first_line: int = 1):
    """YAML text (a file, or front matter starting at `first_line`) as plain, lined data."""
    try:
        _refuse_what_is_not_plain(text)
        return yaml.load(text, Loader=_LinedLoader)
    except _Refused as error:
        raise InputError([Problem(path, first_line + error.problem_mark.line, error.problem, error.fix)]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise InputError([Problem(path, first_line + (mark.line if mark else 0),
                                  f"not valid YAML here: {error.problem}",
                                  "fix the syntax (a value containing ': ' or starting with a quote "
                                  "goes in double quotes)")]) from None
    except yaml.YAMLError as error:
        raise InputError([Problem(path, first_line, f"not valid YAML: {error}", "fix the syntax")]) from None
