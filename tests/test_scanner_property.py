"""The marker scanner held to Python-Markdown on generated pages (Hypothesis): whatever the blocks
and spans an editor combines (paragraphs, code spans of one to three backticks, escaped
backticks, fenced code closed or not, indented code, list items and their continuations, block
quotes, admonitions, a fence within a paragraph), the [[…]] markers the scanner reads as prose are exactly those that
Python-Markdown, with the site's extensions, shows outside <code>, in order.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import re

import markdown
from selectolax.lexbor import LexborHTMLParser

from declaration.markers import QUOTE_INLINE, scan

from test_markers import EXTENSIONS

MARKERS = st.sampled_from(["[[a]]", "[[b.1]]", "[[c-d.2]]"])
WORDS = st.sampled_from(["text", "Une phrase", "l’Ukraine", "x", "1.", "#", "*", "-"])
# A line starts with words: what a `#`, `-` or `1.` would start there (a heading, a list, a rule)
# is the blocks' business, generated below, not the spans'.
FIRST_WORDS = st.sampled_from(["text", "Une phrase", "l’Ukraine", "x"])
SPAN = st.one_of(
    MARKERS, WORDS,
    st.builds(lambda ticks, inside: f"{ticks}{inside}{ticks}", st.sampled_from(["`", "``", "```"]),
              st.lists(st.one_of(MARKERS, WORDS, st.just(" "), st.just("`")), max_size=3).map("".join)),
    st.just("\\`"), st.just("`"),
)
LINE = st.tuples(FIRST_WORDS, st.lists(SPAN, max_size=5)).map(lambda line: " ".join([line[0], *line[1]]))
FENCE = st.sampled_from(["```", "~~~", "````"])


@st.composite
def block(draw) -> str:
    kind = draw(st.sampled_from(["paragraph", "fence", "unclosed fence", "fence in a paragraph", "indented", "item",
                                 "item code", "quote", "quoted fence", "admonition"]))
    lines = draw(st.lists(LINE, min_size=1, max_size=3))
    fence = draw(FENCE)
    if kind == "paragraph":
        return "\n".join(lines)
    if kind == "fence":
        return "\n".join([fence, *lines, fence])
    if kind == "unclosed fence":
        return "\n".join([fence, *lines])
    if kind == "fence in a paragraph":  # no blank line around it: SuperFences leaves the paragraph whole
        return "\n".join([lines[0], fence, *lines[1:], fence, lines[-1]])
    if kind == "indented":
        return "\n".join("    " + line for line in lines)
    if kind == "item":
        return "- " + lines[0] + "".join("\n\n    " + line for line in lines[1:])
    if kind == "item code":
        return "- " + lines[0] + "".join("\n\n        " + line for line in lines[1:])
    if kind == "quote":
        return "\n".join("> " + line for line in lines)
    if kind == "quoted fence":
        return "\n".join(["> " + fence, *("> " + line for line in lines), "> " + fence])
    return '!!! note "A box"\n\n' + "\n".join("    " + line for line in lines)


PAGE = st.lists(block(), min_size=1, max_size=5).map("\n\n".join)


def prose_markers_by_markdown(page: str) -> list[str]:
    """The [[…]] that Python-Markdown shows outside code, in order: its HTML read as a browser
    reads it, every <code> taken out (a fence inside a code span nests one <code> in another)."""
    tree = LexborHTMLParser(markdown.Markdown(extensions=EXTENSIONS).convert(page))
    while (code := tree.css_first("code")) is not None:
        code.decompose()
    return re.findall(r"\[\[[^\]]*\]\]", tree.body.text(deep=True) if tree.body else "")


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(page=PAGE)
def test_the_scanner_reads_what_markdown_shows_as_prose(page):
    found = [marker.text for marker in scan(page).markers if marker.kind == QUOTE_INLINE]
    assert found == prose_markers_by_markdown(page), page
