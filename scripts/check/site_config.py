"""What the checks need of mkdocs.yml, read as the other data files are: as untrusted YAML, with
no tag but MkDocs' own !ENV (a tag can make MkDocs' loader run code: refused before MkDocs ever
loads the file), no key written twice, every problem at its line."""

from __future__ import annotations

import os
from pathlib import Path

from declaration.files import Environment, LinedDict, LinedList, load_yaml

CONFIG = "mkdocs.yml"


def read_config(root: Path, environment: bool = True):
    """mkdocs.yml as MkDocs reads it; `environment=False`: as the repository writes it (each !ENV
    its default). InputError with its problems when it cannot be used."""
    return _resolved(load_yaml(root / CONFIG, tags=("!ENV",)), os.environ if environment else {})


def _resolved(value, environ):
    if isinstance(value, Environment):
        return value.value(environ)
    if isinstance(value, LinedDict):
        return LinedDict({key: _resolved(item, environ) for key, item in value.items()}, value.line, value.lines)
    if isinstance(value, LinedList):
        return LinedList([_resolved(item, environ) for item in value], value.line, value.lines)
    return value


def site_languages(config: dict) -> list[str]:
    """The languages the site builds (static-i18n's `languages`), the default first."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            configured = [language for language in plugin["i18n"].get("languages") or [] if language.get("build", True)]
            return [language["locale"] for language in sorted(configured, key=lambda language: not language.get("default"))]
    return []


def site_url(config: dict) -> str:
    url = str(config.get("site_url") or "/")
    return url if url.endswith("/") else url + "/"


def on_the_site(url, site) -> bool:
    """Whether an address (parsed, WHATWG: ada_url.URL) is the site's (`site`: its address,
    parsed): its origin, and below its path (another project of the same github.io origin is
    elsewhere)."""
    return url.origin == site.origin and url.pathname.startswith(site.pathname)


IN_PROGRESS = "languages_in_progress"
# The language `make new-language` copies a new language's words and snippets from.
TEMPLATE_LANGUAGE = "en"


def languages_in_progress(config: dict) -> list:
    """The languages published before they are complete (`extra: languages_in_progress:`), as
    written; what they may be is the translations check's (scripts/check/progress.py)."""
    extra = config.get("extra")
    listed = extra.get(IN_PROGRESS) if isinstance(extra, dict) else None
    return listed if isinstance(listed, list) else []
