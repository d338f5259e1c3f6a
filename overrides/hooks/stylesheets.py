"""The site's own stylesheets (mkdocs.yml's extra_css) published without their comments: the
comments explain each rule to the maintainers who read docs/assets/stylesheets/, and were half
of what a reader's phone downloaded of them (3 of 6 KB, gzip). Read and written with tinycss2,
the reader the assets check holds the stylesheets to; the published copy is checked again."""

from __future__ import annotations

import tinycss2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files


# After static-i18n (-100), which cannot sort files that have no source on disk.
@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for name in config.extra_css:
        file = files.get_file_from_path(name)
        if file is None or not name.endswith(".css") or file.generated_by:
            continue
        files.remove(file)
        files.append(File.generated(config, name, content=without_comments(file.content_string)))
    return files


def without_comments(css: str) -> str:
    """The stylesheet, every comment left out, at any depth (inside @media too); the rest as
    written."""
    return tinycss2.serialize(_without_comments(tinycss2.parse_stylesheet(css)))


def _without_comments(nodes: list) -> list:
    kept = []
    for node in nodes:
        if node.type == "comment":
            continue
        for part in ("prelude", "content"):
            if isinstance(getattr(node, part, None), list):
                setattr(node, part, _without_comments(getattr(node, part)))
        kept.append(node)
    return kept
