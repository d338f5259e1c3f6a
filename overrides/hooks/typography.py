"""French typography put in by the build, where nobody can be expected to type it.

Nobody types a narrow no-break space in GitHub's web editor: the pages are written with plain
spaces, and the build gives the French its spaces (declaration/typography.py says which) in the
words Markdown renders, through a Markdown treeprocessor of the build's language. Never in code,
in quotations (block quotes, <q>, the words between « »), in what is marked as another language,
or in what the hooks generate (stamped): the declaration's own words keep their own spacing. Pages in other languages keep theirs, but for the
spaces inside « », which a French quotation keeps in any language. A page is spaced as the language
it is written in: a page not yet translated, shown in French in another language's build, too.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from declaration.typography import spacing
from overrides.hooks._site import STAMP, build_language, page_language

# Code, and quotations: a block quote or a <q> holds its source's words (the declaration's, as
# the quotes check holds them), with their own spacing.
UNTOUCHED = {"code", "pre", "kbd", "samp", "script", "style", "blockquote", "q"}


class _Spacing(Treeprocessor):
    def __init__(self, md: Markdown, lang: str):
        super().__init__(md)
        self.lang = lang
        self.fix = spacing(lang)

    def run(self, root: etree.Element) -> None:
        self._element(root, active=True)

    def _element(self, element: etree.Element, active: bool) -> None:
        own = active and element.tag not in UNTOUCHED and STAMP not in element.attrib \
            and element.get("lang", self.lang) == self.lang
        if own and element.text:
            element.text = self.fix(element.text)
        for child in element:
            self._element(child, own)
            if own and child.tail:  # the text after a child is its parent's
                child.tail = self.fix(child.tail)


class SpacingExtension(Extension):
    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang

    def extendMarkdown(self, md: Markdown) -> None:
        # After attr_list (8), which sets `lang` and the stamps; before toc (5), so that the table
        # of contents shows the headings as the page does.
        md.treeprocessors.register(_Spacing(md, self.lang), "dp_spacing", 6)


# After static-i18n's on_config (-100), which sets the language of the build under way.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    extensions = [ext for ext in config.markdown_extensions if not isinstance(ext, SpacingExtension)]
    config.markdown_extensions = [*extensions, SpacingExtension(build_language(config))]
    return config


# Before MkDocs renders the page, when its Markdown is made with the extensions (one per page).
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    for extension in config.markdown_extensions:
        if isinstance(extension, SpacingExtension):
            extension.lang = page_language(page)
    return markdown
