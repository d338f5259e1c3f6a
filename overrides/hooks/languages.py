"""Each language's build, configured from its interface words (declaration/interface.<code>.yml).

static-i18n builds the site once per language, reconfiguring MkDocs for the language under way
(its on_config, priority -100). After it, this sets what belongs to a language: the site's name,
description and copyright, the names of the palette toggles, and the title of heading permalinks
(the toc extension takes one title for the whole site, and static-i18n cannot change extension
settings per language). In the navigation, pages take their own titles; sections are named in
mkdocs.yml by a key of the words' `nav:`. Material prints these values raw, in text and in
attributes: they are set as escaped text (markupsafe's Markup, which Jinja's `e` leaves as is).
"""

from __future__ import annotations

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section

from overrides.hooks._site import build_language, words

TOGGLE_WORD = {"default": "palette.to_dark", "slate": "palette.to_light"}


@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    language = words(config, build_language(config))
    config.site_name = escape(language("site_name"))
    config.site_description = escape(language("site_description"))
    config.copyright = escape(language("copyright"))
    for palette in config.theme["palette"]:
        palette["toggle"]["name"] = escape(language(TOGGLE_WORD[palette["scheme"]]))
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = language("heading_permalink")
    return config


@event_priority(-110)
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    language = words(config, build_language(config))
    for item in nav:
        if isinstance(item, Section):
            item.title = escape(language(f"nav.{item.title}"))
    return nav
