"""declaration.json, the open data the build publishes, against its JSON Schema."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest

import declaration

DECLARATION = declaration.load()


@pytest.fixture(scope="module")
def published(site):
    data = json.loads((site.root / "declaration.json").read_text(encoding="utf-8"))
    schema = json.loads((site.root / "declaration.schema.json").read_text(encoding="utf-8"))
    return data, jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_the_published_data_follows_its_schema(published):
    data, validator = published
    assert list(validator.iter_errors(data)) == []


def test_the_published_data_is_the_declaration(published):
    data, _ = published
    assert [(s["id"], s["fr"], s["en"], s["part"]) for s in data["segments"]] == \
        [(s.id, s.fr, s.en, s.part) for s in DECLARATION.segments]
    assert data["source"]["sha256"] == DECLARATION.actual_sha256()
    assert data["segments"][8]["anchor"]["en"] == "https://example.test/explainer/en/text.html#strand-2-item-1"
    assert {term["id"] for term in data["glossary"]} == {term.id for term in DECLARATION.terms}


@pytest.mark.parametrize("damage", [
    lambda d: d["segments"][0].pop("fr"),
    lambda d: d["segments"][0].update(kind="footnote"),
    lambda d: d["source"].update(sha256="not a hash"),
    lambda d: d["glossary"][0]["en"].update(definition=""),
])
def test_the_schema_rejects_damaged_data(published, damage):
    data, validator = published
    damaged = copy.deepcopy(data)
    damage(damaged)
    assert list(validator.iter_errors(damaged))
