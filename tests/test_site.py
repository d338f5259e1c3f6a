"""The real site, built: what a reader gets in every language.

The expected text comes from the raw files (declaration.fr.txt line by line, the YAML read with
PyYAML), never from the `declaration` loader that renders it: an oracle that shares the code
under test cannot see its bugs.
"""

from __future__ import annotations

import json
import re
import subprocess

import yaml

from builds import LANGUAGES, ROOT, TEST_SITE_URL, build
from scripts.check.site_config import read_config

DATA = ROOT / "declaration"
SOURCE_LINES = [line for line in (DATA / "declaration.fr.txt").read_text(encoding="utf-8").split("\n") if line.strip()]
SEGMENTS = yaml.safe_load((DATA / "segments.yml").read_text(encoding="utf-8"))
TRANSLATION = yaml.safe_load((DATA / "translation.en.yml").read_text(encoding="utf-8"))
GLOSSARY = yaml.safe_load((DATA / "glossary.yml").read_text(encoding="utf-8"))
FRENCH = {entry["id"]: line.removeprefix("- ") for entry, line in zip(SEGMENTS, SOURCE_LINES)}
ENGLISH = {segment_id: " ".join(entry["sentences"]) for segment_id, entry in TRANSLATION.items()}
EXPLAINER_PAGES = list(dict.fromkeys(entry["part"] for entry in SEGMENTS))  # preamble, strand-1 … closing
STRAND_PAGES = [part for part in EXPLAINER_PAGES if part.startswith("strand-")]
# Where a page's source is edited: the repository of mkdocs.yml, whatever copy this is.
EDIT = f"{read_config(ROOT)['repo_url'].rstrip('/')}/{read_config(ROOT)['edit_uri']}"
EXPECTED_PAGES = {"index", "status", "before", "text", "glossary", "about", "contributing", "changes", *EXPLAINER_PAGES}
# What a reader searches: not the pages about the site's making (front matter `search: exclude`).
SEARCHED_PAGES = EXPECTED_PAGES - {"contributing", "changes"}
PAGE_URL = {"fr": TEST_SITE_URL + "{slug}.html", "en": TEST_SITE_URL + "en/{slug}.html"}
# What the Contributing pages teach, in code: it must show as written, not rendered.
MARKER_SYNTAX = {"fr": ["<!-- quote: strand-2-heading..strand-2-item-5 -->", "[[strand-3-text.3]]",
                        "[dissuasion](glossary:dissuasion)"],
                 "en": ["<!-- quote: strand-2-heading..strand-2-item-5 -->", "[[strand-3-text.3]]",
                        "[deterrence](glossary:dissuasion)"]}
NAV_SECTION = {"fr": "Les cinq volets", "en": "The five strands"}


def rows(site, lang, slug):
    return {row.attrs["id"]: row for row in site.content(lang, slug).find_all(cls="dp-row")}


def columns(row) -> dict[str, str]:
    """A passage's texts, by language: the French and, beside it, the site's translation (the
    official English, where shown, is a quotation in the translation's column, not a column)."""
    return {text.attrs["lang"]: text.text() for text in row.find_all(cls="dp-text")}


def test_every_language_has_the_same_pages(site):
    for lang in LANGUAGES:
        assert set(site.pages[lang]) == EXPECTED_PAGES, lang


def test_every_page_declares_its_language(site):
    for lang in LANGUAGES:
        for slug in site.pages[lang]:
            assert site.tree(lang, slug).find("html").attrs["lang"] == lang, (lang, slug)


def test_every_source_line_is_verbatim_on_the_full_text_page_beside_the_page_language(site):
    for lang in LANGUAGES:
        on_page = rows(site, lang, "text")
        assert list(on_page) == [entry["id"] for entry in SEGMENTS]
        for segment_id, row in on_page.items():
            expected = {"fr": FRENCH[segment_id]} if lang == "fr" else {"fr": FRENCH[segment_id], "en": ENGLISH[segment_id]}
            assert columns(row) == expected, (lang, segment_id)


def test_every_source_line_is_on_exactly_one_explainer_page(site):
    for lang in LANGUAGES:
        pages_of = {entry["id"]: [] for entry in SEGMENTS}
        for slug in EXPLAINER_PAGES:
            for segment_id, row in rows(site, lang, slug).items():
                assert columns(row)["fr"] == FRENCH[segment_id]
                pages_of[segment_id].append(slug)
        assert pages_of == {entry["id"]: [entry["part"]] for entry in SEGMENTS}, lang


def test_full_text_links_every_passage_to_the_page_that_explains_it(site):
    for lang in LANGUAGES:
        for entry in SEGMENTS:
            row = rows(site, lang, "text")[entry["id"]]
            if entry["id"].split("-")[2:3] == ["item"]:  # a list's items: their paragraph's control serves them
                assert row.find(cls="dp-actions") is None
                continue
            hrefs = [a.attrs["href"] for a in row.find(cls="dp-actions").find_all("a")]
            assert hrefs == [f"#{entry['id']}", f"{entry['part']}.html#{entry['id']}"]


def test_the_contributing_pages_show_the_marker_syntax_as_written(site):
    for lang in LANGUAGES:
        page = site.content(lang, "contributing")
        code = [element.text() for element in page.find_all("code")]
        for syntax in MARKER_SYNTAX[lang]:
            assert syntax in code, (lang, syntax)
        assert not page.find_all(cls="dp-quote") and not page.find_all(cls="dp-term"), lang


def test_navigation_titles_are_the_pages_own_titles(site):
    for lang in LANGUAGES:
        nav = site.tree(lang, "index").find("nav", cls="md-nav--primary")
        labels = {" ".join(link.text().split()) for link in nav.find_all(cls="md-nav__link")}
        titles = {" ".join(site.tree(lang, slug).find("title").text().rsplit(" - ", 1)[0].split())
                  for slug in EXPECTED_PAGES - {"index"}}
        assert titles <= labels, (lang, titles - labels)
        assert NAV_SECTION[lang] in labels, lang


def test_switcher_and_hreflang_point_to_every_counterpart(site):
    for lang in LANGUAGES:
        for slug in site.pages[lang]:
            page = site.tree(lang, slug)
            head = {link.attrs["hreflang"]: link.attrs["href"]
                    for link in page.find_all("link", rel="alternate") if "hreflang" in link.attrs}
            expected = {other: PAGE_URL[other].format(slug=slug) for other in LANGUAGES}
            assert head == {**expected, "x-default": expected["fr"]}, (lang, slug)
            switcher = {a.attrs["hreflang"]: a.attrs["href"] for a in page.find_all("a", cls="md-select__link")}
            here = "" if lang == "fr" else "en/"
            assert switcher == {"fr": ("../" if here else "") + f"{slug}.html",
                                "en": ("" if here else "en/") + f"{slug}.html"}, (lang, slug)


def test_every_strand_page_links_to_at_least_two_other_strands(site):
    for lang in LANGUAGES:
        for slug in STRAND_PAGES:
            see_also = site.content(lang, slug).find(id="see-also")
            assert see_also is not None, (lang, slug)
            linked = {a.attrs["href"].removesuffix(".html") for a in _next(see_also, "ul").find_all("a")}
            assert len((linked & set(STRAND_PAGES)) - {slug}) >= 2, (lang, slug, linked)


def _next(heading, tag):
    siblings = [c for c in heading.parent.children if not isinstance(c, str)]
    return next(e for e in siblings[siblings.index(heading) + 1:] if e.tag == tag and (tag != "p" or e.find("a")))


def test_every_glossary_entry_exists_in_every_language_and_links_to_a_use(site):
    assert len(GLOSSARY) >= 15
    ids = {entry["id"] for entry in SEGMENTS}
    for lang in LANGUAGES:
        glossary = site.content(lang, "glossary")
        for entry in GLOSSARY:
            heading = glossary.find("h2", id=entry["id"])
            assert heading is not None, (lang, entry["id"])
            assert heading.text().strip().rstrip("¶").strip() == entry[lang]["term"]
            hrefs = [a.attrs["href"] for a in _next(heading, "div").find_all("a")]
            assert hrefs and all(h.startswith("text.html#") for h in hrefs), (lang, entry["id"])
            assert {h.split("#")[1] for h in hrefs} <= ids


def test_glossary_references_are_described_by_the_definition_in_the_page_language(site):
    definitions = {entry["id"]: {lang: " ".join(entry[lang]["definition"].split()) for lang in LANGUAGES} for entry in GLOSSARY}
    for lang in LANGUAGES:
        references = site.content(lang, "strand-1").find_all(cls="dp-term")
        assert references, lang
        for reference in references:
            link, tooltip = reference.find("a"), reference.find(cls="dp-tip")
            assert link.attrs["aria-describedby"] == tooltip.attrs["id"]
            assert tooltip.attrs["role"] == "tooltip"
            assert " ".join(tooltip.text().split()) == definitions[link.attrs["href"].split("#")[1]][lang]


def test_english_words_in_french_pages_carry_their_language(site):
    for slug in site.pages["fr"]:
        for element in site.content("fr", slug).iter():
            for child in element.children:
                if isinstance(child, str) and "Coalition of the Willing" in child:
                    assert element.lang() == "en", (slug, child)


def test_search_has_one_index_per_language_with_its_own_stemming(site):
    for lang, path in (("fr", "search/search_index.json"), ("en", "en/search/search_index.json")):
        index = json.loads((site.root / path).read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [lang]
        assert {doc["location"].split("#")[0].removesuffix(".html") for doc in index["docs"]} == SEARCHED_PAGES
    english_page = site.tree("en", "text").find("script", id="__config")
    assert json.loads(english_page.text())["base"] == "../en/"


def test_the_404_page_speaks_every_language_with_absolute_links(site):
    page = (site.root / "404.html").read_text(encoding="utf-8")
    assert "Page introuvable" in page and '<section lang="en"' in page and "Page not found" in page
    assert f'href="{TEST_SITE_URL}index.html"' in page and f'href="{TEST_SITE_URL}en/index.html"' in page
    assert "//index.html" not in page.replace("https://", "")


def test_a_page_missing_in_one_language_fails_the_build(tree, tmp_path):
    (tree / "docs" / "about.en.md").unlink()
    result = build(tree, tmp_path / "site")
    assert result.returncode != 0
    assert "about.md" in result.stdout + result.stderr


def test_an_unknown_segment_fails_the_build_naming_file_and_line(tree, tmp_path):
    page = tree / "docs" / "strand-2.fr.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    lines.insert(9, "Voir [[strand-9-text.1]].")
    page.write_text("\n".join(lines), encoding="utf-8")
    result = build(tree, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/strand-2.fr.md:10: unknown segment" in result.stdout + result.stderr


def committed(path: str) -> str | None:
    """The day of the last commit that changed a file, as git says, unless that commit is the
    edge of a shallow clone (which git shows as adding every file)."""
    edge = ROOT / ".git" / "shallow"
    edges = set(edge.read_text(encoding="utf-8").split()) if edge.is_file() else set()
    log = subprocess.run(["git", "log", "-1", "--format=%H %cs", "--", path], cwd=ROOT,
                         capture_output=True, text=True).stdout.split()
    return log[1] if log and log[0] not in edges else None


def test_every_page_can_be_edited_in_its_own_language_and_shows_its_last_change(site):
    for lang in LANGUAGES:
        for slug in site.pages[lang]:
            page = site.tree(lang, slug)
            edit = page.find("a", rel="edit")
            assert edit.attrs["href"] == f"{EDIT}{slug}.{lang}.md"
            day = committed(f"docs/{slug}.{lang}.md")
            shown = page.find("aside", cls="md-source-file")
            assert (shown is not None) == (day is not None), (lang, slug, day)
            if day:
                assert str(int(day[8:])) in shown.text() and day[:4] in shown.text(), (lang, slug, day)


def test_titles_descriptions_canonicals_and_the_sitemap_serve_every_language(site):
    seen_titles, seen_descriptions = set(), set()
    for lang in LANGUAGES:
        for slug in site.pages[lang]:
            page = site.tree(lang, slug)
            title = page.find("title").text()
            description = page.find("meta", name="description").attrs["content"]
            assert title not in seen_titles and description not in seen_descriptions, (lang, slug)
            seen_titles.add(title)
            seen_descriptions.add(description)
            assert page.find("link", rel="canonical").attrs["href"] == PAGE_URL[lang].format(slug=slug)
            assert page.find("meta", property="og:url").attrs["content"] == PAGE_URL[lang].format(slug=slug)
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    for lang in LANGUAGES:
        for slug in EXPECTED_PAGES:
            assert f"<loc>{PAGE_URL[lang].format(slug=slug)}</loc>" in sitemap, (lang, slug)


def test_every_page_s_policy_allows_only_the_site_s_own_paths(site):
    """Another project on the same origin (GitHub Pages serves every project of an owner from
    one host) may not run or style anything here: each source of each page's policy is a keyword,
    a script's hash, data: for images, or an address below the site's own path; never 'self', *,
    or the bare origin."""
    allowed = re.compile(rf"'none'|'sha256-[A-Za-z0-9+/]+=*'|data:|{re.escape(TEST_SITE_URL)}\S*")
    policies = {}
    for lang, pages in site.pages.items():
        for slug, path in pages.items():
            meta = next(iter(site.tree(lang, slug).iter(
                lambda element: element.tag == "meta" and element.attrs.get("http-equiv") == "Content-Security-Policy")), None)
            policies[f"{lang}/{slug}"] = meta.attrs.get("content", "") if meta else ""
    assert policies and all(policies.values()), [page for page, policy in policies.items() if not policy]
    strangers = {page: source for page, policy in policies.items() for directive in policy.split(";")
                 for source in directive.split()[1:] if not allowed.fullmatch(source)}
    assert not strangers, strangers


def test_the_site_s_stylesheets_are_published_without_comments_and_otherwise_as_written(site):
    """What a reader downloads of the site's stylesheets: every rule as written in docs/, read by
    tinycss2 (what a browser reads), without the maintainers' comments."""
    import tinycss2

    def rules(css: str) -> list:
        found = []

        def walk(nodes):
            for node in nodes:
                if node.type not in ("comment", "whitespace"):
                    found.append((node.type, getattr(node, "value", None)))
                    for part in ("prelude", "content", "arguments"):
                        if isinstance(getattr(node, part, None), list):
                            walk(getattr(node, part))
        walk(tinycss2.parse_stylesheet(css))
        return found

    for name in read_config(ROOT)["extra_css"]:
        written = (ROOT / "docs" / name).read_text(encoding="utf-8")
        published = (site.root / name).read_text(encoding="utf-8")
        assert "/*" in written and "/*" not in published, name
        assert rules(published) == rules(written), name
