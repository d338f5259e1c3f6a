"""What the checks need of mkdocs.yml, read as YAML (the checks never import MkDocs)."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

CONFIG = "mkdocs.yml"


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml's own tags: !ENV [NAME, default] reads as its default, others as nothing."""


class _DefaultsLoader(_ConfigLoader):
    """mkdocs.yml as the repository writes it: each !ENV as its default, whatever the environment."""


def _environment(loader, node):
    """!ENV NAME or !ENV [NAME, …, default], as MkDocs reads it: the first variable set, or the default."""
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    for name in (names[:-1] if len(names) > 1 else names) if not isinstance(loader, _DefaultsLoader) else ():
        if os.environ.get(name):
            return os.environ[name]
    return names[-1] if len(names) > 1 else None


_ConfigLoader.add_constructor("!ENV", _environment)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(root: Path, environment: bool = True) -> dict:
    """mkdocs.yml as MkDocs reads it; `environment=False`: as the repository writes it."""
    loader = _ConfigLoader if environment else _DefaultsLoader
    return yaml.load((root / CONFIG).read_text(encoding="utf-8"), Loader=loader) or {}


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
