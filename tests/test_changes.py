"""The record of changes, on a copy of the tree: the Changes page and the Atom feeds (read with
feedparser, as a feed reader does) are made from declaration/changes.yml, whatever the commits say;
the one date a page shows ("Updated on …") comes from git, and a clone that cannot know it shows
none rather than an invented one.
"""

from __future__ import annotations

from pathlib import Path

import extruct
import feedparser
import pytest
import yaml

from builds import LANGUAGES, TEST_SITE_URL, build, copy_tree, edit, git, line_of
from scripts.check.site import BuiltSite

# One worker runs this file's tests: they share the copy and its builds.
pytestmark = pytest.mark.xdist_group("changes")

FEED = {"fr": "changes.xml", "en": "en/changes.xml"}
CHANGES_PAGE = {"fr": "changes.html", "en": "en/changes.html"}
# A change recorded for readers on top of the real record, with a commit whose subject says
# something else: what is published is the record.
RECORDED = """\
- id: strand-3-reviewed
  date: "2026-12-02"
  pages: [strand-3]
  summary:
    fr: La page du volet 3 dit ce que le texte laisse ouvert. Elle a été relue.
    en: The strand 3 page says what the text leaves open. It has been reviewed.
"""
SUBJECT = "wip: misc fixes"
UPDATED = {"fr": "2 décembre 2026", "en": "2 December 2026"}


def commit(root: Path, day: str, subject: str) -> None:
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "--message", subject, day=day)


def record(root: Path, entry: str) -> None:
    """Put a change at the top of the record (newest first), after its header comment."""
    path = root / "declaration" / "changes.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    header = next(index for index, line in enumerate(lines) if not line.startswith("#"))
    path.write_text("\n".join(lines[:header] + entry.rstrip("\n").split("\n") + lines[header:]), encoding="utf-8")


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> Path:
    """A copy of the tree, published on 10 January; then strand 3 explained further, in both
    languages, recorded for readers and committed on 2 December under an unhelpful subject."""
    root = copy_tree(tmp_path_factory.mktemp("history") / "tree")
    git(root, "init", "--quiet", "--initial-branch=main")
    commit(root, "2026-01-10", "Publish the site")
    (root / "docs" / "strand-3.fr.md").write_text(
        (root / "docs" / "strand-3.fr.md").read_text(encoding="utf-8") + "\nCette page a été relue.\n", encoding="utf-8")
    (root / "docs" / "strand-3.en.md").write_text(
        (root / "docs" / "strand-3.en.md").read_text(encoding="utf-8") + "\nThis page has been reviewed.\n", encoding="utf-8")
    record(root, RECORDED)
    commit(root, "2026-12-02", SUBJECT)
    return root


@pytest.fixture(scope="module")
def built(history, tmp_path_factory) -> BuiltSite:
    site_dir = tmp_path_factory.mktemp("history-site")
    result = build(history, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(site_dir, list(LANGUAGES), TEST_SITE_URL)


def listed(site: BuiltSite, lang: str) -> list[tuple[str, str, list[str]]]:
    """(anchor, what changed, pages linked) of each change on the Changes page, in order."""
    return [(item.attrs["id"], item.find("p").text(), [a.attrs["href"] for a in item.find_all("a")])
            for item in site.content(lang, "changes").find_all("li") if item.attrs.get("id", "").startswith("change-")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_changes_page_lists_the_record_newest_first_never_the_commit_subjects(built, history, lang):
    changes = listed(built, lang)
    anchor, said, pages = changes[0]
    assert anchor == "change-strand-3-reviewed" and pages == ["strand-3.html"]
    assert said.startswith({"fr": "La page du volet 3", "en": "The strand 3 page"}[lang])
    recorded = yaml.safe_load((history / "declaration" / "changes.yml").read_text(encoding="utf-8"))
    assert [anchor for anchor, _, _ in changes] == [f"change-{change['id']}" for change in recorded]
    assert SUBJECT not in built.content(lang, "changes").text()
    days = [h.attrs["id"] for h in built.content(lang, "changes").find_all("h2")]
    assert days[0] == "day-2026-12-02" and days == sorted(days, reverse=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_an_atom_feed_that_a_feed_reader_parses(built, lang):
    feed = feedparser.parse((built.root / FEED[lang]).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.language == lang
    assert {link.rel: link.href for link in feed.feed.links} == {"self": TEST_SITE_URL + FEED[lang],
                                                                 "alternate": TEST_SITE_URL + CHANGES_PAGE[lang]}
    newest = feed.entries[0]
    assert newest.title == {"fr": "La page du volet 3 dit ce que le texte laisse ouvert.",
                            "en": "The strand 3 page says what the text leaves open."}[lang]
    assert newest.updated.startswith("2026-12-02")
    anchors = built.ids(CHANGES_PAGE[lang])
    assert [entry.link for entry in feed.entries] == [TEST_SITE_URL + CHANGES_PAGE[lang] + "#" + anchor
                                                      for anchor, _, _ in listed(built, lang)]
    for entry in feed.entries:
        assert entry.link.partition("#")[2] in anchors and entry.id == entry.link


def test_every_page_links_its_language_s_feed_from_its_head(built):
    for lang in LANGUAGES:
        for slug in built.pages[lang]:
            feeds = [link.attrs["href"] for link in built.tree(lang, slug).find_all("link", rel="alternate")
                     if link.attrs.get("type") == "application/atom+xml"]
            assert feeds == [TEST_SITE_URL + FEED[lang]], (lang, slug)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_page_shows_the_day_of_its_last_commit_and_only_that_page_shows_it(built, lang):
    assert UPDATED[lang] in built.tree(lang, "strand-3").find("aside", cls="md-source-file").text()
    for slug in ("index", "strand-1", "glossary"):
        updated = built.tree(lang, slug).find("aside", cls="md-source-file")
        assert updated is not None and UPDATED[lang] not in updated.text(), slug


def test_a_shallow_clone_builds_and_invents_no_date(history, tmp_path):
    """A clone of the last commit only, as a CI checkout without history holds it: git shows that
    commit as adding every file, so no page knows when it last changed."""
    clone = tmp_path / "tree"
    git(history.parent, "clone", "--quiet", "--depth", "1", history.as_uri(), str(clone))
    assert build(clone, tmp_path / "site").returncode == 0
    shallow = BuiltSite(tmp_path / "site", list(LANGUAGES), TEST_SITE_URL)
    for lang in LANGUAGES:
        for slug in shallow.pages[lang]:
            assert shallow.tree(lang, slug).find("aside", cls="md-source-file") is None, (lang, slug)
            for data in extruct.extract(shallow.pages[lang][slug].read_text(encoding="utf-8"), syntaxes=["json-ld"])["json-ld"]:
                # (The declaration's own dateModified is its edition's, from the record.)
                assert data["@type"] != "Article" or "dateModified" not in data, (lang, slug)
        # The record is data: the clone publishes all of it.
        assert listed(shallow, lang)[0][0] == "change-strand-3-reviewed"


CHANGES = "declaration/changes.yml"


def _change_errors(tree) -> list:
    from scripts.check import check_sources

    return [f for f in check_sources(tree) if f.path == CHANGES and f.severity == "error"]


def test_a_change_dated_on_no_day_of_the_calendar_is_refused_at_its_date(tree):
    edit(tree, CHANGES, '  date: "2026-11-28"', '  date: "2026-02-30"')
    found = _change_errors(tree)
    assert [(f.line, f.problem) for f in found] == [
        (line_of(tree, CHANGES, '  date: "2026-02-30"'), "date '2026-02-30' is no day of the calendar")]


def test_a_change_newer_than_the_one_before_it_is_refused_at_its_entry(tree):
    text = (tree / CHANGES).read_text(encoding="utf-8")
    later = text[text.index("- id: reader-site"):].replace("- id: reader-site", "- id: later", 1)
    (tree / CHANGES).write_text(text + later.replace('  date: "2026-11-28"', '  date: "2099-01-01"', 1), encoding="utf-8")
    found = _change_errors(tree)
    assert [(f.line, "is newer than the change before it" in f.problem) for f in found] == [
        (line_of(tree, CHANGES, "- id: later"), True)], [str(f) for f in found]
