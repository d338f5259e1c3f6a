"""A language, page by page: a third language is published before it is complete.

On a copy of the tree, `make new-language` scaffolds Ukrainian as a language in progress (no
page); `make check` passes, with warnings that list, page by page, what remains: the page to
create (from which file), and the data it needs. Translating a page's file first does not raise
that count. With one page translated (closing, with its data, in stand-in words: the English,
tagged), the site builds: /uk/closing.html is in Ukrainian; every other page under /uk/ is the
French page, saying so, marked as French, out of the hreflang alternates, the sitemap and the
Ukrainian search index. A complete language (English) may still lack no page.

The expected lists come from the raw files (the pages' markers read with regular expressions,
the YAML with PyYAML), never from the checker that makes them.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from scripts.check import check_all, check_sources
from scripts.check.site import BuiltSite
from scripts.new_language import main as new_language

from builds import TEST_SITE_URL, build, copy_tree
from test_site import EXPECTED_PAGES, GLOSSARY, SEGMENTS

# One worker runs this file's tests: they share the language in progress, checked and built once.
pytestmark = pytest.mark.xdist_group("languages")

CODE = "uk"
LANGUAGES = ["fr", "en", CODE]
STAND_IN = "[uk] "
TRANSLATED = "closing"  # the page translated, with what it needs
CHANGES = "changes"  # translated last, before the build
UNTRANSLATED = "strand-1"  # one of those that are not
NOTICE = "This page is not yet translated into Ukrainian; it is shown in French."
TODO = re.compile(r"\s*# TODO\(translate\)")
ORDER = [entry["id"] for entry in SEGMENTS]
LANGUAGE_FILES = {"declaration/interface.uk.yml", "declaration/meaning.yml", "declaration/changes.yml"}


# What a translator does --------------------------------------------------------------------------


def scaffold(tree: Path) -> None:
    assert new_language([CODE, "--root", str(tree)]) == 0


def needs(tree: Path, slug: str) -> dict[str, list[str]]:
    """What a page asks of the data, read from its French file (its prose: code shows markers as
    examples): the segments it quotes, the glossary entries it refers to, the facts it cites, in
    the order it does; the full text, the facts its citations rest on too."""
    text = (tree / "docs" / f"{slug}.fr.md").read_text(encoding="utf-8")
    text = re.sub(r"`[^`\n]*`", "", re.sub(r"^```.*?^```", "", text, flags=re.DOTALL | re.MULTILINE))
    segments, facts = [], []
    for match in re.finditer(r"<!-- quote: (?P<spec>[^>]+?) -->|\[\[(?P<inline>[a-z0-9-]+)(?:\.[0-9]+)?\]\]"
                             r"|\[\[fact:(?P<fact>[a-z0-9-]+)\]\]|<!-- facts: (?P<facts>[^>]+?) -->", text):
        if match["fact"] or match["facts"]:
            facts += (match["fact"] or match["facts"]).split()
        for part in (match["spec"] or match["inline"] or "").split():
            first, _, last = part.partition("..")
            segments += ORDER if part == "all" else ORDER[ORDER.index(first):ORDER.index(last or first) + 1]
    if slug == "text":
        publication = load(tree / "declaration" / "publication.yml")
        facts += [publication["origin"], publication["adopted"]]
    glossary = [match[1] or entry["id"] for match in re.finditer(r"\]\(glossary:([a-z0-9-]+)\)|<!-- glossary -->", text)
                for entry in ([None] if match[1] else GLOSSARY)]
    return {"segments": list(dict.fromkeys(segments)), "facts": list(dict.fromkeys(facts)),
            "glossary": list(dict.fromkeys(glossary))}


def translate_page_file(tree: Path, slug: str) -> None:
    """The page's file, from the English one, in stand-in words."""
    english = (tree / "docs" / f"{slug}.en.md").read_text(encoding="utf-8")
    translated = re.sub(r"^title: ", "title: (uk) ", english, count=1, flags=re.MULTILINE)
    (tree / "docs" / f"{slug}.{CODE}.md").write_text(translated, encoding="utf-8")


def translate_its_data(tree: Path, slug: str) -> None:
    """What the page needs in Ukrainian, in stand-in words: its passages' translation, a side for
    its glossary entries, its facts, the official versions' differences it shows; and the site's
    words (the English, no longer marked)."""
    data, wanted = tree / "declaration", needs(tree, slug)
    english = load(data / "translation.en.yml")
    ours = load(data / f"translation.{CODE}.yml") or {}
    for segment in wanted["segments"]:
        ours[segment] = {"source": english[segment]["source"],
                         "sentences": [STAND_IN + sentence for sentence in english[segment]["sentences"]]}
    dump(data / f"translation.{CODE}.yml", ours)
    glossary = load(data / "glossary.yml")
    for entry in glossary:
        if entry["id"] in wanted["glossary"]:
            entry[CODE] = {**copy.deepcopy(entry["en"]), "term": STAND_IN + entry["en"]["term"]}
    dump(data / "glossary.yml", glossary)
    facts = load(data / "facts.yml")
    for fact in facts:
        if fact["id"] in wanted["facts"]:
            for field in ("statement", "searched"):
                if field in fact:
                    fact[field][CODE] = STAND_IN + fact[field]["en"]
    dump(data / "facts.yml", facts)
    versions = load(data / "versions.yml")
    for version in versions:
        for segment, difference in (version.get("differences") or {}).items():
            if segment in wanted["segments"]:
                difference[CODE] = STAND_IN + difference["en"]
    dump(data / "versions.yml", versions)
    words = data / f"interface.{CODE}.yml"
    words.write_text(TODO.sub("", words.read_text(encoding="utf-8")), encoding="utf-8")


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def dump(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


# The shared tree: scaffolded, then one page translated, checked at each step, built once ----------


@dataclass
class Progress:
    tree: Path
    scaffolded: list  # make check's findings (no build) after `make new-language`
    page_file_first: list  # … after the closing page's file alone
    page_translated: list  # … after its data too
    checked: list  # make check, build included, with the Changes page translated too
    site: BuiltSite


@pytest.fixture(scope="module")
def progress(tmp_path_factory) -> Progress:
    work = tmp_path_factory.mktemp("languages")
    tree = copy_tree(work / "tree")
    scaffold(tree)
    scaffolded = check_sources(tree)
    translate_page_file(tree, TRANSLATED)
    page_file_first = check_sources(tree)
    translate_its_data(tree, TRANSLATED)
    page_translated = check_sources(tree)
    translate_page_file(tree, CHANGES)  # it needs nothing: what the record does not say yet, it says in French
    checked = check_all(tree, work / "site", TEST_SITE_URL)
    return Progress(tree, scaffolded, page_file_first, page_translated, checked,
                    BuiltSite(work / "site", LANGUAGES, TEST_SITE_URL))


def errors(findings) -> list[str]:
    return [str(finding) for finding in findings if finding.severity == "error"]


def of_page(findings, slug: str) -> list:
    return [finding for finding in findings if finding.path == f"docs/{slug}.{CODE}.md"]


def listed(finding) -> list[str]:
    """The items a finding names after its colon (before "and N more")."""
    return re.split(r", ", finding.problem.rsplit(": ", 1)[1].split(" and ")[0])


# The scaffold -------------------------------------------------------------------------------------


def test_new_language_scaffolds_a_language_in_progress_with_no_page(tree):
    scaffold(tree)
    config = (tree / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^  languages_in_progress: \[uk\]$", config, re.MULTILINE)
    assert re.search(r"- locale: uk\n\s+name: Українська\n\s+build: true", config)
    words = (tree / "declaration" / f"interface.{CODE}.yml").read_text(encoding="utf-8")
    for key in ("notice", "switcher"):  # the words of a page not yet translated: to translate too
        assert re.search(rf"^  {key}: .+# TODO\(translate\)$", words, re.MULTILINE), key
    assert load(tree / "declaration" / f"translation.{CODE}.yml") is None  # comments only
    assert list((tree / "docs").rglob(f"*.{CODE}.md")) == []  # each page comes when it is translated
    assert new_language([CODE, "--root", str(tree)]) == 2  # once


def test_a_scaffolded_language_passes_the_checks_with_what_remains_listed_page_by_page(progress):
    findings = progress.scaffolded
    assert errors(findings) == []
    pages = {finding.path for finding in findings} - LANGUAGE_FILES
    assert pages == {f"docs/{slug}.{CODE}.md" for slug in EXPECTED_PAGES}
    assert {finding.path for finding in findings if finding.path in LANGUAGE_FILES} == LANGUAGE_FILES
    for slug in EXPECTED_PAGES:
        awaiting = [f for f in of_page(findings, slug) if f.problem.startswith("awaits its translation into Ukrainian")]
        assert len(awaiting) == 1 and f"create it from docs/{slug}.en.md" in awaiting[0].fix, slug
        assert str(awaiting[0]) == sorted(str(f) for f in of_page(findings, slug))[0]  # the page first
        wanted = needs(progress.tree, slug)
        said = {f.problem.split(",")[0]: f for f in of_page(findings, slug)}
        for kind, words in (("segments", "its passages of the text"), ("glossary", "its glossary entries"),
                            ("facts", "its facts")):
            if wanted[kind]:
                finding = said[words]
                assert f"({len(wanted[kind])} " in finding.problem, (slug, kind)
                assert listed(finding) == wanted[kind][:8], (slug, kind)
            else:
                assert words not in said, (slug, kind)
    text = {f.problem.split(",")[0]: f for f in of_page(findings, "text")}["its passages of the text"]
    assert "(27 passages" in text.problem and all(segment in text.detail for segment in ORDER)
    glossary = {f.problem.split(",")[0]: f for f in of_page(findings, "glossary")}["its glossary entries"]
    assert f"({len(GLOSSARY)} entries)" in glossary.problem
    contributing = {f.problem.split(",")[0]: f for f in of_page(findings, "contributing")}
    assert "docs/_snippets/checks.uk.md" in contributing["its snippets"].fix
    differences = {f.problem.split(",")[0]: f for f in of_page(findings, "preamble")}
    assert listed(differences["its differences of an official version"]) == ["preamble-1", "preamble-2", "preamble-3"]


def test_translating_a_page_file_first_never_raises_the_count(progress):
    before, after = progress.scaffolded, progress.page_file_first
    assert len(after) == len(before) - 1  # the page is there; what it needs is still counted, once
    page = of_page(after, TRANSLATED)
    assert page and all(f.severity == "error" for f in page)  # a published page must be complete
    text = (progress.tree / "docs" / f"{TRANSLATED}.{CODE}.md").read_text(encoding="utf-8").split("\n")
    quotes = {f.problem.split(",")[0]: f for f in page}["its passages of the text"]
    assert "<!-- quote: closing -->" in text[quotes.line - 1]  # at the line that asks for it
    assert [f for f in after if f.path != f"docs/{TRANSLATED}.{CODE}.md"] == \
        [f for f in before if f.path != f"docs/{TRANSLATED}.{CODE}.md"]
    done = progress.page_translated
    assert errors(done) == [] and of_page(done, TRANSLATED) == [] and len(done) < len(after)


def test_a_language_declared_complete_lists_every_missing_item_as_an_error(tree):
    scaffold(tree)
    config = tree / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("languages_in_progress: [uk]",
                                                                 "languages_in_progress: []"), encoding="utf-8")
    findings = [f for f in check_sources(tree) if f.severity == "error"]
    missing = {f.problem.split("'")[1] for f in findings
               if f.path == f"declaration/translation.{CODE}.yml" and "has no translation" in f.problem}
    assert missing == set(ORDER)
    assert {f.problem.split("'")[1] for f in findings if f.path == "declaration/glossary.yml"} == \
        {entry["id"] for entry in GLOSSARY}
    assert {f.problem for f in findings if "no counterpart" in f.problem} == \
        {f"no counterpart docs/{slug}.{CODE}.md" for slug in EXPECTED_PAGES}
    assert len([f for f in findings if f.path == f"declaration/interface.{CODE}.yml"]) > 20  # one per word


# The site, with one page translated ----------------------------------------------------------------


def test_the_site_builds_and_passes_with_the_remaining_pages_as_warnings(progress):
    assert errors(progress.checked) == []
    awaiting = {f.path for f in progress.checked if f.problem.startswith("awaits its translation")}
    assert awaiting == {f"docs/{slug}.{CODE}.md" for slug in EXPECTED_PAGES - {TRANSLATED, CHANGES}}
    assert set(progress.site.pages[CODE]) == EXPECTED_PAGES


def test_the_translated_page_is_in_ukrainian(progress):
    page = progress.site.tree(CODE, TRANSLATED)
    assert page.find("html").attrs["lang"] == CODE
    content = progress.site.content(CODE, TRANSLATED)
    assert content.find(cls="dp-untranslated") is None
    assert not [element for element in content.iter(lambda e: e.attrs.get("lang") == "fr" and e.tag == "div")]
    assert {text.attrs["lang"] for text in content.find_all(cls="dp-text")} == {"fr", CODE}
    switcher = {a.attrs["hreflang"]: a.text().strip() for a in page.find_all("a", cls="md-select__link")}
    assert switcher == {"fr": "Français", "en": "English", CODE: "Українська"}


def test_a_page_not_yet_translated_is_the_french_marked_as_such_with_a_notice(progress):
    page = progress.site.tree(CODE, UNTRANSLATED)
    assert page.find("html").attrs["lang"] == CODE  # the site around it is the language's
    content = progress.site.content(CODE, UNTRANSLATED)
    notice = content.find(cls="dp-untranslated")
    assert notice is not None and notice.text().strip() == NOTICE and "lang" not in notice.attrs
    french = next(div for div in content.find_all("div", lang="fr") if div.find("h1") is not None)  # title and all
    assert french.find(id="in-brief").text().startswith("En bref")
    assert not [row for row in content.find_all(cls="dp-text") if row.attrs.get("lang") != "fr"]  # the French alone
    switcher = {a.attrs["hreflang"]: a.text().strip() for a in page.find_all("a", cls="md-select__link")}
    assert switcher[CODE] == "Українська (not yet translated)"
    french_page = progress.site.tree("fr", UNTRANSLATED)
    assert {a.attrs["hreflang"]: a.text().strip() for a in french_page.find_all("a", cls="md-select__link")}[CODE] == \
        "Українська (page pas encore traduite)"


def test_no_alternate_nor_sitemap_entry_names_a_page_not_yet_translated(progress):
    site = progress.site

    def alternates(lang: str, slug: str) -> dict[str, str]:
        return {link.attrs["hreflang"]: link.attrs["href"] for link in site.tree(lang, slug).find_all("link", rel="alternate")
                if "hreflang" in link.attrs}

    french_only = {"fr": f"{TEST_SITE_URL}{UNTRANSLATED}.html", "en": f"{TEST_SITE_URL}en/{UNTRANSLATED}.html",
                   "x-default": f"{TEST_SITE_URL}{UNTRANSLATED}.html"}
    for lang in LANGUAGES:
        assert alternates(lang, UNTRANSLATED) == french_only, lang
        assert alternates(lang, TRANSLATED)[CODE] == f"{TEST_SITE_URL}uk/{TRANSLATED}.html", lang
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    assert f"uk/{UNTRANSLATED}.html" not in sitemap
    assert f"<loc>{TEST_SITE_URL}uk/{TRANSLATED}.html</loc>" in sitemap
    assert f'hreflang="uk" href="{TEST_SITE_URL}uk/{TRANSLATED}.html"' in sitemap
    assert (site.root / "uk" / "sitemap.xml").read_text(encoding="utf-8") == sitemap
    assert sitemap.count("<url>") == 2 * len(EXPECTED_PAGES) + len({TRANSLATED, CHANGES})  # fr, en; uk translated


def test_the_languages_search_index_holds_its_translated_pages_only_with_whole_words(progress):
    index = json.loads((progress.site.root / CODE / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert {doc["location"].split("#")[0] for doc in index["docs"]} == {f"{TRANSLATED}.html"}
    # Material names no stemmer lunr ships for Ukrainian: its words are kept whole, not stemmed as English.
    assert index["config"]["pipeline"] == ["trimmer"]
    for lang, folder in (("fr", ""), ("en", "en/")):
        other = json.loads((progress.site.root / folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert not [doc for doc in other["docs"] if doc["location"].startswith("uk/")], lang
        assert other["config"]["lang"] == [lang] and other["config"].get("pipeline") != ["trimmer"], lang


def test_the_record_of_changes_not_yet_said_in_the_language_is_given_in_french_marked_so(progress):
    feed = (progress.site.root / CODE / "changes.xml").read_text(encoding="utf-8")
    entries = re.findall(r"<entry[^>]*>", feed)
    assert entries and all('xml:lang="fr"' in entry for entry in entries)
    french = (progress.site.root / "changes.xml").read_text(encoding="utf-8")
    assert "xml:lang=\"fr\"" not in "".join(re.findall(r"<entry[^>]*>", french))
    changes = progress.site.content(CODE, CHANGES)  # translated: its entries not yet said, in French
    said = [item.find("p") for item in changes.iter(lambda e: e.tag == "li" and e.attrs.get("id", "").startswith("change-"))]
    assert said and all(p.attrs.get("lang") == "fr" for p in said)
    assert changes.find(cls="dp-untranslated") is None


def test_a_complete_language_may_lack_no_page(tree, tmp_path):
    (tree / "docs" / "about.en.md").unlink()
    assert [str(f) for f in check_sources(tree) if f.severity == "error"] == [
        "docs/about.fr.md:1: [translations] no counterpart docs/about.en.md — create docs/about.en.md with the same "
        "structure (a language translated page by page is listed under extra: languages_in_progress in mkdocs.yml "
        "until it is complete)"]
    result = build(tree, tmp_path / "site")  # the build's own guard, for a check skipped
    assert result.returncode != 0
    assert "docs/about.fr.md:1: about.md has no page in 'en'" in result.output
