"""The record of changes (see markers.py, which calls it): `<!-- changes -->` on the Changes page
becomes what changed for readers (declaration/changes.yml), newest first, grouped by day: what
changed and why, in the page's language (a change a language in progress does not say yet: in
French, marked as such), and links to the pages it changed.

Shared with changes.py, which writes the same record as an Atom feed per language.
"""

from __future__ import annotations

import posixpath
from html import escape

from mkdocs.utils.meta import get_data

from declaration import SOURCE_LANGUAGE, Change
from overrides.hooks._site import spelled_date


def changes(marker, context) -> str:
    """The Changes page's list, as Markdown: a heading per day (so that the table of contents lists
    the days), the changes of that day as HTML held from Markdown."""
    lang, words, record = context.lang, context.words, context.declaration.changes
    titles = {posixpath.basename(file.src_uri).split(".")[0]: file for file in context.files.documentation_pages()}
    stamp = context.stamp("changes")
    if not record:
        return context.block(f"<p{stamp}>{escape(words('changes.none'))}</p>") + "\n"
    blocks = []
    for day in dict.fromkeys(change.date for change in record):
        blocks.append(f"## {spelled_date(day, words)} {{ #day-{day.isoformat()} {stamp.strip()} }}\n")
        items = "".join(_item(change, lang, words, titles) for change in record if change.date == day)
        blocks.append(context.block(f'<ul class="dp-changes"{stamp}>{items}</ul>') + "\n")
    return "\n".join(blocks)


def _item(change: Change, lang: str, words, pages) -> str:
    links = ", ".join(f'<a href="{slug}.html">{escape(_title(pages.get(slug), slug))}</a>' for slug in change.pages)
    said_in, summary = summary_of(change, lang, SOURCE_LANGUAGE)
    marked = f' lang="{said_in}"' if said_in != lang else ""
    return (f'<li id="change-{change.id}"><p{marked}>{escape(summary, quote=False)}</p>'
            f'<p>{escape(words("changes.pages"))} {links}</p></li>')


def summary_of(change: Change, lang: str, default: str) -> tuple[str, str]:
    """(the language it is said in, the summary) of a change: in the language, or, where a language
    in progress does not say it yet, in the default language's words (the facts check lists what
    a complete language lacks)."""
    if lang in change.summary:
        return lang, change.summary[lang]
    return default, change.summary.get(default, "")


def _title(file, slug: str) -> str:
    """A page's title, read from its front matter as MkDocs reads it: MkDocs fills a page's meta
    only when it renders that page, and the pages after the Changes page are not rendered yet."""
    title = get_data(file.content_string)[1].get("title") if file is not None else None
    return str(title) if title else slug
