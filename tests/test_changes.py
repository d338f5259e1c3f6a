"""The record of changes, on a copy of the tree given a history of its own: the Changes page, the
Atom feeds (read with feedparser, as a feed reader does), the note on pages changed since they
were first published, and a shallow clone of that history, which must build and invent no date.
"""

from __future__ import annotations

from pathlib import Path

import extruct
import feedparser
import pytest

from builds import LANGUAGES, TEST_SITE_URL, build, copy_tree, git
from scripts.check.site import BuiltSite

# One worker runs this file's tests: they share the histories and their builds.
pytestmark = pytest.mark.xdist_group("changes")

COMMITS = "https://github.com/paris-declaration/explainer/commit/"
# The history the copy is given: (day, subject, files changed), oldest first.
PUBLISHED = ("2026-01-10", "Publish the site")
EXPLAINED = ("2026-02-02", "Say what strand 3 leaves open")
TRANSLATED = ("2026-02-03", "Fix a word of the English translation")
FEED = {"fr": "changes.xml", "en": "en/changes.xml"}
CHANGES_PAGE = {"fr": "changes.html", "en": "en/changes.html"}
SINCE = {"fr": "Modifiée depuis sa première publication, le 10 janvier 2026", "en": "Changed since first published on 10 January 2026"}
LAST_CHANGED = {"fr": "2 février 2026", "en": "2 February 2026"}
INCOMPLETE = "dp-history-incomplete"


def commit(root: Path, day: str, subject: str) -> str:
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "--message", subject, day=day)
    return git(root, "rev-parse", "HEAD")


def add_line(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{line}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A copy of the tree with three changes: everything published, strand 3 explained further in
    both languages, then the English translation changed."""
    root = copy_tree(tmp_path_factory.mktemp("history") / "tree")
    git(root, "init", "--quiet", "--initial-branch=main")
    shas = {PUBLISHED[1]: commit(root, *PUBLISHED)}
    add_line(root / "docs" / "strand-3.fr.md", "Cette page a été relue.")
    add_line(root / "docs" / "strand-3.en.md", "This page has been reviewed.")
    shas[EXPLAINED[1]] = commit(root, *EXPLAINED)
    add_line(root / "declaration" / "translation.en.yml", "# Reviewed.")
    shas[TRANSLATED[1]] = commit(root, *TRANSLATED)
    return root, shas


@pytest.fixture(scope="module")
def built(history, tmp_path_factory) -> BuiltSite:
    site_dir = tmp_path_factory.mktemp("history-site")
    result = build(history[0], site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(site_dir, list(LANGUAGES), TEST_SITE_URL)


@pytest.fixture(scope="module")
def shallow(history, tmp_path_factory) -> BuiltSite:
    """A clone of the last two commits only, as a CI checkout with `fetch-depth: 2` holds it."""
    clone = tmp_path_factory.mktemp("shallow") / "tree"
    git(history[0].parent, "clone", "--quiet", "--depth", "2", history[0].as_uri(), str(clone))
    site_dir = tmp_path_factory.mktemp("shallow-site")
    result = build(clone, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(site_dir, list(LANGUAGES), TEST_SITE_URL)


def changes_listed(site: BuiltSite, lang: str) -> list[tuple[str, str, list[str], str]]:
    """(anchor, subject, pages linked, commit linked) of each change on the Changes page."""
    listed = []
    for item in site.content(lang, "changes").find_all("li"):
        if not item.attrs.get("id", "").startswith("change-"):
            continue
        links = [a.attrs["href"] for a in item.find_all("a")]
        listed.append((item.attrs["id"], item.find("p", cls="dp-change-subject").text(),
                       [href for href in links if not href.startswith(COMMITS)], links[-1]))
    return listed


def test_the_changes_page_lists_each_change_of_its_language_newest_first(built, history):
    shas = history[1]
    english = changes_listed(built, "en")
    assert [subject for _, subject, _, _ in english] == [TRANSLATED[1], EXPLAINED[1], PUBLISHED[1]]
    assert english[0][3] == COMMITS + shas[TRANSLATED[1]]
    assert english[1] == (f"change-{shas[EXPLAINED[1]][:10]}", EXPLAINED[1], ["strand-3.html"], COMMITS + shas[EXPLAINED[1]])
    # The English translation changed nothing a French reader reads.
    assert [subject for _, subject, _, _ in changes_listed(built, "fr")] == [EXPLAINED[1], PUBLISHED[1]]
    days = [h.attrs["id"] for h in built.content("en", "changes").find_all("h2")]
    assert days == ["day-2026-02-03", "day-2026-02-02", "day-2026-01-10"]
    assert built.content("en", "changes").find(cls=INCOMPLETE) is None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_an_atom_feed_that_a_feed_reader_parses(built, history, lang):
    feed = feedparser.parse((built.root / FEED[lang]).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.language == lang
    assert {link.rel: link.href for link in feed.feed.links} == {"self": TEST_SITE_URL + FEED[lang],
                                                                 "alternate": TEST_SITE_URL + CHANGES_PAGE[lang]}
    expected = [TRANSLATED, EXPLAINED, PUBLISHED] if lang == "en" else [EXPLAINED, PUBLISHED]
    assert [(entry.title, entry.updated[:10]) for entry in feed.entries] == [(subject, day) for day, subject in expected]
    anchors = built.ids(CHANGES_PAGE[lang])
    for entry in feed.entries:
        page, _, anchor = entry.link.partition("#")
        assert page == TEST_SITE_URL + CHANGES_PAGE[lang] and anchor in anchors
        assert entry.id == COMMITS + history[1][entry.title]


def test_every_page_links_its_language_s_feed_from_its_head(built):
    for lang in LANGUAGES:
        for slug in built.pages[lang]:
            feeds = [link.attrs["href"] for link in built.tree(lang, slug).find_all("link", rel="alternate")
                     if link.attrs.get("type") == "application/atom+xml"]
            assert feeds == [TEST_SITE_URL + FEED[lang]], (lang, slug)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_page_changed_since_it_was_first_published_says_so_and_others_do_not(built, lang):
    note = built.content(lang, "strand-3").find("aside", cls="dp-changed")
    assert note is not None and note.text().startswith(SINCE[lang])
    assert note.find("a").attrs["href"] == "changes.html"
    assert LAST_CHANGED[lang] in built.tree(lang, "strand-3").find("aside", cls="md-source-file").text()
    for slug in set(built.pages[lang]) - {"strand-3"}:
        assert built.content(lang, slug).find("aside", cls="dp-changed") is None, slug


def test_a_shallow_clone_builds_and_says_its_history_is_incomplete_without_inventing_dates(shallow, history):
    for lang in LANGUAGES:
        assert shallow.content(lang, "changes").find(cls=INCOMPLETE) is not None, lang
        for slug in shallow.pages[lang]:
            page = shallow.tree(lang, slug)
            # The pages' last change is the commit at the clone's edge, which git shows as adding
            # every file: unknown, so neither a date, nor a note, nor a dateModified.
            assert page.find("aside", cls="md-source-file") is None, (lang, slug)
            assert page.find("aside", cls="dp-changed") is None, (lang, slug)
            for data in extruct.extract(shallow.pages[lang][slug].read_text(encoding="utf-8"), syntaxes=["json-ld"])["json-ld"]:
                assert data["@type"] == "Legislation" or "dateModified" not in data, (lang, slug)
    # What the clone holds for sure: the last commit.
    assert [subject for _, subject, _, _ in changes_listed(shallow, "en")] == [TRANSLATED[1]]
    assert changes_listed(shallow, "fr") == []
    feed = feedparser.parse((shallow.root / FEED["en"]).read_bytes())
    assert not feed.bozo and [entry.title for entry in feed.entries] == [TRANSLATED[1]]


def test_outside_git_the_site_builds_with_no_history_and_says_so(tree, tmp_path):
    result = build(tree, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    site = BuiltSite(tmp_path / "site", list(LANGUAGES), TEST_SITE_URL)
    for lang in LANGUAGES:
        assert site.content(lang, "changes").find(cls=INCOMPLETE) is not None
        assert changes_listed(site, lang) == []
        assert site.tree(lang, "strand-3").find("aside", cls="md-source-file") is None
        assert not feedparser.parse((site.root / FEED[lang]).read_bytes()).bozo
