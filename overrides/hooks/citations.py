"""Metadata that citation managers and search engines read, and downloads to cite the declaration:
all from the data, never typed by hand.

- The full-text pages: schema.org JSON-LD (a CreativeWork whose genre is a political declaration:
  not legislation, which would overstate what it is; the English page a translation made by this
  site), Highwire `citation_*` meta (what Google Scholar and Zotero read) and Dublin Core.
- The explainer pages: schema.org Article, with the day they last changed (when the history
  knows it) and what they are about.
- declaration.bib, declaration.ris and declaration.csl.json: the declaration in French, and with
  each of the site's translations. The publisher is this site (the edition cited); Paris is where
  the declaration was made (CSL's event-place), not where the site is published. A language in
  progress is among them once its full-text page is translated.

A page not yet translated (untranslated.py) is the default language's: what it says of itself
is in that language, and its printout's header is marked as such.
"""

from __future__ import annotations

import json
from datetime import date

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from declaration import SOURCE_LANGUAGE
from overrides.hooks._citation import site_changed
from overrides.hooks._history import last_changes
from overrides.hooks._site import (
    FULL_TEXT_PAGE,
    languages,
    languages_in_progress,
    page_language,
    page_slug,
    page_url,
    publication,
    spelled_date,
    shown_in_fallback,
    the_declaration,
    untranslated_pages,
    words,
)

DOWNLOADS = ("declaration.bib", "declaration.ris", "declaration.csl.json")
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"
LANGUAGE_NAMES = {"fr": "french", "en": "english"}  # BibTeX's names; others keep their code


# After static-i18n (-100), which cannot sort files that have no source on disk. Generated in every
# language's build, as documentation files, so that every page links to them like to a page and
# the strict build checks those links; they are published once, at the root.
@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    in_progress = languages_in_progress(config)
    records = [_record(config, lang) for lang in languages(config)
               if lang not in in_progress or FULL_TEXT_PAGE not in untranslated_pages(config, lang)]
    for name, write in zip(DOWNLOADS, (_bibtex, _ris, _csl_json)):
        files.append(File.generated(config, name, content=write(records)))
    return files


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    lang, slug = page_language(page), page_slug(page)
    context["dp_print"] = _print_header(config, lang)
    if shown_in_fallback(page, config):
        context["dp_print"]["lang"] = lang
    if slug == FULL_TEXT_PAGE.removesuffix(".md"):
        record = _record(config, lang)
        context["dp_meta"] = _highwire(record) + _dublin_core(record, config)
        context["dp_meta_links"] = [("schema.DC", DUBLIN_CORE)]
        context["dp_json_ld"] = _json(_declaration(config, lang))
    elif slug in the_declaration(config).parts:
        context["dp_json_ld"] = _json(_article(config, page, lang))
    return context


def _record(config, lang: str) -> dict:
    """The declaration as the site publishes it in a language: the facts the citations need."""
    facts, language, known = publication(config), words(config, lang), the_declaration(config).facts
    origin, adopted = (known.facts.get(facts.origin), known.facts.get(facts.adopted)) if known else (None, None)
    changed = site_changed(config)
    return {"id": f"paris-declaration-{lang}", "lang": lang, "title": facts.title.get(lang, facts.title[SOURCE_LANGUAGE]),
            "issuer": facts.issuer, "date": facts.date, "place": facts.place, "url": page_url(config, lang),
            "site": str(language("site_name")), "edition": str(language("cite.edition")),
            "translated": lang != SOURCE_LANGUAGE, "changed": changed.isoformat() if changed else None,
            # What is known of the French text's origin, said with every description of it; and
            # where its adoption is reported (never "the source of the text": none is known).
            # (A fact that does not exist is the facts check's finding; the build goes on without it.)
            "origin": origin.statement.get(lang, "") if origin else "",
            "reported": [known.sources[source] for source in adopted.sources if source in known.sources] if adopted else [],
            "genre": str(language("cite.genre"))}


def _print_header(config, lang: str) -> dict:
    """What a printout of any page says of what it cites (main.html): the declaration's title and
    date, which text and translation, and the words for the day it is printed (print.js)."""
    record, language = _record(config, lang), words(config, lang)
    return {"title": record["title"], "date": record["date"],
            "spelled_date": spelled_date(date.fromisoformat(record["date"]), language),
            "edition": record["edition"], "printed": str(language("print.printed"))}


def _declaration(config, lang: str) -> dict:
    record, site = _record(config, lang), _site(config, lang)
    data = {"@context": "https://schema.org", "@type": "CreativeWork", "@id": record["url"] + "#declaration",
            "name": record["title"], "genre": record["genre"], "dateCreated": record["date"],
            "datePublished": record["date"], "inLanguage": lang, "url": record["url"],
            "creator": {"@type": "Organization", "name": record["issuer"]},
            "locationCreated": {"@type": "Place", "name": record["place"]}, "publisher": site,
            "version": record["edition"], "description": record["origin"],
            "subjectOf": [{"@type": "NewsArticle" if source.kind == "press" else "WebPage", "url": source.url,
                           "name": source.title, "datePublished": source.date.isoformat(),
                           "publisher": {"@type": "Organization", "name": source.publisher}}
                          for source in record["reported"]]}
    if record["changed"]:
        data["dateModified"] = record["changed"]
    others = [other for other in languages(config) if other != lang]
    if record["translated"]:
        data["translationOfWork"] = {"@id": page_url(config, SOURCE_LANGUAGE) + "#declaration"}
        data["translator"] = site
    else:
        data["workTranslation"] = [{"@id": page_url(config, other) + "#declaration"} for other in others]
    return data


def _article(config, page, lang: str) -> dict:
    data = {"@context": "https://schema.org", "@type": "Article", "headline": _headline(page),
            "description": _plain(page.meta.get("description", "")), "inLanguage": lang, "url": page.canonical_url,
            "about": {"@id": page_url(config, lang) + "#declaration"}, "publisher": _site(config, lang),
            "isPartOf": {"@type": "WebSite", "name": str(words(config, lang)("site_name")), "url": config.site_url}}
    changed = last_changes(config).get(f"docs/{page.file.src_uri}")
    if changed:
        data["dateModified"] = changed.isoformat()
    return data


def _headline(page) -> str:
    """The page's heading (its first-level entry in the table of contents), else its title."""
    first = next(iter(page.toc), None)
    return first.title if first is not None and first.level == 1 else _plain(page.meta.get("title") or page.title)


def _plain(value) -> str:
    """A front-matter value as text (page_meta.py made it escaped Markup, for the templates)."""
    return value.unescape() if isinstance(value, Markup) else str(value)


def _site(config, lang: str) -> dict:
    return {"@type": "Organization", "name": str(words(config, lang)("site_name")), "url": config.site_url}


def _json(data: dict) -> str:
    """JSON for a <script> element: no "</" can end it early."""
    return json.dumps(data, ensure_ascii=False, indent=1).replace("<", "\\u003c")


def _highwire(record: dict) -> list[tuple[str, str]]:
    meta = [("citation_title", record["title"]), ("citation_author", record["issuer"]),
            ("citation_publication_date", record["date"].replace("-", "/")), ("citation_date", record["date"].replace("-", "/")),
            ("citation_language", record["lang"]), ("citation_publisher", record["site"]),
            ("citation_public_url", record["url"])]
    if record["changed"]:
        meta.append(("citation_online_date", record["changed"].replace("-", "/")))
    return meta


def _dublin_core(record: dict, config) -> list[tuple[str, str]]:
    return [("DC.title", record["title"]), ("DC.creator", record["issuer"]), ("DC.date", record["date"]),
            ("DC.language", record["lang"]), ("DC.type", "Text"), ("DC.format", "text/html"),
            ("DC.identifier", record["url"]), ("DC.publisher", record["site"]),
            ("DC.description", record["origin"]), ("DC.rights", str(words(config, record["lang"])("copyright")))]


# The downloads --------------------------------------------------------------------------------------


def _note(record: dict) -> str:
    """Which text is cited, and what is known of its origin: a reference manager's note."""
    return " ".join(part for part in (f"{record['edition']}.", record["origin"]) if part)


def _bibtex(records: list[dict]) -> str:
    entries = []
    for record in records:
        year, month, _ = record["date"].split("-")
        fields = {"title": record["title"], "author": "{" + _bib(record["issuer"]) + "}", "year": year,
                  "month": str(int(month)), "date": record["date"], "language": LANGUAGE_NAMES.get(record["lang"], record["lang"]),
                  "howpublished": record["site"], "url": record["url"], "note": f"{_note(record)} {record['site']}"}
        if record["translated"]:
            fields["translator"] = "{" + _bib(record["site"]) + "}"
        if record["changed"]:
            fields["urldate"] = record["changed"]
        body = ",\n".join(f"  {name} = {{{value if name in ('author', 'translator') else _bib(value)}}}"
                          for name, value in fields.items())
        entries.append(f"@misc{{{record['id']},\n{body}\n}}\n")
    return "\n".join(entries)


def _bib(value: str) -> str:
    """A value as BibTeX text: its special characters escaped."""
    for char, escaped in (("\\", r"\textbackslash{}"), ("{", r"\{"), ("}", r"\}"), ("%", r"\%"), ("&", r"\&"),
                          ("#", r"\#"), ("$", r"\$"), ("_", r"\_"), ("^", r"\^{}"), ("~", r"\~{}")):
        value = value.replace(char, escaped)
    return value


def _ris(records: list[dict]) -> str:
    blocks = []
    for record in records:
        lines = [("TY", "GEN"), ("TI", record["title"]), ("AU", record["issuer"]), ("PY", record["date"][:4]),
                 ("DA", record["date"].replace("-", "/")), ("LA", record["lang"]), ("PB", record["site"]),
                 ("UR", record["url"]), ("N1", _note(record))]
        if record["translated"]:
            lines.append(("A4", record["site"]))
        if record["changed"]:
            lines.append(("Y2", record["changed"].replace("-", "/")))
        blocks.append("\n".join(f"{tag}  - {' '.join(value.split())}" for tag, value in lines) + "\nER  - \n")
    return "\n".join(blocks)


def _csl_json(records: list[dict]) -> str:
    items = []
    for record in records:
        issued = [int(part) for part in record["date"].split("-")]
        item = {"id": record["id"], "type": "document", "genre": record["genre"], "title": record["title"], "author": [{"literal": record["issuer"]}],
                "issued": {"date-parts": [issued]}, "language": record["lang"], "URL": record["url"],
                "publisher": record["site"], "event-place": record["place"], "note": _note(record)}
        if record["translated"]:
            item["translator"] = [{"literal": record["site"]}]
        if record["changed"]:
            item["accessed"] = {"date-parts": [[int(part) for part in record["changed"].split("-")]]}
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=1) + "\n"
