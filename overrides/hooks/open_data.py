"""The declaration as open data: the build publishes declaration.json (every segment with its
ID, permanent links, French text, English translation and part, and the glossary) beside its
JSON Schema, declaration.schema.json."""

from __future__ import annotations

import json
from urllib.parse import urljoin

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

import declaration

from _shared import FULL_TEXT_PAGE, the_declaration

DATA_FILE = "declaration.json"
SCHEMA_FILE = "declaration.schema.json"
TRANSLATION_STATUS = "Made for this site; not official. The French text is the source."


# After static-i18n (-100), which cannot sort files that have no source on disk.
@event_priority(-110)
def on_files(files, config):
    # Generated as documentation files, so that pages link to them like to any page, the strict
    # build checks those links, and `make serve` serves them too.
    data = json.dumps(_data(config.site_url), ensure_ascii=False, indent=1) + "\n"
    schema = (declaration.HERE / SCHEMA_FILE).read_text(encoding="utf-8")
    for name, content in ((DATA_FILE, data), (SCHEMA_FILE, schema)):
        files.append(File.generated(config, name, content=content))
    return files


def _data(site_url: str) -> dict:
    the_text = the_declaration()
    page = FULL_TEXT_PAGE.removesuffix(".md") + ".html"
    return {
        "source": {"language": declaration.SOURCE_LANGUAGE, "file": f"declaration/{declaration.TEXT_FILE}",
                   "sha256": the_text.pinned_sha256},
        "translation": {"language": "en", "status": TRANSLATION_STATUS},
        "segments": [
            {
                "id": segment.id,
                "line": segment.line,
                "kind": segment.kind,
                "part": segment.part,
                "anchor": {"fr": urljoin(site_url, f"{page}#{segment.id}"),
                           "en": urljoin(site_url, f"en/{page}#{segment.id}")},
                "fr": segment.fr,
                "en": segment.en,
            }
            for segment in the_text.segments
        ],
        "glossary": [
            {
                "id": term.id,
                **{lang: {"term": term[lang].term, "definition": term[lang].definition} for lang in ("fr", "en")},
                "segments": [segment.id for segment in the_text.uses_of(term)],
            }
            for term in the_text.terms
        ],
    }
