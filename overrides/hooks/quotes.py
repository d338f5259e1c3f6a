"""Quotes of the declaration: pages name segments, this hook puts in their text.

Three markers, and nothing else that looks like them:

    <!-- quote: strand-2-heading..strand-2-item-5 -->    (alone on its line)
        the passage, French and English aligned row by row; `all` quotes the whole text, with
        its headings as headings (the full-text page). IDs and ranges may be mixed.
    [[strand-3-text.3]]  or  [[strand-2-item-4]]
        one sentence (or one segment) inline: the French on French pages, the English on
        English pages, linked to its place in the full text.
    <!-- source-sha256 -->
        the pinned SHA-256 of the text, for readers who want to verify their copy.

An unknown segment, a bad range or a malformed marker fails the build with file and line.
"""

from __future__ import annotations

import html
import re

from declaration.markers import (
    INLINE_QUOTE,
    INLINE_QUOTE_BODY,
    QUOTE_ALL,
    QUOTE_BLOCK,
    QUOTE_BLOCK_BODY,
    SOURCE_HASH,
    parse_spec,
)

from _shared import (
    FULL_TEXT_PAGE,
    WORDS,
    marker_error,
    page_language,
    page_slug,
    part_label,
    segment_label,
    the_declaration,
    url_to,
)

def on_page_markdown(markdown, page, config, files):
    markdown = _expand_blocks(markdown, page)
    markdown = _expand_inline(markdown, page)
    return SOURCE_HASH.sub(lambda _: f"`{the_declaration().pinned_sha256}`", markdown)


# Block quotes ------------------------------------------------------------------------------------


def _expand_blocks(markdown: str, page) -> str:
    def replace(match: re.Match) -> str:
        body = QUOTE_BLOCK_BODY.match(match["body"])
        if not body:
            raise marker_error(page, match[0], "malformed quote marker: write "
                               "<!-- quote: ID ID..ID --> with IDs from declaration/segments.yml")
        spec = body["spec"]
        try:
            return "\n" + _render_passage(_select(spec), page, whole_text=spec == QUOTE_ALL) + "\n"
        except LookupError as error:
            raise marker_error(page, match[0], str(error)) from None

    return QUOTE_BLOCK.sub(replace, markdown)


def _select(spec: str) -> list:
    declaration = the_declaration()
    by_id = declaration.by_id
    return [by_id[segment_id] for segment_id in parse_spec(spec, list(by_id))]


def _render_passage(segments: list, page, whole_text: bool) -> str:
    lang = page_language(page)
    words = WORDS[lang]
    rows = [
        '<div class="dp-passage">',
        '<div class="dp-columns">'
        f'<span lang="{lang}">{words["original"]}</span>'
        f'<span lang="{lang}">{words["translation"]}</span></div>',
    ]
    in_list = False
    for segment in segments:
        is_item = segment.kind == "item"
        if is_item and not in_list:
            rows.append('<ul class="dp-list">')
        if in_list and not is_item:
            rows.append("</ul>")
        in_list = is_item
        rows.append(_render_row(segment, page, lang, whole_text))
    if in_list:
        rows.append("</ul>")
    rows.append("</div>")
    return "\n".join(rows)


def _render_row(segment, page, lang: str, whole_text: bool) -> str:
    tag = "li" if segment.kind == "item" else "div"
    french = _sentences(segment, "fr", with_ids=True)
    english = _sentences(segment, "en", with_ids=False)
    if segment.kind == "heading" and whole_text:
        # On the full-text page the declaration's own headings are the page's headings, in the
        # page's language; the other column shows the same words as a plain line.
        columns = [
            _column("fr", french, "h2" if lang == "fr" else "p", "dp-heading", lang),
            _column("en", english, "h2" if lang == "en" else "p", "dp-heading", lang),
        ]
    else:
        inner = "span" if tag == "li" else "p"
        extra = "dp-heading" if segment.kind == "heading" else ""
        columns = [_column("fr", french, inner, extra, lang), _column("en", english, inner, extra, lang)]
    return (
        f'<{tag} class="dp-row dp-{segment.kind}" id="{segment.id}">'
        + "".join(columns)
        + _row_links(segment, page, lang)
        + f"</{tag}>"
    )


def _column(lang: str, content: str, tag: str, extra_class: str, page_lang: str) -> str:
    classes = f"dp-{lang} {extra_class}".strip()
    # Each language's search index holds that language's words: the other column stays out.
    excluded = "" if lang == page_lang else " data-search-exclude"
    return f'<{tag} class="{classes}" lang="{lang}"{excluded}>{content}</{tag}>'


def _sentences(segment, lang: str, with_ids: bool) -> str:
    sentences = segment.sentences(lang)
    if not sentences:
        raise LookupError(f"segment '{segment.id}' has no English translation: "
                          "add it to declaration/translation.en.yml")
    if len(sentences) == 1 or not with_ids:
        return html.escape(" ".join(sentences), quote=False)
    return " ".join(
        f'<span id="{segment.id}-s{number}">{html.escape(sentence, quote=False)}</span>'
        for number, sentence in enumerate(sentences, start=1)
    )


def _row_links(segment, page, lang: str) -> str:
    words = WORDS[lang]
    label = html.escape(segment_label(segment, lang))
    permalink = (
        f'<a class="dp-permalink" href="#{segment.id}" '
        f'title="{words["permalink"]}">{label}</a>'
    )
    if page_slug(page) == segment.part:
        elsewhere = f'<a href="{url_to(page, FULL_TEXT_PAGE, segment.id)}">{words["in_full_text"]}</a>'
    else:
        part = html.escape(part_label(segment.part, lang))
        href = url_to(page, f"{segment.part}.md")
        elsewhere = f'<a href="{href}">{words["explained_in"]}{part}</a>'
    return f'<span class="dp-links" data-search-exclude>{permalink} · {elsewhere}</span>'


# Inline quotes -----------------------------------------------------------------------------------


def _expand_inline(markdown: str, page) -> str:
    lang = page_language(page)
    by_id = the_declaration().by_id

    def replace(match: re.Match) -> str:
        body = INLINE_QUOTE_BODY.match(match["body"].strip())
        segment = by_id.get(body["id"]) if body else None
        if segment is None:
            raise marker_error(page, match[0],
                               f"unknown segment in [[{match['body']}]]: write [[ID]] or "
                               "[[ID.N]] (sentence N) with an ID from declaration/segments.yml")
        sentences = segment.sentences(lang)
        anchor = segment.id
        if body["sentence"]:
            number = int(body["sentence"])
            if number > len(segment.fr_sentences):
                raise marker_error(page, match[0],
                                   f"[[{match['body']}]]: segment '{segment.id}' has "
                                   f"{len(segment.fr_sentences)} sentence(s)")
            sentences = sentences[number - 1:number]
            if len(segment.fr_sentences) > 1:
                anchor = f"{segment.id}-s{number}"
        text = html.escape(" ".join(sentences), quote=False)
        href = url_to(page, FULL_TEXT_PAGE, anchor)
        return f'<q class="dp-quote" lang="{lang}"><a href="{href}">{text}</a></q>'

    return INLINE_QUOTE.sub(replace, markdown)
