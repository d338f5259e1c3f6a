"""Check typography: the French the site shows takes French spaces; the declaration keeps its own.

The build puts them in (declaration/typography.py): in the words Markdown renders, in front
matter, in the data's French. What it cannot reach is reported here, as the reader would get it:
French text written as raw HTML in a page, where Markdown does not look. Never in the
declaration's own words (quotations the hooks generate), in code, or in what is marked as
another language; in a page of another language, only the spaces inside « ».
"""

from __future__ import annotations

from declaration.typography import spacing

from scripts.findings import Finding

CHECK = "typography"


def check_rendered(sources, pages) -> list[Finding]:
    findings, seen = [], set()
    for page in pages:
        for text in page.texts:
            if text.generated or text.in_code or text.quoted or text.attribute or text.lang != page.lang:
                continue
            fixed = spacing(page.lang)(text.value)
            if fixed != text.value and (text.source, text.line) not in seen:
                seen.add((text.source, text.line))
                findings.append(Finding(text.source, text.line, CHECK, "French typography that the build cannot put "
                                        f"in (raw HTML): {_first_difference(text.value, fixed)}",
                                        "write the words as Markdown, where the build spaces them, or type the "
                                        "no-break space (U+00A0 before :, U+202F before ; ! ? and inside « »)"))
    return findings


def _first_difference(written: str, wanted: str) -> str:
    index = next((i for i, (a, b) in enumerate(zip(written, wanted)) if a != b), min(len(written), len(wanted)))
    start = max(0, index - 12)
    return f"“…{written[start:index + 8]}…”"
