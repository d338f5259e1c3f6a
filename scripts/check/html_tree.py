"""The built site's pages as trees of Elements, read by the checks' one HTML parser (selectolax:
lexbor, as browsers parse), to be searched by tag and attribute; each element with the line of
the page where it starts, found again by its id or address, for messages."""

from __future__ import annotations

import html as entities
from dataclasses import dataclass, field
from typing import Callable, Iterator

from selectolax.lexbor import LexborHTMLParser


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list = field(default_factory=list)  # Elements and text strings, in order
    parent: "Element | None" = None
    source: list = field(default_factory=list, repr=False)  # the page's lines, shared

    @property
    def line(self) -> int:
        """The line where the element starts, found by its id or address; 1 when it has neither."""
        for name in ("id", "href", "src"):
            if self.attrs.get(name):
                needle = f'{name}="{entities.escape(self.attrs[name], quote=True)}"'
                return next((number for number, line in enumerate(self.source, start=1) if needle in line), 1)
        return 1

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
    source = html.split("\n")
    root = Element("#document", {}, source=source)
    document = LexborHTMLParser(html).root
    pending = []
    if document is not None:
        top = Element(document.tag, {name: value or "" for name, value in document.attributes.items()}, parent=root,
                      source=source)
        root.children = [top]
        pending.append((document, top))
    while pending:
        node, element = pending.pop()
        child, built = node.child, []
        while child is not None:
            if child.tag == "-text":
                built.append(child.text(deep=False) or "")
            elif not child.tag.startswith("-"):
                inner = Element(child.tag, {name: value or "" for name, value in child.attributes.items()},
                                parent=element, source=source)
                built.append(inner)
                pending.append((child, inner))
            child = child.next
        element.children = built
    return root
