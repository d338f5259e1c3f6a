"""Permanent links stay permanent: an anchor the site once published and that now points
elsewhere on its page (declaration/anchors.yml, `moved:`) keeps working. The build puts an empty
element with the old id just before the element that has the new one, so that a link to the old
anchor lands where its content now is. The anchors check (make check) holds every published
anchor to that file."""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from overrides.hooks._site import page_slug, published_anchors, rendering

HOOK = "overrides/hooks/permanent_anchors.py"


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    anchors = published_anchors(config)
    slug = page_slug(page)
    for (old_page, old), (new, line) in anchors.moved.items():
        if old_page != slug:
            continue
        target = re.search(rf'<[a-zA-Z][a-zA-Z0-9]*\b[^<>]*\sid="{re.escape(new)}"', html)
        if target is None:
            raise PluginError(f"declaration/{anchors.path.name}:{line}: {old_page}#{old} is recorded as moved to "
                              f"#{new}, which docs/{page.file.src_uri} lacks: point it to an anchor the page has")
        stamp = rendering(page).stamp("moved", old)
        html = html[:target.start()] + f'<span id="{old}" class="dp-moved"{stamp}></span>' + html[target.start():]
    return html
