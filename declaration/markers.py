"""The markers by which pages refer to the declaration, shared by the hooks that expand them and
the checks that verify them, so that both read pages the same way.

    <!-- quote: ID ID..ID -->   alone on its line: a passage, French and English aligned
    <!-- quote: all -->         the whole text (the full-text page)
    [[ID]]  [[ID.N]]            inline: a segment, or its sentence N
    [words](glossary:ID)        a reference to a glossary entry
    <!-- glossary -->           alone on its line: the glossary entries (the glossary page)
    <!-- source-sha256 -->      inline: the pinned SHA-256 of the text (the About page)
"""

import re

QUOTE_BLOCK = re.compile(r"^<!--\s*quote\b(?P<body>.*?)-->[ \t]*$", re.MULTILINE)
QUOTE_BLOCK_BODY = re.compile(r"^:\s*(?P<spec>\S.*?)\s*$")
QUOTE_ALL = "all"
INLINE_QUOTE = re.compile(r"\[\[(?P<body>[^\]\n]*)\]\]")
INLINE_QUOTE_BODY = re.compile(r"^(?P<id>[a-z0-9-]+)(?:\.(?P<sentence>[1-9][0-9]*))?$")
GLOSSARY_REFERENCE = re.compile(r"\[(?P<words>[^\]\n]+)\]\(glossary:(?P<id>[^)\s]*)\)")
GLOSSARY_LIST = re.compile(r"^<!--\s*glossary\s*-->[ \t]*$", re.MULTILINE)
SOURCE_HASH = re.compile(r"<!--\s*source-sha256\s*-->")
RANGE = ".."


def parse_spec(spec: str, order: list[str]) -> list[str]:
    """The segment IDs a quote spec names, in the order it names them: `all`, IDs, ranges `A..B`.
    Raises LookupError, in words an editor can act on, for an unknown ID or a backward range."""
    if spec == QUOTE_ALL:
        return list(order)
    chosen = []
    for item in spec.split():
        first, _, last = item.partition(RANGE)
        for segment_id in (first, last or first):
            if segment_id not in order:
                raise LookupError(f"unknown segment '{segment_id}' in quote marker: "
                                  "use an ID from declaration/segments.yml")
        start, end = order.index(first), order.index(last or first)
        if end < start:
            raise LookupError(f"range '{item}' runs backwards: write the earlier segment first")
        chosen.extend(order[start:end + 1])
    return chosen
