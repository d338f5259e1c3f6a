"""Renderers for the quote markers (see markers.py, which calls them): the declaration's text,
put in by the build, never typed by an editor.

    <!-- quote: strand-2-heading..strand-2-item-5 -->
        the passage, the French beside the page's language (alone on French pages), row by row;
        `all` is the whole text, with its headings as the page's headings (the full-text page)
    [[strand-3-text.3]]  or  [[strand-2-item-4]]
        one sentence (or one segment) inline, in the page's language, linked to the full text
    <!-- source-sha256 -->
        the pinned SHA-256 of the text, for readers who want to verify their copy
"""

from __future__ import annotations

from html import escape

from declaration import SOURCE_LANGUAGE
from declaration.markers import QUOTE_ALL, parse_spec
from overrides.hooks._citation import citation
from overrides.hooks._site import FULL_TEXT_PAGE, page_slug, page_url, part_label, segment_label, url_to


def passage(marker, context) -> str:
    segments = context.declaration.by_id
    chosen = [segments[segment_id] for segment_id in parse_spec(marker.target, list(segments))]
    whole_text = marker.target == QUOTE_ALL
    if whole_text:
        context.page.meta["dp_citable"] = True  # main.html then loads cite.js
    html = _passage(chosen, context, whole_text, context.stamp("passage", marker.target))
    return f"\n\n{context.block(html)}\n\n"


def sentence(marker, context) -> str:
    segment = context.declaration.by_id.get(marker.target)
    if segment is None:
        raise LookupError(f"unknown segment in {marker.text}: use an ID from declaration/segments.yml")
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


def _passage(segments: list, context, whole_text: bool, stamp: str) -> str:
    languages = list(dict.fromkeys((SOURCE_LANGUAGE, context.lang)))
    rows = [f'<div class="dp-passage dp-passage--{len(languages)}"{stamp}>']
    if whole_text:
        # Where cite.js says that a link or a citation was copied, for screen readers.
        rows.append('<p class="dp-announce" role="status"></p>')
    if len(languages) > 1:
        labels = (context.words("passage.original"), context.words("passage.translation"))
        rows.append('<div class="dp-columns">'
                    + "".join(f"<span>{escape(label)}</span>" for label in labels) + "</div>")
    in_list = False
    for segment in segments:
        is_item = segment.kind == "item"
        if is_item != in_list:
            rows.append('<ul class="dp-list">' if is_item else "</ul>")
            in_list = is_item
        rows.append(_row(segment, context, languages, whole_text))
    rows.append("</ul></div>" if in_list else "</div>")
    return "\n".join(rows)


def _row(segment, context, languages: list[str], whole_text: bool) -> str:
    tag = "li" if segment.kind == "item" else "div"
    columns = []
    for lang in languages:
        if segment.kind == "heading" and whole_text:
            # On the full-text page the declaration's own headings are the page's headings, in
            # the page's language; the French beside them is a plain line.
            inner = "h2" if lang == context.lang else "p"
        else:
            inner = "span" if tag == "li" else "p"
        role = "dp-original" if lang == SOURCE_LANGUAGE else "dp-translation"
        heading = " dp-heading" if segment.kind == "heading" else ""
        # Each language's search index holds that language's words: the other column stays out.
        excluded = "" if lang == context.lang else " data-search-exclude"
        columns.append(f'<{inner} class="{role}{heading}" lang="{lang}"{excluded}>'
                       f"{_sentences(segment, lang, with_ids=lang == SOURCE_LANGUAGE)}</{inner}>")
    return (f'<{tag} class="dp-row dp-{segment.kind}" id="{segment.id}">' + "".join(columns)
            + _row_links(segment, context, whole_text) + f"</{tag}>")


def _sentences(segment, lang: str, with_ids: bool) -> str:
    sentences = segment.sentences(lang)
    if len(sentences) == 1 or not with_ids:
        return escape(" ".join(sentences), quote=False)
    return " ".join(f'<span id="{segment.id}-s{number}">{escape(text, quote=False)}</span>'
                    for number, text in enumerate(sentences, start=1))


def _row_links(segment, context, whole_text: bool) -> str:
    """The passage's permanent link and where it is explained; on the full text, its copy-link and
    cite controls: plain links and a <details> without JavaScript, buttons that copy with it
    (cite.js shows them)."""
    words = context.words
    label = segment_label(segment, words)
    permalink = (f'<a class="dp-permalink" href="#{segment.id}" title="{escape(words("passage.permalink"))}">'
                 f"{escape(label)}</a>")
    if page_slug(context.page) == segment.part:
        elsewhere = (f'<a href="{url_to(context.page, FULL_TEXT_PAGE, segment.id)}">'
                     f'{escape(words("passage.in_full_text"))}</a>')
    else:
        explained = words("passage.explained_in", part=part_label(segment.part, words))
        elsewhere = f'<a href="{url_to(context.page, segment.part + ".md")}">{escape(explained)}</a>'
    controls = ""
    if whole_text:
        cited = citation(context.config, context.lang, label, f"{page_url(context.config, context.lang)}#{segment.id}")
        controls = (f' <button type="button" class="dp-copy" data-dp-copy="link" '
                    f'data-dp-done="{escape(words("cite.link_copied"))}" hidden>{escape(words("cite.copy_link"))}</button>'
                    f'<details class="dp-cite"><summary>{escape(words("cite.cite"))}</summary>'
                    f'<p class="dp-citation">{escape(cited, quote=False)}</p>'
                    f'<button type="button" class="dp-copy" data-dp-copy="citation" '
                    f'data-dp-done="{escape(words("cite.citation_copied"))}" hidden>{escape(words("cite.copy_citation"))}'
                    "</button></details>")
    return f'<div class="dp-links" data-search-exclude>{permalink} · {elsewhere}{controls}</div>'
