"""The gate, fuzzed (Hypothesis): pages and data entries built from fragments of Markdown, HTML,
entities, Unicode and front matter.

- Never a traceback: the checker reads whatever an edit holds (many examples, on a small tree,
  no build).
- Whatever a built page would run or fetch from elsewhere is rejected: pages, snippets and the
  data that pages show (facts, glossary definitions) are fuzzed, the tree built for real by the
  gate (check_all) and each page that shows them read by an oracle of its own (html5lib, another
  WHATWG parser than the checker's, with rules written apart); when the oracle finds anything
  active, the gate must have failed (fewer examples: each is a build). FUZZ_BUILDS sets how many
  for each group of places; CI runs the default.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import html5lib
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from scripts.check import check_all, check_sources, failed

from builds import ROOT, copy_tree

MARKDOWN = ["[x](https://example.org/)", "[x](text.md#closing)", "**b**", "*i*", "`code`", "\n```\ncode\n```\n",
            "\n- item\n", "\n> quote\n", "\n{: .note }\n", "[[strand-3-text.3]]", "[deterrence](glossary:dissuasion)",
            "\n<!-- quote: closing -->\n", "\n\n", "\n## Heading {#h}\n", "\n| a | b |\n|---|---|\n| 1 | 2 |\n",
            "![alt](assets/favicon.svg)", "[ref][r]\n\n[r]: ", "\n    indented\n", "\\", "\n---\n"]
HTML = ["<b>", "</b>", "<img src=", "<img/", "<svg>", "<image href=", "<a href=", "<script>", "</script>", "<iframe",
        "<style>", "<!--", "-->", "<!-->", "<noscript>", "<math><mtext><table><mglyph><style>", " onerror=", " onclick=",
        "\nonmouseover=", " style=", "javascript:", "jav&#x61;script:", "&#106;avascript:", "java&#x09;script:",
        "https://evil.example/x.png", "//evil.example/x", "data:text/html,", '"', "'", ">", "/", " ", "=",
        "alert(1)", "<meta http-equiv=refresh content=0>", "<base href=//evil.example/>", "<object data=",
        "<div markdown>", "</div>", "{: onclick=alert(1) }"]
UNICODE = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
FRAGMENT = st.one_of(st.sampled_from(MARKDOWN), st.sampled_from(HTML), UNICODE)
PAGE_TEXT = st.lists(FRAGMENT, max_size=30).map("".join)
# A page's body with something that may be active in it, between ordinary Markdown.
ATTACK = st.tuples(PAGE_TEXT, st.lists(st.sampled_from(HTML), min_size=2, max_size=8).map("".join), PAGE_TEXT).map("".join)
FUZZ_BUILDS = int(os.environ.get("FUZZ_BUILDS", "4"))  # for each group of places (GROUPS)
SMALL_TREE = ("declaration", "mkdocs.yml")
URL_ATTRIBUTES = {"href", "src", "srcset", "poster", "data", "background", "action", "formaction", "xlink:href", "ping"}
ACTIVE_ELEMENTS = {"script", "iframe", "frame", "object", "embed", "base", "style", "meta", "link", "form", "noscript"}


@pytest.fixture(scope="module")
def small_tree(tmp_path_factory) -> Path:
    """The data and configuration, and one page per language: the checker's own work, fast."""
    tree = tmp_path_factory.mktemp("fuzz") / "tree"
    for name in SMALL_TREE:
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, tree / name)
    (tree / "docs").mkdir()
    for lang in ("fr", "en"):
        shutil.copy2(ROOT / "docs" / f"closing.{lang}.md", tree / "docs" / f"closing.{lang}.md")
    return tree


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(place=st.sampled_from(["page", "front matter", "glossary definition", "translated sentence"]), text=PAGE_TEXT)
def test_the_checker_never_crashes_whatever_a_page_or_an_entry_holds(small_tree, place, text):
    page = small_tree / "docs" / "closing.fr.md"
    body, description = (text, "Une description.") if place == "page" else ("Un texte.", text)
    page.write_text(f"---\ntitle: x\ndescription: {description if place == 'front matter' else 'Une description.'}\n"
                    f"---\n\n# T\n\n{body if place == 'page' else 'Un texte.'}\n", encoding="utf-8")
    glossary = (ROOT / "declaration" / "glossary.yml").read_text(encoding="utf-8")
    translation = (ROOT / "declaration" / "translation.en.yml").read_text(encoding="utf-8")
    if place == "glossary definition":
        glossary = glossary.replace("Discouraging an attack by showing", f"{text!r} Discouraging", 1)
    if place == "translated sentence":
        translation = translation.replace("    - diplomatic initiatives,", f"    - {text!r}", 1)
    (small_tree / "declaration" / "glossary.yml").write_text(glossary, encoding="utf-8")
    (small_tree / "declaration" / "translation.en.yml").write_text(translation, encoding="utf-8")
    findings = check_sources(small_tree)  # raises on a traceback: that is the failure this looks for
    event(f"{place}: {'rejected as input' if any(f.check == 'input' for f in findings) else 'read through'}")
    assert all(f.path and f.line >= 1 and f.fix for f in findings)


def active_content(page: Path) -> list[str]:
    """What in a built page's article a browser would run or fetch from elsewhere: read by html5lib,
    with rules written apart from the checker's."""
    document = html5lib.parse(page.read_text(encoding="utf-8"), treebuilder="etree", namespaceHTMLElements=False)
    article = next((e for e in document.iter() if e.tag == "article" and "md-content__inner" in e.get("class", "")), None)
    found = []
    for element in article.iter() if article is not None else []:
        tag = str(element.tag).rsplit("}", 1)[-1].lower()
        if tag in ACTIVE_ELEMENTS:
            found.append(f"<{tag}>")
        for name, value in element.attrib.items():
            name = str(name).rsplit("}", 1)[-1].lower()
            cleaned = "".join(value.split()).lower()
            if name.startswith("on") or name in ("style", "srcdoc"):
                found.append(f"{tag} {name}=")
            elif name in URL_ATTRIBUTES and cleaned.startswith(("javascript:", "data:", "vbscript:")):
                found.append(f"{tag} {name}={cleaned[:20]}")
            elif name in URL_ATTRIBUTES and not (tag == "a" and name == "href") and cleaned.startswith(("http:", "https:", "//")):
                found.append(f"{tag} {name} from elsewhere")
    return found


# Where an editor's words reach a built page, and which built pages show them: a page and a
# snippet (pymdownx.snippets) that a page includes, given Markdown and HTML; a fact's statement and
# a glossary definition, plain text that the hooks render into pages (and into the glossary's
# tooltips), given Markdown, escaped HTML and Unicode. Each group is one build: in each example,
# every place of the group is given its own attack.
RENDERED_PLACES = {
    "page": ("docs/about.fr.md", ("about.html",)),
    "snippet": ("docs/_snippets/checks.fr.md", ("contributing.html",)),
    "fact statement": ("declaration/facts.yml", ("about.html", "text.html")),
    "glossary definition": ("declaration/glossary.yml", ("glossary.html", "strand-1.html")),
}
ESCAPED = ["&lt;script&gt;alert(1)&lt;/script&gt;", "&#106;avascript:alert(1)", "javascript:alert(1)",
           "[x](javascript:alert(1))", "![x](https://evil.example/x.png)", "<https://evil.example/>", "&amp;", "&",
           "{{ config }}", "{% raw %}", "${x}", "\\", "*", "_", "`"]
# Control characters (line breaks included) are refused in the data before anything is built
# (test_facts.py): left out here, so that the examples reach the build.
PRINTABLE = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)
ON_ONE_LINE = [fragment.replace("\n", " ") for fragment in MARKDOWN + ESCAPED]
PLAIN_TEXT = st.lists(st.one_of(st.sampled_from(ON_ONE_LINE), PRINTABLE), min_size=1, max_size=12).map("".join)
GROUPS = {"pages": (("page", "snippet"), ATTACK), "data": (("fact statement", "glossary definition"), PLAIN_TEXT)}
DETERRENCE = """    definition: >-
      Fait de décourager une attaque en montrant qu’elle coûterait plus qu’elle ne
      rapporterait.
"""


def yaml_quoted(text: str) -> str:
    """A double-quoted YAML scalar that reads back as exactly `text`: printable ASCII as itself,
    every other character escaped (YAML's escapes, not JSON's: no surrogate pairs)."""
    return '"' + "".join(c if " " <= c <= "~" and c not in '"\\' else f"\\u{ord(c):04x}" if ord(c) < 0x10000
                         else f"\\U{ord(c):08x}" for c in text) + '"'


def _put(tree: Path, place: str, attack: str) -> None:
    """The attack where an editor could write it: appended to a page or a snippet; in the data, as
    the first words of a French statement or definition."""
    path = tree / RENDERED_PLACES[place][0]
    text = path.read_text(encoding="utf-8")
    if place in ("page", "snippet"):
        text += f"\n\n{attack}\n"
    elif place == "fact statement":
        text = text.replace('    fr: "La page de l’Élysée', f'    fr: {yaml_quoted(attack + " ")[:-1]}La page de l’Élysée', 1)
    else:
        text = text.replace(DETERRENCE, f"    definition: {yaml_quoted(attack + ' Fait de décourager une attaque.')}\n", 1)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("group", list(GROUPS))
def test_whatever_a_built_page_would_run_or_fetch_is_rejected(tmp_path_factory, group):
    places, attack = GROUPS[group]

    @settings(max_examples=FUZZ_BUILDS, deadline=None, derandomize=True, database=None)
    @given(attacks=st.fixed_dictionaries({place: attack for place in places}))
    def built_or_rejected(attacks):
        tree = copy_tree(tmp_path_factory.mktemp("fuzz-build") / "tree")
        for place, text in attacks.items():
            _put(tree, place, text)
        site = tree / "site"
        findings = check_all(tree, site)  # the gate as `make check` runs it, the built site kept
        if not site.is_dir():
            event("rejected before anything was built")
            return
        active = {f"{place}: {page}": found for place in places for page in RENDERED_PLACES[place][1]
                  if (found := active_content(site / page))}
        event("active content built, and rejected" if active else "built, nothing active")
        if active:
            assert failed(findings), active

    built_or_rejected()
