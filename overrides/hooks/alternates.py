"""Absolute hreflang alternates, with x-default, for the <head> of every page; and a sitemap
where Material looks for one.

static-i18n points each page's alternates at its counterparts, relative to the page: right for
the language switcher (it then works on any host, a pull-request preview included), wrong for
<link rel="alternate" hreflang>, which search engines want absolute, with an x-default. This hook
gives main.html the absolute ones (from site_url), x-default being the page in the default
language, the source; and the locales of the page and its counterparts, for og:locale.

A page not yet translated into a language in progress (untranslated.py) is the default
language's page shown at that language's address: it is no version of the page in that language,
so no alternate and no entry of the sitemap names it as one.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from overrides.hooks._site import (
    default_language,
    from_another_language,
    languages,
    languages_in_progress,
    page_language,
    page_url,
    untranslated_pages,
    words,
)

SITEMAP = "sitemap.xml"


# After static-i18n's on_page_context (50), which finds each page's counterparts.
@event_priority(0)
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    # A counterpart in another language than its own is the default language's page shown there.
    counterparts = {lang: file for lang, file in page.file.alternates.items() if not from_another_language(file, lang)}
    links = [(lang, config.site_url + counterparts[lang].url) for lang in languages(config) if lang in counterparts]
    default = default_language(config)
    context["dp_alternates"] = links + [("x-default", href) for lang, href in links if lang == default]
    here = page_language(page)
    context["dp_locales"] = [words(config, lang)("locale") for lang in sorted(counterparts, key=lambda lang: lang != here)]
    return context


# static-i18n's sitemap lists every page of every language with its alternates, the pages shown in
# the default language among them: those entries, and the alternates that name them, are left out.
def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name != SITEMAP:
        return output
    shown = [page_url(config, lang, page) for lang in languages_in_progress(config)
             for page in untranslated_pages(config, lang)]
    if not shown:
        return output
    addresses = "|".join(re.escape(address) for address in shown)
    output = re.sub(rf"\n[ \t]*<url>\s*<loc>(?:{addresses})</loc>.*?</url>", "", output, flags=re.DOTALL)
    return re.sub(rf'\n[ \t]*<xhtml:link rel="alternate" hreflang="[^"]+" href="(?:{addresses})"/>', "", output)


# Material fetches sitemap.xml next to every alternate (to keep the reader on the same page when
# switching language): /en/text.html looks for /en/sitemap.xml. Serve the one sitemap there too.
@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    for lang in languages(config):
        if lang != default_language(config):
            (site / lang).mkdir(exist_ok=True)
            shutil.copyfile(site / "sitemap.xml", site / lang / "sitemap.xml")
