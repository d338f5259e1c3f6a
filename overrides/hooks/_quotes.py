"""Renderers for the quote markers (see markers.py, which calls them): the declaration's text,
put in by the build, never typed by an editor.

    <!-- quote: strand-2-heading..strand-2-item-5 -->
        the passage, the French beside the page's language (alone on French pages), row by row,
        each row linked to the full text;
    <!-- quote: all -->
        the whole text (the full-text page), part by part under labels of the site's (Preamble,
        Strand 1…, Closing decision, in the table of contents and a jump bar), with one quiet
        control per passage: its label, which opens its permanent link, its citation and where it
        is explained; and, where an official version differs in meaning, its words beside it;
    [[strand-3-text.3]]  or  [[strand-2-item-4]]
        one sentence (or one segment) inline, in the page's language, linked to the full text;
    <!-- source-sha256 -->
        the pinned SHA-256 of the text, for readers who want to verify their copy.

The markup is the templates' (overrides/partials/dp/), which escape every value.
"""

from __future__ import annotations

from functools import cache
from html import escape
from itertools import groupby
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from declaration import SOURCE_LANGUAGE
from declaration.markers import QUOTE_ALL, did_you_mean, parse_spec
from overrides.hooks._citation import citation
from overrides.hooks._site import FULL_TEXT_PAGE, page_url, part_label, project_root, segment_label, url_to

TEMPLATES = "overrides/partials/dp"


@cache
def _templates(folder: Path) -> Environment:
    return Environment(loader=FileSystemLoader(folder), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=False, keep_trailing_newline=False)


def _render(context, name: str, **values) -> str:
    return _templates(project_root(context.config) / TEMPLATES).get_template(name).render(**values)


def passage(marker, context) -> str:
    segments = context.declaration.by_id
    chosen = [segments[segment_id] for segment_id in parse_spec(marker.target, list(segments))]
    if marker.target == QUOTE_ALL:
        context.page.meta["dp_citable"] = True  # main.html then loads cite.js
        return _whole_text(chosen, context)
    return f"\n\n{context.block(_passage(chosen, context, False))}\n\n"


def _whole_text(chosen: list, context) -> str:
    """Each part of the text under the site's label for it (a heading of the page, in its table of
    contents): what the labels say is the site's, not the declaration's."""
    words = context.words
    parts = [(part, list(segments)) for part, segments in groupby(chosen, key=lambda segment: segment.part)]
    jump = "".join(f'<a href="#part-{part}">{escape(part_label(part, words, "parts.short"))}</a>' for part, _ in parts)
    blocks = [context.block(f'<nav class="dp-jump" aria-label="{escape(words("passage.jump"))}"'
                            f'{context.stamp("jump")}>{jump}</nav>'
                            # Where cite.js says that a link or a citation was copied, for screen readers.
                            f'<p class="dp-announce" role="status"{context.stamp("announce")}></p>')]
    for part, segments in parts:
        stamp = context.stamp("part", part).strip()
        blocks.append(f"## {escape(part_label(part, words))} {{ #part-{part} .dp-part {stamp} }}")
        blocks.append(context.block(_passage(segments, context, True)))
    return "\n\n" + "\n\n".join(blocks) + "\n\n"


def sentence(marker, context) -> str:
    segment = context.declaration.by_id.get(marker.target)
    if segment is None:
        raise LookupError(f"unknown segment in {marker.text}: " + did_you_mean(
            marker.target, context.declaration.by_id, "an ID from declaration/segments.yml"))
    sentences, anchor = segment.sentences(context.lang), segment.id
    if marker.sentence:
        count = len(segment.fr_sentences)
        if marker.sentence > count:
            raise LookupError(f"{marker.text}: segment '{segment.id}' has {count} sentence(s)")
        sentences = sentences[marker.sentence - 1:marker.sentence]
        if count > 1:
            anchor = f"{segment.id}-s{marker.sentence}"
    href = url_to(context.page, FULL_TEXT_PAGE, anchor)
    reference = f"{segment.id}.{marker.sentence}" if marker.sentence else segment.id
    return context.inline(f'<q class="dp-quote" lang="{context.lang}"{context.stamp("quote", reference)}><a href="{href}">'
                          f'{escape(" ".join(sentences), quote=False)}</a></q>')


def source_hash(marker, context) -> str:
    return context.inline(f'<code{context.stamp("hash")}>{context.declaration.pinned_sha256}</code>')


def _passage(segments: list, context, whole_text: bool) -> str:
    words = context.words
    languages = list(dict.fromkeys((SOURCE_LANGUAGE, context.lang)))
    # The reader's choice of the French, the translation or both: once a page, before its first
    # bilingual passage (text-choice.js shows it; without it, both are shown).
    choice = len(languages) > 1 and not context.page.meta.get("dp_choice")
    if choice:
        context.page.meta["dp_choice"] = True  # main.html then loads text-choice.js
    return _render(context, "passage.html", languages=languages, whole_text=whole_text,
                   choice={"label": words("passage.show"), "original": words("passage.show_original"),
                           "translation": words("passage.show_translation"), "both": words("passage.show_both"),
                           "stamp": context.stamp("choice")} if choice else None,
                   stamp=context.stamp("passage", " ".join(segment.id for segment in segments)),
                   columns=[words("passage.original"), words("passage.translation")],
                   rows=[_row(segment, context, languages, whole_text) for segment in segments])


def _row(segment, context, languages: list[str], whole_text: bool) -> dict:
    words = context.words
    label = segment_label(segment, words)
    columns = []
    for lang in languages:
        if segment.kind == "heading" and whole_text:
            # On the full text the declaration's own headings are headings of the page (under the
            # site's label of their part), in the page's language; the French beside them a line.
            tag = "h3" if lang == context.lang else "p"
        else:
            tag = "span" if segment.kind == "item" else "p"
        sentences = segment.sentences(lang)
        with_ids = lang == SOURCE_LANGUAGE and len(sentences) > 1
        columns.append({
            "role": "dp-original" if lang == SOURCE_LANGUAGE else "dp-translation", "lang": lang, "tag": tag,
            # Each language's search index holds that language's words: the other column stays out.
            "excluded": lang != context.lang,
            "label": words("passage.original_short" if lang == SOURCE_LANGUAGE else "passage.translation_short"),
            "sentences": [{"id": f"{segment.id}-s{number}" if with_ids else "", "text": text}
                          for number, text in enumerate(sentences, start=1)],
            # Wherever the site shows the passage, the official version's words where they differ.
            "official": _official(segment, context) if lang == languages[-1] else None,
        })
    row = {"id": segment.id, "kind": segment.kind, "item": segment.kind == "item", "columns": columns, "label": label,
           "actions": None, "link": None}
    if whole_text and segment.kind != "item":
        cited = citation(context.config, context.lang, label, f"{page_url(context.config, context.lang)}#{segment.id}")
        row["actions"] = {"permalink": words("passage.permalink"), "copy_link": words("cite.copy_link"),
                          "link_copied": words("cite.link_copied"), "citation": cited,
                          "copy_citation": words("cite.copy_citation"), "citation_copied": words("cite.citation_copied"),
                          "explained": words("passage.explained_in", part=part_label(segment.part, words)),
                          "explained_href": url_to(context.page, segment.part + ".md", segment.id)}
    elif not whole_text and segment.kind != "item":
        row["link"] = {"href": url_to(context.page, FULL_TEXT_PAGE, segment.id)}
    return row


def _official(segment, context) -> dict | None:
    """An official version's words for the segment, where they differ in meaning from the French."""
    sources = context.declaration.facts.sources if context.declaration.facts else {}
    for version in context.declaration.versions:
        if version.source not in sources:
            continue
        difference = version.differences.get(segment.id, {}).get(context.lang)
        paragraphs = version.segments.get(segment.id)
        if difference and paragraphs:
            source = sources[version.source]
            return {"summary": context.words("passage.official"), "lang": version.lang,
                    "words": list(paragraphs), "difference": difference, "source_label": context.words("facts.source"),
                    "url": source.url, "publisher": f"{source.publisher}, {source.title}"}
    return None
