"""What an editor meets: one mistake is one finding, at its line, naming the nearest valid names;
following the first fix suggested works; French typed with plain spaces and a new heading need
no command. (The meaning guard's false claim that is gone: test_prose.py, in its copy of the tree.)

The typos are made in one copy of the tree, one in each page, and checked once; then every
suggestion is applied, and the copy checked again."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from scripts.check import check_all, check_sources

from builds import copy_tree, edit, line_of

pytestmark = pytest.mark.xdist_group("editors")


@dataclass(frozen=True)
class Typo:
    kind: str
    page: str
    right: str  # as the page writes it
    wrong: str  # the typo
    suggested: str  # what the finding must suggest


TYPOS = [
    Typo("a marker's name", "docs/strand-2.en.md", "<!-- quote: strand-2-heading", "<!-- quotes: strand-2-heading", "quote"),
    Typo("a segment ID ending a range", "docs/strand-4.en.md", "strand-4-text..strand-4-item-4",
         "strand-4-text..strand-4-item-5", "strand-4-item-4"),
    Typo("a glossary key", "docs/strand-3.fr.md", "(glossary:dissuasion)", "(glossary:dissuassion)", "dissuasion"),
    Typo("a fact's ID", "docs/status.en.md", "[[fact:no-ceasefire-in-force]]", "[[fact:no-ceasefire-in-forc]]",
         "no-ceasefire-in-force"),
    Typo("a page's file name", "docs/strand-1.fr.md", "(strand-3.md", "(stand-3.md", "strand-3.md"),
]


@pytest.fixture(scope="module")
def typos(tmp_path_factory):
    tree = copy_tree(tmp_path_factory.mktemp("typos") / "tree")
    lines = {}
    for typo in TYPOS:
        lines[typo.kind] = line_of(tree, typo.page, typo.right)
        edit(tree, typo.page, typo.right, typo.wrong)
    return tree, lines, [finding for finding in check_all(tree) if finding.severity == "error"]


@pytest.mark.parametrize("typo", TYPOS, ids=lambda typo: typo.kind)
def test_a_typo_is_one_finding_at_its_line_naming_the_nearest_name(typos, typo):
    _, lines, findings = typos
    found = [finding for finding in findings if finding.path == typo.page]
    assert [(finding.path, finding.line) for finding in found] == [(typo.page, lines[typo.kind])], [str(f) for f in found]
    assert f"did you mean '{typo.suggested}'" in found[0].fix, str(found[0])


def test_the_typos_make_no_finding_but_their_own(typos):
    _, _, findings = typos
    assert sorted({finding.path for finding in findings}) == sorted({typo.page for typo in TYPOS}), \
        [str(finding) for finding in findings]


def test_following_each_first_suggestion_makes_the_tree_pass(typos):
    tree, _, findings = typos
    for finding in findings:
        suggested = re.search(r"did you mean '([^']+)'", finding.fix)[1]
        typo = next(typo for typo in TYPOS if typo.page == finding.path)
        wrong_name = next(part for part in re.split(r"[\s<>:()\[\].]+", typo.wrong)
                          if part and part not in re.split(r"[\s<>:()\[\].]+", typo.right))
        edit(tree, typo.page, wrong_name, suggested.removesuffix(".md") if wrong_name.endswith("-3") else suggested)
    assert [str(finding) for finding in check_all(tree) if finding.severity == "error"] == []


def test_the_fix_suggested_for_an_image_from_elsewhere_works(tree):
    """An image from another site is refused, and the fix the finding suggests (copy it into
    docs/assets/ and link it from there) passes: one image for every language's page."""
    from builds import append

    pages = [f"docs/strand-2.{lang}.md" for lang in ("fr", "en")]
    lines = [append(tree, page, "![A map](https://upload.example/map.png)") for page in pages]
    findings = [f for f in check_sources(tree) if f.severity == "error"]
    assert sorted((f.path, f.line) for f in findings) == sorted(zip(pages, lines)), [str(f) for f in findings]
    assert all("docs/assets/" in f.fix for f in findings)
    # A 1 × 1 PNG, copied into docs/assets/ as the fix says, and the pages linking it there.
    (tree / "docs" / "assets" / "map.png").write_bytes(bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000 1f15c4890000000d49444154789c6360f8cf"
        "c0f01f0005000201b0a1b2a10000000049454e44ae426082".replace(" ", "")))
    for page in pages:
        edit(tree, page, "https://upload.example/map.png", "assets/map.png")
    assert [str(f) for f in check_all(tree) if f.severity == "error"] == []
