"""The meaning guard, fed the edits it exists to catch, in both languages and in each place (a
page, a glossary definition, the translation, a context box), and the faithful restatements that
must pass; and French typography, checked and put in."""

from __future__ import annotations

import pytest

from scripts.check import check_sources
from scripts.check.__main__ import main

from test_check import append, edit, findings, line_of

GLOSSARY = "declaration/glossary.yml"
TRANSLATION = "declaration/translation.en.yml"


# Each: the page, a sentence that breaks the text's meaning, the qualifier or claim it breaks.
UNFAITHFUL = [
    ("docs/strand-3.en.md", "The reassurance measures will be implemented at Ukraine’s request.", "credible cessation"),
    ("docs/strand-3.fr.md", "Les mesures de réassurance seront mises en œuvre à la demande de l’Ukraine.", "cessation crédible"),
    ("docs/strand-3.en.md", "The reassurance measures will be implemented once the fighting has ended.", "request"),
    ("docs/strand-4.en.md", "These commitments will include the use of military capabilities.", "may include"),
    ("docs/strand-4.fr.md", "Ces engagements incluront l’emploi de capacités militaires.", "pourront inclure"),
    ("docs/strand-3.en.md", "The force will rely on the support of the United States.", "envisaged"),
    ("docs/strand-3.fr.md", "La force s’appuiera sur le soutien des États-Unis.", "envisagé"),
    ("docs/preamble.en.md", "The members of the Coalition commit to binding guarantees.", "ready to commit"),
    ("docs/preamble.fr.md", "Les membres de la Coalition s’engagent dans des garanties contraignantes.", "prêts à s’engager"),
    ("docs/strand-3.en.md", "The Multinational Force will deploy soldiers to Ukraine.", "soldiers"),
    ("docs/strand-3.fr.md", "La Force multinationale déploiera des troupes en Ukraine.", "troupes"),
    ("docs/strand-4.en.md", "Strand 4 amounts to an Article 5 for Ukraine.", "Article 5"),
]
FAITHFUL = [
    ("docs/strand-3.en.md", "The reassurance measures will be implemented only at Ukraine’s request, once a credible "
                            "cessation of hostilities has been ascertained."),
    ("docs/strand-3.fr.md", "Les mesures de réassurance ne seront mises en œuvre qu’à la demande de l’Ukraine, une fois "
                            "une cessation crédible des hostilités constatée."),
    ("docs/strand-3.en.md", "[[strand-3-text.3]] — The text says when these measures would be implemented."),
    ("docs/strand-4.en.md", "These commitments may include the use of military capabilities."),
    ("docs/strand-4.fr.md", "Ces engagements pourront inclure l’emploi de capacités militaires."),
    ("docs/strand-3.en.md", "The text speaks of the envisaged support of the United States."),
    ("docs/preamble.fr.md", "Les membres de la Coalition se déclarent prêts à s’engager dans des garanties."),
    ("docs/strand-3.en.md", "The text does not say whether troops would be deployed."),
    ("docs/strand-3.fr.md", "Le texte ne dit pas si des troupes seraient déployées."),
]


@pytest.mark.parametrize("page, sentence, broken", UNFAITHFUL, ids=[f"{p.split('/')[1]}: {b}" for p, _, b in UNFAITHFUL])
def test_a_sentence_that_drops_a_condition_strengthens_a_modality_or_overclaims_fails(tree, page, sentence, broken):
    line = append(tree, page, sentence)
    found = [f for f in check_sources(tree) if f.check == "meaning" and (f.path, f.line) == (page, line)]
    assert found and broken.casefold() in " ".join(f.problem for f in found).casefold(), [str(f) for f in found]


@pytest.mark.parametrize("page, sentence", FAITHFUL, ids=[sentence[:40] for _, sentence in FAITHFUL])
def test_a_sentence_that_restates_the_text_with_its_qualifiers_passes(tree, page, sentence):
    line = append(tree, page, sentence)
    assert (page, line) not in findings(tree, "meaning", path=page)


def test_a_glossary_definition_is_held_to_the_same_qualifiers_and_claims(tree):
    edit(tree, GLOSSARY, "Military measures meant to reassure a State about its security.",
         "Military measures meant to reassure a State; the reassurance measures are implemented at Ukraine’s request.")
    edit(tree, GLOSSARY, "Discouraging an attack by showing", "Troops discouraging an attack by showing")
    assert len(findings(tree, "meaning", path=GLOSSARY)) == 2


@pytest.mark.parametrize("old, new", [
    ("These measures will be implemented only at Ukraine’s request, once", "These measures will be implemented once"),
    ("'These commitments may include:'", "'These commitments will include:'"),
    ("the envisaged support of the United States", "the support of the United States"),
], ids=["condition dropped", "may → will", "envisaged dropped"])
def test_the_translation_keeps_every_qualifier(tree, old, new):
    text = (tree / TRANSLATION).read_text(encoding="utf-8")
    assert old in text
    edit(tree, TRANSLATION, old, new)
    line = line_of(tree, TRANSLATION, new)
    assert any(path == TRANSLATION and found <= line for path, found in findings(tree, "meaning", path=TRANSLATION))


def test_a_fact_in_a_context_box_needs_its_source(tree):
    box = ('!!! context "Context: not part of the text"\n\n    The summit was held in Paris, it is said.\n\n'
           "    The summit had co-chairs.[^source]\n\n[^source]: A report, <https://www.elysee.fr/>")
    line = append(tree, "docs/strand-5.en.md", box)
    assert findings(tree, "meaning", path="docs/strand-5.en.md") == [("docs/strand-5.en.md", line + 2)]


def test_a_context_box_may_hold_what_the_text_does_not_say_with_its_source(tree):
    box = ('!!! context "Context: not part of the text"\n\n    France and the United Kingdom spoke of deploying '
           "troops after a peace deal.[^uk]\n\n[^uk]: The UK Prime Minister's remarks, <https://www.gov.uk/>")
    append(tree, "docs/strand-5.en.md", box)
    assert findings(tree, "meaning", path="docs/strand-5.en.md") == []


# French typography ---------------------------------------------------------------------------------


def test_french_prose_needs_french_spaces_and_make_typography_puts_them_in(tree):
    line = append(tree, "docs/strand-5.fr.md", "Trois formes : la formation ; la coproduction ! « Renseignement ».")
    quote = append(tree, "docs/strand-5.fr.md", "> Ces garanties s’articuleront autour de plusieurs volets :")
    code = append(tree, "docs/strand-5.fr.md", "Écrire `a : b` ou [x](https://example.org/?q=1).")
    english = append(tree, "docs/strand-5.en.md", "Three forms: training; co-production!")
    assert ("docs/strand-5.fr.md", line) in findings(tree, "typography")
    assert main(["typography", "--root", str(tree)]) == 0
    text = (tree / "docs" / "strand-5.fr.md").read_text(encoding="utf-8").split("\n")
    assert text[line - 1] == "Trois formes\u00a0: la formation\u202f; la coproduction\u202f! «\u00a0Renseignement\u00a0»."
    assert text[quote - 1] == "> Ces garanties s’articuleront autour de plusieurs volets :"  # the declaration's own
    assert text[code - 1] == "Écrire `a : b` ou [x](https://example.org/?q=1)."
    assert (tree / "docs" / "strand-5.en.md").read_text(encoding="utf-8").split("\n")[english - 1] == \
        "Three forms: training; co-production!"
    assert findings(tree, "typography") == []
    assert main(["typography", "--root", str(tree)]) == 0  # nothing left to change
