"""One 404 page, in every language.

GitHub Pages serves a single /404.html for every missing path, and static-i18n builds it once per
language, the last build overwriting the others. overrides/404.html speaks every language, so it
is rendered once, in the default language's build; the other builds skip it. Its links are
absolute: the page is served at whatever path was missing.
"""

from __future__ import annotations

from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from overrides.hooks._site import build_language, default_language, language_folder, languages, words

NOT_FOUND = "404.html"


# After static-i18n's on_config (-100), which sets the language of the build under way.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if build_language(config) == default_language(config):
        config.theme.static_templates.add(NOT_FOUND)
    else:
        config.theme.static_templates.discard(NOT_FOUND)
    return config


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    if template_name == NOT_FOUND:
        context["dp_not_found"] = [
            {"lang": lang, "title": language("not_found.title"), "text": language("not_found.text"),
             "link": language("not_found.home"),
             "home": urljoin(config.site_url or "/", f"{language_folder(config, lang)}index.html")}
            for lang in languages(config) for language in [words(config, lang)]
        ]
    return context
