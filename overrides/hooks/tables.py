"""Tables that a phone can read: each cell carries the heading of its column (`data-label`), so
that below 600 px the stylesheet draws each row as a card of labelled fields instead of a table
squeezed to one word a line. A Markdown treeprocessor, on the table Markdown builds."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

LABEL = "data-label"


class _Labels(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            head = table.find("thead/tr")
            if head is None:
                continue
            labels = ["".join(cell.itertext()).strip() for cell in head]
            for row in table.iterfind("tbody/tr"):
                for label, cell in zip(labels, row):
                    if label:
                        cell.set(LABEL, label)


class LabelsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the inline patterns (20), so that a heading's text is its words, not its Markdown.
        md.treeprocessors.register(_Labels(md), "dp_table_labels", 7)


@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not any(isinstance(ext, LabelsExtension) for ext in config.markdown_extensions):
        config.markdown_extensions = [*config.markdown_extensions, LabelsExtension()]
    return config
