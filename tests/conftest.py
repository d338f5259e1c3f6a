"""Fixtures shared by the tests: the real site, built once, and copies of the tree to change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builds import LANGUAGES, ROOT, TEST_SITE_URL, build, copy_tree
from scripts.check.site import BuiltSite


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    """The real tree, built once for the whole session."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build(ROOT, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(site_dir, list(LANGUAGES), TEST_SITE_URL)


@pytest.fixture
def tree(tmp_path) -> Path:
    """A fresh copy of the tree, to edit the way an editor would."""
    return copy_tree(tmp_path / "tree")


@pytest.fixture
def built_copy(site, tmp_path) -> Path:
    """A copy of the real built site, to damage the way a bug in the build would."""
    return shutil.copytree(site.root, tmp_path / "site")
