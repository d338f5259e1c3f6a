"""What the pages say, as the reader gets it: the checks that read the pages as built (meaning,
quotes, hidden characters, typography), fed the edits they exist to catch, in both languages,
however they are written (entities, code, a snippet, a list item, raw HTML), and the faithful
restatements and legitimate edits that must pass.

Every edit of this file is made in one copy of the tree, on lines of its own, and the copy is
checked once (`make check`: one build, kept for the tests that read it); each test asks about its
own lines.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

import declaration
from scripts.check import check_sources

from builds import Checked, append, check_all_keeping, copy_tree, edit, line_of

pytestmark = pytest.mark.xdist_group("prose")

GLOSSARY = "declaration/glossary.yml"
TRANSLATION = "declaration/translation.en.yml"
PASTED = "La Coalition a tenu à rappeler avec force que la capacité de l’Ukraine à assurer sa propre défense"


@dataclass(frozen=True)
class Case:
    name: str
    page: str
    written: str  # Markdown appended to the page; its line is where the finding must be
    check: str | None  # the check that must report it; None: no finding at all on its line
    words: str = ""  # in the finding's problem or detail
    line: int = 0  # the finding's line, counted from the first line written


MEANING = [
    Case("condition dropped (en)", "docs/strand-3.en.md", "The reassurance measures will be implemented at Ukraine’s request.",
         "meaning", "credible cessation"),
    Case("condition dropped (fr)", "docs/strand-3.fr.md",
         "Les mesures de réassurance seront mises en œuvre à la demande de l’Ukraine.", "meaning", "cessation crédible"),
    Case("legal frameworks dropped (en)", "docs/preamble.en.md",
         "The members declare themselves ready to commit to an arrangement of guarantees.", "meaning",
         "legal and constitutional frameworks"),
    Case("legal frameworks dropped (fr)", "docs/preamble.fr.md",
         "Les membres se déclarent prêts à s’engager dans un dispositif de garanties.", "meaning",
         "cadres juridiques et constitutionnels"),
    Case("request dropped", "docs/strand-3.en.md", "The reassurance measures will be implemented once the fighting has ended.",
         "meaning", "request"),
    Case("may → will (en)", "docs/strand-4.en.md", "These commitments will include the use of military capabilities.",
         "meaning", "may include"),
    Case("may → will (fr)", "docs/strand-4.fr.md", "Ces engagements incluront l’emploi de capacités militaires.", "meaning",
         "pourront inclure"),
    Case("envisaged dropped (en)", "docs/strand-3.en.md", "The force will rely on the support of the United States.",
         "meaning", "envisaged"),
    Case("envisaged dropped (fr)", "docs/strand-3.fr.md", "La force s’appuiera sur le soutien des États-Unis.", "meaning",
         "envisagé"),
    Case("ready to commit dropped (en)", "docs/preamble.en.md", "The members of the Coalition commit to binding guarantees.",
         "meaning", "ready to commit"),
    Case("ready to commit dropped (fr)", "docs/preamble.fr.md",
         "Les membres de la Coalition s’engagent dans des garanties contraignantes.", "meaning", "prêts à s’engager"),
    Case("overclaim (en)", "docs/strand-3.en.md", "The Multinational Force will deploy soldiers to Ukraine.", "meaning",
         "soldiers"),
    Case("overclaim (fr)", "docs/strand-3.fr.md", "La Force multinationale déploiera des troupes en Ukraine.", "meaning",
         "troupes"),
    Case("Article 5", "docs/strand-4.en.md", "Strand 4 amounts to an Article 5 for Ukraine.", "meaning", "Article 5"),
    Case("a context sentence that states no fact", "docs/strand-5.en.md",
         '!!! context "Context: not part of the text"\n\n    The summit was held in Paris, it is said.\n\n'
         "    [[fact:summit-elysee-co-chaired-2026-01-06]]", "facts", "states no fact", line=2),
    # The same claims, hidden from a reader of the source but not from a reader of the page.
    Case("overclaim in entities", "docs/strand-5.en.md", "The force will d&#101;ploy tr&#111;ops.", "meaning", "troops"),
    Case("overclaim in code", "docs/strand-5.en.md", "The force will `deploy troops` in Ukraine.", "meaning", "troops"),
    Case("overclaim in raw HTML", "docs/strand-2.en.md", "<p>The force will deploy troops.</p>", "meaning", "troops"),
    Case("overclaim after a code span the scanner pairs", "docs/closing.en.md",
         '<div hidden>`</div>\nThe force will deploy troops. <span hidden>`</span>', "meaning", "troops", line=1),
]
FAITHFUL = [
    Case("both conditions (en)", "docs/strand-3.en.md", "The reassurance measures will be implemented only at Ukraine’s request, "
         "once a credible cessation of hostilities has been ascertained.", None),
    Case("both conditions (fr)", "docs/strand-3.fr.md", "Les mesures de réassurance ne seront mises en œuvre qu’à la demande "
         "de l’Ukraine, une fois une cessation crédible des hostilités constatée.", None),
    Case("the sentence quoted", "docs/strand-3.en.md", "[[strand-3-text.3]] — The text says when these measures would be "
         "implemented.", None),
    Case("may include (en)", "docs/strand-4.en.md", "These commitments may include the use of military capabilities.", None),
    Case("pourront inclure", "docs/strand-4.fr.md", "Ces engagements pourront inclure l’emploi de capacités militaires.", None),
    Case("envisaged kept", "docs/strand-3.en.md", "The text speaks of the envisaged support of the United States.", None),
    Case("prêts à s’engager", "docs/preamble.fr.md", "Les membres de la Coalition se déclarent prêts à s’engager dans des "
         "garanties.", None),
    Case("a claim denied (en)", "docs/strand-3.en.md", "The text does not say whether troops would be deployed.", None),
    Case("a claim denied (fr)", "docs/strand-3.fr.md", "Le texte ne dit pas si des troupes seraient déployées.", None),
    Case("code shown as code", "docs/about.fr.md", "Une page ne contient jamais de `<script>`.", None),
    Case("a context box may say what the text does not, as a fact", "docs/strand-5.en.md",
         '!!! context "Context: not part of the text"\n\n    [[fact:mnf-healey-wants-to-deploy-when-war-over]]', None),
    Case("French typed with plain spaces", "docs/strand-5.fr.md",
         "Trois formes : la formation ; la coproduction ! Pourquoi ? « Renseignement ». L'Ukraine.", None),
]
QUOTES = [
    Case("a blockquote, one word changed", "docs/preamble.fr.md", f"> {PASTED.replace('force', 'vigueur')}", "quotes",
         "[-force-] {+vigueur+}"),
    Case("a blockquote in a list item", "docs/preamble.fr.md", f"- > {PASTED.replace('force', 'vigueur')}", "quotes",
         "{+vigueur+}"),
    Case("a raw blockquote", "docs/strand-2.fr.md",
         "<blockquote><p>La Coalition s’engage à poursuivre une aide militaire de long terme, nécessaire au maintien des "
         "capacités opérationnelles de l’armée ukrainienne.</p></blockquote>", "quotes", "{+nécessaire+}"),
    Case("a blockquote with an invisible character", "docs/preamble.en.md",
         f"> {PASTED.replace('défense', 'dé' + chr(0x200B) + 'fense')}", "quotes", "U+200B"),
    Case("an inline quotation in « », one word changed", "docs/about.fr.md",
         "Le texte appelle l’armée « la première ligne de défense et de protection ».", "quotes", "{+protection+}"),
    Case("an inline quotation in “ ” of the translation", "docs/about.en.md",
         "The text calls the army “the first line of defence and protection”.", "quotes", "{+protection+}"),
    Case("a <q>", "docs/closing.fr.md", "<q>il a été envisagé d’établir une cellule de coordination</q>", "quotes",
         "{+envisagé+}"),
    Case("a French span on an English page", "docs/closing.en.md",
         '<span lang="fr">une cellule de coordination États‑Unis / Ukraine / Coalition au sein du Quartier général '
         'stratégique</span>', "quotes", "{+stratégique+}"),
]
QUOTES_THAT_PASS = [
    Case("an exact blockquote", "docs/preamble.fr.md", f"> {PASTED}", None),
    Case("an exact quotation, its first letter's case aside", "docs/strand-3.en.md", "The text says “all of this will be "
         "placed under European leadership”.", None),
    Case("a quotation of something else", "docs/index.fr.md", "L’Élysée parle du « Sommet de la Coalition des volontaires ».",
         None),
    Case("a one-word quotation", "docs/strand-1.fr.md", "Le mot « contrôle » est celui du texte.", None),
]
CHARACTERS = [
    Case("U+200B in a page", "docs/strand-1.fr.md", "Une phrase\u200b ordinaire.", "hidden-characters", "U+200B"),
    Case("U+202E as an entity", "docs/strand-1.en.md", "An ordinary &#x202E; sentence.", "hidden-characters", "U+202E"),
    Case("a soft hyphen", "docs/strand-2.fr.md", "Une phra\u00adse.", "hidden-characters", "U+00AD"),
    Case("not NFC", "docs/about.fr.md", "Une re\u0301ponse.", "hidden-characters", "NFC"),
]
TYPOGRAPHY = [
    Case("French in raw HTML, where Markdown does not space it", "docs/strand-4.fr.md", "<p>Une question : laquelle ?</p>",
         "typography", "question"),
]
SNIPPET_LINE = "The Multinational Force will deploy troops to Ukraine."
# The meaning guard's false positive (a relative clause read as a claim), and its sibling kept.
GUARANTEES = "docs/strand-4.en.md"
NO_CLAIM = "The members are ready to commit to guarantees that are legally binding."
CLAIM = "This text guarantees that Ukraine will be defended."
PROSE_CHECKS = ("meaning", "quotes", "hidden-characters", "typography", "facts")
CASES = MEANING + FAITHFUL + QUOTES + QUOTES_THAT_PASS + CHARACTERS + TYPOGRAPHY


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> tuple[Checked, dict[str, int], int]:
    folder = tmp_path_factory.mktemp("prose")
    tree = copy_tree(folder / "tree")
    lines = {case.name: append(tree, case.page, case.written) for case in CASES}
    snippet = append(tree, "docs/_snippets/checks.en.md", SNIPPET_LINE)
    lines[NO_CLAIM], lines[CLAIM] = append(tree, GUARANTEES, NO_CLAIM), append(tree, GUARANTEES, CLAIM)
    # Data: a glossary definition that drops a condition, another that overclaims.
    edit(tree, GLOSSARY, "Military measures meant to reassure a State about its security.",
         "Military measures meant to reassure a State; the reassurance measures are implemented at Ukraine’s request.")
    edit(tree, GLOSSARY, "Discouraging an attack by showing", "Troops discouraging an attack by showing")
    findings, built = check_all_keeping(tree, folder / "site")
    return Checked(tree, findings, built, folder / "site"), lines, snippet


@pytest.mark.parametrize("case", [case for case in CASES if case.check], ids=lambda case: case.name)
def test_what_breaks_the_text_s_meaning_or_words_is_found_on_its_line(checked, case):
    result, lines, _ = checked
    found = result.at(case.page, lines[case.name] + case.line, case.check)
    assert found, [str(f) for f in result.findings if f.path == case.page]
    assert any(case.words.casefold() in f"{f.problem} {f.detail}".casefold() for f in found), [str(f) for f in found]


@pytest.mark.parametrize("case", [case for case in CASES if not case.check], ids=lambda case: case.name)
def test_what_keeps_the_text_s_meaning_and_words_passes(checked, case):
    result, lines, _ = checked
    for check in PROSE_CHECKS:
        for severity in ("error", "warning"):
            assert result.at(case.page, lines[case.name], check, severity) == []


def test_a_snippet_is_checked_at_its_own_line_once(checked):
    result, _, line = checked
    found = result.at("docs/_snippets/checks.en.md", line, "meaning")
    assert len(found) == 1 and "troops" in found[0].problem


def test_a_glossary_definition_is_held_to_the_same_qualifiers_and_claims(checked):
    result, _, _ = checked
    assert len([f for f in result.findings if f.path == GLOSSARY and f.check == "meaning"]) == 2


def test_the_build_gives_french_its_spaces_and_leaves_the_declaration_s_own(checked):
    """What the editor typed with plain spaces is published with French spaces; the text's own
    « volets : » keeps its plain space; code and English keep theirs."""
    result, lines, _ = checked
    site = result.site
    assert result.built is not None and result.built.returncode == 0, result.built
    page = (site / "strand-5.html").read_text(encoding="utf-8")
    assert "Trois formes\u00a0: la formation\u202f; la coproduction\u202f! Pourquoi\u202f? «\u202fRenseignement\u202f». L’Ukraine." in page
    text = (site / "text.html").read_text(encoding="utf-8")
    assert declaration.load(result.tree / "declaration").by_id["preamble-4"].fr in text  # « … volets : »
    assert "<code>&lt;script&gt;</code>" in (site / "about.html").read_text(encoding="utf-8")


def test_guarantees_that_are_binding_is_no_claim_but_guarantees_that_still_is(checked):
    """The meaning guard's false positive (a relative clause read as a claim), and its sibling kept."""
    result, lines, _ = checked
    meaning = {(f.path, f.line) for f in result.findings if f.check == "meaning"}
    assert (GUARANTEES, lines[NO_CLAIM]) not in meaning and (GUARANTEES, lines[CLAIM]) in meaning


@pytest.mark.parametrize("old, new", [
    ("These measures will be implemented only at Ukraine’s request, once", "These measures will be implemented once"),
    ("'These commitments may include:'", "'These commitments will include:'"),
    ("the envisaged support of the United States", "the support of the United States"),
], ids=["condition dropped", "may → will", "envisaged dropped"])
def test_the_translation_keeps_every_qualifier(tree, old, new):
    edit(tree, TRANSLATION, old, new)
    line = line_of(tree, TRANSLATION, new)
    assert any(f.path == TRANSLATION and f.line <= line for f in check_sources(tree, only="meaning") if f.check == "meaning")
