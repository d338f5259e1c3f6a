"""The site's MkDocs hooks, one concern each, and the order in which they act: written here, once.

    render_budget.py        a budget of time for each page's Markdown
    template_cache.py       Material's templates compiled once per machine, not once per build
    languages.py            each language's build configured from its interface words
    typography.py           French spaces put in what Markdown renders (a treeprocessor)
    tables.py               each table cell labelled with its column, for cards on phones
    markers.py              markers in pages become the declaration's text, its facts, the glossary
                            and the record of changes (renderers: _quotes.py, _facts.py,
                            _glossary.py, _changes.py), stamped as generated
    foreign_words.py        foreign words inside a page carry their language
    permanent_anchors.py    an anchor that moved keeps working (declaration/anchors.yml)
    untranslated.py         a page not yet translated into a language in progress: shown in French,
                            saying so; a complete language may lack none
    alternates.py           absolute hreflang alternates with x-default, a sitemap per language
    page_meta.py            each page's metadata made safe, and its one date
    footer.py               the footer's links: who writes the site, a correction, the source
    changes.py              the record of changes as an Atom feed per language
    material_markup.py      Material's markup, patched where it fails validation or accessibility
    content_security_policy.py  the page's Content-Security-Policy, the theme's inline scripts hashed
    preview.py              a preview build only (make preview): the site opened from disk, search
                            included, under a policy of its own
    search_per_language.py  one search index per language, stemmed as the language is
    open_data.py            declaration.json and its schema
    citations.py            JSON-LD, Highwire and Dublin Core metadata; BibTeX, RIS and CSL-JSON
    stylesheets.py          the site's own stylesheets published without their comments
    not_found_page.py       one 404 page, in every language
    record.py               the record of each page's content as built, for the checks; stamps off

_site.py is what they share; _history.py reads git for the pages' dates. Hooks import the
project's packages (`declaration`, `overrides.hooks`), installed editable in .venv by `make`, or
the tree's own (scripts/build.py puts a tree first on PYTHONPATH).

mkdocs-static-i18n builds the site once per language in one process: the default language's
build first, then, from its on_post_build (-100), `build(config)` again for each other language,
with its on_config (-100) setting the language of the build under way (`_site.build_language`)
and its on_files (-100) keeping that language's pages (the default language's, where a language
in progress has none yet: fallback_to_default; untranslated.py fails any other language that
lacks one). So: every hook that configures a language runs after it (-110); generated files are
added after its on_files (-110) and only once, in the default language's build, and a file that
only a preview publishes is included before it (0): it keeps each file's inclusion; what needs
every language's pages runs after its final on_post_build (-200); its on_page_markdown (50) comes
before the markers', its on_page_context (50) before the switcher's (untranslated) and the
alternates'. EVENTS below is that order; tests/test_theme.py fails when a real configuration
orders the hooks otherwise (an upgrade of static-i18n or Material, a hook moved in mkdocs.yml).
"""

# Each event, the plugins' and hooks' methods in the order MkDocs calls them (a hook by its file).
EVENTS = {
    "config": ["SearchPlugin", "preview", "I18n", "languages", "typography", "tables", "not_found_page"],
    "files": ["preview", "I18n", "untranslated", "changes", "open_data", "citations", "stylesheets"],
    "nav": ["I18n", "languages"],
    "env": ["I18n", "template_cache", "material_markup", "content_security_policy"],
    # A page's spacing is set to its language before MkDocs renders it (typography).
    "page_markdown": ["render_budget", "I18n", "typography", "markers", "page_meta"],
    # Markers restore what they held before the foreign words are marked in it, and before a moved
    # anchor looks for its new id; a page not yet translated is wrapped as a whole (untranslated);
    # the record is last, when the content is what the reader gets.
    "page_content": ["markers", "foreign_words", "permanent_anchors", "untranslated", "record", "render_budget"],
    "page_context": ["I18n", "SearchPlugin", "untranslated", "alternates", "footer", "changes", "content_security_policy", "preview", "citations"],
    "template_context": ["I18n", "content_security_policy", "preview", "not_found_page"],
    "post_template": ["alternates", "material_markup"],
    "post_page": ["material_markup", "search_per_language", "I18n"],
    "post_build": ["SearchPlugin", "I18n", "alternates", "search_per_language", "preview"],
}
