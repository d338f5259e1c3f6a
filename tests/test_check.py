"""The checker (make check), fed the bad edits it exists to catch, on copies of the real tree.

Each test makes one realistic edit, the way a careless or hostile editor would, and expects the
finding at the right file, line and check id. The clean tree and legitimate edits must pass.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from scripts.check import CHECKS, build, check_site, check_sources
from scripts.check.__main__ import main

from builds import ROOT, TEST_SITE_URL, append, copy_tree, edit, git, line_of

TEXT = "declaration/declaration.fr.txt"
TRANSLATION = "declaration/translation.en.yml"
GLOSSARY = "declaration/glossary.yml"
# A passage of the text as an editor would paste it, and the line it stands on in the source.
PASTED = "La Coalition a tenu à rappeler avec force que la capacité de l’Ukraine à assurer sa propre défense"
CLOSING_LINE = 27


def findings(tree: Path, check: str, severity: str = "error", path: str | None = None) -> list[tuple[str, int]]:
    """(file, line) of each finding of `check` on the tree's sources; `path`: in that file only."""
    return [(f.path, f.line) for f in check_sources(tree, only=check)
            if f.check == check and f.severity == severity and path in (None, f.path)]


def test_the_clean_tree_passes_every_check_and_the_build():
    assert main(["--root", str(ROOT)]) == 0


def test_legitimate_edits_pass(tree):
    # A new explanatory sentence, in both languages.
    append(tree, "docs/strand-4.fr.md", "Le texte parle de [sanctions](glossary:sanctions) supplémentaires.")
    append(tree, "docs/strand-4.en.md", "The text speaks of additional [sanctions](glossary:sanctions).")
    # Code shown as code is text, not HTML.
    append(tree, "docs/about.fr.md", "Une page ne contient jamais de `<script>`.")
    append(tree, "docs/about.en.md", "A page never holds a `<script>`.")
    # A new glossary entry, in both languages.
    append(tree, GLOSSARY, """- id: commitments
  fr:
    term: engagements
    forms: [engagements]
    definition: Promesses d’agir prises par les membres de la Coalition.
  en:
    term: commitments
    forms: [commitments]
    definition: Promises to act made by the members of the Coalition.""")
    assert [str(f) for f in check_sources(tree) if f.severity == "error"] == []


# 1. source-integrity ---------------------------------------------------------------------------


def test_a_changed_word_in_the_text_is_caught_with_its_line_and_diff(tree):
    subprocess.run(["git", "init", "-q"], cwd=tree, check=True)
    subprocess.run(["git", "add", "-A"], cwd=tree, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "t"], cwd=tree, check=True)
    edit(tree, TEXT, "Enfin, il a été décidé", "Enfin, il a été envisagé")
    [finding] = [f for f in check_sources(tree, only="source-integrity") if f.check == "source-integrity"]
    assert (finding.path, finding.line) == (TEXT, CLOSING_LINE)
    assert "-Enfin, il a été décidé" in finding.detail and "+Enfin, il a été envisagé" in finding.detail
    assert "make repin" in finding.fix


def test_repin_accepts_a_deliberate_change_and_then_outdates_its_translation(tree):
    edit(tree, TEXT, "Enfin, il a été décidé", "Enfin, il a été envisagé")
    assert main(["repin", "--root", str(tree)]) == 0
    assert findings(tree, "source-integrity") == []
    assert findings(tree, "translations") == [(TRANSLATION, line_of(tree, TRANSLATION, "closing:"))]


# 2. quotes -----------------------------------------------------------------------------------


def test_a_quote_marker_that_reorders_segments_fails(tree):
    append(tree, "docs/index.fr.md", "<!-- quote: strand-2-item-3 strand-2-item-1 -->")
    append(tree, "docs/index.en.md", "<!-- quote: strand-2-item-3 strand-2-item-1 -->")
    line = line_of(tree, "docs/index.fr.md", "<!-- quote: strand-2-item-3")
    assert ("docs/index.fr.md", line) in findings(tree, "quotes")


def test_a_generated_passage_that_differs_in_the_built_site_fails(built_copy):
    page = built_copy / "strand-3.html"
    page.write_text(page.read_text(encoding="utf-8").replace("à la demande de l’Ukraine", "à la demande de la Coalition"),
                    encoding="utf-8")
    found = [f for f in check_site(ROOT, built_copy, TEST_SITE_URL) if f.check == "quotes"]
    assert found and {f.path for f in found} == {"site/strand-3.html"}


# 3. coverage -----------------------------------------------------------------------------------


def test_a_segment_quoted_on_no_explainer_page_fails(tree):
    edit(tree, "docs/strand-4.en.md", "<!-- quote: strand-4-text..strand-4-item-4 -->",
         "<!-- quote: strand-4-text..strand-4-item-3 -->")
    line = line_of(tree, "docs/strand-4.en.md", "<!-- quote:")
    assert findings(tree, "coverage") == [("docs/strand-4.en.md", line)]


def test_a_segment_quoted_on_two_explainer_pages_fails(tree):
    append(tree, "docs/strand-2.fr.md", "<!-- quote: strand-1-text -->")
    assert [path for path, _ in findings(tree, "coverage")] == ["docs/strand-1.fr.md"]


def test_a_page_quoting_a_segment_that_does_not_exist_fails(tree):
    line = append(tree, "docs/strand-5.fr.md", "Voir [[strand-5-item-4]] et [[strand-5-text.2]].")
    assert findings(tree, "coverage") == [("docs/strand-5.fr.md", line), ("docs/strand-5.fr.md", line)]


def test_the_full_text_page_must_quote_all(tree):
    edit(tree, "docs/text.fr.md", "<!-- quote: all -->", "<!-- quote: preamble-1..strand-5-item-3 -->")
    assert [path for path, _ in findings(tree, "coverage")] == ["docs/text.fr.md"]


# 4. translations -------------------------------------------------------------------------------


def test_a_missing_translation_fails(tree):
    edit(tree, TRANSLATION, "    - intelligence cooperation.\n", "")
    assert findings(tree, "translations") == [(TRANSLATION, line_of(tree, TRANSLATION, "strand-5-item-3:"))]


def test_an_outdated_translation_fails_with_the_new_hash(tree):
    edit(tree, TRANSLATION, "source: 2c864f4e5518", "source: 0123456789ab")
    [finding] = [f for f in check_sources(tree, only="translations") if f.check == "translations"]
    assert (finding.path, finding.line) == (TRANSLATION, line_of(tree, TRANSLATION, "strand-1-text:"))
    assert "set source: 2c864f4e5518" in finding.fix


def test_a_translation_with_a_missing_sentence_fails(tree):
    edit(tree, TRANSLATION, "    - 'This support will include in particular:'\n", "")
    assert findings(tree, "translations") == [(TRANSLATION, line_of(tree, TRANSLATION, "strand-2-text:"))]


def test_a_page_without_its_counterpart_fails(tree):
    (tree / "docs" / "about.en.md").unlink()
    assert findings(tree, "translations") == [("docs/about.fr.md", 1)]


def test_counterparts_with_a_different_structure_fail(tree):
    edit(tree, "docs/strand-3.en.md", "{#left-open}", "{#open-questions}")
    edit(tree, "docs/strand-1.en.md", "](strand-3.md)", "](strand-4.md)")
    paths = [path for path, _ in findings(tree, "translations")]
    assert paths == ["docs/strand-1.en.md", "docs/strand-3.en.md"]


def test_a_heading_without_an_explicit_id_fails_in_every_language(tree):
    for lang in ("fr", "en"):
        edit(tree, f"docs/strand-3.{lang}.md", " {#left-open}", "")
    assert sorted(findings(tree, "translations")) == [
        ("docs/strand-3.en.md", line_of(tree, "docs/strand-3.en.md", "## What the text")),
        ("docs/strand-3.fr.md", line_of(tree, "docs/strand-3.fr.md", "## Ce que le texte"))]


def test_french_left_in_an_english_page_is_flagged(tree):
    line = append(tree, "docs/strand-1.en.md", "The monitoring of the cessez-le-feu is American.")
    line2 = append(tree, "docs/strand-1.en.md", "Cette phrase est restée dans la langue des volets.")
    append(tree, "docs/strand-1.en.md", 'The <span lang="fr">cessez-le-feu</span>, marked, passes.')
    assert findings(tree, "translations") == [("docs/strand-1.en.md", line), ("docs/strand-1.en.md", line2)]


# 5. terminology --------------------------------------------------------------------------------


def test_a_glossary_term_translated_another_way_fails(tree):
    edit(tree, TRANSLATION, "ceasefire verification system", "truce verification system")
    assert findings(tree, "terminology") == [(TRANSLATION, line_of(tree, TRANSLATION, "strand-1-text:"))]


def test_an_incomplete_glossary_entry_fails(tree):
    edit(tree, GLOSSARY, "    term: deterrence\n", "")
    assert findings(tree, "terminology") == [(GLOSSARY, line_of(tree, GLOSSARY, "- id: dissuasion"))]


def test_a_reference_to_an_unknown_entry_or_with_another_word_fails(tree):
    line = append(tree, "docs/strand-2.en.md", "See [the truce](glossary:cessez-le-feu) and [x](glossary:armistice).")
    assert findings(tree, "terminology") == [("docs/strand-2.en.md", line), ("docs/strand-2.en.md", line)]


def test_one_french_term_with_two_english_renderings_fails(tree):
    line = append(tree, GLOSSARY, """- id: cessez-le-feu-bis
  fr:
    term: cessez‑le‑feu
    forms: [cessez-le-feu]
    definition: Arrêt des combats.
  en:
    term: truce
    forms: [truce]
    definition: A halt to fighting.""")
    assert (GLOSSARY, line) in findings(tree, "terminology")


# 6. links --------------------------------------------------------------------------------------


def test_a_link_to_a_missing_anchor_fails_the_build(tree, tmp_path):
    append(tree, "docs/strand-2.fr.md", "Voir [le point 9](text.md#strand-2-item-9).")
    found = build(tree, tmp_path / "site")
    assert found and "strand-2-item-9" in found[0].problem


def test_a_broken_link_in_the_built_site_is_found(built_copy):
    page = built_copy / "en" / "glossary.html"
    page.write_text(page.read_text(encoding="utf-8").replace("text.html#strand-4-item-4", "text.html#strand-4-item-9"),
                    encoding="utf-8")
    found = [f for f in check_site(ROOT, built_copy, TEST_SITE_URL) if f.check == "links"]
    assert found and {f.path for f in found} == {"site/en/glossary.html"}
    assert "docs/glossary.en.md" in found[0].fix


# anchors ----------------------------------------------------------------------------------------


ANCHORS = "declaration/anchors.yml"


def rename_left_open(tree: Path) -> None:
    """An editor renames a published heading's anchor, in both languages."""
    for lang in ("fr", "en"):
        edit(tree, f"docs/strand-3.{lang}.md", "{#left-open}", "{#not-specified}")


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> tuple[Path, str]:
    """A copy of the tree committed in a repository of its own: the base that what follows is
    judged against (DP_BASE), as CI judges a pull request against its base branch; and that
    commit. The anchors it publishes are found as `make check` finds them (its build, kept in
    .cache/ for that commit), once for the tests that start from it."""
    from scripts.check.anchors import base_anchors

    root = copy_tree(tmp_path_factory.mktemp("base") / "tree")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "The base")
    commit = git(root, "rev-parse", "HEAD")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DP_BASE", commit)
        assert base_anchors(root)["strand-3.html"]["left-open"]
    return root, commit


@pytest.fixture
def committed(base, tmp_path, monkeypatch) -> Path:
    """The base's repository, to change as a pull request would."""
    root, commit = base
    tree = shutil.copytree(root, tmp_path / "tree", symlinks=True)
    monkeypatch.setenv("DP_BASE", commit)
    return tree


@pytest.mark.xdist_group("anchors")
def test_renaming_a_published_anchor_fails_with_its_two_remedies_at_its_line(committed, capsys):
    rename_left_open(committed)
    assert main(["--root", str(committed)]) == 1
    out = capsys.readouterr().out
    for page, lang in (("strand-3.html", "fr"), ("en/strand-3.html", "en")):
        line = line_of(committed, f"docs/strand-3.{lang}.md", "{#not-specified}")
        finding = next(f for f in out.split("\n") if f.startswith(f"docs/strand-3.{lang}.md:{line}: [anchors] {page}#left-open"))
        keep, move = finding.index("keep the anchor (write {#left-open}"), finding.index("strand-3#left-open: strand-3#NEW-ID")
        assert keep < move, finding  # the remedy an editor can make first, then the one a maintainer reviews


@pytest.fixture(scope="module")
def passing(base, tmp_path_factory) -> tuple[int, Path]:
    """The base changed in the ways that need no review, each on lines of its own, checked once
    (`make check`, the site kept): a new anchor, and a published one renamed with its move
    recorded. Its exit status, and the site."""
    root, commit = base
    folder = tmp_path_factory.mktemp("passing")
    tree = shutil.copytree(root, folder / "tree", symlinks=True)
    for lang, heading in (("fr", "Pour aller plus loin"), ("en", "Further reading")):
        append(tree, f"docs/strand-4.{lang}.md", f"## {heading} {{#further-reading}}\n\n{heading}.")
    rename_left_open(tree)
    edit(tree, ANCHORS, "moved: {}", "moved:\n  strand-3#left-open: strand-3#not-specified")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DP_BASE", commit)
        # Every check, the strict build among them (a failed build is a finding: status 1).
        status = main(["--root", str(tree), "--site-dir", str(folder / "site")])
    return status, folder / "site"


@pytest.mark.xdist_group("anchors")
def test_a_recorded_move_keeps_the_old_link_working(passing):
    status, site = passing
    assert status == 0
    for page in ("strand-3.html", "en/strand-3.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert '<span id="left-open" class="dp-moved"></span><h2 id="not-specified">' in html, page


def test_a_move_to_an_anchor_the_page_lacks_fails_the_build(tree, tmp_path):
    edit(tree, ANCHORS, "moved: {}", "moved:\n  strand-3#left-open: strand-3#nowhere")
    moved = line_of(tree, ANCHORS, "strand-3#left-open: strand-3#nowhere")
    assert [(f.path, f.line, f.problem.split(",")[0]) for f in build(tree, tmp_path / "site")] == [
        (ANCHORS, moved, "strand-3#left-open is recorded as moved to #nowhere")]


@pytest.mark.xdist_group("anchors")
def test_a_new_anchor_needs_no_step(passing):
    status, _ = passing
    assert status == 0


# 7. hidden-characters --------------------------------------------------------------------------


def test_a_look_alike_letter_inside_a_word_fails(tree):
    edit(tree, TRANSLATION, "The Coalition will be represented", "The Coаlition will be represented")  # Cyrillic а
    assert findings(tree, "hidden-characters") == [(TRANSLATION, line_of(tree, TRANSLATION, "The Coаlition"))]


# 8. content-safety -----------------------------------------------------------------------------


@pytest.mark.parametrize("markdown", [
    "<script>fetch('https://tracker.example')</script>",
    '<iframe src="https://video.example/embed"></iframe>',
    '<span onmouseover="alert(1)">survol</span>',
    "[cliquez](javascript:alert(1))",
    "![logo](https://cdn.example/logo.png)",
    '<img src="//cdn.example/pixel.gif" alt="">',
    "<style>body{display:none}</style>",
    '<div class="dp-row" id="strand-1-text"><p class="dp-fr">Un faux texte.</p></div>',
])
def test_markdown_that_could_run_code_or_load_from_elsewhere_fails(tree, markdown):
    line = append(tree, "docs/about.fr.md", markdown)
    assert ("docs/about.fr.md", line) in findings(tree, "content-safety")


def test_front_matter_that_does_not_parse_fails(tree):
    edit(tree, "docs/strand-2.fr.md", "title: ", "title: Volet 2 : soutien\nx: [", 1)
    assert findings(tree, "input") == [("docs/strand-2.fr.md", 2)]


# The command line ------------------------------------------------------------------------------


def test_exit_codes_and_github_annotations(tree, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    line = append(tree, "docs/about.en.md", "An invisible\u200bspace.")
    # A warning (a quotation that matches the text only once typography is ignored) fails nothing.
    warned = append(tree, "docs/preamble.fr.md", f"> {PASTED.replace('’', chr(39))}")
    assert main(["--root", str(tree)]) == 1
    out = capsys.readouterr().out
    assert f"docs/about.en.md:{line}: [hidden-characters] invisible character U+200B" in out
    assert f"::error file=docs/about.en.md,line={line},title=hidden-characters::" in out
    assert f"docs/preamble.fr.md:{warned}: warning: [quotes]" in out
    assert out.count("::error ") == 1


# The list of checks that editors and readers see -------------------------------------------------


def test_every_check_the_checker_runs_is_listed_in_every_language():
    for table in sorted((ROOT / "docs" / "_snippets").glob("checks.*.md")):
        listed = [line.split("|")[1].strip().strip("`") for line in table.read_text(encoding="utf-8").split("\n")[2:] if line]
        assert listed == list(CHECKS), table.name


# Markers --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("written", ["Voir [[Volet 3]].", "<!-- quote -->", "Voir [x](glossary:deux mots)."])
def test_a_malformed_marker_fails_with_its_line(tree, written):
    line = append(tree, "docs/strand-3.fr.md", written)
    assert ("docs/strand-3.fr.md", line) in findings(tree, "coverage")


def test_marker_syntax_shown_as_code_is_not_a_marker(tree):
    append(tree, "docs/strand-3.fr.md", "Écrire `[[Volet 3]]` ou\n\n```\n<!-- quote: nothing -->\n```")
    assert findings(tree, "coverage") == []
