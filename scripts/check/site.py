"""The built site, read page by page: what the site checks and the tests look at."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from .html_tree import Element, parse

NOT_FOUND = "404.html"


class BuiltSite:
    def __init__(self, root: Path, languages: list[str], url: str = ""):
        """`languages`: the site's languages, the default (built at the root) first; `url`: the
        site_url it was built with."""
        self.root = Path(root)
        self.languages = list(languages)
        self.url = url

    def folder(self, lang: str) -> Path:
        return self.root if lang == self.languages[0] else self.root / lang

    @cached_property
    def pages(self) -> dict[str, dict[str, Path]]:
        """{lang: {slug: file}} for every content page (the 404 page aside)."""
        return {
            lang: {path.stem: path for path in sorted(self.folder(lang).glob("*.html")) if path.name != NOT_FOUND}
            for lang in self.languages
        }

    def tree(self, lang: str, slug: str) -> Element:
        return self._tree(self.pages[lang][slug])

    def _tree(self, path: Path) -> Element:
        cache = self.__dict__.setdefault("_trees", {})
        if path not in cache:
            cache[path] = parse(path.read_text(encoding="utf-8"))
        return cache[path]

    def ids(self, file: str) -> set[str]:
        """Every id in a built HTML file (a path below the site root): the anchors links can target."""
        cache = self.__dict__.setdefault("_ids", {})
        if file not in cache:
            tree = self._tree(self.root / file)
            cache[file] = {element.attrs["id"] for element in tree.iter(lambda e: "id" in e.attrs)}
        return cache[file]

    def content(self, lang: str, slug: str) -> Element:
        """The article, without the site's navigation."""
        return self.tree(lang, slug).find("article")
