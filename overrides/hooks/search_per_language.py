"""Search in each language finds that language's pages, with that language's stemming.

static-i18n merges both languages into one search/search_index.json, so the English interface
returned French pages and French words were stemmed as English. After the last language is
built, this hook splits that index: French pages (stemmed as French) stay in
search/search_index.json; English pages go to en/search/search_index.json, and English pages
point Material's search at it by their `__config` base.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from _shared import DEFAULT_LANGUAGE, page_language

CONFIG_BASE = re.compile(r'(<script id="__config"[^>]*>[^<]*?"base":\s*")([^"]*)(")')


def on_post_page(output, page, config):
    lang = page_language(page)
    if lang == DEFAULT_LANGUAGE:
        return output
    # Material fetches search/search_index.json relative to `base`, and resolves the locations
    # of results against it; for English pages both are the English subtree.
    return CONFIG_BASE.sub(lambda m: f"{m[1]}{m[2].rstrip('/')}/{lang}/{m[3]}", output, count=1)


# After static-i18n's own post_build (-100), which writes the merged index last.
@event_priority(-200)
def on_post_build(config):
    merged_path = Path(config.site_dir) / "search" / "search_index.json"
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    by_language: dict[str, list] = {}
    for doc in merged["docs"]:
        prefix, _, rest = doc["location"].partition("/")
        if rest and len(prefix) == 2 and prefix != DEFAULT_LANGUAGE and prefix.isalpha():
            by_language.setdefault(prefix, []).append({**doc, "location": rest})
        else:
            by_language.setdefault(DEFAULT_LANGUAGE, []).append(doc)
    # During static-i18n's inner builds only one language is in the index: write what is there
    # and leave the other language's file for the final pass.
    for lang, docs in by_language.items():
        folder = Path(config.site_dir) / ("" if lang == DEFAULT_LANGUAGE else lang) / "search"
        folder.mkdir(parents=True, exist_ok=True)
        index = {**merged, "config": {**merged["config"], "lang": [lang]}, "docs": docs}
        (folder / "search_index.json").write_text(
            json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
