"""What the hooks share: the project's data for the build under way, the page's language and
place, labels, build errors naming file and line, and the one way to patch Material's HTML.

Private to the hooks; they import it as `overrides.hooks._site` (the project is installed in
.venv, editable). Data is read from the project being built (beside its mkdocs.yml), so that a
copy of the tree builds from its own data.
"""

from __future__ import annotations

import posixpath
import re
import secrets
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from babel.dates import format_date
from mkdocs.exceptions import PluginError
from selectolax.lexbor import LexborHTMLParser

import declaration
from declaration.markers import FRONT_MATTER

FULL_TEXT_PAGE = "text.md"
GLOSSARY_PAGE = "glossary.md"


# The project and its data -------------------------------------------------------------------------


def project_root(config) -> Path:
    """The project being built: the folder of its mkdocs.yml."""
    return Path(config.config_file_path).parent


def data_root(config) -> Path:
    return project_root(config) / "declaration"


def the_declaration(config) -> declaration.Declaration:
    return _data(config, declaration.load)


def words(config, lang: str) -> declaration.Words:
    return _data(config, declaration.load_words, lang)


def publication(config) -> declaration.Publication:
    return _data(config, declaration.load_publication)


def published_anchors(config) -> declaration.Anchors:
    return _data(config, declaration.load_anchors)


# Where a build keeps the times of the data files, read once per build: MkDocs makes a new
# configuration for each build (`make serve` after an edit), static-i18n keeps it for each language.
DATA_STAMP = "dp_data_stamp"


def _data(config, load, *arguments):
    """What `load` reads from the data, read once, and again whenever one of the data files
    changes (`make serve` edits)."""
    root = data_root(config)
    stamp = config.get(DATA_STAMP)
    if stamp is None:
        stamp = config[DATA_STAMP] = _stamp(root)
    return _cached(root, stamp, load, arguments)


def _stamp(root: Path) -> tuple:
    return tuple((path.name, path.stat().st_mtime_ns) for path in sorted(root.iterdir()) if path.is_file())


@cache
def _cached(root: Path, stamp: tuple, load, arguments: tuple):
    try:
        return load(root, *arguments)
    except declaration.DeclarationError as error:
        raise PluginError("the data cannot be used; `make check` lists every problem:\n"
                          + "\n".join(f"  {p.path}:{p.line}: {p.message} — {p.fix}" for p in error.problems)) from None


def repository(config) -> str:
    """The repository's address on GitHub: mkdocs.yml's repo_url, the one place it is written.
    `config` is MkDocs' config or mkdocs.yml read as YAML (`make citation` reads it so)."""
    match = re.fullmatch(r"https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", (config.get("repo_url") or "").rstrip("/"))
    if not match:
        raise PluginError("mkdocs.yml: repo_url must be https://github.com/OWNER/REPOSITORY (the footer's correction "
                          "form and the edit links lead there)")
    return match[0]


def languages(config) -> list[str]:
    """The site's languages, as static-i18n builds them: the default (the source) first."""
    configured = config.plugins["i18n"].config.languages
    return sorted((language.locale for language in configured if language.build),
                  key=lambda lang: lang != default_language(config))


def default_language(config) -> str:
    return config.plugins["i18n"].default_language


def language_folder(config, lang: str) -> str:
    """Where a language's pages are published below site_url: the default language's at the root."""
    return "" if lang == default_language(config) else f"{lang}/"


def page_url(config, lang: str, page: str = FULL_TEXT_PAGE) -> str:
    """The permanent address of a page (by its source name) in a language."""
    return f"{config.site_url}{language_folder(config, lang)}{page.removesuffix('.md')}.html"


def build_language(config) -> str:
    """The language of the build under way (static-i18n builds one language after the other)."""
    return config.plugins["i18n"].current_language or default_language(config)


IN_PROGRESS = "languages_in_progress"


def languages_in_progress(config) -> list[str]:
    """The languages published before they are complete (mkdocs.yml, `extra: languages_in_progress:`,
    the one place this is said): a page not yet translated into one is shown in the default
    language, with a notice (untranslated.py). Any other language missing a page fails the build."""
    listed = config.extra.get(IN_PROGRESS) or []
    default = default_language(config)
    if not isinstance(listed, list) or any(lang not in languages(config) or lang == default for lang in listed):
        raise PluginError(f"mkdocs.yml: extra: {IN_PROGRESS}: must list languages of the site other than "
                          f"'{default}' (the source), e.g. [uk]")
    return listed


def shown_in_fallback(page, config) -> bool:
    """Whether the page is not yet translated into the language of the build under way, and shows
    the default language's instead (static-i18n's fallback_to_default, for a language in progress)."""
    return page_language(page) != build_language(config)


def from_another_language(file, lang: str) -> bool:
    """Whether a page file of `lang`'s build is another language's, shown in its place (static-i18n
    marks the files it keeps with their locale; a file it did not mark is the language's own)."""
    return getattr(file, "locale", lang) != lang


def untranslated_pages(config, lang: str) -> list[str]:
    """The pages (by source name, `strand-1.md`) not yet translated into a language: the default
    language's pages that have no file in it, read from docs/ as static-i18n reads it."""
    docs, default = Path(config.docs_dir), default_language(config)
    return sorted(path.relative_to(docs).as_posix().removesuffix(f".{default}.md") + ".md"
                  for path in docs.rglob(f"*.{default}.md")
                  if not path.relative_to(docs).as_posix().startswith("_")
                  and not path.with_name(path.name.removesuffix(f".{default}.md") + f".{lang}.md").exists())


# Pages ----------------------------------------------------------------------------------------------


def page_language(page) -> str:
    """static-i18n sets the locale of every page file; a page without one is a configuration error."""
    return page.file.locale


def page_slug(page) -> str:
    """The page's name without language suffix or extension: `strand-2` for strand-2.en.md."""
    return posixpath.basename(page.file.src_uri).split(".")[0]


def url_to(page, target_src: str, anchor: str = "") -> str:
    """A relative URL from this page to another page of the same language, by its source name."""
    target = target_src.removesuffix(".md") + ".html"
    url = posixpath.relpath(target, posixpath.dirname(page.file.src_uri) or ".")
    return f"{url}#{anchor}" if anchor else url


def markdown_line_offset(page) -> int:
    """How many lines of the page's file come before the Markdown that hooks receive: MkDocs
    strips the front matter and the blank lines after it (mkdocs.utils.meta.get_data)."""
    source = page.file.content_string
    match = FRONT_MATTER.match(source)
    if not match or not page.meta:
        return 0
    rest = source[match.end():]
    return source.count("\n", 0, match.end()) + len(rest) - len(rest.lstrip("\n"))


def page_error(page, line: int, message: str) -> PluginError:
    """A build error naming the page's file and a line of the Markdown the hooks received."""
    return PluginError(f"docs/{page.file.src_uri}:{line + markdown_line_offset(page)}: {message}")


# What the hooks generate in a page: held from Markdown, stamped ------------------------------------


STAMP = "data-dp"


@dataclass
class Rendering:
    """What the hooks make of one page, carried by the page (MkDocs' Page) from on_page_markdown to
    on_page_content.

    HTML made from the data never goes through Markdown: it is held behind a placeholder, an HTML
    comment with the page's nonce that Markdown passes through untouched, and put in place once
    Markdown is done. Every element the hooks generate carries the page's stamp, `data-dp="NONCE
    KIND [REF]"`, which content cannot forge (the nonce is drawn afresh for each page of each
    build): the checks read the page as built, stamps included, to tell what the hooks made from
    what an edit wrote; the published page carries none (`unstamped`)."""

    nonce: str = field(default_factory=lambda: secrets.token_hex(8))
    held: list = field(default_factory=list)  # (html, what it stands for: the marker), by number

    def stamp(self, kind: str, reference: str = "") -> str:
        """The attribute that marks an element as generated: ` data-dp="NONCE KIND [REF]"`."""
        return f' {STAMP}="{self.nonce} {kind}{" " + reference if reference else ""}"'

    def hold(self, html: str, origin, inline: bool) -> str:
        """The placeholder of HTML to put in a page's Markdown: a comment, which stands for a
        block when alone on its line; an empty span within a line, which Markdown keeps in its
        paragraph, even at the start of it (a comment there would start a block of its own)."""
        self.held.append((html, origin))
        number = len(self.held) - 1
        return f'<span data-dp-hold="{self.nonce}:{number}"></span>' if inline else f"<!--dp:{self.nonce}:{number}-->"

    def ids(self) -> set[str]:
        """The ids of the held HTML: anchors the page will have, which Markdown did not see."""
        held = LexborHTMLParser("".join(html for html, _ in self.held))
        return {node.attributes["id"] for node in held.css("[id]") if node.attributes.get("id")}

    def restore(self, html: str) -> tuple[str, list]:
        """The HTML with every placeholder replaced by what it holds; and the origin of each
        placeholder that Markdown did not pass through exactly once (read as code, or inside a
        link or an attribute)."""
        seen = [0] * len(self.held)

        def put(found: str) -> str:
            number = int(found)
            seen[number] += 1
            return self.held[number][0]

        restored = re.sub(rf'<!--dp:{self.nonce}:([0-9]+)-->|<span data-dp-hold="{self.nonce}:([0-9]+)"></span>',
                          lambda match: put(match[1] or match[2]), html)
        return restored, [self.held[number][1] for number, count in enumerate(seen) if count != 1]

    def unstamped(self, html: str) -> str:
        return re.sub(rf' {STAMP}="{self.nonce}[^"]*"', "", html)


def rendering(page) -> Rendering:
    """The page's Rendering, made when first asked for (MkDocs makes new pages for each build)."""
    if not isinstance(getattr(page, "dp_rendering", None), Rendering):
        page.dp_rendering = Rendering()
    return page.dp_rendering


# Labels and dates -----------------------------------------------------------------------------------------------


def part_label(part: str, words: declaration.Words, labels: str = "parts") -> str:
    """A part of the text by the site's label for it (`labels`: "parts.short" in the jump bar)."""
    if part.startswith("strand-"):
        return words(f"{labels}.strand", number=part.removeprefix("strand-"))
    return words(f"{labels}.{part}")


def segment_label(segment: declaration.Segment, words: declaration.Words) -> str:
    """A reader's name for a segment: "Volet 2, point 4", "Préambule, § 3", "Décision finale"."""
    part, role = part_label(segment.part, words), segment.role
    if not role:
        return part
    if role.isdigit():
        return words("segment.paragraph", part=part, number=role)
    if role.startswith("item-"):
        return words("segment.item", part=part, number=role.removeprefix("item-"))
    return words(f"segment.{role}", part=part)


def spelled_date(day: date, words: declaration.Words) -> str:
    """A day as the language writes it in running text, "2 février 2026" (babel's long format, in
    the locale of its interface words): every date a page shows is written by this."""
    return format_date(day, format="long", locale=words("locale"))


# Patching Material's HTML --------------------------------------------------------------------------


@dataclass(frozen=True)
class Patch:
    """A change to markup that Material (or an extension) renders and offers no option for.

    Applied to rendered HTML, it replaces `expected` (`count` times, exactly); when the markup is
    not there (an upgrade changed it), the build fails naming the hook and the reason for the
    patch, instead of shipping the page unpatched."""

    hook: str
    expected: str
    replacement: str
    why: str
    count: int = 1

    def apply(self, html: str) -> str:
        found = html.count(self.expected)
        if found != self.count:
            raise PluginError(f"{self.hook}: expected {self.count} × {self.expected!r} in Material's "
                              f"markup, found {found}. This patch exists because {self.why}; check "
                              "what the theme renders now and update the patch.")
        return html.replace(self.expected, self.replacement)
