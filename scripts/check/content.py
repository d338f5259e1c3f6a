"""Check content: each page's content, as the build made it and before the theme wraps it (the
build's record), holds only what pages may hold, and stays inside its article.

- Sealed: the content is parsed (selectolax: lexbor, as browsers parse) where the theme puts it,
  inside Material's article; an end tag that closes what the content did not open, or an element
  it leaves open, would move what follows out of the article, where other rules apply: a finding.
- Allowlisted, whole: the elements, attributes and class values that Markdown, its extensions and
  the editors' conventions produce (an admonition's type, a footnote's, `dp-timeline`); links to
  http(s), mailto or the site; images and other subresources from the site's own path only. URLs
  are parsed as browsers parse them (WHATWG, ada), resolved against the page's own address: an
  address a browser would not parse is a finding.
- What the hooks generate is stamped (a nonce per page and build): passage markup, quotations
  of the text, the ids of segments, sentences, parts, facts and glossary entries, and the
  theme's ids (`__…`) belong to it alone; content that copies them, hides what was generated
  (hidden, aria-hidden, inert, a closed <details> around it), or repeats an id, is a finding.
"""

from __future__ import annotations

import html
import re

import ada_url
from selectolax.lexbor import LexborHTMLParser

from declaration.markers import SOURCE_HASH
from scripts.findings import Finding

from .pages import SNIPPETS, snippets_included
from .rendered import WRAPPERS
from .site_config import on_the_site

CHECK = "content"
# Material's ancestors of a page's content, outermost first (base.html and main.html).
ARTICLE = ('<div class="md-container"><main class="md-main"><div class="md-main__inner md-grid">'
           '<div class="md-content" data-md-component="content"><article class="md-content__inner md-typeset">')
ARTICLE_END = "</article></div></div></main></div>"
CHAIN = ("html", "body", "div", "main", "div", "div", "article")
ELEMENTS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "dfn", "div", "dl",
    "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li",
    "mark", "ol", "p", "pre", "q", "s", "samp", "section", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr", "aside",
}
GLOBAL_ATTRIBUTES = {"id", "class", "lang", "title", "dir"}
ATTRIBUTES = {
    "a": {"href", "rel", "hreflang"}, "img": {"src", "alt", "width", "height", "loading"},
    "td": {"align", "colspan", "rowspan", "data-label"}, "th": {"align", "colspan", "rowspan", "scope"},
    "ol": {"start", "reversed", "type"}, "li": {"value"}, "details": {"open"}, "time": {"datetime"},
}
# The class values content may carry: what Markdown's extensions write (admonitions and their
# types, footnotes, the headings' permalinks), and the editors' own conventions.
CLASSES = {"admonition", "admonition-title", "note", "abstract", "info", "tip", "success", "question", "warning",
           "failure", "danger", "bug", "example", "quote", "context", "footnote", "footnote-ref", "footnote-backref",
           "headerlink", "dp-timeline"}
NAVIGATION = {"http", "https", "mailto"}
# Ids that name what the hooks generate, and the theme's own.
RESERVED = re.compile(r"^(?:__|part-|fact-|explained-|dp-|sources$)")
# Elements a page's raw HTML may open and leave open (void elements close themselves).
TAG = re.compile(r"<(?P<end>/)?\s*(?P<name>div|section|article|aside|details|table|tr|td|th|ul|ol|li|p|span|blockquote|"
                 r"figure|dl)\b[^<>]{0,500}>", re.IGNORECASE)
SHA256 = re.compile(r"(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])")


def check_rendered(sources, pages) -> list[Finding]:
    findings = _fingerprints(sources, pages)
    reserved = {segment.id for segment in sources.declaration.segments}
    reserved |= {f"{segment.id}-s{number}" for segment in sources.declaration.segments
                 for number in range(1, len(segment.fr_sentences) + 1)}
    reserved |= {term.id for term in sources.declaration.terms}
    for page in pages:
        findings += _sealed(page, sources) + _Reader(page, sources, reserved).findings
    return findings


# The text's fingerprint: shown from its pin, never typed --------------------------------------------


def _fingerprints(sources, pages) -> list[Finding]:
    """A SHA-256 written by hand could say anything: the only one a page shows is the pin's
    (<!-- source-sha256 -->), which the About page must show."""
    findings = []
    for page in pages:
        for text in page.texts:
            if not text.generated and SHA256.search(text.value):
                findings.append(Finding(text.source, text.line, CHECK, "a SHA-256 written by hand: it could differ "
                                        "from the text's pin", "show the pin with <!-- source-sha256 -->"))
    about = [page for page in sources.pages if page.slug == "about"]
    for page in about:
        if not any(marker.kind == SOURCE_HASH for marker in page.scanned.markers):
            findings.append(Finding(page.relative, page.body_start, CHECK, "the About page does not show the text's "
                                    "fingerprint", "keep <!-- source-sha256 --> where the source is described"))
    return findings


# Sealed ---------------------------------------------------------------------------------------------


def _sealed(page, sources) -> list[Finding]:
    end = f'<i data-dp-end="{page.nonce}"></i>'
    tree = LexborHTMLParser(ARTICLE + page.html + end + ARTICLE_END)
    sentinel = tree.css_first(f'i[data-dp-end="{page.nonce}"]')
    chain, node = [], sentinel.parent if sentinel is not None else None
    while node is not None and not node.tag.startswith("-"):
        chain.append(node.tag)
        node = node.parent
    article = tree.css_first("article.md-content__inner")
    escaped = sentinel is None or tuple(reversed(chain)) != CHAIN or article is None or _outside(tree, article)
    if not escaped:
        return []
    needle, line = _first_end_tag(page, sources)
    return [Finding(page.source, line, CHECK, f"the page's content closes an element it did not open, or leaves one "
                    f"open{' (' + needle + ')' if needle else ''}: what follows would leave the page's article",
                    "remove the stray tag, or close what is open: pages hold Markdown")]


def _outside(tree, article) -> bool:
    """Whether anything but the theme's ancestors stands outside the article."""
    node = article
    while node.parent is not None and node.parent.tag not in ("html", "-document"):
        siblings, sibling = [], node.parent.child
        while sibling is not None:
            if sibling.tag != "-comment" and (sibling.tag != "-text" or (sibling.text(deep=False) or "").strip()):
                siblings.append(sibling)
            sibling = sibling.next
        if len(siblings) != 1:
            return True
        node = node.parent
    return False


def _first_end_tag(page, sources) -> tuple[str, int]:
    """The tag that most likely breaks the seal, and its line: an element opened more often than
    closed (its last opening), else an end tag of an element the theme opened."""
    lines = sources.texts.get(page.source, "").split("\n")
    counts: dict[str, int] = {}
    last: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        for match in TAG.finditer(line):
            name = match["name"].lower()
            counts[name] = counts.get(name, 0) + (-1 if match["end"] else 1)
            if not match["end"]:
                last[name] = number
    for name, count in counts.items():
        if count > 0 and name in last:
            return f"<{name}>", last[name]
    for number, line in enumerate(lines, start=1):
        match = re.search(r"</\s*(div|article|main|section|body|html)\b", line, re.IGNORECASE)
        if match:
            return match[0] + ">", number
    return "", 1


# Allowlisted ----------------------------------------------------------------------------------------


class _Reader:
    def __init__(self, page, sources, reserved: set[str]):
        self.page, self.sources, self.reserved = page, sources, reserved
        self.findings: list[Finding] = []
        self.ids: dict[str, int] = {}
        base = f"{sources.site_url}{page.url}"
        self.base = base if ada_url.check_url(base) else None
        self.site = ada_url.URL(sources.site_url) if ada_url.check_url(sources.site_url) else None
        body = page.tree.body  # the page as read once for every check of it (rendered.py)
        if body is not None:
            self._children(body, generated=False, hides="")

    def _children(self, node, generated: bool, hides: str) -> None:
        child = node.child
        while child is not None:
            if not child.tag.startswith("-"):
                self._element(child, generated, hides)
            child = child.next

    def _element(self, node, generated: bool, hides: str) -> None:
        # hides: what in the content around the node hides it (an attribute's name, or <details), or "".
        tag = node.tag
        attributes = {name.lower(): value or "" for name, value in node.attributes.items()}
        stamp = self.page.stamp_of(node)
        element_id = attributes.get("id")
        if element_id:
            if element_id in self.ids:
                self._report(f"the id '{element_id}' is given twice: a link to it would land on the first",
                             "give each element its own id", f'id="{element_id}"')
            self.ids[element_id] = 1
        if stamp:
            if hides and stamp[0] not in WRAPPERS:
                self._report("content hides what the build generated from the text (hidden, aria-hidden, inert or a "
                             "closed <details> around it)", "remove what hides it", hides)
            # What the hooks made from the data: checked against the data, not as content; a
            # glossary reference wraps the editor's words, read as content.
            if stamp[0] in WRAPPERS:
                self._children(node, generated, hides)
            return
        if generated:
            self._children(node, generated, hides)
            return
        self._content(node, tag, attributes)
        hides = hides or next((name for name in ("hidden", "aria-hidden", "inert") if name in attributes),
                              "<details" if tag == "details" and "open" not in attributes else "")
        self._children(node, generated, hides)

    def _content(self, node, tag: str, attributes: dict) -> None:
        if tag not in ELEMENTS:
            self._report(f"a <{tag}> element, which pages may not hold", "write Markdown; ask a maintainer if an "
                         "element is missing (scripts/check/content.py)", f"<{tag}")
        for name, value in attributes.items():
            if name.startswith("on"):
                self._report(f"an event handler attribute {name}= on <{tag}>: it runs code in the reader's browser",
                             "remove the attribute", name)
            elif name not in GLOBAL_ATTRIBUTES | ATTRIBUTES.get(tag, set()) and not name.startswith("aria-"):
                self._report(f"an attribute {name}= on <{tag}>, which pages may not hold", "remove it", name)
        for value in attributes.get("class", "").split():
            if value not in CLASSES:
                self._report(f"a class '{value}' on <{tag}>: pages may not borrow the site's or the theme's classes",
                             "remove it (admonitions take their type: !!! note)", value)
        element_id = attributes.get("id", "")
        if element_id and (element_id in self.reserved or RESERVED.match(element_id)):
            self._report(f"the id '{element_id}' names what the build generates (a passage, a sentence, a part, a "
                         "fact, a glossary entry or the theme's)", "give the heading or element an id of its own",
                         f"{element_id}")
        for name in ("href", "src", "cite"):
            if name in attributes:
                self._url(tag, name, attributes[name])

    def _url(self, tag: str, name: str, value: str) -> None:
        if self.base is None:
            return
        try:
            url = ada_url.URL(value, self.base)
        except ValueError:
            self._report(f"an address a browser cannot read: {tag} {name}=\"{short(value)}\"",
                         "write a full https:// address, or a page of the site", value)
            return
        scheme = url.protocol.rstrip(":")
        if tag == "a" and name == "href" or name == "cite":
            if scheme not in NAVIGATION:
                self._report(f"a link to a {scheme}: address", "link to a page of the site, an https address or a "
                             "mailto:", value)
        elif not self._on_site(url):
            self._report(f"<{tag} {name}=\"{short(value)}\"> loads from elsewhere: the reader's browser would call it",
                         "copy the file into docs/assets/ and refer to it there", value)

    def _on_site(self, url) -> bool:
        return self.site is not None and on_the_site(url, self.site)

    def _report(self, problem: str, fix: str, needle: str) -> None:
        path, line = _locate(self.sources, self.page.source, needle)
        self.findings.append(Finding(path, line, CHECK, problem, fix))


def _locate(sources, source: str, needle: str) -> tuple[str, int]:
    """The line of the page (or of a snippet it includes) that wrote `needle`, as a browser reads
    it (entities decoded); the page's first line when nothing matches."""
    folded = needle.strip().casefold()
    included = [f"docs/{SNIPPETS}/{name}" for _, name in snippets_included(sources.texts.get(source, ""))]
    for path in [source, *included]:
        for number, line in enumerate(sources.texts.get(path, "").split("\n"), start=1):
            if folded and folded in html.unescape(line).casefold():
                return path, number
    return source, 1


def short(text: str) -> str:
    """A value as a message quotes it: its first 60 characters."""
    return text if len(text) <= 60 else text[:57] + "…"
