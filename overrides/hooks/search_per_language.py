"""Search in each language finds that language's pages, with that language's stemming.

static-i18n merges every language into one search/search_index.json, so the English interface
returned French pages, and French words were stemmed as English. After the last language is
built, this hook splits that index: the default language's pages stay in search/, each other
language's go to <lang>/search/, each with the stemmer Material's translations name for that
language (`search.config.lang`). A language lunr cannot stem (Material names no stemmer for it,
or ships none: Ukrainian) keeps its words whole, split only at the separator: stemming it as
English would find nothing. Pages of a language point Material's search at their index through
the `base` of its configuration. A page not yet translated into a language in progress is not in
that language's index (untranslated.py keeps it out); a language with no page translated yet
has an index all the same, empty.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from overrides.hooks._site import Patch, build_language, default_language, languages

HOOK = "overrides/hooks/search_per_language.py"
LUNR = "assets/javascripts/lunr/min/lunr.{}.min.js"
# Material's pipeline without the stemmer and the (English) stop words: words kept whole.
WHOLE_WORDS = ["trimmer"]


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    # The language whose pages the reader is among: a page not yet translated searches there too.
    lang = build_language(config)
    if lang == default_language(config):
        return output
    # Material fetches search/search_index.json relative to `base`, and resolves the locations of
    # results against it; for the pages of a language both are that language's subtree.
    return search_base(posixpath.relpath(".", posixpath.dirname(page.file.url) or "."), lang).apply(output)


def search_base(base: str, lang: str) -> Patch:
    return Patch(HOOK, f'"base": "{base}"', f'"base": "{base}/{lang}/"',
                 "each language searches its own index, found relative to Material's `base`")


def stemmer(config: MkDocsConfig, lang: str) -> str | None:
    """The lunr stemmer Material's translations name for a language, when the theme ships it."""
    theme = config.theme
    template = theme.get_env().get_template("partials/language.html", None, {"config": {"theme": {"language": lang}}})
    named = str(template.module.t("search.config.lang"))
    if named == "en":
        return "en" if lang == "en" else None
    return named if any((Path(folder) / LUNR.format(named)).is_file() for folder in theme.dirs) else None


# After static-i18n's own post_build (-100), which writes the merged index last.
@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    merged_path = Path(config.site_dir) / "search" / "search_index.json"
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    default, by_language = default_language(config), {}
    prefixes = {f"{lang}/": lang for lang in languages(config) if lang != default}
    for doc in merged["docs"]:
        prefix = doc["location"].split("/", 1)[0] + "/"
        lang = prefixes.get(prefix, default)
        location = doc["location"].removeprefix(prefix) if lang != default else doc["location"]
        by_language.setdefault(lang, []).append({**doc, "location": location})
    # During static-i18n's inner builds only some languages are in the index: write what is there
    # and leave the others' files for the final pass; a language none of whose pages is in it yet
    # (in progress, nothing translated) gets an empty index, once.
    for lang in languages(config):
        folder = Path(config.site_dir) / ("" if lang == default else lang) / "search"
        if lang not in by_language and (folder / "search_index.json").exists():
            continue
        docs = by_language.get(lang, [])
        folder.mkdir(parents=True, exist_ok=True)
        named = stemmer(config, lang)
        settings = {"lang": [named]} if named else {"lang": ["en"], "pipeline": WHOLE_WORDS}
        index = {**merged, "config": {**merged["config"], **settings}, "docs": docs}
        (folder / "search_index.json").write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                                                  encoding="utf-8")
