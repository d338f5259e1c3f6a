"""The record of changes, beyond its page: an Atom feed per language, linked from every page's
head, made from the same reviewed data as the Changes page (declaration/changes.yml), never from
commit subjects.

The feeds are written in the default language's build (static-i18n publishes generated files
once): changes.xml for the default language, <lang>/changes.xml for each other. A language in
progress may not say every change yet: its feed gives such an entry in the default language's
words, marked as such (xml:lang), as its Changes page does (_changes.py).
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from datetime import datetime, time, timezone

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from declaration import split_sentences
from overrides.hooks._changes import summary_of
from overrides.hooks._site import (
    build_language,
    default_language,
    language_folder,
    languages,
    the_declaration,
    words,
)

ATOM = "http://www.w3.org/2005/Atom"
FEED = "changes.xml"
CHANGES_PAGE = "changes.html"


# After static-i18n (-100), which cannot sort files that have no source on disk.
@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if build_language(config) == default_language(config):
        for lang in languages(config):
            files.append(File.generated(config, language_folder(config, lang) + FEED, content=_feed(config, lang)))
    return files


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    lang = build_language(config)  # the feed of the site's part the page is in
    context["dp_feed"] = {"href": config.site_url + language_folder(config, lang) + FEED,
                          "title": words(config, lang)("changes.feed")}
    return context


def _feed(config: MkDocsConfig, lang: str) -> str:
    language = words(config, lang)
    base = config.site_url + language_folder(config, lang)
    record = the_declaration(config).changes
    ElementTree.register_namespace("", ATOM)
    feed = ElementTree.Element(f"{{{ATOM}}}feed", {"xml:lang": lang})
    _add(feed, "title", str(language("changes.feed")))
    _add(feed, "id", base + FEED)
    ElementTree.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=base + FEED)
    ElementTree.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=base + CHANGES_PAGE)
    author = ElementTree.SubElement(feed, f"{{{ATOM}}}author")
    _add(author, "name", str(language("site_name")))
    _add(feed, "updated", _timestamp(record[0].date if record else None))
    for change in record:
        item = ElementTree.SubElement(feed, f"{{{ATOM}}}entry")
        said_in, summary = summary_of(change, lang, default_language(config))
        if said_in != lang:
            item.set("xml:lang", said_in)
        # A feed reader lists entries by title: the summary's first sentence.
        _add(item, "title", next(iter(split_sentences(summary)), summary))
        _add(item, "id", f"{base}{CHANGES_PAGE}#change-{change.id}")
        _add(item, "updated", _timestamp(change.date))
        ElementTree.SubElement(item, f"{{{ATOM}}}link", rel="alternate", type="text/html",
                               href=f"{base}{CHANGES_PAGE}#change-{change.id}")
        _add(item, "summary", summary)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(feed, encoding="unicode") + "\n"


def _add(parent, name: str, text: str) -> None:
    ElementTree.SubElement(parent, f"{{{ATOM}}}{name}").text = text


def _timestamp(day) -> str:
    """Atom wants a date-time; the record gives the day of each change: noon UTC, that day."""
    if day is None:
        return datetime(1970, 1, 1, tzinfo=timezone.utc).isoformat()
    return datetime.combine(day, time(12), tzinfo=timezone.utc).isoformat()
