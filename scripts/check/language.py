"""Check language: the words of a page are in the page's language, or marked as another's.

Each language of the site lists its function words (articles, pronouns, prepositions,
auxiliaries) in its interface words (`function_words`). A paragraph, item or cell of a page
whose words read as another language of the site (more of its function words, and clearly so)
is a finding, unless it is marked as that language (<span lang="en">…</span>: what is so marked
is not counted) or quotes. A page most of whose prose reads as another language (a page marked
as translated but not translated) is one finding, for the page.
"""

from __future__ import annotations

import re


from scripts.findings import Finding

from .progress import name

CHECK = "language"
WORD = re.compile(r"[^\W\d_]+(?:’[^\W\d_]+)?")
ELISION = re.compile(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)’", re.IGNORECASE)
MINIMUM = 6  # words a block needs to be judged
CLEAR = 3  # another language's function words, at least, and twice the block's own


def check_rendered(sources, pages) -> list[Finding]:
    lexicons = {lang: {word.casefold() for word in words.data.get("function_words") or []}
                for lang, words in sources.words.items()}
    findings = []
    for page in pages:
        if page.lang not in lexicons:
            continue
        judged, stray = 0, []
        for block in page.blocks:
            if block.in_blockquote or block.tag.startswith("h"):
                continue
            other = reads_as(block.native, page.lang, lexicons)
            if other is None:
                continue
            judged += 1
            if other != page.lang:
                stray.append((block, other))
        if judged >= 4 and len(stray) > judged / 2:
            findings.append(Finding(page.source, 1, CHECK, f"most of this page reads as {name(stray[0][1])}, not "
                                    f"{name(page.lang)}", f"translate the page into {name(page.lang)}"))
            continue
        for block, other in stray:
            findings.append(Finding(block.source, block.line, CHECK, f"this reads as {name(other)}, on a page in "
                                    f"{name(page.lang)}", f"translate it; if it quotes or names something in "
                                    f'{name(other)}, mark it as such: <span lang="{other}">…</span>'))
    return findings


def reads_as(text: str, lang: str, lexicons: dict[str, set[str]]) -> str | None:
    """The language a text reads as, by its function words; None when it is too short to say."""
    words = [ELISION.sub("", word.casefold()) for word in WORD.findall(text)]
    if len(words) < MINIMUM:
        return None
    counts = {code: sum(word in lexicon for word in words) for code, lexicon in lexicons.items()}
    best = max(counts, key=counts.get)
    if best != lang and counts[best] >= CLEAR and counts[best] >= 2 * counts.get(lang, 0):
        return best
    return lang


