"""The gate, tried as a hostile editor would: every edit that once passed `make check` and reached
the built site is rejected with a file:line finding and a fix; malformed input fails cleanly, in
bounded time; nothing crashes.

The edits that Markdown would publish are made all at once in one copy of the tree, built once,
and each must be reported by `published` (the check that reads what the build made, as a browser
would) on the line that holds it. The edits that cannot even be read are each rejected by
`input`, before any build.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scripts.check import check_all, check_sources, published
from scripts.check.site import BuiltSite
from scripts.check.sources import read_sources

from builds import LANGUAGES, ROOT, TEST_SITE_URL, copy_tree

# One worker runs this file's tests: they share the hostile build.
pytestmark = pytest.mark.xdist_group("gate")

# (name, page, Markdown appended to it); each line marked ◀ is where the finding must point.
HOSTILE_PAGES = [
    ("slash before a handler", "docs/about.fr.md", "<img/onerror=alert(1) src=x> ◀"),
    ("handler on the next line", "docs/about.en.md", '<img src="x"\nonerror="alert(1)"> ◀'),
    ("entity in javascript:", "docs/closing.fr.md", '<a href="jav&#x61;script:alert(1)">x</a> ◀'),
    ("tab in javascript:", "docs/closing.en.md", '<a href=" java&#x09;script:alert(1)">x</a> ◀'),
    ("reference-style javascript: link", "docs/glossary.fr.md", "Voir [ceci][j].\n\n[j]: javascript:alert(1) ◀"),
    ("handler through attr_list", "docs/glossary.en.md", 'A paragraph.\n{: onclick="alert(1)" } ◀'),
    ("off-site background", "docs/index.fr.md", '<span style="background:url(https://tracker.example/x.png)">x</span> ◀'),
    ("overlay", "docs/index.en.md", '<div style="position:fixed;inset:0;background:#fff">Faux texte</div> ◀'),
    ("reference-style image", "docs/preamble.fr.md", "![x][i]\n\n[i]: https://tracker.example/x.png ◀"),
    ("SVG image from elsewhere", "docs/preamble.en.md", '<svg><image href="https://tracker.example/x.png"/></svg> ◀'),
    ("fence that is no fence", "docs/strand-1.fr.md", "```inline```\n\n<script>alert(1)</script> ◀"),
    ("comment a browser ends early", "docs/strand-1.en.md", "<!--><img src=x onerror=alert(1)>--> ◀"),
    ("meta refresh", "docs/strand-2.fr.md", '<meta http-equiv="refresh" content="0;url=https://evil.example/"> ◀'),
    ("iframe", "docs/strand-2.en.md", '<iframe src="https://evil.example/"></iframe> ◀'),
    # A: content that ends the page's article, or leaves an element open around what follows.
    ("stray end tags", "docs/closing.fr.md", "</div></div></div></div> ◀\n\n<p>Hors de l’article.</p>"),
    ("an element left open", "docs/preamble.fr.md", "<table><tr><td>Ouvert ◀"),
    # D: what the build generates, forged or hidden by content.
    ("a forged passage", "docs/strand-3.en.md",
     '<div class="dp-row" id="strand-3-text"><p class="dp-text" lang="fr">Un faux texte.</p></div> ◀'),
    ("a quotation hidden", "docs/strand-4.en.md", "<span hidden>[[strand-4-text.1]]</span> ◀"),
    ("a quotation in a closed details", "docs/strand-2.en.md",
     '<details markdown="1"><summary>More</summary> ◀\n\n[[strand-2-text.1]]\n\n</details>'),
    ("a fingerprint typed by hand", "docs/strand-4.fr.md",
     "Empreinte : 0000000000000000000000000000000000000000000000000000000000000000 ◀"),
    # E: the theme's classes and ids, borrowed.
    ("the theme's overlay", "docs/strand-5.fr.md", '<div class="md-consent__overlay">Texte</div> ◀'),
    ("the theme's configuration id", "docs/strand-5.en.md", '<span id="__config">x</span> ◀'),
    # F: addresses read as a browser reads them.
    ("a backslash address", "docs/index.en.md", '<img src="\\\\evil.example/t.png" alt="x"> ◀'),
    ("a protocol-relative image", "docs/index.fr.md", '<img src="//evil.example/t.png" alt="x"> ◀'),
]
# (name, file, text written over it or appended, line of the finding): each stops at `input`.
HOSTILE_INPUTS = [
    ("markup in a description", "docs/strand-3.fr.md", ("description: ", 'description: "\\"><script>alert(1)</script>"\nx: '), 3),
    ("markup in a title", "docs/strand-3.en.md", ("title: ", 'title: "\\"><img src=x onerror=alert(1)>"\nx: '), 2),
    ("a link in a glossary definition", "declaration/glossary.yml",
     ("Discouraging an attack", "See [this](javascript:alert(1)). Discouraging an attack"), None),
    ("a glossary lang that breaks out", "declaration/glossary.yml", ("    lang: en\n", '    lang: en" onmouseover="alert(1)\n'), None),
    ("a glossary id that breaks out", "declaration/glossary.yml", ("- id: sanctions", '- id: sanctions" onclick="alert(1)'), None),
    ("an image in a translated sentence", "declaration/translation.en.yml",
     ("    - training,", "    - 'training <img src=https://tracker.example/x.png>,'"), None),
    ("an empty translated sentence", "declaration/translation.en.yml", ("    - training,", "    - ''"), None),
    ("a YAML alias", "declaration/glossary.yml", ("- id: sanctions\n  fr:", "- id: sanctions\n  fr: &side"), None),
    ("a part that no page explains", "declaration/segments.yml", ("part: closing}", "part: volet-9}"), None),
]


def append(tree: Path, relative: str, text: str) -> list[int]:
    """Append text to a file; the line numbers of its lines marked ◀ (the mark removed)."""
    path = tree / relative
    before = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    first = before.count("\n") + 1
    lines = text.split("\n")
    path.write_text(before + text.replace(" ◀", "") + "\n", encoding="utf-8")
    return [first + index for index, line in enumerate(lines) if line.endswith("◀")]


# An address that no browser can read, among the hostile pages: a finding, not a traceback.
UNREADABLE = ("an address no browser can read", "docs/about.fr.md", '<a href="https://[x">lien</a> ◀')


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tree = copy_tree(tmp_path_factory.mktemp("hostile") / "tree")
    expected = {name: (page, append(tree, page, markdown)) for name, page, markdown in [*HOSTILE_PAGES, UNREADABLE]}
    findings = check_all(tree)
    assert not [f for f in findings if f.check in ("input", "build")], "the hostile pages must build"
    return expected, findings


@pytest.mark.parametrize("name", [name for name, _, _ in HOSTILE_PAGES])
def test_what_a_hostile_page_would_publish_is_rejected_on_its_line(hostile_site, name):
    """By the check of each page's content as built (content), or of the page as published."""
    expected, findings = hostile_site
    page, lines = expected[name]
    gate = [f for f in findings if f.check in ("content", "published") and f.path == page]
    assert any(f.line in lines for f in gate), (name, [str(f) for f in gate])
    assert all(f.fix for f in gate)


# What the source check names first, with a message about the Markdown as written.
NAMED_AT_THE_SOURCE = ["slash before a handler", "handler on the next line", "handler through attr_list",
                       "off-site background", "overlay", "fence that is no fence", "meta refresh", "iframe"]


@pytest.mark.parametrize("name", NAMED_AT_THE_SOURCE)
def test_the_source_check_names_the_common_cases_on_their_line(hostile_site, name):
    expected, findings = hostile_site
    page, lines = expected[name]
    assert any(f.check == "content-safety" and f.path == page and f.line in lines for f in findings), name


@pytest.mark.parametrize("name, relative, edit, line", HOSTILE_INPUTS, ids=[case[0] for case in HOSTILE_INPUTS])
def test_hostile_values_in_front_matter_and_data_are_rejected_before_anything_renders(tree, name, relative, edit, line):
    path = tree / relative
    old, new = edit
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    findings = [f for f in check_all(tree) if f.severity == "error"]
    assert findings and all(f.check == "input" for f in findings), [str(f) for f in findings]
    assert any(f.path == relative and (line is None or f.line == line) for f in findings), [str(f) for f in findings]


# Malformed input: a finding naming the file and line, never a traceback, in bounded time ----------

MALFORMED = [
    ("invalid UTF-8", "docs/strand-4.fr.md", lambda text: text.encode("utf-8") + b"\n\xff\xfe caf\xe9\n", "not UTF-8"),
    ("byte-order mark", "docs/strand-4.fr.md", lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"), "byte-order mark"),
    ("CRLF in the French text", "declaration/declaration.fr.txt", lambda text: text.replace("\n", "\r\n").encode("utf-8"),
     "line endings"),
    ("1,000-deep nested list", "docs/strand-4.fr.md", lambda text: (text + "\n" + "- " * 1000 + "x\n").encode("utf-8"),
     "nested"),
    ("125 KB line of backtick runs", "docs/strand-4.fr.md", lambda text: (text + "\n" + "`` ` " * 25_000 + "\n").encode("utf-8"),
     "characters"),
    ("`<a ` repeated", "docs/strand-4.fr.md", lambda text: (text + "\n" + ("<a " * 500 + "\n") * 6).encode("utf-8"), "'<'"),
    ("`[` repeated", "docs/strand-4.fr.md", lambda text: (text + "\n" + "[" * 3_000 + "\n").encode("utf-8"), "'['"),
    ("a 1 MB page", "docs/strand-4.fr.md", lambda text: ("[x](glossary:" * 80_000).encode("utf-8"), "KB"),
]


@pytest.mark.parametrize("name, relative, damage, words", MALFORMED, ids=[case[0] for case in MALFORMED])
def test_malformed_input_fails_cleanly(tree, name, relative, damage, words):
    path = tree / relative
    path.write_bytes(damage(path.read_text(encoding="utf-8")))
    findings = check_all(tree)
    errors = [f for f in findings if f.severity == "error" and f.path == relative]
    assert any(words in f.problem for f in errors), [str(f) for f in findings]
    assert {f.check for f in errors} == {"input"}, [str(f) for f in errors]  # not what follows from it


@pytest.mark.parametrize("name, relative, content, words, check", [
    ("an HTML file among the pages", "docs/x.html", "<script>alert(1)</script>", "not a page", "input"),
    ("a script among the assets", "docs/assets/javascripts/evil.js", "alert(1)", "a script", "input"),
    ("a stylesheet that imports", "docs/assets/stylesheets/more.css", "@import url(https://evil.example/x.css);", "@import",
     "assets"),
    ("an SVG with a script", "docs/assets/evil.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
     "<script>", "assets"),
], ids=lambda value: value if isinstance(value, str) and " " in value else None)
def test_unexpected_files_in_docs_are_rejected(tree, name, relative, content, words, check):
    (tree / relative).parent.mkdir(parents=True, exist_ok=True)
    (tree / relative).write_text(content, encoding="utf-8")
    assert any(f.path == relative and words in f.problem and f.check == check for f in check_sources(tree, only=check))


# The published check on a built site changed the way a bug or an attack in the build would --------


def published_findings(site_dir: Path) -> list:
    sources, _ = read_sources(ROOT)
    return published.check_site(sources, BuiltSite(site_dir, list(LANGUAGES), TEST_SITE_URL))


@pytest.mark.parametrize("name, change, words", [
    ("no policy", lambda html: html.replace('<meta http-equiv="Content-Security-Policy"', '<meta name="x"', 1),
     "Content-Security-Policy"),
    ("a script from elsewhere", lambda html: html.replace("</body>", '<script src="https://evil.example/x.js"></script></body>'),
     "none of the site's scripts"),
    ("an inline script", lambda html: html.replace("</body>", "<script>alert(1)</script></body>"), "inline script"),
])
def test_the_published_check_reads_every_page(built_copy, name, change, words):
    page = built_copy / "en" / "strand-5.html"
    page.write_text(change(page.read_text(encoding="utf-8")), encoding="utf-8")
    assert any(words in f.problem for f in published_findings(built_copy)), name


def test_a_file_published_that_no_page_produced_is_reported(built_copy):
    (built_copy / "assets" / "javascripts" / "extra.js").write_text("alert(1)", encoding="utf-8")
    (built_copy / "extra.html").write_text("<p>x</p>", encoding="utf-8")
    problems = {f.problem.split(": ")[0] for f in published_findings(built_copy)}
    assert {"a script that is none of the site's own (scripts are reviewed code, listed in scripts/check/published.py)",
            "an HTML file that no page of the site produced"} <= problems


ADVERSARIAL = {"backtick runs": "`` ` ", "`<a ` runs": "<a ", "`[` runs": "[", "glossary references": "[x](glossary:",
               "stray glossary references": "(glossary:x ", "inline quotes": "[[", "comment openings": "<!--",
               "image openings": "![", "mixed": "[a](b `c` <d "}


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_every_reader_of_the_checker_reads_adversarial_text_through(name):
    """Each reader the checks run on a page's text, fed a long line that the size limits would stop
    first, reads it through and keeps its invariants. That they stay linear is measured by growth
    (n and 8n) in the benchmark, `make bench` (scripts/bench.py), not by a clock here."""
    from declaration.markers import scan
    from scripts.check import characters, safety
    from scripts.check.pages import markdown_problems

    line = ADVERSARIAL[name] * (200_000 // len(ADVERSARIAL[name]))
    scanned = scan(line)
    assert len(scanned.prose) == len(line) and all(line[m.start:m.end] == m.text for m in scanned.markers)
    assert safety.scan_line(line) is not None and characters.scan(line) == []
    markdown_problems(Path("x.md"), line)


# Inputs before rendering: the tree as git holds it, YAML as data, Markdown that stays cheap ----------


@pytest.mark.parametrize("name, make, words", [
    ("a symbolic link among the snippets", lambda tree: (tree / "docs/_snippets/leak.fr.md").symlink_to("/etc/passwd"),
     "symbolic link"),
    ("a pipe among the pages", lambda tree: os.mkfifo(tree / "docs/pipe.fr.md"), "not a regular file"),
    ("a name with a space", lambda tree: (tree / "docs/une page.fr.md").write_text("x", encoding="utf-8"), "file name"),
    ("a name with a line break", lambda tree: (tree / "declaration/x\n::error::forged.yml").write_text("x", encoding="utf-8"),
     "file name"),
], ids=lambda value: value if isinstance(value, str) else None)
def test_what_git_would_not_hold_as_a_plain_file_stops_everything(tree, name, make, words):
    make(tree)
    findings = check_all(tree)
    assert findings and all(f.check == "input" for f in findings), [str(f) for f in findings]
    assert any(words in f.problem for f in findings), [str(f) for f in findings]
    assert all("\n" not in f.path and "\n" not in f.annotation() for f in findings)


@pytest.mark.parametrize("name, relative, old, new, words", [
    ("a tag that runs code, in mkdocs.yml", "mkdocs.yml", "strict: true",
     "strict: true\nx: !!python/object/apply:os.system [touch PWNED]", "tags"),
    ("a tag in the data", "declaration/glossary.yml", "- id: sanctions", "- id: !!python/name:os.system sanctions", "tags"),
    ("a key written twice, the second replacing the first", "declaration/meaning.yml", "\nnegations:",
     "\nclaims:\n  fr: [x]\n  en: [x]\nnegations:", "written twice"),
    ("a date that is no day", "declaration/publication.yml", 'date: "2026-01-06"', 'date: "2026-02-30"', "no day"),
    ("a title without the text's language", "declaration/publication.yml", "  fr: Déclaration de Paris\n", "", "title"),
    ("a locale babel does not know", "declaration/interface.en.yml", "locale: en_GB", "locale: xx_YY_ZZ", "locale"),
], ids=lambda value: value if isinstance(value, str) and " " in value else None)
def test_configuration_and_data_are_read_as_data_before_anything_runs(tree, name, relative, old, new, words):
    path = tree / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    findings = [f for f in check_all(tree) if f.severity == "error"]
    assert findings and {f.check for f in findings} == {"input"}, [str(f) for f in findings]
    assert any(f.path == relative and words in f.problem for f in findings), [str(f) for f in findings]
    assert not (tree / "PWNED").exists()


@pytest.mark.parametrize("name, markdown, words", [
    ("emphasis nested deep", "*a " * 150 + "x" + "*" * 150, "'*'"),
    ("escapes by the hundred", "\\*" * 300, "'\\'"),
    ("HTML read again and again", '<div markdown="1">\n' * 30 + "x\n" + "</div>\n" * 30, "markdown="),
    ("a snippet included another way", '--8<-- "checks.fr.md" extra', "snippet"),
    ("scissors in a sentence", 'Texte --8<-- "../../etc/passwd"', "snippet"),
], ids=lambda value: value if isinstance(value, str) and " " in value else None)
def test_markdown_that_would_stall_or_reach_outside_is_refused_before_the_build(tree, name, markdown, words):
    path = tree / "docs" / "closing.fr.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + markdown + "\n", encoding="utf-8")
    findings = check_all(tree)
    assert any(f.check == "input" and f.path == "docs/closing.fr.md" and words in f.problem for f in findings), \
        [str(f) for f in findings]


def test_an_address_no_browser_can_read_is_a_finding_not_a_traceback(hostile_site):
    expected, findings = hostile_site
    page, [line] = expected[UNREADABLE[0]]
    assert page == "docs/about.fr.md"
    assert any(f.path == "docs/about.fr.md" and f.line == line and "cannot read" in f.problem for f in findings), \
        [str(f) for f in findings]


def test_a_missing_snippet_is_found_at_its_line(tree):
    line = append(tree, "docs/about.fr.md", '--8<-- "missing.fr.md" ◀')[0]
    assert [(f.path, f.line, f.check) for f in check_all(tree) if "missing.fr.md" in f.problem] == [
        ("docs/about.fr.md", line, "build")]


def test_each_page_s_markdown_runs_under_a_budget_armed_and_disarmed_by_its_hooks():
    """The budget is the build's clock, armed before a page's Markdown and disarmed after its
    content; checked by construction here (the timer set, then cleared), never by waiting."""
    import signal

    from overrides.hooks import render_budget

    previous = signal.getsignal(signal.SIGALRM)
    try:
        render_budget.on_page_markdown("x", page=None, config=None, files=None)
        assert 0 < signal.getitimer(signal.ITIMER_REAL)[0] <= render_budget.SECONDS
        render_budget.on_page_content("x", page=None, config=None, files=None)
        assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
