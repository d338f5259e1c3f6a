"""The grip on Material: every patch of its HTML fails loudly when the markup it expects is gone,
and every template copied from Material fails a test when the installed Material's differs."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import material
import pytest
from mkdocs.exceptions import PluginError

from overrides.hooks import material_markup, search_per_language
from overrides.hooks._site import Patch

from builds import ROOT

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
UPSTREAM = re.compile(r"upstream: (?P<file>\S+)(?: block (?P<block>\w+))? sha256=(?P<sha256>[0-9a-f]{64})")
WORDS = {"search": "Search", "site_name": "The site", "site_short_name": "Site"}
PATCHES = [*material_markup.patches(WORDS.__getitem__), search_per_language.search_base("..", "en")]


def upstream_text(templates: Path, file: str, block: str | None) -> str:
    text = (templates / file).read_text(encoding="utf-8")
    if block is None:
        return text
    match = re.search(r"\{%-? block " + block + r" -?%\}(.*?)\{%-? endblock -?%\}", text, re.DOTALL)
    return match[1] if match else ""


def mismatches(templates: Path) -> list[str]:
    """Each copy of Material's that no longer matches the installed upstream it records."""
    found = []
    for override in sorted((ROOT / "overrides").rglob("*.html")):
        for record in UPSTREAM.finditer(override.read_text(encoding="utf-8")):
            text = upstream_text(templates, record["file"], record["block"])
            if hashlib.sha256(text.encode("utf-8")).hexdigest() != record["sha256"]:
                found.append(f"{override.relative_to(ROOT)}: {record['file']} {record['block'] or ''}")
    return found


def test_every_copy_of_material_matches_the_installed_upstream():
    records = {(override.relative_to(ROOT).as_posix(), record["file"], record["block"] or "")
               for override in (ROOT / "overrides").rglob("*.html")
               for record in UPSTREAM.finditer(override.read_text(encoding="utf-8"))}
    # main.html's three blocks of base.html, the palette's script, and the partials replaced
    assert records == {("overrides/main.html", "base.html", block) for block in ("htmltitle", "scripts", "site_meta")} | {
        (f"overrides/partials/{name}", f"partials/{name}", "")
        for name in ("copyright.html", "javascripts/palette.html", "source-file.html", "source.html")}
    assert mismatches(MATERIAL_TEMPLATES) == []


def test_an_upgrade_that_changes_a_copied_block_fails(tmp_path):
    templates = tmp_path / "templates"
    recorded = {record["file"] for override in (ROOT / "overrides").rglob("*.html")
                for record in UPSTREAM.finditer(override.read_text(encoding="utf-8"))}
    for file in recorded:
        (templates / file).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(MATERIAL_TEMPLATES / file, templates / file)
    base = templates / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace('<meta charset="utf-8">',
                                                            '<meta charset="utf-8"><meta name="new">'), encoding="utf-8")
    assert mismatches(templates) == ["overrides/main.html: base.html site_meta"]


@pytest.mark.parametrize("patch", PATCHES, ids=lambda patch: patch.expected[:40])
def test_a_patch_whose_markup_is_gone_fails_the_build_naming_its_hook(patch):
    with pytest.raises(PluginError, match=re.escape(patch.hook)) as error:
        patch.apply("<html><body>Markup of another Material</body></html>")
    assert patch.why in str(error.value)


def test_a_patch_applies_exactly_where_expected():
    patch = Patch("hook.py", "<a>", "<b>", "a reason")
    assert patch.apply("x<a>y") == "x<b>y"
    with pytest.raises(PluginError, match="found 2"):
        patch.apply("<a><a>")


def test_the_patched_pages_carry_the_corrections(site):
    for lang, slug in (("fr", "index"), ("en", "strand-3")):
        page = site.tree(lang, slug)
        for toggle in page.find_all("input", cls="md-toggle"):
            assert "autocomplete" not in toggle.attrs
        assert "autocorrect" not in page.find("input", cls="md-search__input").attrs
        assert page.find("div", cls="md-search").attrs["aria-label"] == {"fr": "Recherche", "en": "Search"}[lang]


def test_material_s_script_is_found_in_the_theme_or_the_build_fails(tmp_path):
    theme = SimpleNamespace(theme=SimpleNamespace(dirs=[str(MATERIAL_TEMPLATES)]))
    assert re.fullmatch(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js", material_markup._material_bundle(theme))
    with pytest.raises(PluginError, match="bundle"):
        material_markup._material_bundle(SimpleNamespace(theme=SimpleNamespace(dirs=[str(tmp_path)])))


def test_the_hooks_act_in_the_order_their_package_writes_down():
    """overrides/hooks/__init__.py writes down the order of every event; MkDocs' own loading of
    the configuration (plugins' priorities, the order of `hooks:`) must give that order."""
    from mkdocs.config import load_config

    from overrides.hooks import EVENTS

    config = load_config(str(ROOT / "mkdocs.yml"))
    actual = {}
    for event, methods in config.plugins.events.items():
        names = [type(method.__self__).__name__ if hasattr(method, "__self__") else Path(method.__code__.co_filename).stem
                 for method in methods]
        if event in EVENTS or any(not name[0].isupper() for name in names):
            actual[event] = names
    assert actual == EVENTS
