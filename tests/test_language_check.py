"""Languages checked both ways, as the reader gets the pages: English prose left on a French page,
or French on an English one, is a finding at its line; words marked with their language pass; a
page marked as translated whose prose is mostly in its source language is one finding, for the
page. One copy of the tree holds every edit, checked once."""

from __future__ import annotations

import pytest

from scripts.check import check_all

from builds import Checked, append, copy_tree

pytestmark = pytest.mark.xdist_group("language-check")

ENGLISH = "The members of the Coalition say that they are ready to commit to the guarantees of the text."
FRENCH = "Les membres de la Coalition disent qu’ils sont prêts à s’engager dans les garanties du texte."


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> tuple[Checked, dict[str, int]]:
    tree = copy_tree(tmp_path_factory.mktemp("language") / "tree")
    lines = {
        "english on a french page": append(tree, "docs/strand-5.fr.md", ENGLISH),
        "french on an english page": append(tree, "docs/strand-5.en.md", FRENCH),
        "english marked as such": append(tree, "docs/strand-2.fr.md", f'Le discours disait : <span lang="en">{ENGLISH}</span>'),
        "french marked as such": append(tree, "docs/strand-2.en.md", f'The speech said: <span lang="fr">{FRENCH}</span>'),
    }
    # An English page that was never translated: the French page's prose under its name.
    french = (tree / "docs" / "closing.fr.md").read_text(encoding="utf-8")
    (tree / "docs" / "closing.en.md").write_text(french.replace("title:", "title: Closing —", 1), encoding="utf-8")
    return Checked(tree, check_all(tree)), lines


@pytest.mark.parametrize("page, case, other", [("docs/strand-5.fr.md", "english on a french page", "English"),
                                               ("docs/strand-5.en.md", "french on an english page", "French")])
def test_prose_in_the_other_language_is_found_at_its_line(checked, page, case, other):
    result, lines = checked
    found = result.at(page, lines[case], "language")
    assert found and other in found[0].problem and 'lang="' in found[0].fix, [str(f) for f in result.findings]


@pytest.mark.parametrize("page, case", [("docs/strand-2.fr.md", "english marked as such"),
                                        ("docs/strand-2.en.md", "french marked as such")])
def test_words_marked_with_their_language_pass(checked, page, case):
    result, lines = checked
    assert result.at(page, lines[case], "language") == []


def test_a_page_marked_translated_but_in_its_source_language_is_one_finding_for_the_page(checked):
    result, _ = checked
    found = [f for f in result.findings if f.path == "docs/closing.en.md" and f.check == "language"]
    assert [(f.line, "reads as French" in f.problem) for f in found] == [(1, True)], [str(f) for f in found]
