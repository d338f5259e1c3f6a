"""The record of changes (see markers.py, which calls it): `<!-- changes -->` on the Changes page
becomes every change of the content that the history holds, newest first, grouped by day: what
changed in the words of the commit's subject, which pages and data, and a link to the change.

Shared with changes.py, which writes the same record as an Atom feed.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from declaration import ID, LANGUAGE_CODE
from declaration.files import InputError, parse_yaml, read_text
from declaration.markers import scan
from overrides.hooks._history import Change, read_history
from overrides.hooks._site import project_root, repository, spelled_date

# Which data file is whose: the data of every language, or the translation and words of one.
DATA_FILES = {"declaration.fr.txt": "text", "declaration.fr.txt.sha256": "text", "segments.yml": "segments",
              "glossary.yml": "glossary", "meaning.yml": "meaning", "publication.yml": "publication"}
OF_A_LANGUAGE = re.compile(rf"(?P<kind>translation|interface)\.(?P<lang>{LANGUAGE_CODE.pattern})\.yml")
PAGE = re.compile(rf"docs/(?P<snippet>_snippets/)?(?P<slug>{ID.pattern})\.(?P<lang>{LANGUAGE_CODE.pattern})\.md")


@dataclass(frozen=True)
class Entry:
    change: Change
    pages: tuple[tuple[str, str], ...]  # (slug, title) of this language's pages it changed
    data: tuple[str, ...]  # the data it changed, in words

    @property
    def anchor(self) -> str:
        return f"change-{self.change.sha[:10]}"


def entries(root: Path, lang: str, language_words, current_pages: set[str]) -> list[Entry]:
    """The changes that concern a language's readers, newest first."""
    found = []
    for change in read_history(root).changes:
        pages, data = {}, []
        for path in change.files:
            page = PAGE.fullmatch(path)
            if page and page["lang"] == lang:
                if page["snippet"]:
                    data.append(language_words("changes.files.snippets"))
                elif page["slug"] in current_pages:
                    pages[page["slug"]] = _title(root / path) or page["slug"]
                continue
            name = posixpath.basename(path)
            own = OF_A_LANGUAGE.fullmatch(name)
            if own and own["lang"] == lang:
                data.append(language_words("changes.files." + ("translation" if own["kind"] == "translation" else "words")))
            elif name in DATA_FILES:
                data.append(language_words(f"changes.files.{DATA_FILES[name]}"))
        if pages or data:
            found.append(Entry(change, tuple(pages.items()), tuple(dict.fromkeys(data))))
    return found


def changes(marker, context) -> str:
    """The Changes page's list, as Markdown: a heading per day (so that the table of contents
    lists the days), the changes of that day as HTML held from Markdown."""
    root = project_root(context.config)
    language, lang = context.words, context.lang
    current = {posixpath.basename(file.src_uri).split(".")[0] for file in context.files.documentation_pages()}
    found = entries(root, lang, language, current)
    history = read_history(root)
    stamp = context.stamp("changes")
    blocks = [] if history.complete else [context.block(f'<p class="dp-history-incomplete"{stamp}>'
                                                        f'{escape(language("changes.incomplete"))}</p>')]
    if not found:
        blocks.append(context.block(f"<p{stamp}>{escape(language('changes.none'))}</p>"))
    commits = f"{repository(context.config)}/commit/"
    for day in dict.fromkeys(entry.change.day for entry in found):
        blocks.append(f"## {spelled_date(day, language)} {{ #day-{day.isoformat()} {stamp.strip()} }}\n")
        items = "".join(_item(entry, language, commits) for entry in found if entry.change.day == day)
        blocks.append(context.block(f'<ul class="dp-changes"{stamp}>{items}</ul>') + "\n")
    return "\n".join(blocks)


def _item(entry: Entry, language, commits: str) -> str:
    parts = [f'<p class="dp-change-subject">{escape(entry.change.subject)}</p>']
    if entry.pages:
        links = ", ".join(f'<a href="{slug}.html">{escape(title)}</a>' for slug, title in entry.pages)
        parts.append(f"<p>{escape(language('changes.pages'))} {links}</p>")
    if entry.data:
        parts.append(f"<p>{escape(language('changes.data'))} {escape(', '.join(entry.data))}</p>")
    parts.append(f'<p><a href="{commits}{entry.change.sha}">{escape(language("changes.commit"))}</a></p>')
    return f'<li id="{entry.anchor}">{"".join(parts)}</li>'


def _title(path: Path) -> str | None:
    """A page's title, from its front matter (pages are rendered one by one: another page's title
    may not be known yet)."""
    text, problems = read_text(path)
    if text is None or problems:
        return None
    front_matter = scan(text).front_matter
    try:
        data = parse_yaml(front_matter, path) if front_matter else None
    except InputError:
        return None
    return str(data["title"]) if isinstance(data, dict) and data.get("title") else None
