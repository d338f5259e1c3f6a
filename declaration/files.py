"""Reading the files an editor can change, as untrusted input: every problem becomes a Problem
with the file and line, never a traceback, and the time taken stays linear in the file's size.

The project's text files are UTF-8 without a byte-order mark, with LF line endings, of bounded
size and line length (`.gitattributes` keeps them so in git). YAML data files use plain YAML:
no anchors, aliases or tags (an alias can expand a small file into gigabytes), and every mapping
remembers the line of each of its keys, for the messages.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

# Far above any legitimate file of this project (the largest page is about 10 KB, the longest
# line about 1,000 characters), far below what would make a check or the build slow.
MAX_FILE_BYTES = 256 * 1024
MAX_LINE_CHARS = 5_000
MAX_YAML_DEPTH = 20
# The names an editor's file may have: what every system and URL takes as it is.
PLAIN_NAME = re.compile(r"[A-Za-z0-9._-]{1,100}")


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
    """The file's text, and its problems. The text is None when it cannot be read as text at all:
    a file that is not a regular file (a link, a device) is not read, and no more than the size
    this project accepts is ever read."""
    try:
        mode = os.lstat(path).st_mode
        if not stat.S_ISREG(mode):
            return None, [Problem(path, 1, "not a regular file (a link or a device): it could publish what lies "
                                  "outside the project", "replace it with the file itself")]
        with open(path, "rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return None, [Problem(path, 1, f"cannot be read ({error.strerror})", "check that it is a regular file")]
    if len(data) > MAX_FILE_BYTES:
        return None, [Problem(path, 1, f"the file is over the {MAX_FILE_BYTES // 1024} KB this project accepts",
                              "split it, or remove what was pasted into it by mistake")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return None, [Problem(path, line, f"not UTF-8 (byte 0x{data[error.start]:02x} cannot be "
                              "decoded)", "save the file as UTF-8 (your editor's encoding setting)")]
    return text, _text_problems(path, text)


def list_tree(folder: Path) -> tuple[list[Path], list[Problem]]:
    """Every file below a folder, as git would hold it, without following links: the regular files
    with plain names, and a problem for anything else (a link, a device, a name with spaces, quotes,
    line breaks or other characters that a shell, a URL or a workflow's log would read otherwise)."""
    files, problems = [], []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda entry: entry.name)
        except OSError as error:
            problems.append(Problem(Path(current), 1, f"cannot be listed ({error.strerror})", "check the folder"))
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.name in ("__pycache__", ".DS_Store"):
                continue
            if not PLAIN_NAME.fullmatch(entry.name):
                problems.append(Problem(Path(current) / safe_name(entry.name), 1, "a file name with characters other "
                                        "than letters, digits, '.', '_' and '-'", "rename it: plain names only"))
            elif entry.is_symlink():
                problems.append(Problem(path, 1, "a symbolic link: the build would publish what it points to, "
                                        "wherever that is", "replace it with the file itself"))
            elif entry.is_dir(follow_symlinks=False):
                pending.append(path)
            elif not entry.is_file(follow_symlinks=False):
                problems.append(Problem(path, 1, "not a regular file (a device, a pipe, a socket)", "remove it"))
            else:
                files.append(path)
    return sorted(files), problems


def safe_name(name: str) -> str:
    """A name as it may be shown in a message: what is not plain, escaped."""
    return name.encode("unicode_escape").decode("ascii") if not PLAIN_NAME.fullmatch(name) else name


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


def _refuse_what_is_not_plain(text: str, tags: tuple[str, ...] = ()) -> None:
    """Anchors, aliases, tags (but `tags`) and deep nesting, found in the parser's events
    (libyaml's, in C): a tag can make a YAML loader run code (`!!python/object/apply`)."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused("anchors and aliases (& and *) are not allowed", event.start_mark,
                           "write the value out in full where it is needed")
        if getattr(event, "tag", None) is not None and event.tag not in tags:
            raise _Refused(f"explicit tags ({event.tag}) are not allowed", event.start_mark,
                           "remove the tag (the word starting with !): values are plain text")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise _Refused(f"nested more than {MAX_YAML_DEPTH} levels deep", event.start_mark,
                               "flatten the data: no file of this project needs that depth")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


@dataclass(frozen=True)
class Environment:
    """MkDocs' `!ENV [NAME, …, default]` in mkdocs.yml: the first variable set, or the default."""

    names: tuple[str, ...]
    default: object

    def value(self, environ=os.environ):
        return next((environ[name] for name in self.names if environ.get(name)), self.default)


class _LinedLoader(yaml.CSafeLoader):
    """libyaml's safe loader, whose mappings and sequences remember their lines, and which refuses
    a key written twice (YAML keeps the last, silently replacing the first)."""

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value in seen:
                raise _Refused(f"'{key.value}' is written twice in this mapping (lines {seen[key.value]} and "
                               f"{key.start_mark.line + 1}): the second would silently replace the first",
                               key.start_mark, "keep one, merging what both say")
            if isinstance(key, yaml.ScalarNode):
                seen[key.value] = key.start_mark.line + 1
        return LinedDict(super().construct_mapping(node, deep=True), line=node.start_mark.line + 1,
                         lines={key.value: key.start_mark.line + 1 for key, _ in node.value})

    def construct_environment(self, node):
        values = [node.value] if isinstance(node, yaml.ScalarNode) else [item.value for item in node.value]
        names, default = (values[:-1], values[-1]) if len(values) > 1 else (values, None)
        return Environment(tuple(names), default)

    def construct_sequence(self, node, deep=False):
        return LinedList(super().construct_sequence(node, deep=True), line=node.start_mark.line + 1,
                         lines=[item.start_mark.line + 1 for item in node.value])


_LinedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LinedLoader.construct_mapping)
_LinedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _LinedLoader.construct_sequence)
_LinedLoader.add_constructor("!ENV", _LinedLoader.construct_environment)


def load_yaml(path: Path, tags: tuple[str, ...] = ()):
    """The data of a YAML file, or InputError with every reason it cannot be used. `tags`: the
    only tags it may hold (mkdocs.yml: MkDocs' !ENV)."""
    text, problems = read_text(path)
    if problems or text is None:
        raise InputError(problems)
    return parse_yaml(text, path, tags=tags)


def parse_yaml(text: str, path: Path, first_line: int = 1, tags: tuple[str, ...] = ()):
    """YAML text (a file, or front matter starting at `first_line`) as plain, lined data."""
    data, problem = _parse(text, tags)
    if problem is not None:
        line, message, fix = problem
        raise InputError([Problem(path, first_line + line, message, fix)]) from None
    return _copy(data)


# Parsing is a pure function of the text: each text is parsed once per process (the checks, the
# build and the tests read the same files again and again), and every caller gets its own copy.
@lru_cache(maxsize=256)
def _parse(text: str, tags: tuple[str, ...]):
    """(data, None), or (None, (line within the text, message, fix)) for YAML this project cannot use."""
    try:
        _refuse_what_is_not_plain(text, tags)
        return yaml.load(text, Loader=_LinedLoader), None
    except _Refused as error:
        return None, (error.problem_mark.line, error.problem, error.fix)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return None, (mark.line if mark else 0, f"not valid YAML here: {error.problem}",
                      "fix the syntax (a value containing ': ' or starting with a quote goes in double quotes)")
    except yaml.YAMLError as error:
        return None, (0, f"not valid YAML: {error}", "fix the syntax")


def _copy(node):
    """Lined data as new mappings and sequences (what they hold besides is immutable)."""
    kind = type(node)
    if kind is LinedDict:
        return LinedDict({key: _copy(value) for key, value in node.items()}, node.line, dict(node.lines))
    if kind is LinedList:
        return LinedList([_copy(value) for value in node], node.line, list(node.lines))
    return node


def git(root: Path, *arguments: str, text: bool = True) -> str | bytes | None:
    """What git says in the repository at `root` (its output, as text or bytes), or None where
    there is no git, no repository, or the command fails: the callers go on without history."""
    try:
        return subprocess.run(["git", *arguments], cwd=root, capture_output=True, text=text, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
