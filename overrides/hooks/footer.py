"""The footer's links, in the language of the site's part the page is in (a page not yet
translated into it too): who writes this site and answers for it (About),
how to report an error (the repository's error form, the page's address filled in), and, for
contributors, the page's source to edit (overrides/partials/copyright.html draws them)."""

from __future__ import annotations

from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from overrides.hooks._site import build_language, repository, url_to, words

ERROR_FORM = "error.yml"  # .github/ISSUE_TEMPLATE/error.yml; its field `page` takes the address


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    language = words(config, build_language(config))
    address = page.canonical_url or ""
    context["dp_footer"] = {
        "about": url_to(page, "about.md", "who"), "about_label": language("footer.about"),
        "correction": f"{repository(config)}/issues/new?template={ERROR_FORM}&page={quote(address, safe='')}",
        "correction_label": language("footer.correction"), "edit_label": language("footer.edit"),
    }
    return context
