"""One 404 page, in both languages.

GitHub Pages serves a single /404.html for every missing path, and static-i18n builds it once per
language, the last build overwriting the first. overrides/404.html speaks both languages, so
it is rendered once, in the default language's build; the other builds skip it.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from _shared import DEFAULT_LANGUAGE

NOT_FOUND = "404.html"


# After static-i18n's on_config (-100), which sets the theme language of the build under way.
@event_priority(-110)
def on_config(config):
    static_templates = config.theme.static_templates
    if config.theme["language"] == DEFAULT_LANGUAGE:
        static_templates.add(NOT_FOUND)
    else:
        static_templates.discard(NOT_FOUND)
    return config
