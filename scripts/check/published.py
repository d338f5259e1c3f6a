"""Check published: what the build published holds nothing that could run, fetch from elsewhere
or cover the page, whatever the pages and the data held.

Every built page, search index, sitemap and static file is read as a browser reads it (selectolax:
lexbor, a WHATWG HTML parser; entities decoded, attributes wherever they are, comments and raw
text ended where a browser ends them) and held to allowlists:

- in the content (the article): only what content may hold (content.py's allowlist) and the
  markup the theme and the hooks add; links only to http(s), mailto and the site;
- everywhere: no event handler, style attribute, frame, object, embed, base, style, template or
  noscript element; no meta or link outside the head; no form but the theme's search; every
  image and other subresource from the site; every script one of the site's files, or one of
  the theme's inline scripts that the page's own Content-Security-Policy allows by its hash;
- every file published is one the site means to publish.

The checks of the sources (content-safety) and of each page's content as built (content) give
earlier, better messages; this one is the guard.
Each finding names the source file and line that produced what it reports, as near as it can.
"""

from __future__ import annotations

from functools import cache
import html
import json
import re
from pathlib import Path

import ada_url
from selectolax.lexbor import LexborHTMLParser

from scripts.findings import Finding

from overrides.hooks.content_security_policy import csp_hash

from . import assets, content
from .progress import in_progress
from .site_config import on_the_site

CHECK = "published"
CONTENT = "md-content__inner"
# What the published article may hold: what content may (content.py, one allowlist), and the
# markup the theme and the hooks add to it.
CONTENT_ELEMENTS = content.ELEMENTS | {
    "article",
    "svg", "path", "g", "title",  # the theme's icons in the page actions
    "button",  # of type button only: the full text's copy controls
    "nav",  # the full text's jump bar
}
GLOBAL_ATTRIBUTES = content.GLOBAL_ATTRIBUTES | {"role", "hidden", "data-search-exclude"}
ELEMENT_ATTRIBUTES = {
    **content.ATTRIBUTES,
    "svg": {"xmlns", "viewbox", "width", "height", "focusable", "fill"}, "path": {"d", "fill"}, "g": {"fill"},
    "button": {"type", "data-dp-copy", "data-dp-done", "data-dp-show"},  # the copy controls, the choice of language
}
FORBIDDEN = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "style",
             "template", "noscript", "xmp", "plaintext", "listing", "foreignobject", "math", "video",
             "audio", "source", "track", "picture", "canvas", "dialog", "slot"}
HEAD_ONLY = {"meta", "link", "title"}
FORM_CONTROLS = {"form", "input", "select", "textarea", "label", "option", "output", "fieldset"}
NAVIGATION_SCHEMES = content.NAVIGATION
# The site's own scripts (reviewed code, in docs/assets/javascripts/), beside Material's.
OWN_SCRIPTS = {"assets/javascripts/on-interaction.js", "assets/javascripts/tooltips.js", "assets/javascripts/cite.js",
               "assets/javascripts/text-choice.js", "assets/javascripts/language-switch.js", "assets/javascripts/print.js",
               # At the path of Material's French stemmer: lunr-languages' French, with accent folding.
               "assets/javascripts/lunr/min/lunr.fr.min.js",
               # A preview's only (make preview, overrides/hooks/preview.py): the Web Worker shim (vendored, pinned).
               "assets/javascripts/iframe-worker.js"}
# A preview's too: each language's search index as a script, for a page opened from disk; held to
# be exactly its index (search_index_scripts).
INDEX_SCRIPT = "search/search_index.js"
INDEX_PREFIX = "var __index = "
# Attributes whose URL the browser fetches or follows, on any element (href: links and SVG).
URL_ATTRIBUTES = {"href", "src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc", "xlink:href",
                  "action", "formaction", "ping", "manifest", "codebase", "archive", "cite", "longdesc",
                  "usemap", "itemtype", "profile"}
LINK_RELS = {"canonical", "prev", "next", "alternate", "icon", "stylesheet", "schema.dc"}
META_NAMES = {"viewport", "description", "twitter:card", "twitter:title", "twitter:description"}
META_PREFIXES = ("citation_", "dc.")  # Highwire and Dublin Core: what citation managers read
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
DATA_TYPES = {"application/json": "__config", "application/ld+json": None}  # the id each must have, if any
ASSET_SUFFIXES = {".css", ".js", ".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".ico", ".woff", ".woff2",
                  ".json", ".xml", ".gz", ".map", ".html", ".bib", ".ris"}
URL_NOISE = re.compile(r"[\t\n\r]")


def check_site(sources, site) -> list[Finding]:
    reader = _Reader(sources, site)
    for lang, pages in site.pages.items():
        for slug, path in pages.items():
            # A page not yet translated into a language in progress is the French page's.
            source = f"docs/{slug}.{lang}.md"
            reader.page(path, source if source in sources.texts else f"docs/{slug}.{site.languages[0]}.md", lang)
    if (site.root / "404.html").is_file():
        reader.page(site.root / "404.html", "overrides/404.html", sources.languages[0])
    reader.search_indexes()
    reader.search_index_scripts()
    reader.files()
    return reader.findings


class _Reader:
    def __init__(self, sources, site):
        self.sources, self.site, self.findings = sources, site, []
        self.site_url = ada_url.URL(site.url)

    # Pages -------------------------------------------------------------------------------------------

    def page(self, path: Path, source: str, lang: str) -> None:
        tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
        relative = path.relative_to(self.site.root).as_posix()
        self.base = self.site.url + relative  # what the page's relative addresses resolve against
        allowed_scripts = self._policy_hashes(tree, relative, source)
        stack = [(tree.root, False, False)]
        while stack:
            node, in_content, in_head = stack.pop()
            tag = node.tag
            if tag.startswith("-"):
                continue  # text, comments
            in_head = in_head or tag == "head"
            opens_content = tag == "article" and CONTENT in (node.attributes.get("class") or "").split()
            self._element(node, tag, relative, source, lang, in_content, in_head, allowed_scripts)
            children = []
            child = node.child
            while child is not None:
                children.append((child, in_content or opens_content, in_head))
                child = child.next
            stack.extend(reversed(children))

    def _element(self, node, tag, page, source, lang, in_content, in_head, allowed_scripts) -> None:
        attributes = {name.lower(): value or "" for name, value in node.attributes.items()}
        def report(problem: str, fix: str, needle: str = "") -> None:
            self._report(page, source, lang, problem, fix, needle or f"<{tag}")

        if tag in FORBIDDEN:
            report(f"a <{tag}> element: it could run, load from elsewhere or cover the page",
                   "remove it: pages hold Markdown, and the theme provides styles and scripts")
        if tag in HEAD_ONLY and not in_head:
            report(f"a <{tag}> element in the page's body", "remove it: only the theme writes the page's head")
        if in_content and tag in FORM_CONTROLS:
            report(f"a <{tag}> element in a page: forms post nowhere on this site", "remove it")
        if in_content and tag == "button" and attributes.get("type") != "button":
            report("a <button> that is not type=\"button\": it would submit", "remove it")
        if in_content and tag not in CONTENT_ELEMENTS and tag not in FORBIDDEN | FORM_CONTROLS | HEAD_ONLY | {"script"}:
            report(f"a <{tag}> element, which content may not hold", "write Markdown; ask a maintainer if an "
                   "element is missing from the allowlist (scripts/check/published.py)")
        for name, value in attributes.items():
            self._attribute(tag, name, value, attributes, in_content, report)
        if tag == "script":
            self._script(node, attributes, in_content, allowed_scripts, report)
        elif tag == "meta" and in_head:
            self._meta(attributes, report)
        elif tag == "link" and in_head:
            self._link(attributes, report)

    def _attribute(self, tag, name, value, attributes, in_content, report) -> None:
        if name.startswith("on"):
            report(f"an event handler attribute {name}= on <{tag}>: it runs code in the reader's browser",
                   "remove the attribute", name)
        elif name == "style":
            report(f"a style attribute on <{tag}>: it can hide the text, cover the page or load from elsewhere",
                   "remove it; the site's stylesheet styles the pages", "style")
        elif name in ("srcdoc", "formaction", "action") or name == "http-equiv" and tag != "meta":
            report(f"a {name}= attribute on <{tag}>", "remove it", name)
        elif in_content and name not in GLOBAL_ATTRIBUTES | ELEMENT_ATTRIBUTES.get(tag, set()) \
                and not name.startswith("aria-"):
            report(f"an attribute {name}= on <{tag}>, which content may not hold", "remove it", name)
        if name not in URL_ATTRIBUTES or tag == "link":
            return  # a <link>'s address is checked by its rel (_link)
        for url in _urls(name, value):
            parsed = self._parse(url)
            if parsed is None:
                report(f"an address a browser cannot read: <{tag} {name}=\"{content.short(url)}\">",
                       "write a full https:// address, or a page of the site", url)
                continue
            scheme = parsed.protocol.rstrip(":")
            if name in ("href", "cite") and tag in ("a", "area", "q", "blockquote", "del", "ins"):
                if scheme and scheme not in NAVIGATION_SCHEMES:
                    report(f"a link to a {scheme}: URL", "link to a page of the site, an https address or "
                           "a mailto:", url)
            elif scheme and scheme not in ("http", "https"):
                report(f"a {scheme}: URL in <{tag} {name}=…>", "refer to a file of the site", url)
            elif not self._same_origin(url):
                report(f"<{tag} {name}=\"{content.short(url)}\"> loads from elsewhere: the reader's browser would call it",
                       "copy the file into docs/assets/ and refer to it there", url)

    def _script(self, node, attributes, in_content, allowed, report) -> None:
        if in_content:
            report("a <script> element in a page", "remove it: the site's scripts are its own files")
            return
        kind = attributes.get("type", "").strip().lower()
        if "src" in attributes:
            if not self._site_script(attributes["src"]):
                report(f"a script from {content.short(attributes['src'])}, which is none of the site's scripts",
                       "remove it", attributes["src"])
        elif kind in EXECUTABLE_TYPES:
            if csp_hash(node.text(deep=True)) not in allowed:
                report("an inline script that the page's Content-Security-Policy does not allow",
                       "remove it: the site's scripts are its own files", "<script")
        elif kind in DATA_TYPES:
            if attributes.get("id") != DATA_TYPES[kind] and DATA_TYPES[kind] is not None:
                report("a data script other than the theme's configuration", "remove it", "<script")
        elif kind == "text/plain" and "data-on-interaction" in attributes:
            if not self._site_script(attributes["data-on-interaction"]):
                report("a deferred script that is none of the site's scripts", "remove it", "data-on-interaction")
        else:
            report(f"a script of type {kind!r}", "remove it", "<script")

    def _meta(self, attributes, report) -> None:
        if "charset" in attributes:
            return
        if attributes.get("http-equiv", "").lower() == "content-security-policy":
            return
        name = attributes.get("name", "")
        if name in META_NAMES or name.lower().startswith(META_PREFIXES) or attributes.get("property", "").startswith("og:"):
            return
        report(f"a <meta> the theme does not write ({content.short(str(attributes))})", "remove it", "<meta")

    def _link(self, attributes, report) -> None:
        rels = set(attributes.get("rel", "").lower().split())
        if not rels or not rels <= LINK_RELS:
            report(f"a <link rel=\"{attributes.get('rel', '')}\"> the theme does not write", "remove it", "<link")
        elif rels & {"stylesheet", "icon"} and not self._same_origin(attributes.get("href", "")):
            report("a stylesheet or icon from elsewhere", "remove it", attributes.get("href", "<link"))

    def _policy_hashes(self, tree, page, source) -> set[str]:
        """The script hashes the page's own policy allows; the policy comes before any script."""
        policies = tree.css('meta[http-equiv="Content-Security-Policy" i]')
        scripts_before = 0
        node = tree.head.child if tree.head is not None else None
        while node is not None and (not policies or node.mem_id != policies[0].mem_id):
            scripts_before += node.tag == "script"
            node = node.next
        if len(policies) != 1 or node is None or scripts_before:
            self.findings.append(Finding(f"site/{page}", 1, CHECK, "the page lacks its Content-Security-Policy "
                                         "in its head, before any script", "rebuild; if it persists, report a "
                                         "bug in overrides/hooks/content_security_policy.py"))
            return set()
        policy = policies[0].attributes.get("content") or ""
        if "'unsafe-inline'" in policy or "object-src 'none'" not in policy or "base-uri 'none'" not in policy:
            self.findings.append(Finding(f"site/{page}", 1, CHECK, "the page's Content-Security-Policy is weaker "
                                         "than the site's", "restore overrides/hooks/content_security_policy.py"))
        return set(re.findall(r"'(sha256-[A-Za-z0-9+/=]+)'", policy))

    # Generated files ------------------------------------------------------------------------------------

    def search_indexes(self) -> None:
        for lang in self.site.languages:
            folder = self.site.folder(lang)
            index = folder / "search" / "search_index.json"
            if not index.is_file():
                continue
            for doc in json.loads(index.read_text(encoding="utf-8")).get("docs", []):
                slug = doc.get("location", "").split("#")[0].removesuffix(".html") or "index"
                for field in ("title", "text"):
                    fragment = LexborHTMLParser(f"<article class='{CONTENT}'>{doc.get(field, '')}</article>")
                    page = index.relative_to(self.site.root).as_posix()
                    stack = [fragment.body]
                    while stack:
                        node = stack.pop()
                        if not node.tag.startswith("-") and node.tag not in ("body", "article"):
                            self._element(node, node.tag, page, f"docs/{slug}.{lang}.md", lang, True, False, set())
                        child = node.child
                        while child is not None:
                            stack.append(child)
                            child = child.next

    def search_index_scripts(self) -> None:
        """A search index published as a script (a preview's) is its index and nothing else."""
        for lang in self.site.languages:
            script = self.site.folder(lang) / INDEX_SCRIPT
            if not script.is_file():
                continue
            index = script.with_suffix(".json")
            expected = INDEX_PREFIX + (index.read_text(encoding="utf-8") if index.is_file() else "")
            if script.read_text(encoding="utf-8", errors="replace") != expected:
                relative = script.relative_to(self.site.root).as_posix()
                self._file(relative, f"docs/{relative}", f"a search index script that is not exactly "
                           f"`{INDEX_PREFIX}` and its index")

    def files(self) -> None:
        """Every published file is one the site means to publish."""
        known_pages = {self.site.folder(page.lang) / f"{page.slug}.html" for page in self.sources.pages
                       if page.lang in self.site.languages}
        # A language in progress shows the default language's pages it has not translated yet.
        known_pages |= {self.site.folder(lang) / f"{page.slug}.html" for lang in in_progress(self.sources)
                        for page in self.sources.pages if page.lang == self.site.languages[0]}
        theme = _theme_files()
        for path in sorted(p for p in self.site.root.rglob("*") if p.is_file()):
            relative = path.relative_to(self.site.root).as_posix()
            source = f"docs/{relative}"
            if path.suffix not in ASSET_SUFFIXES:
                self._file(relative, source, f"a published file of an unexpected type ({path.suffix or 'none'})")
            elif path.suffix == ".html" and path not in known_pages and relative != "404.html":
                self._file(relative, source, "an HTML file that no page of the site produced")
            elif path.suffix == ".js" and relative not in theme and relative not in self._own_scripts():
                self._file(relative, source, "a script that is none of the site's own (scripts are reviewed code, "
                           "listed in scripts/check/published.py)")
            elif path.suffix == ".svg" and relative not in theme:
                for problem in assets.svg_problems(path.read_bytes()):
                    self._file(relative, source, problem)
            elif path.suffix == ".css" and relative not in theme:
                for _, problem in assets.css_problems(path.read_text(encoding="utf-8", errors="replace")):
                    self._file(relative, source, problem)

    def _file(self, relative: str, source: str, problem: str) -> None:
        path = source if (self.sources.root / source).is_file() else f"site/{relative}"
        self.findings.append(Finding(path, 1, CHECK, f"{problem}: {relative}",
                                     "remove the file from docs/, or ask a maintainer to review it"))

    # Helpers ------------------------------------------------------------------------------------------

    def _parse(self, url: str):
        """The address as a browser reads it (WHATWG: ada), against the page's own address."""
        try:
            return ada_url.URL(url, getattr(self, "base", self.site.url))
        except ValueError:
            return None

    def _same_origin(self, url: str) -> bool:
        """Whether the address is the site's (site_config.on_the_site)."""
        parsed = self._parse(url)
        return parsed is not None and on_the_site(parsed, self.site_url)

    def _site_script(self, url: str) -> bool:
        """Whether the address is one of the site's own scripts, or the theme's, exactly."""
        parsed = self._parse(url)
        if parsed is None or not self._same_origin(url):
            return False
        relative = parsed.pathname.removeprefix(self.site_url.pathname)
        return (relative in self._own_scripts() or relative in _theme_files()) and (self.site.root / relative).is_file()

    def _own_scripts(self) -> set[str]:
        """The site's own scripts, and each language's search index as a script (a preview's)."""
        return OWN_SCRIPTS | {(self.site.folder(lang) / INDEX_SCRIPT).relative_to(self.site.root).as_posix()
                              for lang in self.site.languages}

    def _report(self, page: str, source: str, lang: str, problem: str, fix: str, needle: str) -> None:
        path, line = _locate(self.sources, source, lang, needle)
        self.findings.append(Finding(path, line, CHECK, f"{problem} (in site/{page})", fix))


@cache
def _theme_files() -> frozenset[str]:
    """The files Material ships, as published (its scripts, stylesheets and icons are trusted)."""
    import material

    templates = Path(material.__file__).parent / "templates"
    return frozenset(path.relative_to(templates).as_posix() for path in templates.joinpath("assets").rglob("*")
                     if path.is_file())


def _urls(name: str, value: str) -> list[str]:
    if name == "srcset":
        return [candidate.strip().split()[0] for candidate in value.split(",") if candidate.strip()]
    return [value]




def _locate(sources, source: str, lang: str, needle: str) -> tuple[str, int]:
    """The file and line of the source that most likely produced `needle`: the page, then the data
    it draws on; the page's first line when nothing matches. Lines are compared as the browser
    reads them (entities decoded, tabs and line breaks dropped), so that `jav&#x61;script:` is
    found where it was written."""
    candidates = [source, "declaration/glossary.yml", f"declaration/translation.{lang}.yml",
                  f"declaration/interface.{lang}.yml"]
    folded = URL_NOISE.sub("", needle).strip().casefold()
    for path in candidates:
        text = sources.texts.get(path)
        if text is None or not folded:
            continue
        for number, line in enumerate(text.split("\n"), start=1):
            if folded in URL_NOISE.sub("", html.unescape(line)).casefold():
                return path, number
    return source, 1
