"""`make new-language CODE=xx`: scaffold a language of the site, in progress, as data, no code.

It adds the language to mkdocs.yml, among static-i18n's languages and to the languages in progress
(`extra: languages_in_progress:`), and creates:
- declaration/interface.xx.yml, the site's words, copied from the English, each line to translate
  marked (an untranslated word shows the English);
- declaration/translation.xx.yml, empty: the translation of the text, segment by segment.
No page: each page is created when it is translated (docs/NAME.xx.md, from docs/NAME.en.md);
until then the site shows the French page there, saying so. `make check` lists, page by page, what
remains (the page, and what it needs: the passages it quotes, the glossary entries, facts and
differences of official versions it shows), as warnings: a partial language can be published.
Once every page is translated, remove the language from the list: every missing item is then an
error, as for any complete language.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import babel
import yaml

from declaration import LANGUAGE_CODE
from scripts.check.site_config import IN_PROGRESS, TEMPLATE_LANGUAGE

ROOT = Path(__file__).resolve().parent.parent
UNTRANSLATED = "# TODO(translate)"
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
    _add_in_progress(config, code)
    created.append(_write(data / f"interface.{code}.yml", _interface(data, code, locale)))
    created.append(_write(data / f"translation.{code}.yml", _translation_header(code, locale)))
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


def _add_in_progress(config: Path, code: str) -> None:
    """Add the language to `extra: languages_in_progress:`, written as a list on one line; the key
    (and `extra:`) where there is none yet."""
    text = config.read_text(encoding="utf-8")
    root = _compose(text)
    extra = next((value for key, value in root.value if key.value == "extra"), None)
    if not isinstance(extra, yaml.MappingNode):
        config.write_text(text.rstrip("\n") + f"\n\nextra:\n  {IN_PROGRESS}: [{code}]\n", encoding="utf-8")
        return
    listed = next((value for key, value in extra.value if key.value == IN_PROGRESS), None)
    if listed is None:
        indent = " " * extra.value[0][0].start_mark.column if extra.value else "  "
        lines = text.split("\n")
        at = extra.start_mark.line
        config.write_text("\n".join(lines[:at] + [f"{indent}{IN_PROGRESS}: [{code}]"] + lines[at:]), encoding="utf-8")
        return
    if not isinstance(listed, yaml.SequenceNode):
        raise ScaffoldError(f"mkdocs.yml: extra: {IN_PROGRESS}: is not a list: write it [], then run this again")
    codes = [item.value for item in listed.value] + [code]
    start, end = listed.start_mark.index, listed.end_mark.index
    config.write_text(text[:start] + "[" + ", ".join(codes) + "]" + text[end:], encoding="utf-8")


def _compose(text: str) -> yaml.MappingNode:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return yaml.compose(text, Loader=Loader)


def _languages_node(text: str) -> yaml.SequenceNode:
    root = _compose(text)
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
             "# value, then remove its marker. Values are plain text; keep {part}, {number} and {language}",
             "# (but in untranslated.notice, where {language} is this language's name in English: name it in",
             "# your own words there). Until a value is translated, the site shows the English."]
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
    print(f"\n'{args.code}' is a language in progress (mkdocs.yml, extra: {IN_PROGRESS}): its pages show the French "
          f"until each is translated.\nNow run `make check`: it lists, page by page, what remains to translate into "
          f"'{args.code}', and from which file to start.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
