"""Check content-safety: what a page's Markdown holds that could run code, load from elsewhere,
or pass for a quote of the declaration that the build did not generate, reported on the line
that holds it.

This reads the source, for the message; the guard is `published`, which reads what the build
made of it as a browser would. Every pattern here is linear in the line's length.
"""

from __future__ import annotations

import re

from scripts.findings import Finding
from .pages import IMAGE, LINK

CHECK = "content-safety"
ACTIVE_ELEMENT = re.compile(r"<\s*(script|iframe|object|embed|style|link|meta|base|form|frame|frameset|applet)\b",
                            re.IGNORECASE)
EVENT_HANDLER = re.compile(r"(?:^|[\s/\"'{])(on[a-z]{2,30})\s*=", re.IGNORECASE)
DANGEROUS_URL = re.compile(r"""(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*(javascript|data|vbscript):""",
                           re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"""(?:^|[\s/"'{])style\s*=""", re.IGNORECASE)
OFF_SITE_SOURCE = re.compile(r"""(?:src|srcset|poster)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)
# The classes the hooks give generated passages: written by hand they would show any words as
# the declaration's text.
GENERATED_MARKUP = re.compile(r"""class\s*=\s*["'][^"'\n]{0,200}\bdp-(?:passage|row|original|translation|quote|term|tip|cite|citation|copy|announce)\b""",
                              re.IGNORECASE)
SCHEME = re.compile(r"^\s*(javascript|data|vbscript):", re.IGNORECASE)


def check(sources) -> list[Finding]:
    findings = []
    for page in sources.pages:
        for number, line in page.body_lines:
            findings += [Finding(page.relative, number, CHECK, problem, fix) for problem, fix in scan_line(line)]
    return findings


def scan_line(line: str) -> list[tuple[str, str]]:
    problems = []
    for match in ACTIVE_ELEMENT.finditer(line):
        problems.append((f"<{match[1].lower()}> in a page: it could run code or load from elsewhere",
                         "remove it; pages hold Markdown, and the theme provides styles and scripts"))
    for match in EVENT_HANDLER.finditer(line):
        problems.append((f"event handler attribute {match[1]}= runs code", "remove the attribute"))
    if STYLE_ATTRIBUTE.search(line):
        problems.append(("a style attribute: it can hide the text, cover the page or load from elsewhere",
                         "remove it; the site's stylesheet styles the pages"))
    for match in DANGEROUS_URL.finditer(line):
        problems.append((f"{match[1].lower()}: URL in an attribute", "link to a page of the site or an https address"))
    for match in LINK.finditer(line):
        if SCHEME.match(match["target"]):
            problems.append((f"{SCHEME.match(match['target'])[1].lower()}: URL in a link",
                             "link to a page of the site or an https address"))
    for match in IMAGE.finditer(line):
        if re.match(r"(?:https?:)?//|[a-z]+:", match["target"], re.IGNORECASE):
            problems.append(("image loaded from another site: the reader's browser would call it",
                             "copy the image into docs/assets/ and link it from there"))
    if OFF_SITE_SOURCE.search(line):
        problems.append(("media loaded from another site: the reader's browser would call it",
                         "copy the file into docs/assets/ and link it from there"))
    if GENERATED_MARKUP.search(line):
        problems.append(("hand-written markup of a generated quote or glossary link (class dp-…)",
                         "quote the text with <!-- quote: ID --> or [[ID]], refer to terms with "
                         "[words](glossary:ID)"))
    return problems
