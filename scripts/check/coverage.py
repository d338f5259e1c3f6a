"""Check coverage: every segment of the source is on the full-text page and on exactly one
explainer page (the one segments.yml assigns it), in every language; no page quotes a segment
that does not exist; no marker is malformed."""

from __future__ import annotations

from declaration.markers import QUOTE_ALL, QUOTE_BLOCK, QUOTE_INLINE, did_you_mean, parse_spec

from scripts.findings import Finding

CHECK = "coverage"
FULL_TEXT = "text"


def check(sources) -> list[Finding]:
    declaration = sources.declaration
    findings = _malformed(sources.pages)
    order = [segment.id for segment in declaration.segments]
    explainers = set(declaration.parts)
    for lang in sources.languages:
        pages = sources.pages_in(lang)
        quoted_on: dict[str, list[str]] = {segment_id: [] for segment_id in order}
        for page in pages.values():
            for marker in page.markers_of(QUOTE_BLOCK):
                if not marker.error:
                    try:
                        parse_spec(marker.target, order)
                    except LookupError as error:
                        head, _, fix = str(error).partition(": ")
                        findings.append(Finding(page.relative, marker.line, CHECK, head, fix))
                # What it was meant to quote counts, a mistyped marker or ID included: its one
                # finding is the typo's, not a finding for every segment it would have quoted.
                if page.slug in explainers:
                    for segment_id in declaration.meant(marker).split():
                        quoted_on[segment_id].append(page.slug)
            for marker in page.markers_of(QUOTE_INLINE):
                segment = declaration.by_id.get(marker.target)
                if not marker.error and (segment is None or (marker.sentence or 0) > len(segment.fr_sentences)):
                    findings.append(Finding(page.relative, marker.line, CHECK,
                                            f"{marker.text} names no segment or sentence of the text",
                                            did_you_mean(marker.target, order, "[[ID]] or [[ID.N]] with an ID from "
                                                         "declaration/segments.yml and N up to its sentence count")
                                            if segment is None else "N counts the segment's sentences, from 1"))
        findings += _full_text(pages.get(FULL_TEXT))
        for segment in declaration.segments:
            where = quoted_on[segment.id]
            page = pages.get(segment.part)
            if where == [segment.part] or page is None:
                continue  # a missing page is the translations check's finding
            problem = (f"segment '{segment.id}' is quoted on no explainer page" if not where
                       else f"segment '{segment.id}' is quoted on {', '.join(sorted(where))}")
            findings.append(Finding(page.relative, _first_marker_line(page), CHECK, problem,
                                    f"quote it once, on {segment.part} (its page in "
                                    "declaration/segments.yml), with <!-- quote: … -->"))
    return findings


def _malformed(pages) -> list[Finding]:
    findings = []
    for page in pages:
        for marker in page.scanned.markers:
            if marker.error:
                problem, _, fix = marker.error.partition(": did you mean")
                findings.append(Finding(page.relative, marker.line, CHECK, problem,
                                        f"did you mean{fix}" if fix else "see CONTRIBUTING.md, “Markdown conventions”"))
    return findings


def _full_text(page) -> list[Finding]:
    if page is None:
        return []
    if [marker.target for marker in page.markers_of(QUOTE_BLOCK)] == [QUOTE_ALL]:
        return []
    return [Finding(page.relative, _first_marker_line(page), CHECK,
                    "the full-text page must show the whole text, once",
                    f"keep exactly one <!-- quote: {QUOTE_ALL} --> on the page")]


def _first_marker_line(page) -> int:
    blocks = page.markers_of(QUOTE_BLOCK)
    return blocks[0].line if blocks else page.body_start
