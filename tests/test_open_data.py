"""declaration.json, the open data the build publishes, against its JSON Schema and the raw files."""

from __future__ import annotations

import copy
import hashlib
import json

import jsonschema
import pytest

from test_site import ENGLISH, FRENCH, GLOSSARY, SEGMENTS

from builds import ROOT, TEST_SITE_URL


@pytest.fixture(scope="module")
def published(site):
    data = json.loads((site.root / "declaration.json").read_text(encoding="utf-8"))
    schema = json.loads((site.root / "declaration.schema.json").read_text(encoding="utf-8"))
    return data, jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_the_published_data_follows_its_schema(published):
    data, validator = published
    assert list(validator.iter_errors(data)) == []


def test_the_published_data_is_the_declaration_in_every_language(published):
    data, _ = published
    assert [(s["id"], s["text"], s["part"]) for s in data["segments"]] == \
        [(e["id"], {"fr": FRENCH[e["id"]], "en": ENGLISH[e["id"]]}, e["part"]) for e in SEGMENTS]
    text = (ROOT / "declaration" / "declaration.fr.txt").read_bytes()
    assert data["source"]["sha256"] == hashlib.sha256(text).hexdigest()
    assert data["segments"][8]["anchor"] == {"fr": f"{TEST_SITE_URL}text.html#strand-2-item-1",
                                             "en": f"{TEST_SITE_URL}en/text.html#strand-2-item-1"}
    assert [t["language"] for t in data["translations"]] == ["en"]
    assert {term["id"]: set(term["terms"]) for term in data["glossary"]} == {e["id"]: {"fr", "en"} for e in GLOSSARY}


@pytest.mark.parametrize("damage", [
    lambda d: d["segments"][0]["text"].pop("fr"),
    lambda d: d["segments"][0].update(kind="footnote"),
    lambda d: d["source"].update(sha256="not a hash"),
    lambda d: d["glossary"][0]["terms"]["en"].update(definition=""),
    lambda d: d["segments"][0]["text"].update({"not a language": "x"}),
])
def test_the_schema_rejects_damaged_data(published, damage):
    data, validator = published
    damaged = copy.deepcopy(data)
    damage(damaged)
    assert list(validator.iter_errors(damaged))
