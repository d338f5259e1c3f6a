"""The site's MkDocs hooks, one concern each, listed in mkdocs.yml in the order they act.

    template_cache.py       Material's templates compiled once per machine, not once per build
    languages.py            each language's build configured from its interface words
    markers.py              markers in pages become the declaration's text, the glossary and the
                            record of changes (renderers: _quotes.py, _glossary.py, _changes.py)
    foreign_words.py        foreign words inside a page carry their language
    permanent_anchors.py    an anchor that moved keeps working (declaration/anchors.yml)
    alternates.py           absolute hreflang alternates with x-default, a sitemap per language
    page_meta.py            each page's metadata made safe, and its date of last change
    changes.py              the record of changes: an Atom feed per language, a note on changed pages
                            (the Changes page's list: _changes.py; the history, from git: _history.py)
    material_markup.py      Material's markup, patched where it fails validation or accessibility
    content_security_policy.py  the page's Content-Security-Policy, the theme's inline scripts hashed
    search_per_language.py  one search index per language
    open_data.py            declaration.json and its schema
    citations.py            JSON-LD, Highwire and Dublin Core metadata; BibTeX, RIS and CSL-JSON
                            (a passage's citation: _citation.py, for _quotes.py too)
    not_found_page.py       one 404 page, in every language

_site.py is what they share. Hooks import the project's packages (`declaration`,
`overrides.hooks`), installed editable in .venv by `make`.
"""
