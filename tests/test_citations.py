"""How the site is cited, read by the libraries that citation managers, search engines and
reference tools use: extruct for the embedded metadata, html5lib for Highwire's meta (what Zotero
and Google Scholar read), bibtexparser, rispy and citeproc-py for the downloads, cffconvert for
CITATION.cff. The expected facts come from declaration/publication.yml, read with PyYAML.
"""

from __future__ import annotations

import json
import re
import subprocess

import bibtexparser
import extruct
import html5lib
import pytest
import rispy
import yaml
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

import declaration as declaration_data
from builds import LANGUAGES, ROOT, TEST_SITE_URL
from scripts.citation_file import CITATION, citation_file

FACTS = yaml.safe_load((ROOT / "declaration" / "publication.yml").read_text(encoding="utf-8"))
KNOWN = declaration_data.load(ROOT / "declaration").facts
ORIGIN, ADOPTED = KNOWN.facts[FACTS["origin"]], KNOWN.facts[FACTS["adopted"]]
TEXT_URL = {"fr": f"{TEST_SITE_URL}text.html", "en": f"{TEST_SITE_URL}en/text.html"}
EXPLAINER_PAGES = ("preamble", "strand-1", "strand-2", "strand-3", "strand-4", "strand-5", "closing")
CFFCONVERT = ROOT / ".venv" / "cffconvert" / "bin" / "cffconvert"
# What a bundled citation style renders of the English entry (citeproc-py's Harvard style).
HARVARD_EN = ("Coalition of the Willing (2026) “Paris Declaration”. Translated by The Paris declaration explained. "
              "The Paris declaration explained. Available at: https://example.test/explainer/en/text.html")


def page_html(site, lang: str, slug: str) -> str:
    return site.pages[lang][slug].read_text(encoding="utf-8")


def metadata(site, lang: str, slug: str) -> dict:
    url = f"{TEST_SITE_URL}{'' if lang == 'fr' else lang + '/'}{slug}.html"
    return extruct.extract(page_html(site, lang, slug), base_url=url, syntaxes=["json-ld", "dublincore"])


def highwire(site, lang: str, slug: str) -> dict[str, list[str]]:
    """The citation_* meta, read as Zotero's translator reads them: every meta by name, in order."""
    found: dict[str, list[str]] = {}
    for meta in html5lib.parse(page_html(site, lang, slug), namespaceHTMLElements=False).iter("meta"):
        if meta.get("name", "").startswith("citation_"):
            found.setdefault(meta.get("name"), []).append(meta.get("content"))
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_full_text_is_a_political_declaration_not_legislation_and_the_english_a_translation_by_the_site(site, lang):
    [declaration] = metadata(site, lang, "text")["json-ld"]
    assert declaration["@type"] == "CreativeWork" and "legislation" not in str(declaration).lower()
    assert declaration["genre"] in ("déclaration politique", "political declaration")
    assert declaration["name"] == FACTS["title"][lang]
    assert declaration["dateCreated"] == declaration["datePublished"] == FACTS["date"]
    assert declaration["inLanguage"] == lang and declaration["url"] == TEXT_URL[lang]
    assert declaration["creator"]["name"] == FACTS["issuer"]
    # Its origin is said, not invented: no address is given as the text's source, and the
    # reports of its adoption are what is about it.
    assert "isBasedOn" not in declaration and "citation" not in declaration
    assert declaration["description"] == ORIGIN.statement[lang]
    assert {page["url"] for page in declaration["subjectOf"]} == {KNOWN.sources[source].url for source in ADOPTED.sources}
    if lang == "fr":
        assert declaration["workTranslation"] == [{"@id": TEXT_URL["en"] + "#declaration"}]
        assert "translator" not in declaration
    else:
        assert declaration["translationOfWork"] == {"@id": TEXT_URL["fr"] + "#declaration"}
        assert declaration["translator"]["name"] == "The Paris declaration explained"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_full_text_carries_highwire_and_dublin_core_for_citation_managers(site, lang):
    meta = highwire(site, lang, "text")
    assert meta["citation_title"] == [FACTS["title"][lang]]
    assert meta["citation_author"] == [FACTS["issuer"]]
    assert meta["citation_publication_date"] == [FACTS["date"].replace("-", "/")]
    assert meta["citation_language"] == [lang]
    assert meta["citation_public_url"] == [TEXT_URL[lang]]
    [dublin_core] = metadata(site, lang, "text")["dublincore"]
    elements = {element["name"]: element["content"] for element in dublin_core["elements"]}
    assert elements["DC.title"] == FACTS["title"][lang] and elements["DC.creator"] == FACTS["issuer"]
    assert elements["DC.date"] == FACTS["date"] and elements["DC.language"] == lang
    assert elements["DC.identifier"] == TEXT_URL[lang] and "DC.source" not in elements
    assert elements["DC.description"] == ORIGIN.statement[lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_explainer_pages_are_articles_about_the_text_with_the_day_they_changed(site, lang):
    for slug in EXPLAINER_PAGES:
        [article] = metadata(site, lang, slug)["json-ld"]
        assert article["@type"] == "Article" and article["inLanguage"] == lang, slug
        assert article["about"] == {"@id": TEXT_URL[lang] + "#declaration"}, slug
        # The heading's words; its spaces as the table of contents gives them (no-break spaces as spaces).
        # The heading as the reader sees it, French spaces included (only the layout's whitespace collapsed).
        heading = re.sub(r"[ \t\n]+", " ", site.tree(lang, slug).find("h1").text().removesuffix("¶")).strip()
        assert article["headline"] == heading, slug
        committed = subprocess.run(["git", "log", "-1", "--format=%cs", "--", f"docs/{slug}.{lang}.md"], cwd=ROOT,
                                   capture_output=True, text=True).stdout.strip()
        assert article.get("dateModified") in (committed, None), slug  # a shallow clone knows no date
        assert not highwire(site, lang, slug), slug  # an explanation is not the declaration


def test_other_pages_carry_no_citation_metadata(site):
    for lang in LANGUAGES:
        for slug in ("index", "glossary", "about"):
            assert metadata(site, lang, slug)["json-ld"] == [] and not highwire(site, lang, slug), (lang, slug)


def test_the_bibtex_download_parses_with_bibtexparser(site):
    library = bibtexparser.parse_string((site.root / "declaration.bib").read_text(encoding="utf-8"))
    assert library.failed_blocks == []
    entries = {entry.key: entry for entry in library.entries}
    assert list(entries) == [f"paris-declaration-{lang}" for lang in LANGUAGES]
    for lang, entry in zip(LANGUAGES, library.entries):
        assert entry.entry_type == "misc"
        assert entry["title"] == FACTS["title"][lang] and entry["author"] == "{" + FACTS["issuer"] + "}"
        assert entry["year"] == FACTS["date"][:4] and entry["date"] == FACTS["date"]
        assert entry["url"] == TEXT_URL[lang]
    assert "translator" not in entries["paris-declaration-fr"].fields_dict
    assert entries["paris-declaration-en"]["translator"] == "{The Paris declaration explained}"


def test_the_ris_download_parses_with_rispy(site):
    entries = rispy.loads((site.root / "declaration.ris").read_text(encoding="utf-8"))
    assert [entry["language"] for entry in entries] == list(LANGUAGES)
    for lang, entry in zip(LANGUAGES, entries):
        assert entry["type_of_reference"] == "GEN" and entry["title"] == FACTS["title"][lang]
        assert entry["authors"] == [FACTS["issuer"]] and entry["date"] == FACTS["date"].replace("-", "/")
        assert entry["urls"] == [TEXT_URL[lang]]


def test_the_csl_json_download_renders_with_citeproc(site):
    items = json.loads((site.root / "declaration.csl.json").read_text(encoding="utf-8"))
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == 2
    assert rendered[0].startswith("Coalition of the Willing (2026) “Déclaration de Paris”. La déclaration de Paris expliquée.")
    assert rendered[1].startswith(HARVARD_EN)


def test_every_download_says_which_text_it_cites_and_that_its_origin_is_unknown(site):
    """A reference manager's note, read by each format's own library: the edition cited, and what
    is known of the French text's origin (the publication's `origin` fact), in each language."""
    origin = ORIGIN.statement
    notes = {
        "bibtex": [entry["note"] for entry in
                   bibtexparser.parse_string((site.root / "declaration.bib").read_text(encoding="utf-8")).entries],
        "ris": [" ".join(entry["notes"]) for entry in rispy.loads((site.root / "declaration.ris").read_text(encoding="utf-8"))],
        "csl": [item["note"] for item in json.loads((site.root / "declaration.csl.json").read_text(encoding="utf-8"))],
    }
    for kind, found in notes.items():
        assert len(found) == len(LANGUAGES), kind
        for lang, note in zip(LANGUAGES, found):
            assert " ".join(origin[lang].split()) in " ".join(note.replace("{", "").replace("}", "").split()), (kind, lang, note)


def test_downloads_escape_what_the_data_holds(tree, tmp_path):
    """A title with BibTeX's special characters stays one field: braces cannot close it early."""
    from builds import build

    publication = tree / "declaration" / "publication.yml"
    publication.write_text(publication.read_text(encoding="utf-8").replace(
        "en: Paris Declaration", "en: Paris Declaration {draft} 100% & co"), encoding="utf-8")
    result = build(tree, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    library = bibtexparser.parse_string((tmp_path / "site" / "declaration.bib").read_text(encoding="utf-8"))
    assert library.failed_blocks == [] and len(library.entries) == 2
    assert library.entries[1]["title"] == r"Paris Declaration \{draft\} 100\% \& co"
    [declaration] = extruct.extract((tmp_path / "site" / "en" / "text.html").read_text(encoding="utf-8"),
                                    syntaxes=["json-ld"])["json-ld"]
    assert declaration["name"] == "Paris Declaration {draft} 100% & co"


def test_citation_cff_is_what_make_citation_writes_and_cffconvert_validates_it():
    assert (ROOT / CITATION).read_text(encoding="utf-8") == citation_file(ROOT), "run `make citation`"
    result = subprocess.run([str(CFFCONVERT), "--validate", "-i", str(ROOT / CITATION)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_cffconvert_rejects_a_citation_file_the_schema_does_not_allow(tmp_path):
    """The validation above can fail: a field CFF does not define is refused."""
    invalid = tmp_path / CITATION
    invalid.write_text(citation_file(ROOT) + "languages:\n- fr\n", encoding="utf-8")
    result = subprocess.run([str(CFFCONVERT), "--validate", "-i", str(invalid)], capture_output=True, text=True)
    assert result.returncode != 0
