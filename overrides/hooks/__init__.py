"""The site's MkDocs hooks, one concern each, listed in mkdocs.yml in the order they act.

    template_cache.py       Material's templates compiled once per machine, not once per build
    languages.py            each language's build configured from its interface words
    markers.py              markers in pages become the declaration's text and the glossary
                            (renderers: _quotes.py, _glossary.py)
    foreign_words.py        foreign words inside a page carry their language
    alternates.py           absolute hreflang alternates with x-default, a sitemap per language
    page_meta.py            each page's date of last change, in its language
    material_markup.py      Material's markup, patched where it fails validation or accessibility
    content_security_policy.py  the page's Content-Security-Policy, the theme's inline scripts hashed
    search_per_language.py  one search index per language
    open_data.py            declaration.json and its schema
    not_found_page.py       one 404 page, in every language

_site.py is what they share. Hooks import the project's packages (`declaration`,
`overrides.hooks`), installed editable in .venv by `make`.
"""
