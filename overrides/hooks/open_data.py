"""The declaration as open data: the build publishes declaration.json (every segment with its ID,
permanent links, French text, its translations and part, and the glossary, in every language of
the site) beside its JSON Schema, declaration.schema.json."""

from __future__ import annotations

import json

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from declaration import SOURCE_LANGUAGE, TEXT_FILE
from overrides.hooks._site import data_root, languages, page_url, the_declaration

DATA_FILE = "declaration.json"
SCHEMA_FILE = "declaration.schema.json"
TRANSLATION_STATUS = "Made for this site; not official. The French text is the source."


# After static-i18n (-100), which cannot sort files that have no source on disk.
@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    # Generated as documentation files, so that pages link to them like to any page, the strict
    # build checks those links, and `make serve` serves them too.
    data = json.dumps(_data(config), ensure_ascii=False, indent=1) + "\n"
    schema = (data_root(config) / SCHEMA_FILE).read_text(encoding="utf-8")
    for name, content in ((DATA_FILE, data), (SCHEMA_FILE, schema)):
        files.append(File.generated(config, name, content=content))
    return files


def _data(config) -> dict:
    the_text, site_languages = the_declaration(config), languages(config)
    targets = [lang for lang in site_languages if lang != SOURCE_LANGUAGE]
    return {
        "source": {"language": SOURCE_LANGUAGE, "file": f"declaration/{TEXT_FILE}", "sha256": the_text.pinned_sha256},
        "translations": [{"language": lang, "file": f"declaration/translation.{lang}.yml", "status": TRANSLATION_STATUS}
                         for lang in targets],
        "segments": [
            {
                "id": segment.id,
                "line": segment.line,
                "kind": segment.kind,
                "part": segment.part,
                "anchor": {lang: f"{page_url(config, lang)}#{segment.id}" for lang in site_languages},
                "text": {SOURCE_LANGUAGE: segment.fr,
                         **{lang: segment.translations[lang].text for lang in targets if lang in segment.translations}},
            }
            for segment in the_text.segments
        ],
        "glossary": [
            {
                "id": term.id,
                "terms": {lang: {"term": side.term, "definition": side.definition}
                          for lang, side in term.sides.items() if lang in site_languages},
                "segments": [segment.id for segment in the_text.uses_of(term)],
            }
            for term in the_text.terms
        ],
    }
