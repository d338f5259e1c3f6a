"""The Markdown pages of docs/, read the way the checks need them, through the same scanner as
the build (declaration.markers): front matter, markers, and the prose with code blanked out, from
which headings, links, list items and blockquotes are read, each with its line number.

A page that cannot be read as text (encoding, size, line endings) is kept with its problems and
no content, so that one bad file gives one finding and no traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from declaration import markers
from declaration.files import InputError, LinedDict, Problem, parse_yaml, read_text

DOCS = "docs"
SNIPPETS = "_snippets"
LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|[0-9]{1,9}\.)[ \t]+\S")
HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+")
HEADING_ID = re.compile(r"#(?P<id>[\w-]{1,100})")
# Bounded runs of characters that cannot end the match: linear in the line's length.
LINK = re.compile(r"(?<!!)\[(?P<words>[^\[\]\n]{0,300})\]\((?P<target>[^)\s]{1,300})(?:[ \t]+\"[^\"\n]{0,300}\")?\)")
IMAGE = re.compile(r"!\[[^\[\]\n]{0,300}\]\((?P<target>[^)\s]{1,300})")
URL_SCHEME = re.compile(r"[a-z][a-z0-9+.-]{0,30}:", re.IGNORECASE)
# Python-Markdown takes time that grows with the square of the number of brackets and tags in a
# paragraph, and recurses once per level of nesting: bounds far above any real page (the longest
# has 40 brackets in a paragraph, 4 levels of nesting), far below what would stall the build.
MAX_PER_PARAGRAPH = 200
MAX_PER_PAGE = 2_000
MAX_NESTING = 10
NESTING = re.compile(r"(?:[ \t]*(?:>|(?:[-*+]|[0-9]{1,9}[.)])(?=[ \t])))+")
# What makes Python-Markdown recurse or backtrack, counted per paragraph (emphasis markers and
# backslash escapes) or per page (HTML blocks whose Markdown it reads again, markdown="1").
COUNTED = ("[", "<", "*", "_", "\\")
MAX_MARKDOWN_IN_HTML = 20
MARKDOWN_IN_HTML = re.compile(r"\bmarkdown\s*=", re.IGNORECASE)
# The one way a page includes a snippet (pymdownx.snippets): alone on its line, a file of
# docs/_snippets/ by its name. Any other use of the scissors is refused: the checks read a
# snippet's words at its own lines only this way.
SNIPPET = re.compile(r'^--8<-- "(?P<name>[a-z0-9-]+\.[a-z]{2,3}\.md)"$')


@dataclass(frozen=True)
class Located:
    line: int
    value: object
    text: str = ""  # the text as written


@dataclass
class Page:
    path: Path  # absolute
    relative: str  # docs/strand-1.fr.md
    slug: str  # strand-1
    lang: str  # the suffix before .md; '' when there is none
    text: str
    problems: list[Problem] = field(default_factory=list)  # the file cannot be read as it is
    front_matter: dict | None = None
    front_matter_problem: Problem | None = None

    @cached_property
    def scanned(self) -> markers.ScannedPage:
        return markers.scan(self.text)

    @property
    def body_start(self) -> int:
        return self.scanned.body_start

    @cached_property
    def body_lines(self) -> list[tuple[int, str]]:
        """(line number, prose) of the body, code blanked out."""
        return self.scanned.prose_lines()

    def markers_of(self, kind: str) -> list[markers.Marker]:
        return [marker for marker in self.scanned.markers if marker.kind == kind]

    def located(self, pattern: re.Pattern) -> list[Located]:
        """Every match of `pattern` in the prose, with its line."""
        return [Located(number, match, match[0]) for number, line in self.body_lines for match in pattern.finditer(line)]

    @cached_property
    def headings(self) -> list[Located]:
        """(level, explicit id or None) of every heading but the page title (level 1)."""
        found = []
        for number, line in self.body_lines:
            match = HEADING.match(line)
            if match and len(match["hashes"]) > 1:
                text, attrs = line[match.end():].rstrip(), ""
                if text.endswith("}") and "{" in text:
                    text, attrs = text[:text.rindex("{")].rstrip(), text[text.rindex("{"):]
                explicit = HEADING_ID.search(attrs)
                found.append(Located(number, (len(match["hashes"]), explicit["id"] if explicit else None), text))
        return found

    @cached_property
    def links(self) -> list[Located]:
        """Markdown links to other pages or anchors (not glossary references, not external)."""
        return [found for found in self.located(LINK) if not URL_SCHEME.match(found.value["target"])]

    @cached_property
    def list_items(self) -> list[int]:
        return [number for number, line in self.body_lines if LIST_ITEM.match(line)]

    @cached_property
    def blockquotes(self) -> list[list[tuple[int, str]]]:
        """Each blockquote as its lines (number, text without the leading `>`)."""
        quotes, current, previous = [], [], None
        for number, line in self.body_lines:
            if line.lstrip().startswith(">") and (not current or number == previous + 1):
                current.append((number, line.lstrip()[1:].lstrip()))
            else:
                if current:
                    quotes.append(current)
                current = [(number, line.lstrip()[1:].lstrip())] if line.lstrip().startswith(">") else []
            previous = number
        if current:
            quotes.append(current)
        return quotes


def read_pages(root: Path) -> list[Page]:
    """Every Markdown file of docs/ but the snippets the pages include."""
    pages = []
    for path in sorted((root / DOCS).rglob("*.md")):
        relative = path.relative_to(root / DOCS).as_posix()
        if relative.startswith(f"{SNIPPETS}/"):
            continue
        name_parts = path.name.split(".")
        text, problems = read_text(path)
        page = Page(path=path, relative=path.relative_to(root).as_posix(), slug=relative.split(".")[0],
                    lang=name_parts[-2] if len(name_parts) >= 3 else "", text=text or "", problems=problems)
        if text is not None and not problems:
            page.problems = markdown_problems(path, text)
        if text is None or page.problems:
            page.text = ""
        else:
            _read_front_matter(page)
        pages.append(page)
    return pages


def markdown_problems(path: Path, text: str) -> list[Problem]:
    """What in a page would make Markdown itself slow or crash: too many brackets or tags in a
    paragraph or a page, lists or quotes nested too deep. Linear in the text's length."""
    problems, totals = [], dict.fromkeys(COUNTED, 0)
    lines = text.split("\n")
    start = 0
    for number, line in enumerate(lines + [""], start=1):
        if line.strip():
            continue
        paragraph = "\n".join(lines[start:number - 1])
        for char in totals:
            count = paragraph.count(char)
            totals[char] += count
            if count > MAX_PER_PARAGRAPH:
                problems.append(Problem(path, start + 1, f"a paragraph with {count} '{char}' (over {MAX_PER_PARAGRAPH}): "
                                        "Markdown's time grows with the square of it", "split the paragraph, or "
                                        "remove what was pasted by mistake"))
        start = number
    for char, count in totals.items():
        if count > MAX_PER_PAGE:
            problems.append(Problem(path, 1, f"{count} '{char}' in the page (over {MAX_PER_PAGE})", "split the page"))
    nested_html = len(MARKDOWN_IN_HTML.findall(text))
    if nested_html > MAX_MARKDOWN_IN_HTML:
        problems.append(Problem(path, 1, f"{nested_html} HTML blocks with markdown= in the page (over "
                                f"{MAX_MARKDOWN_IN_HTML}): Markdown reads each again, nested", "write Markdown"))
    for number, line in enumerate(lines, start=1):
        if "--8<--" in line and not SNIPPET.fullmatch(line):
            problems.append(Problem(path, number, "a snippet is included only as --8<-- \"name.<code>.md\", alone on "
                                    "its line", 'write --8<-- "checks.en.md" (a file of docs/_snippets/), or remove the '
                                    "scissors"))
    for number, line in enumerate(lines, start=1):
        markers = NESTING.match(line)
        depth = (len(line) - len(line.lstrip(" \t"))) // 4 + (markers[0].count(">") + len(re.findall(r"[-*+]|[0-9]+[.)]", markers[0]))
                                                                 if markers else 0)
        if depth > MAX_NESTING:
            problems.append(Problem(path, number, f"lists or quotes nested {depth} levels deep (over {MAX_NESTING})",
                                    "flatten the lists or quotes"))
            break
    return problems


def _read_front_matter(page: Page) -> None:
    front_matter = page.scanned.front_matter
    if front_matter is None:
        return
    try:
        data = parse_yaml(front_matter, page.path, first_line=2)
    except InputError as error:
        page.front_matter_problem = error.problems[0]
        return
    if not isinstance(data, LinedDict):
        page.front_matter_problem = Problem(page.path, 1, "front matter is not a list of `key: value` lines",
                                            "write title: … and description: … between the --- lines")
        return
    page.front_matter = data


def snippets_included(text: str) -> list[tuple[int, str]]:
    """(line, file name in docs/_snippets/) of each snippet a page's text includes, in order."""
    return [(number, match["name"]) for number, line in enumerate(text.split("\n"), start=1)
            if (match := SNIPPET.fullmatch(line))]
