"""Material's markup, corrected where the Nu Html Checker and axe fault it on every page.

- `autocomplete="off"` on the drawer and search toggles: not allowed on checkboxes (Nu error).
- `autocorrect="off"` on the search field: not an HTML attribute (Nu error); Safari alone read it.
- the search dialog has no accessible name (axe `aria-dialog-name`): it gets the page
  language's word for "search".
"""

from __future__ import annotations

from _shared import DEFAULT_LANGUAGE, WORDS, page_language

TOGGLE_AUTOCOMPLETE = ' type="checkbox" id="__{toggle}" autocomplete="off">'
SEARCH_AUTOCORRECT = ' autocorrect="off"'
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def on_post_page(output, page, config):
    return _correct(output, page_language(page))


def on_post_template(output, template_name, config):
    # The 404 page, the one static template with Material's chrome; it is built in French.
    return _correct(output, DEFAULT_LANGUAGE) if template_name.endswith(".html") else output


def _correct(html: str, lang: str) -> str:
    for toggle in ("drawer", "search"):
        html = html.replace(TOGGLE_AUTOCOMPLETE.format(toggle=toggle), f' type="checkbox" id="__{toggle}">')
    html = html.replace(SEARCH_AUTOCORRECT, "", 1)
    name = WORDS[lang]["search"]
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{name}"'))
