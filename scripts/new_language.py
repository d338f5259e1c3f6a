"""`make new-language CODE=xx`: scaffold a language of the site, as data and pages, no code.

It adds the language to mkdocs.yml, and creates, from the English ones:
- declaration/interface.xx.yml, the site's words, each line to translate marked;
- declaration/translation.xx.yml, empty: the translation of the text, segment by segment;
- docs/NAME.xx.md for every page, and docs/_snippets/NAME.xx.md for every snippet, with the
  same structure as the English, each marked untranslated.
Then `make check` lists every item still missing or marked, with its file and line: the
translation of each segment, each glossary entry's side in the language, each word, each page.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import babel
import yaml

from declaration import LANGUAGE_CODE

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_LANGUAGE = "en"
UNTRANSLATED = "# TODO(translate)"
SNIPPET = re.compile(r'(--8<--\s+"[^"]+)\.' + TEMPLATE_LANGUAGE + r'(\.md")')
VALUE_LINE = re.compile(r"^(?P<key>\s*[a-z_]+:)(?P<value>\s+\S.*?)?(?P<comment>\s+#.*)?$")


class ScaffoldError(Exception):
    pass


def scaffold(root: Path, code: str) -> list[Path]:
    """Create the language's files in the tree at `root`; the paths created or changed."""
    locale = _locale(root, code)
    config = root / "mkdocs.yml"
    data = root / "declaration"
    created = [config]
    _add_to_config(config, code, locale.get_display_name(code).capitalize())
    created.append(_write(data / f"interface.{code}.yml", _interface(data, code, locale)))
    created.append(_write(data / f"translation.{code}.yml", _translation_header(code, locale)))
    for page in sorted((root / "docs").rglob(f"*.{TEMPLATE_LANGUAGE}.md")):
        target = page.with_name(page.name.removesuffix(f".{TEMPLATE_LANGUAGE}.md") + f".{code}.md")
        created.append(_write(target, _page(page.read_text(encoding="utf-8"), code)))
    return created


def _locale(root: Path, code: str) -> babel.Locale:
    if not LANGUAGE_CODE.fullmatch(code):
        raise ScaffoldError(f"'{code}' is not a language code: use a code such as uk, de or pt-BR")
    if (root / "declaration" / f"interface.{code}.yml").exists():
        raise ScaffoldError(f"'{code}' is already a language of the site")
    try:
        locale = babel.Locale.parse(code.replace("-", "_"))
    except (ValueError, babel.UnknownLocaleError):
        raise ScaffoldError(f"babel knows no language '{code}': dates could not be written in it") from None
    import material

    if not (Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{code}.html").exists():
        raise ScaffoldError(f"Material has no interface translation for '{code}'")
    return locale


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _add_to_config(config: Path, code: str, name: str) -> None:
    """Insert the language after the last one of static-i18n's `languages`, as they are written."""
    text = config.read_text(encoding="utf-8")
    lines = text.split("\n")
    node = _languages_node(text)
    last = node.value[-1]
    indent = " " * last.start_mark.column
    entry = [f"{indent[:-2]}- locale: {code}", f"{indent}name: {name}", f"{indent}build: true"]
    end = last.value[-1][1].end_mark.line + 1  # after the last value of the last language
    config.write_text("\n".join(lines[:end] + entry + lines[end:]), encoding="utf-8")


def _languages_node(text: str) -> yaml.SequenceNode:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    root = yaml.compose(text, Loader=Loader)
    for key, value in root.value:
        if key.value == "plugins":
            for plugin in value.value:
                if isinstance(plugin, yaml.MappingNode):
                    for name, options in plugin.value:
                        if name.value == "i18n":
                            for option, languages in options.value:
                                if option.value == "languages":
                                    return languages
    raise ScaffoldError("mkdocs.yml has no i18n languages to add to")


def _interface(data: Path, code: str, locale: babel.Locale) -> str:
    lines = [f"# The interface words in '{code}', copied from interface.{TEMPLATE_LANGUAGE}.yml by "
             "`make new-language`: translate each marked",
             "# value, then remove its marker. Values are plain text; keep {part}, {number} and {language}."]
    body = (data / f"interface.{TEMPLATE_LANGUAGE}.yml").read_text(encoding="utf-8").split("\n")
    for line in body:
        if line.startswith("#"):
            continue
        match = VALUE_LINE.match(line)
        if match and match["key"].strip() == "locale:":
            lines.append(f"{match['key']} {_og_locale(locale)}")
        elif match and match["value"]:
            lines.append(f"{match['key']}{match['value']}  {UNTRANSLATED}")
        else:
            lines.append(line)
    return "\n".join(lines)


def _og_locale(locale: babel.Locale) -> str:
    likely = babel.core.get_global("likely_subtags").get(locale.language, locale.language)
    territory = locale.territory or babel.Locale.parse(likely).territory
    return f"{locale.language}_{territory}" if territory else locale.language


def _translation_header(code: str, locale: babel.Locale) -> str:
    return (f"# The translation into {locale.get_display_name('en')}, made for this site; the French text is the source.\n"
            "# One entry per segment ID of segments.yml, one list item per French sentence, in order.\n"
            "#   source     the first 12 hex digits of the SHA-256 of the French segment this translates\n"
            "#              (`make check` gives it for each segment still missing)\n"
            "#   sentences  the translated sentences, as plain text.\n"
            f"# Terms follow the glossary (glossary.yml, the {code}: side of each entry).\n")


def _page(text: str, code: str) -> str:
    text = SNIPPET.sub(rf"\1.{code}\2", text)
    if text.startswith("---\n"):
        return f"---\n{UNTRANSLATED}\n{text[4:]}"
    return f"<!-- TODO(translate) -->\n{text}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.new_language", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("code", help="the language's code, e.g. uk")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        created = scaffold(args.root, args.code)
    except ScaffoldError as error:
        print(f"make new-language: {error}", file=sys.stderr)
        return 2
    for path in created:
        print(f"  wrote {path.relative_to(args.root)}")
    print(f"\nNow run `make check`: it lists every item to translate into '{args.code}', with its file and line.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
