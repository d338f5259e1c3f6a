"""French typography, as the site writes French: one rule, applied by the build to whatever it
renders in French (pages, front matter, the data's French), so that nobody types a no-break
space; and read by the checks, which report French text the build could not reach.

- a narrow no-break space (U+202F) before ; ! ? and inside « », a no-break space (U+00A0)
  before : (a colon that starts a URL, a time or a ratio is not punctuation: left alone);
- a typographic apostrophe (’) between letters.

A quotation in « » is its source's words: the spaces just inside the guillemets are the site's,
everything between them stays as written (the declaration's own « volets : » keeps its space).
"""

from __future__ import annotations

import re

FRENCH = "fr"  # the language whose rules these are
NARROW = "\u202f"
NO_BREAK = "\u00a0"
# Punctuation that takes a space before it, with its space: after a letter, a digit, a closing
# bracket or quote, or at the start of a text (after an element: **Ukraine** : …); before a
# space, the end or a closing mark.
BEFORE = re.compile(r"(?:(?<=[\w)\]»”’.…])|^)[ \u00a0\u202f]*([;!?:])(?=$|[\s»”)\]]|\u00a0|\u202f)")
# A guillemet and the spaces inside it.
OPENING = re.compile(r"«[ \u00a0\u202f]*")
CLOSING = re.compile(r"[ \u00a0\u202f]*»")
QUOTED = re.compile(r"«[^«»]{0,2000}»")
APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")
SPACE_BEFORE = {";": NARROW, "!": NARROW, "?": NARROW, ":": NO_BREAK}


def french_spacing(text: str) -> str:
    """The text with French spaces and apostrophes, quotations' own words untouched."""
    pieces, done = [], 0
    for quote in QUOTED.finditer(text):
        pieces.append(_prose(text[done:quote.start()]))
        inner = quote[0][1:-1]
        pieces.append(f"«{NARROW}{inner.strip(' ' + NO_BREAK + NARROW)}{NARROW}»")
        done = quote.end()
    pieces.append(_prose(text[done:]))
    return "".join(pieces)


def _prose(text: str) -> str:
    text = APOSTROPHE.sub("’", text)
    text = BEFORE.sub(lambda match: SPACE_BEFORE[match[1]] + match[1], text)
    # A guillemet whose partner lies in another text node (a link, an emphasis in between).
    text = OPENING.sub("«" + NARROW, text)
    return CLOSING.sub(NARROW + "»", text)


def inside_guillemets(text: str) -> str:
    """Only the spaces inside « », for a language that spaces the rest its own way."""
    return CLOSING.sub(NARROW + "»", OPENING.sub("«" + NARROW, text))


def spacing(lang: str):
    """The spacing the site gives a text in a language: French's, or only inside « »."""
    return french_spacing if lang == FRENCH else inside_guillemets
