"""A small HTML tree for reading the built site, from the standard library's parser.

The built pages are generated, well-formed HTML; this reads them into nested Elements that can
be searched by tag and attribute, with the line of each element for error messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Callable, Iterator

VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                 "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list = field(default_factory=list)  # Elements and text strings, in order
    parent: "Element | None" = None

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def iter(self, predicate: Callable[["Element"], bool] = lambda _: True) -> Iterator["Element"]:
        for child in self.children:
            if isinstance(child, Element):
                if predicate(child):
                    yield child
                yield from child.iter(predicate)

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list["Element"]:
        def matches(element: Element) -> bool:
            return ((tag is None or element.tag == tag)
                    and (cls is None or cls in element.classes())
                    and all(element.attrs.get(name.rstrip("_")) == value for name, value in attrs.items()))
        return list(self.iter(matches))

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> "Element | None":
        found = self.find_all(tag, cls, **attrs)
        return found[0] if found else None

    def lang(self) -> str:
        """The language in force at this element (its own lang, or the nearest ancestor's)."""
        element = self
        while element is not None:
            if "lang" in element.attrs:
                return element.attrs["lang"]
            element = element.parent
        return ""


def parse(html: str) -> Element:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, 1)
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs}, self.getpos()[0],
                          parent=self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in VOID_ELEMENTS:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.stack.pop()

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)
