"""The pull request's preview (make preview), opened as an editor opens it: downloaded, unzipped,
its index.html opened in the browser, from disk (file://). Styles, glossary tooltips, the
language switcher and search work, in French at the root and in English under en/; nothing is
asked of the network, nothing is said in the console; and the preview's own policy still runs
no inline script that slipped into a page. The preview is built through the gate, as
`make preview` builds it."""

from __future__ import annotations

import html
import json
import os
import shutil
from pathlib import Path
from unittest import mock

import pytest

from overrides.hooks.preview import ADDRESS, INDEX, SHIM
from reader import search, wait_for_material
from scripts.check import check_all, check_site, failed
from scripts.local_site import ROOT

QUERIES = [("index.html", "cessez-le-feu"), ("en/index.html", "ceasefire")]
# What an inline script injected into a page would do, were it to run.
INJECTED = "<script>document.documentElement.dataset.ran = 'script'</script>"


# The tests that open the preview run on one worker: it is built once (two builds: the tree's
# and its base's, for the published anchors), not once on each.
pytestmark = pytest.mark.xdist_group("preview")


@pytest.fixture(scope="session")
def preview(tmp_path_factory) -> Path:
    """The preview as `make preview` builds it: through every check, for its own address."""
    site = tmp_path_factory.mktemp("preview") / "site-preview"
    with mock.patch.dict(os.environ, {"DP_PREVIEW": "true"}):
        findings = check_all(ROOT, site, ADDRESS)
    assert not failed(findings), "\n".join(map(str, findings))
    return site


class Watched:
    """What a page asks of anything but the file system, and what it says in the console."""

    def __init__(self, page):
        self.requests, self.errors = [], []
        page.on("request", lambda request: request.url.startswith(("file:", "data:")) or self.requests.append(request.url))
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))


@pytest.mark.parametrize("path, query", QUERIES)
def test_search_answers_from_disk_in_each_language(page, preview, path, query):
    watched = Watched(page)
    home = preview.joinpath(path).as_uri()
    found = search(page, home, query)
    folder = home.removesuffix("index.html")
    assert found and all(url.startswith(folder) for url in found)
    if path == "index.html":
        assert not any(url.startswith(folder + "en/") for url in found)
    assert watched.requests == [] and watched.errors == []


def test_styles_tooltips_and_the_language_switcher_work_from_disk(page, preview):
    watched = Watched(page)
    page.goto(preview.joinpath("strand-3.html").as_uri())
    assert page.locator(".md-header").evaluate("header => getComputedStyle(header).position") == "sticky"
    term = page.locator(".dp-term").first
    assert term.locator(".dp-tip").is_hidden()  # the site's stylesheet
    term.locator("a").hover()
    assert term.locator(".dp-tip").is_visible()
    assert "dp-tip--placed" in term.locator(".dp-tip").get_attribute("class")  # tooltips.js placed it
    page.locator(".md-select").first.hover()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(preview.joinpath("en", "strand-3.html").as_uri())
    assert page.locator("html").get_attribute("lang") == "en"
    wait_for_material(page)
    assert watched.requests == [] and watched.errors == []


def test_the_preview_s_policy_allows_only_files_and_no_injected_inline_script(page, preview, tmp_path):
    copy = shutil.copytree(preview, tmp_path / "site-preview")
    built = copy / "strand-1.html"
    (copy / "injected.html").write_text(built.read_text(encoding="utf-8").replace("<article", INJECTED + "<article", 1),
                                        encoding="utf-8")
    watched = Watched(page)
    page.goto((copy / "injected.html").as_uri())
    wait_for_material(page)
    content = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert page.locator("html").get_attribute("data-ran") is None
    assert len(watched.errors) == 1 and "inline script violates the following Content Security Policy" in watched.errors[0]
    assert "script-src 'self' 'sha256-" in content and "'unsafe-inline'" not in content
    assert ADDRESS not in content and "http" not in content
    assert watched.requests == []


def test_each_language_s_search_index_is_inlined_as_it_is_and_the_shim_is_the_vendored_one(preview):
    for folder in (preview, preview / "en"):
        index = (folder / "search" / "search_index.json").read_text(encoding="utf-8")
        assert (folder / "search" / "search_index.js").read_text(encoding="utf-8") == INDEX + index
        assert json.loads(index)["docs"]
    assert (preview / SHIM).read_bytes() == (ROOT / "docs" / SHIM).read_bytes()
    page = (preview / "en" / "index.html").read_text(encoding="utf-8")
    assert f'<script src="../{SHIM}"></script>' in page and 'rel="alternate"' not in page


def test_the_published_site_has_none_of_the_preview(site):
    """What only a preview needs is never published: the shim, the inlined indexes, its policy."""
    assert not (site.root / SHIM).exists()
    assert not list(site.root.rglob("search_index.js"))
    page = html.unescape((site.root / "en" / "index.html").read_text(encoding="utf-8"))
    assert "iframe-worker" not in page and 'rel="alternate"' in page and f"script-src {site.url}assets/javascripts/" in page


def test_a_search_index_script_that_does_more_than_its_index_fails_the_gate(preview, tmp_path):
    """The preview's index scripts are allowed by name and held to their content: anything added
    to one (here, a request elsewhere) is a finding, as the gate reads what it publishes."""
    copy = shutil.copytree(preview, tmp_path / "site-preview")
    script = copy / "en" / "search" / "search_index.js"
    script.write_text(script.read_text(encoding="utf-8") + ";fetch('https://evil.example/')", encoding="utf-8")
    findings = check_site(ROOT, copy, ADDRESS)
    assert [(f.path, f.check) for f in findings] == [("site/en/search/search_index.js", "published")], findings
