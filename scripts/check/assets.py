"""Check assets: the scripts, stylesheets and images the site ships are the reviewed ones, by content.

- Pinned: every script, stylesheet and SVG of docs/assets/ has its SHA-256 in assets.sha256,
  and a changed file fails until a reviewed change re-pins it (`make repin`), as the text does: a
  name on an allowlist says nothing of what the file holds.
- Read by a tokenizer (tinycss2, CSS Syntax Level 3), not by patterns: no stylesheet loads anything
  (no url(), image-set(), image(), cross-fade() or src(), no @import however it is spelled), and
  none writes text into the site's passages (`content` on a passage's class could add words to the
  declaration).
- An SVG holds only drawing elements and attributes, none of which refers to anything (no url(),
  no href but to its own #ids).
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import tinycss2

from scripts.findings import Finding

CHECK = "assets"
MANIFEST = "assets.sha256"  # at the root: in overrides/, the theme would publish it
PINNED = (".js", ".css", ".svg")
# The classes of the declaration's passages and quotations (overrides/partials/dp/passage.html).
PASSAGE = re.compile(r"\.dp-(?:passage|row|col|text|original|translation|quote|list|heading|item|paragraph|official)"
                     r"(?![\w-])")
NEGATION = re.compile(r":not\([^()]*\)")
URL_FUNCTIONS = {"url", "image-set", "-webkit-image-set", "image", "cross-fade", "-webkit-cross-fade", "src",
                 "element", "paint"}
SVG_ELEMENTS = {"svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect", "title", "desc",
                "defs", "lineargradient", "radialgradient", "stop", "clippath", "mask", "symbol", "use"}
SVG_ATTRIBUTES = {"xmlns", "viewbox", "width", "height", "d", "fill", "fill-rule", "fill-opacity", "clip-rule",
                  "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-opacity", "opacity",
                  "transform", "cx", "cy", "r", "rx", "ry", "x", "y", "x1", "y1", "x2", "y2", "points", "id", "class",
                  "role", "aria-hidden", "aria-label", "focusable", "offset", "stop-color", "stop-opacity",
                  "gradientunits", "gradienttransform", "clip-path", "mask", "href", "version", "preserveaspectratio"}


def check(sources) -> list[Finding]:
    root = sources.root
    pins = read_manifest(root)
    findings = []
    assets = [path for path in sorted((root / "docs" / "assets").rglob("*")) if path.is_file() and path.suffix in PINNED]
    for path in assets:
        relative = path.relative_to(root).as_posix()
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if pins.get(relative) != digest:
            findings.append(Finding(relative, 1, CHECK, "not the reviewed file: its SHA-256 is not the one pinned in "
                                    f"{MANIFEST}", "restore it; if the change is meant, a maintainer reviews it and "
                                    "re-pins it (`make repin`)"))
        if path.suffix == ".css":
            findings += [Finding(relative, line, CHECK, problem, "remove it: the site's stylesheets load nothing and "
                                 "add no text") for line, problem in css_problems(path.read_text(encoding="utf-8", errors="replace"))]
        elif path.suffix == ".svg":
            findings += [Finding(relative, 1, CHECK, problem, "remove it: an icon only draws")
                         for problem in svg_problems(path.read_bytes())]
    present = {path.relative_to(root).as_posix() for path in assets}
    for relative in sorted(set(pins) - present):
        findings.append(Finding(MANIFEST, 1, CHECK, f"{relative} is pinned but does not exist", "run `make repin`"))
    return findings


def read_manifest(root: Path) -> dict[str, str]:
    path = root / MANIFEST
    if not path.is_file():
        return {}
    pins = {}
    for line in path.read_text(encoding="utf-8").split("\n"):
        digest, _, name = line.partition("  ")
        if name.strip():
            pins[name.strip()] = digest
    return pins


def manifest(root: Path) -> str:
    """The manifest of the assets as they are, for `make repin`."""
    assets = [path for path in sorted((root / "docs" / "assets").rglob("*")) if path.is_file() and path.suffix in PINNED]
    return "".join(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.relative_to(root).as_posix()}\n"
                   for path in assets)


def css_problems(css: str) -> list[tuple[int, str]]:
    """(line, problem) of what a stylesheet would load or add as text, or of what does not parse."""
    problems = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        problems += _rule_problems(rule)
    return problems


def _rule_problems(rule) -> list[tuple[int, str]]:
    if rule.type == "error":
        return [(rule.source_line, f"CSS that does not parse ({rule.message})")]
    if rule.type == "at-rule":
        if rule.lower_at_keyword == "import":
            return [(rule.source_line, "an @import: it loads another stylesheet")]
        found = _loads(rule.prelude)
        if rule.content is not None:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True) \
                if rule.lower_at_keyword in ("media", "supports", "layer", "container", "document") else []
            for child in inner:
                found += _rule_problems(child)
            if not inner:
                found += _declarations(rule.content, "")
        return found
    if rule.type == "qualified-rule":
        selector = tinycss2.serialize(rule.prelude)
        return _loads(rule.prelude) + _declarations(rule.content, selector)
    return []


def _declarations(content, selector: str) -> list[tuple[int, str]]:
    problems = []
    for item in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
        if item.type == "declaration":
            problems += _loads(item.value)
            if item.lower_name == "content" and PASSAGE.search(NEGATION.sub("", selector)):
                problems.append((item.source_line, f"`content` on {selector.strip()}: it would add text to the site's "
                                 "passages"))
        elif item.type == "at-rule" and item.lower_at_keyword == "import":
            problems.append((item.source_line, "an @import: it loads another stylesheet"))
        elif item.type == "qualified-rule":  # nesting
            problems += _loads(item.prelude) + _declarations(item.content, selector + " " + tinycss2.serialize(item.prelude))
    return problems


def _loads(tokens) -> list[tuple[int, str]]:
    problems = []
    for token in tokens or []:
        if token.type == "url":
            problems.append((token.source_line, "url(): it loads a file"))
        elif token.type == "function":
            if token.lower_name in URL_FUNCTIONS:
                problems.append((token.source_line, f"{token.lower_name}(): it loads a file"))
            problems += _loads(token.arguments)
        elif token.type in ("() block", "[] block", "{} block"):
            problems += _loads(token.content)
    return problems


def svg_problems(data: bytes) -> list[str]:
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return [f"an SVG image that does not parse ({error})"]
    problems = []
    for element in root.iter():
        tag = str(element.tag).rsplit("}", 1)[-1].lower()
        if tag not in SVG_ELEMENTS:
            problems.append(f"an SVG image with a <{tag}> element")
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local not in SVG_ATTRIBUTES:
                problems.append(f"an SVG image with an attribute {local}=")
            elif "url(" in value.replace(" ", "").lower():
                problems.append(f"an SVG image whose {local}= refers to a file (url())")
            elif local == "href" and not value.strip().startswith("#"):
                problems.append("an SVG image that refers to another file")
    return problems
