"""Check "input": every file an editor can change reads as what it claims to be, before any other
check looks at it: UTF-8 text with LF line endings, no BOM, of bounded size; data files that fit
their schema (declaration/__init__.py says what that means); front matter that parses; interface
words for every language of the site. The other checks get the result, read once: the Sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

import declaration
from declaration.files import Problem, read_text

from .findings import Finding
from .pages import Page, read_pages
from .published import OWN_SCRIPTS, css_problems, svg_problems
from .site_config import read_config, site_languages

CHECK = "input"
REQUIRED_FRONT_MATTER = ("title", "description")
# Every text file an editor can change, beyond the pages and the data that have readers of their own.
CONTENT_FILES = ("declaration/*.txt", "declaration/*.yml", "mkdocs.yml", "overrides/**/*.html", "*.md",
                 "docs/_snippets/*.md")
# What docs/ may hold besides pages and snippets: assets of these kinds. Scripts are reviewed code:
# the site's own two, no other.
ASSET_SUFFIXES = {".css", ".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".ico", ".woff2"}
PAGE_NAME = re.compile(rf"(?:_snippets/)?{declaration.ID.pattern}\.{declaration.LANGUAGE_CODE.pattern}\.md")


@dataclass
class Sources:
    """The project's sources as the checks read them, once per run."""

    root: Path
    declaration: declaration.Declaration
    pages: list[Page]
    languages: list[str]  # the site's languages, the source first
    words: dict[str, declaration.Words] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # every content file that reads cleanly, by path

    @property
    def targets(self) -> list[str]:
        return [lang for lang in self.languages if lang != declaration.SOURCE_LANGUAGE]

    def pages_in(self, lang: str) -> dict[str, Page]:
        return {page.slug: page for page in self.pages if page.lang == lang}


def finding(root: Path, problem: Problem, check: str = CHECK) -> Finding:
    path = problem.path.relative_to(root).as_posix() if problem.path.is_absolute() else str(problem.path)
    return Finding(path, problem.line, check, problem.message, problem.fix)


def read_sources(root: Path) -> tuple[Sources | None, list[Finding]]:
    """The sources, or None when the data cannot be read at all; and the input findings."""
    findings = []
    try:
        languages = site_languages(read_config(root))
    except (OSError, yaml.YAMLError) as error:
        return None, [Finding("mkdocs.yml", getattr(getattr(error, "problem_mark", None), "line", 0) + 1, CHECK,
                              f"mkdocs.yml cannot be read ({error})", "fix its syntax")]
    try:
        the_declaration = declaration.load(root / "declaration")
    except declaration.DeclarationError as error:
        return None, [finding(root, problem) for problem in error.problems]
    words = {}
    for lang in languages:
        try:
            words[lang] = declaration.load_words(root / "declaration", lang)
        except declaration.DeclarationError as error:
            findings += [finding(root, problem) for problem in error.problems]
    pages = read_pages(root)
    texts = {}
    for page in pages:
        findings += [finding(root, problem) for problem in page.problems]
        findings += _front_matter(root, page)
        if not page.problems:
            texts[page.relative] = page.text
    for pattern in CONTENT_FILES:
        for path in sorted(root.glob(pattern)):
            text, problems = read_text(path)
            relative = path.relative_to(root).as_posix()
            if problems or text is None:
                if not relative.startswith("declaration/"):  # the data's problems are reported above
                    findings += [finding(root, problem) for problem in problems]
            else:
                texts[relative] = text
    findings += _docs_files(root)
    return Sources(root, the_declaration, pages, languages, words, texts), findings


def _docs_files(root: Path) -> list[Finding]:
    """Every file of docs/ is a page, a snippet, or an asset of a kind the site publishes; an
    asset holds nothing that runs or loads from elsewhere."""
    findings = []
    for path in sorted(p for p in (root / "docs").rglob("*") if p.is_file()):
        relative, inside = path.relative_to(root).as_posix(), path.relative_to(root / "docs").as_posix()
        problems = []
        if inside.startswith("assets/"):
            if path.suffix == ".js" and inside not in OWN_SCRIPTS:
                problems = ["a script: the site's scripts are reviewed code, and no page may add one"]
            elif path.suffix not in ASSET_SUFFIXES | {".js"}:
                problems = [f"a file of a kind the site does not publish ({path.suffix or 'no extension'})"]
            elif path.suffix == ".svg":
                problems = svg_problems(path)
            elif path.suffix == ".css":
                problems = css_problems(path.read_text(encoding="utf-8", errors="replace"), lambda url: not re.match(
                    r"\s*(?:[a-z][a-z0-9+.-]*:|//)", url, re.IGNORECASE))
        elif not PAGE_NAME.fullmatch(inside):
            problems = ["not a page (NAME.<code>.md) nor an asset (docs/assets/): MkDocs would publish it as it is"]
        findings += [Finding(relative, 1, CHECK, problem, "remove it, or ask a maintainer") for problem in problems]
    return findings


def _front_matter(root: Path, page: Page) -> list[Finding]:
    if page.problems:
        return []
    if page.front_matter_problem:
        problem = page.front_matter_problem
        return [Finding(page.relative, problem.line, CHECK, f"front matter: {problem.message}; MkDocs would "
                        "silently drop the page's title and description", problem.fix)]
    meta = page.front_matter or {}
    missing = [key for key in REQUIRED_FRONT_MATTER if not meta.get(key)]
    if missing:
        return [Finding(page.relative, 1, CHECK, f"front matter lacks {', '.join(missing)}",
                        "start the page with ---, title: …, description: … (one sentence), ---")]
    findings = []
    for key, value in meta.items():
        problem = declaration.plain_text_problem(value, declaration.MAX_DEFINITION)
        if problem:
            findings.append(Finding(page.relative, meta.line_of(key) + 1, CHECK, f"front matter {key}: {problem}",
                                    "write it as one plain sentence, in double quotes if it holds ' : '"))
    return findings
