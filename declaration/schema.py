"""Data files validated by declared schemas (JSON Schema, declaration/schemas/), with the
checker's messages: each problem at its file and line, with how to fix it.

A schema says what a file holds; a property's `fix` (a keyword of this project, which JSON
Schema ignores) says how to mend a value that does not fit. What a schema cannot say (an ID
that names a source, a quotation that is a source's) the loaders check after it.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator

from .files import LinedDict, LinedList, Problem, load_yaml

SCHEMAS = Path(__file__).parent / "schemas"


@cache
def validator(name: str) -> Draft202012Validator:
    """The schema `name` (a file of schemas/), or `name.item`: the schema of one of its items."""
    file, _, part = name.partition(".")
    schema = _schema(file)
    return Draft202012Validator(schema["items"] if part == "item" else schema)


@cache
def _schema(file: str) -> dict:
    """A file of schemas/, read and checked against JSON Schema's own once (for it and its items)."""
    schema = json.loads((SCHEMAS / f"{file}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return schema


def problems(data, name: str, path: Path) -> list[Problem]:
    """Every way the data does not fit its schema, at the line of the value at fault."""
    found = []
    for keys, message, fix in _errors(data, name):
        found.append(Problem(path, line_of(data, list(keys)), f"{_where(data, list(keys))}: {message}", fix))
    return found


def _errors(data, name: str) -> list[tuple[tuple, str, str]]:
    """(where, what, fix) of every error, in order: a pure function of the data's values, so each
    value is validated once per process (the data's lines are not part of it: see problems())."""
    key = (name, _values(data))
    errors = _ERRORS.get(key)
    if errors is None:
        errors = []
        for error in sorted(validator(name).iter_errors(data), key=lambda error: list(map(str, error.absolute_path))):
            fix = error.schema.get("fix") if isinstance(error.schema, dict) else None
            if not fix and error.validator in ("required", "additionalProperties"):
                fix = "write the entry as its neighbours are written"
            errors.append((tuple(error.absolute_path), _message(error),
                           fix or "write the value as the schema says (declaration/schemas/" f"{name}.schema.json)"))
        if len(_ERRORS) >= _ERRORS_KEPT:
            del _ERRORS[next(iter(_ERRORS))]  # the oldest
        _ERRORS[key] = errors
    return errors


_ERRORS: dict = {}
_ERRORS_KEPT = 4096


def _values(node):
    """The data as a key: its values, each with its type (1, 1.0 and True differ to a schema) and,
    for all but text, numbers and booleans, its repr (what a message would show)."""
    if isinstance(node, dict):
        return dict, tuple((_values(key), _values(value)) for key, value in node.items())
    if isinstance(node, list):
        return list, tuple(_values(value) for value in node)
    kind = type(node)
    return (kind, node) if kind in (str, int, bool, type(None)) else (kind, repr(node))


def _where(data, keys: list) -> str:
    """The value at fault, as an editor finds it: an entry of a list by its id where it has one."""
    if not keys:
        return "the file"
    first = keys[0]
    if isinstance(data, list) and isinstance(first, int) and first < len(data) and isinstance(data[first], dict) \
            and isinstance(data[first].get("id"), str):
        first = repr(data[first]["id"])
    return "/".join(str(part) for part in [first, *keys[1:]])


def line_of(data, keys: list) -> int:
    """The line of the value at `keys` in lined YAML data (its nearest known line)."""
    line, node = getattr(data, "line", 1), data
    for key in keys:
        if isinstance(node, LinedDict) and key in node:
            line, node = node.line_of(key), node[key]
        elif isinstance(node, LinedList) and isinstance(key, int) and key < len(node):
            line, node = node.line_of(key), node[key]
        else:
            break
    return line


def _message(error) -> str:
    if error.validator == "required":
        return error.message.replace("is a required property", "is missing")
    if error.validator == "additionalProperties":
        return error.message.replace("Additional properties are not allowed", "unknown keys")
    if error.validator == "pattern":
        return f"{error.instance!r} is not of the expected form"
    if error.validator == "enum":
        return f"{error.instance!r} is not one of {', '.join(map(str, error.validator_value))}"
    if error.validator == "maxLength":
        return f"is {len(error.instance)} characters long, over {error.validator_value}"
    return error.message


# What every list of entries in the data shares -----------------------------------------------------


def entries_of(path: Path, name: str, found: list[Problem]) -> tuple[list[tuple[int, LinedDict]], set]:
    """(line, entry) of the entries that fit the schema (those that do not are reported, once), and
    the ids of every entry written: an entry at fault is still there for what names it."""
    data = load_yaml(path) if path.exists() else LinedList()
    found += problems(data, name, path)
    if not isinstance(data, LinedList):
        return [], set()
    written = {entry.get("id") for entry in data if isinstance(entry, dict)}
    return [(data.line_of(index), entry) for index, entry in enumerate(data)
            if not problems(entry, f"{name}.item", path)], written


def day_of(path: Path, entry: LinedDict, found: list[Problem], fix: str) -> date | None:
    """The entry's `date` as a day, or None, the problem reported, when no calendar has it."""
    try:
        return date.fromisoformat(entry["date"])
    except ValueError:
        found.append(Problem(path, entry.line_of("date"), f"date '{entry['date']}' is no day of the calendar", fix))
        return None
