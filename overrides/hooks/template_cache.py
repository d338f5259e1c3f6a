"""Material's templates, compiled once per machine rather than once per build and language.

Jinja compiles every template anew in every build, and static-i18n runs one build per language:
about half of a build's time. Jinja's own bytecode cache keeps the compiled templates in a
directory of the user's own (created private, its owner checked), keyed by template and checked
against the template's source, so an upgraded or edited template is compiled again.
"""

from __future__ import annotations

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = FileSystemBytecodeCache()
    return env
