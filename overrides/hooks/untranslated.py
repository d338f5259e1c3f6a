"""A page not yet translated: shown in the default language, and saying so, in a language in
progress only (mkdocs.yml, `extra: languages_in_progress:`).

static-i18n's fallback_to_default publishes a page that a language lacks from the default
language's file, at the language's address (/uk/strand-1.html), silently. Here:
- a language that is not in progress may lack no page: its build fails, naming the file to create
  (the translations check says so first, before any build);
- a page shown in the default language says so at the top of its content, in the words of the
  language of the build (its interface), and its content (its title with it) is marked as the
  language it is written in, for screen readers and for the checks; it stays out of the
  language's search index;
- the language switcher says, beside a language, that the page is not yet translated into it.
The hreflang alternates and the sitemap leave such pages out (alternates.py); the record of
changes says an entry not yet translated in the default language's words (changes.py).
"""

from __future__ import annotations

import babel
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from overrides.hooks._site import (
    IN_PROGRESS,
    build_language,
    from_another_language,
    languages_in_progress,
    page_language,
    rendering,
    shown_in_fallback,
    words,
)


# After static-i18n's on_files (-100), which chooses each page's file for the language.
@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    lang = build_language(config)
    if lang in languages_in_progress(config):
        return files
    missing = [file for file in files.documentation_pages() if from_another_language(file, lang)]
    if missing:
        # At the default language's file, where the translations check reports it too: one finding.
        first, stem = missing[0], missing[0].src_uri.removesuffix(f".{missing[0].locale}.md")
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise PluginError(f"docs/{first.src_uri}:1: {stem}.md has no page in '{lang}'{more}, a complete language of "
                          f"the site: create docs/{stem}.{lang}.md; or, while '{lang}' is being translated, list it "
                          f"in mkdocs.yml under extra: {IN_PROGRESS}")
    return files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not shown_in_fallback(page, config):
        return html
    page.meta["search"] = {"exclude": True}  # Material's search reads it in its on_page_context
    lang, content_lang = build_language(config), page_language(page)
    stamp = rendering(page).stamp("untranslated")
    notice = words(config, lang)("untranslated.notice", language=english_name(lang))
    title = escape(page.meta.get("title") or page.title or "")
    return (f'<div class="admonition info dp-untranslated" role="note"{stamp}>'
            f'<p class="admonition-title">{escape(notice)}</p></div>'
            f'<div lang="{content_lang}"{stamp}><h1>{title}</h1>{html}</div>')


# After static-i18n's on_page_context (50), which names each language of the switcher and links
# it to the page's counterpart.
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    counterparts = getattr(page.file, "alternates", {})
    language = words(config, build_language(config))
    # What the theme renders: static-i18n sets the attribute afresh for each page (the key is its default).
    switcher = getattr(config.extra, "alternate", None)
    for alternate in (switcher if switcher is not None else config.extra.get("alternate")) or []:
        counterpart = counterparts.get(alternate.get("lang"))
        if counterpart is not None and from_another_language(counterpart, alternate["lang"]):
            alternate["name"] = escape(language("untranslated.switcher", language=alternate["name"]))
    return context


def english_name(lang: str) -> str:
    """A language's name in English: the notice's words start as English ones (interface.en.yml),
    and a translation of them names its own language in its own words."""
    return babel.Locale("en").languages.get(lang.replace("-", "_"), lang)
