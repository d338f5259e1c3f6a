"""The gate, fuzzed (Hypothesis): pages and data entries built from fragments of Markdown, HTML,
entities, Unicode and front matter.

- Never a traceback: the checker reads whatever an edit holds (many examples, on a small tree,
  no build).
- Whatever the built page would run or fetch from elsewhere is rejected: the fuzzed page is
  built for real and read by an oracle of its own (html5lib, another WHATWG parser than the
  checker's, with rules written apart); when the oracle finds anything active, `make check` must
  fail (fewer examples: each is a build). FUZZ_BUILDS sets how many; CI runs the default.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import html5lib
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from scripts.check import build, check_site, check_sources, failed

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
FUZZ_BUILDS = int(os.environ.get("FUZZ_BUILDS", "6"))
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


@settings(max_examples=FUZZ_BUILDS, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(body=ATTACK)
def test_whatever_a_built_page_would_run_or_fetch_is_rejected(tmp_path_factory, body):
    tree = copy_tree(tmp_path_factory.mktemp("fuzz-build") / "tree")
    with open(tree / "docs" / "about.fr.md", "a", encoding="utf-8") as page:
        page.write(f"\n\n{body}\n")
    findings = check_sources(tree)
    if failed([f for f in findings if f.check == "input"]):
        event("rejected as input")
        return  # rejected before anything is built
    site = tree / "site"
    build_findings = build(tree, site)
    if build_findings:
        event("refused by the build")
        return  # the build refused it: nothing published
    findings += check_site(tree, site, "https://example.test/")
    active = active_content(site / "about.html")
    event("active content built, and rejected" if active else "nothing active built")
    if active:
        assert failed(findings), active
