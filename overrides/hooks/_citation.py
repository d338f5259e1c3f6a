"""How the site is cited, from the data: a passage of the full text (the cite control of each
row, _quotes.py), and the declaration as a whole (the metadata and downloads, citations.py).

What the text does not say about itself (its title, issuer, date, place) comes from
declaration/publication.yml, which names the facts that report it (its adoption, what is
known of its origin); the site's last change is the day of the newest change of its record
(declaration/changes.yml).
"""

from __future__ import annotations

from datetime import date

import declaration
from overrides.hooks._site import publication, spelled_date, the_declaration, words


def site_changed(config) -> date | None:
    """When the site last changed, for its readers: the newest change of its record."""
    record = the_declaration(config).changes
    return record[0].date if record else None


def citation(config, lang: str, passage: str, url: str) -> str:
    """A ready citation of a passage of the text (or of the whole text), in a language."""
    language, facts = words(config, lang), publication(config)
    changed = site_changed(config)
    return language("cite.citation", title=facts.title.get(lang, facts.title[declaration.SOURCE_LANGUAGE]),
                    issuer=facts.issuer, place=facts.place, date=spelled_date(date.fromisoformat(facts.date), language),
                    passage=passage, edition=language("cite.edition"), site=language("site_name"), url=url,
                    changed=language("cite.changed", date=spelled_date(changed, language)) if changed else "")
