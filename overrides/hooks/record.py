"""The record of what the build made of each page's content, for the checks; and the stamps off.

After every other hook has acted on a page's content (markers, foreign words, moved anchors, a
page shown in the fallback language), and before the theme wraps it, the content is what the reader will get.
When the build runs for the checks (`make check`, `make build`: scripts/build.py sets
DP_BUILD_RECORD to a folder of its own), each page's content is written there as it stands,
stamps included, beside the page's source: the checks read what the reader gets, and tell what
the hooks generated (stamped) from what an edit wrote. What is published carries no stamp. A page
not yet translated, shown in the default language in another's build, is that language's page,
recorded in its own build: it is not recorded again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from overrides.hooks._site import page_language, rendering, shown_in_fallback

RECORD = "DP_BUILD_RECORD"


# Last of every hook on a page's content (the others run at 0).
@event_priority(-200)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = rendering(page)
    folder = os.environ.get(RECORD)
    if folder and not shown_in_fallback(page, config):
        record = {"source": f"docs/{page.file.src_uri}", "lang": page_language(page), "url": page.file.url,
                  "nonce": state.nonce, "html": html}
        path = Path(folder) / "pages" / f"{page.file.src_uri}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return state.unstamped(html)
