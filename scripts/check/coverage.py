"""Check 3, coverage: every segment of the source is on the full-text page and on exactly one
explainer page (the one segments.yml assigns it), in each language; no page quotes a segment
that does not exist."""

from __future__ import annotations

from declaration.markers import INLINE_QUOTE_BODY, QUOTE_ALL, QUOTE_BLOCK_BODY, parse_spec

from .findings import Finding

CHECK = "coverage"
FULL_TEXT = "text"


def check(_root, declaration, all_pages) -> list[Finding]:
    findings = []
    order = [segment.id for segment in declaration.segments]
    explainers = set(declaration.parts)
    for lang in ("fr", "en"):
        pages = {page.slug: page for page in all_pages if page.lang == lang}
        quoted_on: dict[str, list[str]] = {segment_id: [] for segment_id in order}
        for page in pages.values():
            for block in page.quote_blocks:
                body = QUOTE_BLOCK_BODY.match(block.value["body"])
                try:
                    chosen = parse_spec(body["spec"], order) if body else None
                except LookupError as error:
                    findings.append(Finding(page.relative, block.line, CHECK, str(error),
                                            "fix the ID (see declaration/segments.yml)"))
                    continue
                if chosen is None:
                    findings.append(Finding(page.relative, block.line, CHECK, "malformed quote marker",
                                            "write <!-- quote: ID ID..ID --> alone on its line"))
                elif page.slug in explainers:
                    for segment_id in chosen:
                        quoted_on[segment_id].append(page.slug)
            for inline in page.inline_quotes:
                body = INLINE_QUOTE_BODY.match(inline.value["body"].strip())
                segment = declaration.by_id.get(body["id"]) if body else None
                if segment is None or (body["sentence"] and int(body["sentence"]) > len(segment.fr_sentences)):
                    findings.append(Finding(page.relative, inline.line, CHECK,
                                            f"{inline.text} names no segment or sentence of the text",
                                            "write [[ID]] or [[ID.N]] with an ID from "
                                            "declaration/segments.yml and N up to its sentence count"))
        findings += _full_text(pages.get(FULL_TEXT), lang)
        for segment in declaration.segments:
            where = quoted_on[segment.id]
            page = pages.get(segment.part)
            if where == [segment.part] or page is None:
                continue  # a missing page is the translations check's finding
            if not where:
                problem = f"segment '{segment.id}' is quoted on no explainer page"
            else:
                problem = f"segment '{segment.id}' is quoted on {', '.join(sorted(where))}"
            findings.append(Finding(page.relative, _first_marker_line(page), CHECK, problem,
                                    f"quote it once, on {segment.part} (its page in "
                                    "declaration/segments.yml), with <!-- quote: … -->"))
    return findings


def _full_text(page, lang) -> list[Finding]:
    if page is None:
        return []
    specs = [QUOTE_BLOCK_BODY.match(block.value["body"]) for block in page.quote_blocks]
    if [spec["spec"] for spec in specs if spec] == [QUOTE_ALL]:
        return []
    return [Finding(page.relative, _first_marker_line(page), CHECK,
                    "the full-text page must show the whole text, once",
                    f"keep exactly one <!-- quote: {QUOTE_ALL} --> on the page")]


def _first_marker_line(page) -> int:
    return page.quote_blocks[0].line if page.quote_blocks else page.body_start
