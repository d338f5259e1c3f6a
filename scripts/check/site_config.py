"""What the checks need of mkdocs.yml, read as YAML (the checks never import MkDocs)."""

from __future__ import annotations

from pathlib import Path

import yaml

CONFIG = "mkdocs.yml"


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml's own tags: !ENV [NAME, default] reads as its default, others as nothing."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1]
                              if isinstance(node, yaml.SequenceNode) else None)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(root: Path) -> dict:
    return yaml.load((root / CONFIG).read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}


def site_languages(config: dict) -> list[str]:
    """The languages the site builds (static-i18n's `languages`), the default first."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            configured = [language for language in plugin["i18n"].get("languages") or [] if language.get("build", True)]
            return [language["locale"] for language in sorted(configured, key=lambda language: not language.get("default"))]
    return []
