"""Heading permalinks titled in the page's language.

The toc extension gives every heading permalink the one title set in mkdocs.yml (French, the
default language), and static-i18n cannot override Markdown extensions per language.
"""

from __future__ import annotations

import re

from _shared import DEFAULT_LANGUAGE, WORDS, page_language

FRENCH_TITLE = re.compile(r'(<a class="headerlink" href="[^"]*" title=")Lien permanent(")')


def on_page_content(html, page, config, files):
    lang = page_language(page)
    if lang == DEFAULT_LANGUAGE:
        return html
    return FRENCH_TITLE.sub(rf'\g<1>{WORDS[lang]["heading_permalink"]}\g<2>', html)
