"""Check links: every internal link and anchor of the built site resolves, in every language.

The strict build already fails on a broken Markdown link (mkdocs.yml `validation:`); this
check reads the built pages, so it also covers the links the hooks generate and the theme's.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote

import ada_url

from scripts.findings import Finding

from .site_config import on_the_site

CHECK = "links"


def check_site(sources, site) -> list[Finding]:
    findings = []
    for lang, pages in site.pages.items():
        for slug, path in pages.items():
            relative = path.relative_to(site.root).as_posix()
            tree = site.tree(lang, slug)
            for element in tree.iter(lambda e: e.tag in ("a", "link") and "href" in e.attrs):
                target = _resolve(element.attrs["href"], relative, site.url)
                if target is None:
                    continue
                file, anchor = target
                problem = _problem(site, file, anchor)
                if problem:
                    findings.append(Finding(f"site/{relative}", element.line, CHECK,
                                            f"link to {element.attrs['href']}: {problem}",
                                            _fix(slug, lang)))
    return findings


def _resolve(href: str, page: str, site_url: str) -> tuple[str, str] | None:
    """(file relative to the site root, anchor) of a link into the site, as a browser resolves it
    (WHATWG: ada) from the page's address; None for a link elsewhere, or one no browser can read
    (the content check's finding)."""
    try:
        url = ada_url.URL(href, site_url + page)
        site = ada_url.URL(site_url)
    except ValueError:
        return None
    if not on_the_site(url, site) or url.protocol not in ("http:", "https:"):
        return None  # another site: not ours to check
    path = unquote(url.pathname[len(site.pathname):])
    if path.endswith("/") or path in ("", "."):
        path = posixpath.join(path, "index.html")
    return posixpath.normpath(path), unquote(url.hash.lstrip("#"))


def _problem(site, file: str, anchor: str) -> str:
    if not (site.root / file).is_file():
        return "no such page"
    if not anchor or not file.endswith(".html"):
        return ""
    return "" if anchor in site.ids(file) else f"no anchor #{anchor} on that page"


def _fix(slug: str, lang: str) -> str:
    source = f"docs/{slug}.{lang}.md"
    return f"fix the link in {source} (or the marker that generates it), or the heading it points to"
