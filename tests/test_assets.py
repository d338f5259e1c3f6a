"""The assets check, fed what a careless or hostile change of a stylesheet, a script or an icon
holds: the stylesheets are read by tinycss2, as a CSS parser reads them, so that no spelling of
a loading rule slips through; and every shipped file is the pinned one."""

from __future__ import annotations

import pytest

from scripts.check import assets, check_sources, source_integrity

STYLESHEET = "docs/assets/stylesheets/declaration.css"


@pytest.mark.parametrize("css", [
    "a { background: url(https://example.test/x.png) }",
    'a { background: url( "https://example.test/x.png" ) }',
    "a { background: URL(https://example.test/x.png) }",
    "a { background: u\\72l(https://example.test/x.png) }",  # an escape the parser reads as url(
    "a { background: image-set('x.png' 1x) }",
    "@import 'https://example.test/a.css';",
    "@\\69mport 'https://example.test/a.css';",
    "@media screen { a { background: url(x.png) } }",
    "@font-face { src: url(https://example.test/f.woff2) }",
    "a { b { background: url(x.png) } }",  # nesting
])
def test_a_stylesheet_that_loads_anything_is_refused(css):
    assert any("loads" in problem for _, problem in assets.css_problems(css)), css


@pytest.mark.parametrize("css", [
    ".dp-text::before { content: 'NOT ' }",
    ".dp-passage p::after { content: attr(data-x) }",
    "@media print { .dp-official span::before { content: '!' } }",
    ".md-typeset { .dp-quote::before { content: 'x' } }",
])
def test_a_stylesheet_that_writes_text_into_the_passages_is_refused(css):
    assert any("add text" in problem for _, problem in assets.css_problems(css)), css


@pytest.mark.parametrize("css", [
    "a { color: red }",
    ".dp-jump a::after { content: '' }",
    ".dp-label::before { content: none }",  # a label, not a passage's words
    "a { background: linear-gradient(red, blue) }",
])
def test_what_the_site_s_stylesheets_do_passes(css):
    assert assets.css_problems(css) == []


@pytest.mark.parametrize("svg, problem", [
    (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "<script>"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "onload="),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.test/x.png"/></svg>', "<image>"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><use href="https://example.test/a.svg#x"/></svg>', "another file"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><path fill="url(https://example.test/#g)"/></svg>', "url()"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>', "<foreignobject>"),
    (b"<svg", "does not parse"),
])
def test_an_icon_only_draws(svg, problem):
    assert any(problem in found for found in assets.svg_problems(svg)), assets.svg_problems(svg)


def test_a_harmless_icon_passes():
    assert assets.svg_problems(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
                               b'<path d="M0 0h24v24H0z" fill="currentColor"/></svg>') == []


def test_a_changed_asset_fails_at_its_file_until_a_maintainer_re_pins_it(tree):
    path = tree / STYLESHEET
    path.write_text(path.read_text(encoding="utf-8") + "\n.md-typeset a { color: #c00 }\n", encoding="utf-8")
    found = [(f.path, f.line) for f in check_sources(tree, only=assets.CHECK) if f.check == assets.CHECK]
    assert found == [(STYLESHEET, 1)]
    source_integrity.repin(tree)
    assert [f for f in check_sources(tree, only=assets.CHECK) if f.check == assets.CHECK] == []


def test_a_script_added_to_the_assets_is_one_finding_even_once_pinned(tree):
    (tree / "docs" / "assets" / "javascripts" / "extra.js").write_text("fetch('https://example.test/')\n", encoding="utf-8")
    source_integrity.repin(tree)
    assert [(f.path, f.line, f.check) for f in check_sources(tree) if f.severity == "error"] == [
        ("docs/assets/javascripts/extra.js", 1, "input")]


def test_a_stylesheet_that_loads_is_reported_at_its_line_even_when_pinned(tree):
    path = tree / STYLESHEET
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    path.write_text(text + ".md-typeset h1 {\n  background: url(https://example.test/track.png);\n}\n", encoding="utf-8")
    source_integrity.repin(tree)
    line = text.count("\n") + 2
    assert [(f.path, f.line) for f in check_sources(tree, only=assets.CHECK) if f.check == assets.CHECK] == [(STYLESHEET, line)]
