"""A third language is a change of data and pages, not of code.

On a copy of the tree, `make new-language` scaffolds Ukrainian; `make check` then lists every
item to translate, each with its file and line; filled with stand-in text (the English, tagged),
the language builds: its pages under /uk/, in Ukrainian, with alternates for every language, a
switcher with three entries, a search index of its own, and edit links to its own files.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import yaml

from scripts.check import check_sources
from scripts.check.__main__ import main as check_main
from scripts.check.site import BuiltSite
from scripts.new_language import main as new_language

from builds import TEST_SITE_URL, build
from test_site import EXPECTED_PAGES, GLOSSARY, SEARCHED_PAGES, SEGMENTS, columns

CODE = "uk"
LANGUAGES = ["fr", "en", CODE]
STAND_IN = "[uk] "
TODO = re.compile(r"\s*(?:# TODO\(translate\)|<!-- TODO\(translate\) -->)\n?")


def scaffold(tree: Path) -> None:
    assert new_language([CODE, "--root", str(tree)]) == 0


def fill_with_stand_in_text(tree: Path) -> None:
    """What a translator would do, with the English tagged in place of Ukrainian."""
    data = tree / "declaration"
    english = yaml.safe_load((data / "translation.en.yml").read_text(encoding="utf-8"))
    translation = {key: {"source": entry["source"], "sentences": [STAND_IN + s for s in entry["sentences"]]}
                   for key, entry in english.items()}
    (data / f"translation.{CODE}.yml").write_text(yaml.safe_dump(translation, allow_unicode=True), encoding="utf-8")
    glossary = yaml.safe_load((data / "glossary.yml").read_text(encoding="utf-8"))
    for entry in glossary:
        entry[CODE] = {**copy.deepcopy(entry["en"]), "term": STAND_IN + entry["en"]["term"]}
    (data / "glossary.yml").write_text(yaml.safe_dump(glossary, allow_unicode=True, sort_keys=False), encoding="utf-8")
    meaning = yaml.safe_load((data / "meaning.yml").read_text(encoding="utf-8"))
    for qualifier in meaning["qualifiers"]:
        for field in ("about", "when", "forms", "translation"):
            if field in qualifier:
                qualifier[field][CODE] = copy.deepcopy(qualifier[field]["en"])
    for field in ("claims", "negations"):
        meaning[field][CODE] = list(meaning[field]["en"])
    (data / "meaning.yml").write_text(yaml.safe_dump(meaning, allow_unicode=True, sort_keys=False), encoding="utf-8")
    facts = yaml.safe_load((data / "facts.yml").read_text(encoding="utf-8"))
    for fact in facts:
        for field in ("statement", "searched"):
            if field in fact:
                fact[field][CODE] = STAND_IN + fact[field]["en"]
    (data / "facts.yml").write_text(yaml.safe_dump(facts, allow_unicode=True, sort_keys=False), encoding="utf-8")
    versions = yaml.safe_load((data / "versions.yml").read_text(encoding="utf-8"))
    for version in versions:
        for difference in version["differences"].values():
            difference[CODE] = STAND_IN + difference["en"]
    (data / "versions.yml").write_text(yaml.safe_dump(versions, allow_unicode=True, sort_keys=False), encoding="utf-8")
    changes = yaml.safe_load((data / "changes.yml").read_text(encoding="utf-8"))
    for change in changes:
        change["summary"][CODE] = STAND_IN + change["summary"]["en"]
    (data / "changes.yml").write_text(yaml.safe_dump(changes, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for path in [data / f"interface.{CODE}.yml", *tree.glob(f"docs/**/*.{CODE}.md")]:
        path.write_text(TODO.sub("\n", path.read_text(encoding="utf-8")).replace("---\n\n", "---\n", 1), encoding="utf-8")


def test_a_scaffolded_language_is_listed_item_by_item_by_make_check(tree, capsys):
    scaffold(tree)
    findings = [f for f in check_sources(tree) if f.severity == "error"]
    missing = {f.problem.split("'")[1] for f in findings
               if f.path == f"declaration/translation.{CODE}.yml" and "has no translation" in f.problem}
    assert missing == {entry["id"] for entry in SEGMENTS}
    incomplete = {f.problem.split("'")[1] for f in findings if f.path == "declaration/glossary.yml"}
    assert incomplete == {entry["id"] for entry in GLOSSARY}
    pages = {f.path for f in findings if f.problem == "not translated yet" and f.path.startswith("docs/")}
    assert pages == {f"docs/{slug}.{CODE}.md" for slug in EXPECTED_PAGES} | {f"docs/_snippets/checks.{CODE}.md"}
    words = [f for f in findings if f.path == f"declaration/interface.{CODE}.yml"]
    assert len(words) > 20 and all(f.line > 2 for f in words)
    assert check_main(["--sources-only", "--root", str(tree)]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_a_filled_third_language_builds_as_the_others_do(tree, tmp_path):
    scaffold(tree)
    fill_with_stand_in_text(tree)
    assert [str(f) for f in check_sources(tree) if f.severity == "error"] == []
    result = build(tree, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    site = BuiltSite(tmp_path / "site", LANGUAGES, TEST_SITE_URL)
    assert set(site.pages[CODE]) == EXPECTED_PAGES
    for slug in EXPECTED_PAGES:
        page = site.tree(CODE, slug)
        assert page.find("html").attrs["lang"] == CODE
        alternates = {link.attrs["hreflang"]: link.attrs["href"] for link in page.find_all("link", rel="alternate")
                      if "hreflang" in link.attrs}
        assert alternates == {"fr": f"{TEST_SITE_URL}{slug}.html", "en": f"{TEST_SITE_URL}en/{slug}.html",
                              "uk": f"{TEST_SITE_URL}uk/{slug}.html", "x-default": f"{TEST_SITE_URL}{slug}.html"}
        assert [a.attrs["hreflang"] for a in page.find_all("a", cls="md-select__link")] == LANGUAGES
        assert page.find("a", rel="edit").attrs["href"].endswith(f"/docs/{slug}.{CODE}.md")
    index = json.loads((site.root / CODE / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert {doc["location"].split("#")[0].removesuffix(".html") for doc in index["docs"]} == SEARCHED_PAGES
    full_text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("text.html"))
    assert STAND_IN in full_text and "Les membres de la Coalition" not in full_text  # its own words only
    row = site.content(CODE, "text").find(id="strand-1-text")
    assert list(columns(row)) == ["fr", CODE]
    for lang in ("fr", "en"):
        assert {a.attrs["hreflang"] for a in site.tree(lang, "index").find_all("a", cls="md-select__link")} == set(LANGUAGES)
