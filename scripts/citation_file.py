"""`make citation`: write CITATION.cff, how to cite this site (the repository's own citation file,
which GitHub and citation managers read), from the project's data. A test holds the committed
file to what this writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

import declaration
from overrides.hooks._site import repository
from scripts.check.site_config import read_config, site_url

ROOT = Path(__file__).resolve().parent.parent
CITATION = "CITATION.cff"


def citation_file(root: Path) -> str:
    data = root / "declaration"
    config = read_config(root, environment=False)
    facts = declaration.load_publication(data)
    names = [declaration.load_words(data, lang)("site_name") for lang in ("en", "fr")]
    content = {
        "cff-version": "1.2.0",
        "message": ("To cite this site, cite it as below. To cite the declaration, or a passage of it, use the "
                    "citation that the site's full-text page gives for each passage."),
        "type": "dataset",
        "title": " / ".join(names),
        "abstract": str(declaration.load_words(data, "en")("site_description")),
        "authors": [{"name": f"{names[0]}: contributors"}],
        "url": site_url(config),
        "repository-code": repository(config),
        "license": ["CC-BY-4.0", "MIT"],
        "keywords": ["Paris Declaration", "Coalition of the Willing", "security guarantees", "Ukraine"],
        "references": [{
            # A political declaration: none of CFF's more precise types (a law, a report) fits.
            "type": "generic",
            "title": facts.title[declaration.SOURCE_LANGUAGE],
            "authors": [{"name": facts.issuer}],
            "date-published": facts.date,
            "location": {"name": facts.place},
            "languages": [declaration.SOURCE_LANGUAGE],
            # Where its French text comes from is not established: said, never a source address.
            "notes": declaration.load(data).facts.facts[facts.origin].statement["en"],
        }],
    }
    header = "# Written by `make citation` from the project's data (scripts/citation_file.py): do not edit.\n"
    return header + yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=100)


def main() -> int:
    (ROOT / CITATION).write_text(citation_file(ROOT), encoding="utf-8")
    print(f"wrote {CITATION}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
