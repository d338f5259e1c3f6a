"""Material's markup, corrected where the Nu Html Checker and axe fault it on every page, and
its script deferred.

- `autocomplete="off"` on the drawer and search toggles: not allowed on checkboxes (Nu error);
- `autocorrect="off"` on the search field: not an HTML attribute (Nu error), Safari alone read it;
- the search dialog has no accessible name (axe `aria-dialog-name`): it gets the page
  language's word for "search";
- the header shows the site's name, cut to "The Paris decl…" on a phone: it gets a short name
  beside it (site_short_name), which the stylesheet shows on narrow screens instead;
- main.html loads Material's script on the reader's first interaction, and needs its file name,
  which changes with every release of Material.

Every patch is a Patch: when the markup it expects is not there, the build fails and says why
the patch exists, rather than publishing pages unpatched.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from overrides.hooks._site import Patch, build_language, default_language, words

HOOK = "overrides/hooks/material_markup.py"
TOGGLES = [
    Patch(HOOK, f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" autocomplete="off">',
          f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}">',
          "autocomplete is not allowed on a checkbox (Nu Html Checker)")
    for name in ("drawer", "search")
]
SEARCH_FIELD = Patch(HOOK, ' autocapitalize="off" autocorrect="off" autocomplete="off"',
                     ' autocapitalize="off" autocomplete="off"',
                     "autocorrect is not an HTML attribute (Nu Html Checker)")
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
BUNDLE = "assets/javascripts/bundle.*.min.js"


# Material's header names the site in its first topic, as it renders config.site_name.
HEADER_NAME = '<div class="md-header__topic">\n          <span class="md-ellipsis">\n            {name}\n          </span>'


def header_name(name: str, short_name: str) -> Patch:
    return Patch(HOOK, HEADER_NAME.format(name=escape(name)),
                 HEADER_NAME.format(name=f'<span class="dp-name-long">{escape(name)}</span>'
                                         f'<span class="dp-name-short">{escape(short_name)}</span>'),
                 "a phone's header cuts the site's name short: a short name is shown there instead")


def search_dialog(name: str) -> Patch:
    return Patch(HOOK, SEARCH_DIALOG, SEARCH_DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{escape(name)}"'),
                 "the search dialog needs an accessible name (axe aria-dialog-name)")


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["dp_material_bundle"] = _material_bundle(config)
    return env


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    # The theme speaks the build's language, on a page not yet translated into it too.
    return correct(output, words(config, build_language(config)))


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    # The 404 page, the one static template with Material's chrome; it is built in the default language.
    if template_name != "404.html":
        return output
    return correct(output, words(config, default_language(config)))


def patches(language) -> list[Patch]:
    """Every patch, in a language's words (`language`: _site.words for it)."""
    return [*TOGGLES, SEARCH_FIELD, search_dialog(str(language("search"))),
            header_name(str(language("site_name")), str(language("site_short_name")))]


def correct(html: str, language) -> str:
    for patch in patches(language):
        html = patch.apply(html)
    return html


def _material_bundle(config) -> str:
    """The path of Material's script in the built site, found in the installed theme."""
    found = [path for folder in config.theme.dirs for path in Path(folder).glob(BUNDLE)]
    if len(found) != 1:
        raise PluginError(f"{HOOK}: expected one {BUNDLE} in the theme, found {len(found)}: main.html "
                          "defers Material's script by its file name; check how this Material ships it")
    return f"assets/javascripts/{found[0].name}"
