"""The one reader of the markers (declaration.markers.scan), held to what Python-Markdown does.

Each sample is a page an editor could write; the scanner must find the markers Markdown will
show as text, and leave alone those Markdown will show as code. The oracle is Python-Markdown
itself, with the site's extensions: a marker is prose if its text reaches the HTML outside
<code>.
"""

from __future__ import annotations

import re

import markdown
import pytest

from declaration.markers import (GLOSSARY_LIST, GLOSSARY_REFERENCE, QUOTE_BLOCK, QUOTE_INLINE, SOURCE_HASH,
                                 parse_spec, scan)

EXTENSIONS = ["attr_list", "md_in_html", "admonition", "pymdownx.superfences", "toc"]
# (page, the [[…]] markers that are prose, in order)
SAMPLES = [
    ("Voir [[a.1]] et `[[b]]`.", ["[[a.1]]"]),
    ("```\n[[a]]\n```\n\n[[b]]", ["[[b]]"]),
    ("~~~ python\n[[a]]\n~~~\n[[b]]", ["[[b]]"]),
    ("```inline``` then [[a]]\n\n[[b]]", ["[[a]]", "[[b]]"]),  # a code span, not a fence
    ("~~~\nunclosed [[a]]", ["[[a]]"]),  # an unclosed fence is text
    ("para\n\n    indented [[a]]\n\n[[b]]", ["[[b]]"]),
    ("- item\n\n    continued [[a]]\n", ["[[a]]"]),  # a list item's paragraph, not code
    ("- item\n\n        code [[a]]\n", []),
    ("> ```\n> [[a]]\n> ```\n\n> [[b]]", ["[[b]]"]),
    ("`a\nb [[a]] c` [[b]]", ["[[b]]"]),  # a code span across lines of a paragraph
    ("``code with ` tick [[a]]`` [[b]]", ["[[b]]"]),
    ("text\n```\n[[a]]\n```\n[[b]]", ["[[b]]"]),  # a fence right after a paragraph line
    ("- one\n\n    ```\n    [[a]]\n    ```\n- two [[b]]", ["[[b]]"]),
    ("\\`[[a]]\\`", ["[[a]]"]),  # escaped backticks open no code span
    ('!!! note "A box"\n\n    [[a]] in the box\n\n        code [[b]]\n', ["[[a]]"]),  # an admonition's content
]


def prose_markers_by_markdown(page: str) -> list[str]:
    """The [[…]] that Python-Markdown shows outside code, in order."""
    html = markdown.Markdown(extensions=EXTENSIONS).convert(page)
    outside_code = re.sub(r"<code>.*?</code>", "", html, flags=re.DOTALL)
    return re.findall(r"\[\[[^\]]*\]\]", outside_code)


@pytest.mark.parametrize("page, expected", SAMPLES, ids=[sample[0][:30] for sample in SAMPLES])
def test_the_scanner_reads_code_as_markdown_does(page, expected):
    found = [marker.text for marker in scan(page).markers if marker.kind == QUOTE_INLINE]
    assert prose_markers_by_markdown(page) == expected  # the oracle agrees with the sample
    assert found == expected


def test_every_kind_of_marker_with_its_line_and_span():
    page = ("---\ntitle: \"[[not-a-marker]]\"\n---\n\n<!-- quote: a..b c -->\n\n"
            "See [the words](glossary:dissuasion), [[strand-3-text.3]] and <!-- source-sha256 -->.\n\n"
            "<!-- glossary -->\n\n<!-- an editor's note -->\n")
    scanned = scan(page)
    kinds = [(m.kind, m.line, m.target, m.sentence, m.words) for m in scanned.markers]
    assert kinds == [(QUOTE_BLOCK, 5, "a..b c", None, ""),
                     (GLOSSARY_REFERENCE, 7, "dissuasion", None, "the words"),
                     (QUOTE_INLINE, 7, "strand-3-text", 3, ""),
                     (SOURCE_HASH, 7, "", None, ""),
                     (GLOSSARY_LIST, 9, "", None, "")]
    assert all(page[m.start:m.end] == m.text for m in scanned.markers)
    assert scanned.body_start == 4 and "[[not-a-marker]]" in scanned.front_matter


@pytest.mark.parametrize("page, error", [
    ("[[Strand 3]]", "malformed marker"),
    ("<!-- quote -->", "malformed quote marker"),
    ("<!-- quote: -->", "malformed quote marker"),
    ("Text <!-- quote: a -->", "alone on its line"),
    ("Text <!-- glossary -->", "alone on its line"),
    ("[x](glossary:two words)", "malformed glossary reference"),
    ("[x](glossary:a \"title\")", "malformed glossary reference"),
])
def test_a_malformed_marker_is_reported_not_ignored(page, error):
    [marker] = [m for m in scan(page).markers if m.error]
    assert error in marker.error and marker.line == 1


def test_quote_specs_name_ids_and_ranges_in_order():
    order = ["a", "b", "c", "d"]
    assert parse_spec("all", order) == order
    assert parse_spec("a c..d", order) == ["a", "c", "d"]
    with pytest.raises(LookupError, match="unknown segment 'e'"):
        parse_spec("a..e", order)
    with pytest.raises(LookupError, match="runs backwards"):
        parse_spec("c..a", order)
