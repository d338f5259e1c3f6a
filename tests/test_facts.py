"""Outside facts as data: what `make check` refuses of a fact or a source, each at its file and line
with its fix, on copies of the tree; and one fact, changed once, changes every page that states it.
"""

from __future__ import annotations

import pytest

from scripts.check import check_sources
from scripts.check.site import BuiltSite

from builds import LANGUAGES, TEST_SITE_URL, build, edit, line_of

FACTS = "declaration/facts.yml"
SOURCES = "declaration/sources.yml"
VERSIONS = "declaration/versions.yml"
# A fact that says "could" as its source does, and the pages that state the status fact.
COULD = "the US guarantees could be submitted to Congress for ratification"
STATUS_FACT = "no-ceasefire-in-force"


def errors_at(tree, path: str, line: int) -> list:
    return [f for f in check_sources(tree) if f.severity == "error" and (f.path, f.line) == (path, line)]


def only_error(tree, path: str, line: int):
    """The one finding of the tree: at that line, with a fix."""
    found = [f for f in check_sources(tree) if f.severity == "error"]
    assert [(f.path, f.line) for f in found] == [(path, line)], [str(f) for f in found]
    assert found[0].fix
    return found[0]


def test_a_fact_without_a_source_is_refused_at_its_line(tree):
    edit(tree, FACTS, "  sources: [euromaidanpress-sybiha-congress-2026-02-13]\n", "")
    finding = only_error(tree, FACTS, line_of(tree, FACTS, '- id: "us-guarantees-draft-nearly-complete"'))
    assert "'us-guarantees-draft-nearly-complete': 'sources' is missing" in finding.problem


def test_a_fact_citing_an_unknown_source_is_refused_at_its_line(tree):
    edit(tree, FACTS, "  sources: [euromaidanpress-sybiha-congress-2026-02-13]",
         "  sources: [euromaidanpress-sybiha-congres-2026-02-13]")
    line = line_of(tree, FACTS, "  sources: [euromaidanpress-sybiha-congres-2026-02-13]")
    assert any("unknown source" in f.problem for f in errors_at(tree, FACTS, line))


def test_a_source_without_a_date_is_refused_at_its_line(tree):
    start = line_of(tree, SOURCES, '- id: "unn-paris-declaration-macron-2026-01-06"')
    text = (tree / SOURCES).read_text(encoding="utf-8")
    head, _, rest = text.partition('- id: "unn-paris-declaration-macron-2026-01-06"')
    (tree / SOURCES).write_text(head + '- id: "unn-paris-declaration-macron-2026-01-06"'
                                + rest.replace('  date: "2026-01-06"\n', "", 1), encoding="utf-8")
    finding = only_error(tree, SOURCES, start)
    assert "date" in finding.problem


def test_a_source_whose_address_is_not_https_is_refused(tree):
    edit(tree, SOURCES, 'url: "https://unn.ua/en/news/', 'url: "http://unn.ua/en/news/')
    line = line_of(tree, SOURCES, 'url: "http://unn.ua/en/news/')
    found = [f for f in check_sources(tree) if f.severity == "error" and f.path == SOURCES and f.line in (line - 1, line)]
    assert any("https" in f.problem + f.fix for f in found), [str(f) for f in found]


def test_a_quotation_longer_than_allowed_is_refused(tree):
    edit(tree, FACTS, '… a draft bilateral agreement is nearly complete"',
         '… a draft bilateral agreement is nearly complete' + " and more" * 40 + '"')
    line = line_of(tree, FACTS, "legally binding security guarantees could be submitted")
    # the length, not only the fingerprint of the changed quotation (source-integrity, same line)
    assert any("300" in f.problem + f.fix for f in errors_at(tree, FACTS, line)), \
        [str(f) for f in errors_at(tree, FACTS, line)]


def test_a_fact_s_quotation_changed_by_one_word_fails_at_its_line(tree):
    edit(tree, FACTS, "guarantees could be submitted to the US Congress", "guarantees will be submitted to the US Congress")
    line = line_of(tree, FACTS, "guarantees will be submitted to the US Congress")
    finding = only_error(tree, FACTS, line)
    assert finding.check == "source-integrity" and "us-guarantees-draft-nearly-complete" in finding.problem


def test_an_official_version_changed_by_one_word_fails_at_its_line(tree):
    edit(tree, VERSIONS, '"long-term defence packages"', '"long-term defence guarantees"')
    finding = only_error(tree, VERSIONS, line_of(tree, VERSIONS, '"long-term defence guarantees"'))
    assert finding.check == "source-integrity" and "strand-2-item-1" in finding.problem


def test_a_statement_stronger_than_its_source_fails(tree):
    edit(tree, FACTS, "that the US guarantees could be submitted to Congress", "that the US guarantees will be submitted to Congress")
    finding = only_error(tree, FACTS, line_of(tree, FACTS, "that the US guarantees will be submitted to Congress"))
    assert finding.check == "facts" and '"will"' in finding.problem and '"could"' in finding.problem


def test_a_fact_no_page_cites_is_dead_weight(tree):
    for lang in LANGUAGES:
        page = f"docs/status.{lang}.md"
        text = (tree / page).read_text(encoding="utf-8")
        assert "[[fact:us-guarantees-draft-nearly-complete]]" in text, page
        (tree / page).write_text(text.replace("[[fact:us-guarantees-draft-nearly-complete]]", ""), encoding="utf-8")
    line = line_of(tree, FACTS, '- id: "us-guarantees-draft-nearly-complete"')
    assert any("cited by no page" in f.problem for f in errors_at(tree, FACTS, line))


def test_one_fact_changed_changes_the_home_page_the_status_page_and_the_strand_pages(tree, tmp_path):
    changed = {"fr": "Énoncé modifié pour l’essai.", "en": "A statement changed for the test."}
    text = (tree / FACTS).read_text(encoding="utf-8")
    head, _, rest = text.partition(f'- id: "{STATUS_FACT}"')
    entry, _, tail = rest.partition("\n- id: ")
    for lang, statement in changed.items():
        old = next(line for line in entry.split("\n") if line.startswith(f"    {lang}: "))
        entry = entry.replace(old, f'    {lang}: "{statement}"', 1)
    (tree / FACTS).write_text(f'{head}- id: "{STATUS_FACT}"{entry}\n- id: {tail}', encoding="utf-8")
    assert build(tree, tmp_path / "site").returncode == 0
    site = BuiltSite(tmp_path / "site", list(LANGUAGES), TEST_SITE_URL)
    citing = {path.name.split(".")[0] for path in (tree / "docs").glob("*.en.md")
              if f"[[fact:{STATUS_FACT}]]" in path.read_text(encoding="utf-8")}
    assert {"index", "status"} <= citing and any(slug.startswith("strand-") for slug in citing)
    for lang, statement in changed.items():
        for slug in citing:
            assert statement in site.content(lang, slug).text(), (lang, slug)


@pytest.mark.parametrize("value, problem", [
    (r"Un \u0007signal.", "holds a control character"),
    ("Un <b>mot</b> en gras.", "holds markup ('<b'): it must be plain text"),
    ("Voir <https://evil.example/>.", "holds markup ('<h'): it must be plain text"),
])
def test_a_statement_that_is_not_plain_text_is_refused_at_its_line(tree, value, problem):
    """A fact's words are shown as text, never read as markup: markup or a control character in
    them (here in a double-quoted YAML string, where \\u0007 is the bell) is refused at its line."""
    edit(tree, FACTS, '    fr: "La page de l’Élysée consacrée au sommet présente les garanties en',
         f'    fr: "{value} La page de l’Élysée consacrée au sommet présente les garanties en')
    finding = only_error(tree, FACTS, line_of(tree, FACTS, f'    fr: "{value} La page de l’Élysée'))
    assert f"statement.fr: {problem}" in finding.problem
