"""Fixtures shared by the tests: the real site, built once, and copies of the tree to break."""

from __future__ import annotations

from pathlib import Path

import pytest

from builds import ROOT, build, copy_tree
from scripts.check.site import BuiltSite


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    """The real tree, built once for the whole session."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build(ROOT, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(site_dir)


@pytest.fixture
def tree(tmp_path) -> Path:
    """A fresh copy of the tree, to edit the way an editor would."""
    return copy_tree(tmp_path / "tree")
