"""What the hooks share: the declaration, the page's language, the interface words, marker errors.

Private to the hooks (MkDocs puts this folder on sys.path while it loads them).
"""

from __future__ import annotations

import posixpath
from functools import cache

from mkdocs.exceptions import PluginError

import declaration

# Interface words, by language. Part names double as the labels of segments ("Volet 2, point 4").
WORDS = {
    "fr": {
        "original": "Texte original (français)",
        "translation": "Traduction anglaise (faite pour ce site)",
        "permalink": "Lien permanent vers ce passage",
        "heading_permalink": "Lien permanent",
        "search": "Recherche",
        "months": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                   "septembre", "octobre", "novembre", "décembre"],
        "explained_in": "Expliqué dans : ",
        "in_full_text": "Dans le texte intégral",
        "heading": "titre",
        "text": "texte",
        "item": "point",
        "parts": {
            "preamble": "Préambule",
            "closing": "Décision finale",
            "strand": "Volet",
        },
    },
    "en": {
        "original": "Original text (French)",
        "translation": "English translation (made for this site)",
        "permalink": "Permanent link to this passage",
        "heading_permalink": "Permanent link",
        "search": "Search",
        "months": ["January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December"],
        "explained_in": "Explained in: ",
        "in_full_text": "In the full text",
        "heading": "heading",
        "text": "text",
        "item": "item",
        "parts": {
            "preamble": "Preamble",
            "closing": "Closing decision",
            "strand": "Strand",
        },
    },
}

# The site's default language, built at the root; the others under /<lang>/.
DEFAULT_LANGUAGE = declaration.SOURCE_LANGUAGE
FULL_TEXT_PAGE = "text.md"
GLOSSARY_PAGE = "glossary.md"


def the_declaration() -> declaration.Declaration:
    """The declaration, read again whenever one of its files changes (`make serve` edits)."""
    stamp = tuple(path.stat().st_mtime_ns for path in sorted(declaration.HERE.iterdir()))
    return _load(stamp)


@cache
def _load(stamp: tuple) -> declaration.Declaration:
    return declaration.load()


def page_language(page) -> str:
    """static-i18n sets the locale of every page file; a page without one is a configuration error."""
    return page.file.locale


def page_slug(page) -> str:
    """The page's name without language suffix or extension: `strand-2` for strand-2.en.md."""
    return posixpath.basename(page.file.src_uri).split(".")[0]


def url_to(page, target_src: str, anchor: str = "") -> str:
    """A relative URL from this page to another page of the same language, by its source name."""
    target = target_src.removesuffix(".md") + ".html"
    here = posixpath.dirname(page.file.src_uri)
    url = posixpath.relpath(target, here or ".")
    return f"{url}#{anchor}" if anchor else url


def part_label(part: str, lang: str) -> str:
    parts = WORDS[lang]["parts"]
    if part.startswith("strand-"):
        return f"{parts['strand']} {part.removeprefix('strand-')}"
    return parts[part]


def segment_label(segment: declaration.Segment, lang: str) -> str:
    """A reader's name for a segment: "Volet 2, point 4", "Préambule, § 3", "Décision finale"."""
    words = WORDS[lang]
    part = part_label(segment.part, lang)
    tail = segment.id.removeprefix(segment.part).lstrip("-")
    if not tail:
        return part
    if tail.isdigit():
        return f"{part}, § {tail}"
    if tail.startswith("item-"):
        return f"{part}, {words['item']} {tail.removeprefix('item-')}"
    return f"{part}, {words[tail]}"


def marker_error(page, marker: str, message: str) -> PluginError:
    """A build error naming the Markdown file and the line of the faulty marker."""
    # Earlier steps may have expanded other markers: find the line in the file as written.
    source = page.file.content_string
    line = source.count("\n", 0, max(source.find(marker), 0)) + 1
    return PluginError(f"{page.file.src_path}:{line}: {message}")
