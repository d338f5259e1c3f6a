"""The real site, built: what a reader gets in both languages (issue: the bilingual site)."""

from __future__ import annotations

import json

import declaration
from scripts.check.site import LANGUAGES

from builds import TEST_SITE_URL, build

DECLARATION = declaration.load()
EXPLAINER_PAGES = DECLARATION.parts  # preamble, strand-1 … strand-5, closing
STRAND_PAGES = [part for part in EXPLAINER_PAGES if part.startswith("strand-")]
EXPECTED_PAGES = {"index", "text", "glossary", "about", "contributing", *EXPLAINER_PAGES}
PAGE_URL = {"fr": TEST_SITE_URL + "{slug}.html", "en": TEST_SITE_URL + "en/{slug}.html"}


def rows(site, lang, slug):
    return {row.attrs["id"]: row for row in site.content(lang, slug).find_all(cls="dp-row")}


def test_both_languages_have_the_same_pages(site):
    assert set(site.pages["fr"]) == EXPECTED_PAGES
    assert set(site.pages["en"]) == EXPECTED_PAGES


def test_every_page_declares_its_language(site):
    for lang in LANGUAGES:
        for slug in site.pages[lang]:
            assert site.tree(lang, slug).find("html").attrs["lang"] == lang, (lang, slug)


def test_every_source_line_is_verbatim_on_the_full_text_page(site):
    for lang in LANGUAGES:
        on_page = rows(site, lang, "text")
        assert list(on_page) == [segment.id for segment in DECLARATION.segments]
        for segment in DECLARATION.segments:
            row = on_page[segment.id]
            assert row.find(cls="dp-fr").text() == segment.fr
            assert row.find(cls="dp-fr").lang() == "fr"
            assert row.find(cls="dp-en").text() == segment.en
            assert row.find(cls="dp-en").lang() == "en"


def test_every_source_line_is_on_exactly_one_explainer_page(site):
    for lang in LANGUAGES:
        pages_of = {segment.id: [] for segment in DECLARATION.segments}
        for slug in EXPLAINER_PAGES:
            for segment_id, row in rows(site, lang, slug).items():
                assert row.find(cls="dp-fr").text() == DECLARATION.by_id[segment_id].fr
                pages_of[segment_id].append(slug)
        assert pages_of == {s.id: [s.part] for s in DECLARATION.segments}, lang


def test_full_text_links_every_passage_to_the_page_that_explains_it(site):
    for lang in LANGUAGES:
        for segment in DECLARATION.segments:
            row = rows(site, lang, "text")[segment.id]
            hrefs = [a.attrs["href"] for a in row.find(cls="dp-links").find_all("a")]
            assert hrefs == [f"#{segment.id}", f"{segment.part}.html"]


def test_switcher_and_hreflang_point_to_the_counterpart(site):
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
            list_after = _next_list(see_also)
            linked = {a.attrs["href"].removesuffix(".html") for a in list_after.find_all("a")}
            assert len((linked & set(STRAND_PAGES)) - {slug}) >= 2, (lang, slug, linked)


def _next_list(heading):
    siblings = [c for c in heading.parent.children if not isinstance(c, str)]
    return next(e for e in siblings[siblings.index(heading) + 1:] if e.tag == "ul")


def test_every_glossary_entry_exists_in_both_languages_and_links_to_a_use(site):
    assert len(DECLARATION.terms) >= 15
    for lang in LANGUAGES:
        glossary = site.content(lang, "glossary")
        for term in DECLARATION.terms:
            entry = glossary.find("h2", id=term.id)
            assert entry is not None, (lang, term.id)
            assert entry.text().strip().rstrip("¶").strip() == term[lang].term
            uses = _uses_paragraph(entry)
            hrefs = [a.attrs["href"] for a in uses.find_all("a")]
            assert hrefs and all(h.startswith("text.html#") for h in hrefs), (lang, term.id)
            assert {h.split("#")[1] for h in hrefs} <= {s.id for s in DECLARATION.segments}


def _uses_paragraph(heading):
    siblings = [c for c in heading.parent.children if not isinstance(c, str)]
    following = siblings[siblings.index(heading) + 1:]
    return next(e for e in following if e.tag == "p" and e.find("a"))


def test_glossary_references_are_described_by_the_definition_in_the_page_language(site):
    for lang in LANGUAGES:
        content = site.content(lang, "strand-1")
        references = content.find_all(cls="dp-term")
        assert references, lang
        for reference in references:
            link, tooltip = reference.find("a"), reference.find(cls="dp-tip")
            term = DECLARATION.terms_by_id[link.attrs["href"].split("#")[1]]
            assert link.attrs["aria-describedby"] == tooltip.attrs["id"]
            assert tooltip.attrs["role"] == "tooltip"
            assert tooltip.text() == term[lang].definition


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
        assert {doc["location"].split("#")[0].removesuffix(".html") for doc in index["docs"]} == EXPECTED_PAGES
    english_page = site.tree("en", "text").find("script", id="__config")
    assert json.loads(english_page.text())["base"] == "../en/"


def test_the_404_page_speaks_both_languages(site):
    page = (site.root / "404.html").read_text(encoding="utf-8")
    assert "Page introuvable" in page and '<section lang="en"' in page and "Page not found" in page


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
    assert "strand-2.fr.md:10: unknown segment" in result.stdout + result.stderr


def test_every_page_can_be_edited_in_its_own_language_and_shows_its_last_change(site):
    for lang in LANGUAGES:
        for slug in site.pages[lang]:
            page = site.tree(lang, slug)
            edit = page.find("a", rel="edit")
            assert edit.attrs["href"].endswith(f"/edit/main/docs/{slug}.{lang}.md"), (lang, slug)
            assert page.find("aside", cls="md-source-file") is not None, (lang, slug)


def test_titles_descriptions_canonicals_and_the_sitemap_serve_both_languages(site):
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
