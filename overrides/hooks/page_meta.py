"""Each page's metadata, safe in the theme's templates, and its date of last change.

MkDocs' templates do not escape, and Material prints the title and description of a page's front
matter raw, in text and in attributes: every front-matter value, given its language's spacing as
the page's words are (typography.py), becomes escaped text (markupsafe's
Markup, which Jinja's `e` filter leaves as it is), so that a quote or a bracket in it is only that.

The date is that of the last commit that changed the page's own file (from git, which gives none
that a shallow clone cannot confirm), the one date a page shows, written the way its language writes dates
(babel, with the locale of the language's interface words; on a page not yet translated, in the
words of the language it is shown in, as the theme around it). The "edit this page" link comes from
MkDocs' own edit_uri (mkdocs.yml).
"""

from __future__ import annotations

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from declaration.typography import spacing
from overrides.hooks._history import last_changes
from overrides.hooks._site import build_language, page_language, spelled_date, words


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    spaced = spacing(page_language(page))
    page.meta.update({key: escape(spaced(value)) for key, value in page.meta.items() if isinstance(value, str)})
    changed = last_changes(config).get(f"docs/{page.file.src_uri}")
    if changed:
        language = words(config, build_language(config))
        page.meta["dp_updated"] = language("page.updated", date=spelled_date(changed, language))
    return markdown
