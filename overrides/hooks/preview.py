"""The preview: the site built to be opened from disk, as an editor opens a pull request's
artifact (downloaded, unzipped, index.html opened in the browser: a file:// address).

Never by default: `make preview` builds it (DP_PREVIEW=true, mkdocs.yml's extra.dp_preview), at an
address of its own, ADDRESS (a reserved name that never resolves: the preview is published nowhere,
and its canonical links say so). Opened from disk, Chromium runs no Web Worker (Material's search
runs in one), fetches nothing (Material fetches its search index, and sitemap.xml beside every
<link rel="alternate">), and the site's Content-Security-Policy names the published site's address.
So, in a preview only:

- the vendored iframe-worker shim (docs/assets/javascripts/iframe-worker.js, left out of the
  published site by mkdocs.yml's exclude_docs) is loaded first, as Material's `polyfills`: opened
  from disk, it runs the search worker's script in a hidden iframe;
- each language's search index is also written as a script, search/search_index.js (en/search/…),
  which Material loads instead of fetching the index when the page is a file;
- the pages carry no <link rel="alternate"> (hreflang alternates, the feed): search engines and
  feed readers never read a preview, and Material would fetch a sitemap beside each;
- the page's policy is the site's with 'self' wherever the site's address stands (a file:// page
  cannot name the folder it was unzipped to: 'self' is the local files, and nothing from the
  network), and the shim's own inline script, which it writes into its iframe, allowed by its
  hash (the iframe inherits the page's policy).

Material's `offline` plugin does part of this, but not for this site: it would load the shim from
unpkg.com, and inline search/search_index.json as static-i18n writes it, before
search_per_language.py splits it by language (the French search would find English pages, and
en/search/ would have no script).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

from overrides.hooks._site import default_language, languages
from overrides.hooks.content_security_policy import csp_hash

HOOK = "overrides/hooks/preview.py"
ADDRESS = "https://preview.invalid/"
SHIM = "assets/javascripts/iframe-worker.js"
WORKER = "assets/javascripts/workers/search.*.min.js"  # Material's search worker, by its file name
INDEX = "var __index = "  # what Material's script reads, from search/search_index.js
# The shim's constructor writes its iframe: an inline script that defines the worker's
# postMessage and importScripts (two functions of the shim, by their source) and reports its
# errors for the worker's script URL; then the worker's script.
BOOTSTRAP = re.compile(r"<script>(postMessage=\$\{(\w+)\};importScripts=\$\{(\w+)\};.*?)<\\/script>"
                       r"<script src=\$\{(\w+)\}")


def preview(config: MkDocsConfig) -> bool:
    return bool(config.extra.get("dp_preview"))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if preview(config):
        if config.site_url != ADDRESS:
            raise PluginError(f"{HOOK}: a preview is built for its own address, {ADDRESS} (SITE_URL), not "
                              f"{config.site_url}: build it with `make preview`")
        polyfills = config.extra.get("polyfills") or []
        config.extra["polyfills"] = polyfills if SHIM in polyfills else [*polyfills, SHIM]
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    shim = files.get_file_from_path(SHIM)
    if preview(config) and shim is not None:
        shim.inclusion = InclusionLevel.INCLUDED
    return files


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    if preview(config):
        context["dp_alternates"], context["dp_feed"] = [], None
        context["dp_csp"] = policy(context, config)
    return context


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    if preview(config) and "dp_csp" in context:
        context["dp_csp"] = policy(context, config)
    return context


def policy(context: dict, config: MkDocsConfig) -> str:
    """The site's policy for the page (content_security_policy.py), for a file:// page: 'self'
    for the site's address, and the shim's inline script allowed by its hash."""
    directives = []
    for directive in context["dp_csp"].split("; "):
        name, *sources = directive.split(" ")
        sources = ["'self'" if source.startswith(config.site_url) else source for source in sources]
        if name == "script-src":
            sources.append(bootstrap_hash(config, context))
        directives.append(" ".join([name, *dict.fromkeys(sources)]))
    return "; ".join(directives)


def bootstrap_hash(config: MkDocsConfig, context: dict) -> str:
    """The CSP source of the inline script the shim writes into its iframe for this page: it names
    the worker's URL as the page gives it to Material ("search" in its configuration)."""
    template, functions, url_name = _bootstrap(_shim_source(config))
    worker = normalize_url(_worker(tuple(config.theme.dirs)), page=context.get("page"), base=context["base_url"])
    script = template.replace("${" + url_name + "}", worker)
    for name, source in functions.items():
        script = script.replace("${" + name + "}", source)
    return f"'{csp_hash(script)}'"


# After search_per_language's (-200), which writes each language's index.
@event_priority(-210)
def on_post_build(*, config: MkDocsConfig) -> None:
    if not preview(config):
        return
    for lang in languages(config):
        folder = Path(config.site_dir) / ("" if lang == default_language(config) else lang) / "search"
        index = folder / "search_index.json"
        if index.is_file():
            (folder / "search_index.js").write_text(INDEX + index.read_text(encoding="utf-8"), encoding="utf-8")


def _shim_source(config: MkDocsConfig) -> str:
    return (Path(config.docs_dir) / SHIM).read_text(encoding="utf-8")


@cache
def _bootstrap(shim: str) -> tuple[str, dict[str, str], str]:
    """The shim's inline script, its functions' names and sources, and the name of the worker's URL."""
    found = BOOTSTRAP.search(shim)
    if not found:
        raise PluginError(f"{HOOK}: {SHIM} does not write the iframe it was vendored writing: the preview's "
                          "policy allows that inline script by its hash; check what the shim writes now")
    template, post_message, import_scripts, url_name = found.groups()
    return template, {name: _function(shim, name) for name in (post_message, import_scripts)}, url_name


def _function(shim: str, name: str) -> str:
    """The source of `function NAME(…){…}` in the shim, as Function.prototype.toString gives it."""
    start = shim.find(f"function {name}(")
    depth = 0
    for end in range(shim.find("{", start) if start >= 0 else len(shim), len(shim)):
        depth += {"{": 1, "}": -1}.get(shim[end], 0)
        if depth == 0:
            return shim[start:end + 1]
    raise PluginError(f"{HOOK}: no function {name} in {SHIM}: check what the shim writes into its iframe now")


@cache
def _worker(theme_dirs: tuple[str, ...]) -> str:
    found = [path for folder in theme_dirs for path in Path(folder).glob(WORKER)]
    if len(found) != 1:
        raise PluginError(f"{HOOK}: expected one {WORKER} in the theme, found {len(found)}: the preview's policy "
                          "names Material's search worker by its file name; check how this Material ships it")
    return f"assets/javascripts/workers/{found[0].name}"
