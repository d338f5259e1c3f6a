"""The record of changes, beyond its page: an Atom feed per language, linked from every page's
head; and a note at the foot of every page that has changed since it was first published.

The feeds are written in the default language's build (static-i18n publishes generated files
once): changes.xml for the default language, <lang>/changes.xml for each other. Dates come from
the history only: a shallow clone's feed holds what it knows, and its pages show no note.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from datetime import datetime, time, timezone
from html import escape

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from overrides.hooks._changes import entries
from overrides.hooks._history import read_history
from overrides.hooks._site import (build_language, default_language, language_folder, languages, page_language,
                                   project_root, rendering, repository, spelled_date, words)

ATOM = "http://www.w3.org/2005/Atom"
FEED = "changes.xml"
CHANGES_PAGE = "changes.html"


def on_pre_build(config):
    """Each build reads the history afresh, once."""
    read_history.cache_clear()


# After static-i18n (-100), which cannot sort files that have no source on disk.
@event_priority(-110)
def on_files(files, config):
    if build_language(config) == default_language(config):
        current = {file.src_uri.split(".")[0] for file in files.documentation_pages()}
        for lang in languages(config):
            files.append(File.generated(config, language_folder(config, lang) + FEED, content=_feed(config, lang, current)))
    return files


def on_page_context(context, page, config, nav):
    lang = page_language(page)
    context["dp_feed"] = {"href": config.site_url + language_folder(config, lang) + FEED,
                          "title": words(config, lang)("changes.feed")}
    return context


def on_page_content(html, page, config, files):
    """A page changed since it was first published says so, at its foot."""
    history = read_history(project_root(config))
    path = f"docs/{page.file.src_uri}"
    first, last = history.first_change(path), history.last_change(path)
    if not first or not last or first == last:
        return html
    language = words(config, page_language(page))
    since = language("changes.since", date=spelled_date(first, language))
    return (html + f'<aside class="dp-changed"{rendering(page).stamp("changed")}><p>{escape(since)} '
            f'<a href="{CHANGES_PAGE}">{escape(language("changes.see"))}</a></p></aside>')


def _feed(config, lang: str, current: set[str]) -> str:
    language = words(config, lang)
    base = config.site_url + language_folder(config, lang)
    root = project_root(config)
    found = entries(root, lang, language, current)
    ElementTree.register_namespace("", ATOM)
    feed = ElementTree.Element(f"{{{ATOM}}}feed", {"xml:lang": lang})
    _add(feed, "title", str(language("changes.feed")))
    _add(feed, "id", base + FEED)
    ElementTree.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=base + FEED)
    ElementTree.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=base + CHANGES_PAGE)
    author = ElementTree.SubElement(feed, f"{{{ATOM}}}author")
    _add(author, "name", str(language("site_name")))
    history = read_history(root)
    _add(feed, "updated", _timestamp(found[0].change.day if found else history.last))
    commits = f"{repository(config)}/commit/"
    for entry in found:
        item = ElementTree.SubElement(feed, f"{{{ATOM}}}entry")
        _add(item, "title", entry.change.subject)
        _add(item, "id", f"{commits}{entry.change.sha}")
        _add(item, "updated", _timestamp(entry.change.day))
        ElementTree.SubElement(item, f"{{{ATOM}}}link", rel="alternate", type="text/html",
                               href=f"{base}{CHANGES_PAGE}#{entry.anchor}")
        ElementTree.SubElement(item, f"{{{ATOM}}}link", rel="related", href=f"{commits}{entry.change.sha}")
        what = [f"{language('changes.pages')} {', '.join(title for _, title in entry.pages)}"] if entry.pages else []
        what += [f"{language('changes.data')} {', '.join(entry.data)}"] if entry.data else []
        _add(item, "summary", " ".join(what))
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(feed, encoding="unicode") + "\n"


def _add(parent, name: str, text: str) -> None:
    ElementTree.SubElement(parent, f"{{{ATOM}}}{name}").text = text


def _timestamp(day) -> str:
    """Atom wants a date-time; the history gives the day of each change: noon UTC, that day."""
    if day is None:
        return datetime(1970, 1, 1, tzinfo=timezone.utc).isoformat()
    return datetime.combine(day, time(12), tzinfo=timezone.utc).isoformat()

