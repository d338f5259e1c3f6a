"""Absolute hreflang alternates, with x-default, for the <head> of every page; and a sitemap
where Material looks for one.

static-i18n points each page's alternates at its counterparts, relative to the page: right for
the language switcher (it then works on any host, a pull-request preview included), wrong for
<link rel="alternate" hreflang>, which search engines want absolute, with an x-default. This hook
gives main.html the absolute ones (from site_url), x-default being the page in the default
language, the source; and the locales of the page and its counterparts, for og:locale.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from overrides.hooks._site import default_language, languages, page_language, words


# After static-i18n's on_page_context (50), which finds each page's counterparts.
@event_priority(0)
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    counterparts = page.file.alternates
    links = [(lang, config.site_url + counterparts[lang].url) for lang in languages(config) if lang in counterparts]
    default = default_language(config)
    context["dp_alternates"] = links + [("x-default", href) for lang, href in links if lang == default]
    here = page_language(page)
    context["dp_locales"] = [words(config, lang)("locale") for lang in sorted(counterparts, key=lambda lang: lang != here)]
    return context


# Material fetches sitemap.xml next to every alternate (to keep the reader on the same page when
# switching language): /en/text.html looks for /en/sitemap.xml. Serve the one sitemap there too.
@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    for lang in languages(config):
        if lang != default_language(config):
            (site / lang).mkdir(exist_ok=True)
            shutil.copyfile(site / "sitemap.xml", site / lang / "sitemap.xml")
