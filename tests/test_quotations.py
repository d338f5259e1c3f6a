"""Every quotation verified, wherever the reader meets it: a quotation of the declaration changed
by one word in a glossary definition or in a snippet, and a quotation of the official English
changed by one word on a page, are each found at their own file and line; the official English
quoted exactly passes. One copy of the tree holds every edit, checked once (one build)."""

from __future__ import annotations

import pytest

from scripts.check import check_all

from builds import Checked, append, copy_tree, edit, line_of

pytestmark = pytest.mark.xdist_group("quotations")

GLOSSARY = "declaration/glossary.yml"
SNIPPET = "docs/_snippets/checks.fr.md"
# The official English of strand 1's heading (declaration/versions.yml), exactly, and with one
# word changed.
OFFICIAL = "Participation in a proposed US-led ceasefire monitoring and verification mechanism."
CHANGED_OFFICIAL = "Participation in an agreed US-led ceasefire monitoring and verification mechanism."


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> tuple[Checked, dict[str, int]]:
    tree = copy_tree(tmp_path_factory.mktemp("quotations") / "tree")
    edit(tree, GLOSSARY, "Fait de décourager une attaque en montrant qu’elle coûterait plus qu’elle ne\n      rapporterait.",
         "Fait de décourager une attaque ; l’armée est « la première ligne de défense et de protection »,\n      dit le texte.")
    lines = {
        # The definition's line: its key's, `definition: >-`, the line before its words.
        "glossary": line_of(tree, GLOSSARY, "Fait de décourager une attaque ;") - 1,
        "snippet": append(tree, SNIPPET, "Le texte dit « un mécanisme de contrôle du cessez‑le‑feu placé sous conduite "
                                         "américaine »."),
        "official changed": append(tree, "docs/strand-1.en.md", f'The official English says <q lang="en">{CHANGED_OFFICIAL}</q>'),
        "official exact": append(tree, "docs/strand-1.en.md", f'The official English reads <q lang="en">{OFFICIAL}</q>'),
    }
    return Checked(tree, check_all(tree)), lines


def test_a_glossary_definition_that_changes_a_word_of_the_text_is_found_at_its_line(checked):
    result, lines = checked
    found = result.at(GLOSSARY, lines["glossary"], "quotes")
    assert found and "protection" in f"{found[0].problem} {found[0].detail}", [str(f) for f in result.findings]


def test_a_snippet_that_changes_a_word_of_the_text_is_found_at_the_snippet_s_line(checked):
    result, lines = checked
    found = result.at(SNIPPET, lines["snippet"], "quotes")
    assert found and "contrôle" in f"{found[0].problem} {found[0].detail}", [str(f) for f in result.findings]
    # Once, at the snippet: not at each page that includes it.
    assert [f for f in result.findings if f.check == "quotes" and f.path.startswith("docs/contributing")] == []


def test_a_quotation_of_the_official_english_is_held_to_its_words(checked):
    result, lines = checked
    found = result.at("docs/strand-1.en.md", lines["official changed"], "quotes")
    assert found and "agreed" in f"{found[0].problem} {found[0].detail}", [str(f) for f in result.findings]
    assert result.at("docs/strand-1.en.md", lines["official exact"]) == []
