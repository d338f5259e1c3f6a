"""Check "input": every file an editor can change reads as what it claims to be, before any other
check looks at it: UTF-8 text with LF line endings, no BOM, of bounded size; data files that fit
their schema (declaration/__init__.py says what that means); front matter that parses; interface
words for every language of the site. The other checks get the result, read once: the Sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import declaration
from declaration.files import InputError, Problem, list_tree, read_text

from scripts.findings import Finding
from .pages import Page, read_pages
from .published import OWN_SCRIPTS
from .site_config import read_config, site_languages, site_url

CHECK = "input"
# The folders an editor's change reaches, listed as git would hold them (declaration.files.list_tree).
TREE = ("docs", "declaration")
REQUIRED_FRONT_MATTER = ("title", "description")
# Front matter that is a yes or no: `context: true`, a page where every sentence states a fact.
# (Material's `search: exclude: true`, a page kept out of the readers' search, is read apart.)
FLAGS = ("context",)
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
    site_url: str  # as MkDocs reads it (SITE_URL, or mkdocs.yml's default)
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
    tree = [finding(root, problem) for folder in TREE for problem in list_tree(root / folder)[1]]
    try:
        config = read_config(root)
        languages, url = site_languages(config), site_url(config)
    except InputError as error:
        return None, tree + [finding(root, problem) for problem in error.problems]
    if tree:
        return None, tree  # nothing more is read from a tree holding what it should not
    try:
        the_declaration = declaration.load(root / "declaration")
    except declaration.DeclarationError as error:
        return None, [finding(root, problem) for problem in error.problems]
    try:
        declaration.load_publication(root / "declaration")
    except declaration.DeclarationError as error:
        findings += [finding(root, problem) for problem in error.problems]
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
    return Sources(root, the_declaration, pages, languages, url, words, texts), findings


def _docs_files(root: Path) -> list[Finding]:
    """Every file of docs/ is a page, a snippet, or an asset of a kind the site publishes (what an
    asset holds is the assets check's)."""
    findings = []
    for path in list_tree(root / "docs")[0]:
        relative, inside = path.relative_to(root).as_posix(), path.relative_to(root / "docs").as_posix()
        problems = []
        if inside.startswith("assets/"):
            if path.suffix == ".js" and inside not in OWN_SCRIPTS:
                problems = ["a script: the site's scripts are reviewed code, and no page may add one"]
            elif path.suffix not in ASSET_SUFFIXES | {".js"}:
                problems = [f"a file of a kind the site does not publish ({path.suffix or 'no extension'})"]
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
        if key == "search":
            if value != {"exclude": True}:
                findings.append(Finding(page.relative, meta.line_of(key) + 1, CHECK, "front matter search: is not "
                                        "exclude: true", "write search: then exclude: true, indented, or remove it"))
            continue
        if key in FLAGS:
            if not isinstance(value, bool):
                findings.append(Finding(page.relative, meta.line_of(key) + 1, CHECK, f"front matter {key}: is not true or false",
                                        f"write {key}: true, or remove the line"))
            continue
        problem = declaration.plain_text_problem(value, declaration.MAX_DEFINITION)
        if problem:
            findings.append(Finding(page.relative, meta.line_of(key) + 1, CHECK, f"front matter {key}: {problem}",
                                    "write it as one plain sentence, in double quotes if it holds ' : '"))
    return findings
