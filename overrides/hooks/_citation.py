"""How the site is cited, from the data: a passage of the full text (the cite control of each
row, _quotes.py), and the declaration as a whole (the metadata and downloads, citations.py).

What the text does not say about itself (its title, issuer, date, place) comes from
declaration/publication.yml, which gives its source; the site's last change is the date of the
commit being built (none outside git: nothing is invented).
"""

from __future__ import annotations

from datetime import date

import declaration
from overrides.hooks._history import read_history
from overrides.hooks._site import project_root, publication, spelled_date, words


def site_changed(config) -> date | None:
    """The day of the commit being built: when the site last changed."""
    return read_history(project_root(config)).built


def citation(config, lang: str, passage: str, url: str) -> str:
    """A ready citation of a passage of the text (or of the whole text), in a language."""
    language, facts = words(config, lang), publication(config)
    changed = site_changed(config)
    return language("cite.citation", title=facts.title.get(lang, facts.title[declaration.SOURCE_LANGUAGE]),
                    issuer=facts.issuer, place=facts.place, date=spelled_date(date.fromisoformat(facts.date), language),
                    passage=passage, edition=language("cite.edition"), site=language("site_name"), url=url,
                    changed=language("cite.changed", date=spelled_date(changed, language)) if changed else "")
