"""Fixtures shared by the tests: the real site, built once, and copies of the tree to change."""

from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path

import pytest

from builds import LANGUAGES, ROOT, TEST_SITE_URL, build, copy_tree
from scripts.check.site import BuiltSite


def pytest_configure(config):
    """pytest rewrites the asserts of every module of a package that provides a plugin, for their
    messages: Hypothesis's 70-odd modules among them. Without a bytecode cache
    (PYTHONDONTWRITEBYTECODE) each process rewrites them again, half a second of work each time.
    Their asserts are Hypothesis's own, not the tests': it is imported as it is. (The tests' own
    asserts are rewritten, as ever.)"""
    try:
        from _pytest.assertion.rewrite import assertstate_key
        hook = config.stash[assertstate_key].hook
        hook._must_rewrite.difference_update({"hypothesis"})
        hook._marked_for_rewrite_cache.clear()
    except (ImportError, KeyError, AttributeError):
        pass  # another pytest, or asserts not rewritten at all: nothing to spare


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    """The real tree, built once for the whole session: under xdist, by the first worker that
    needs it, in the folder the workers share, while the others wait for it."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        site_dir = tmp_path_factory.mktemp("site")
        _build_site(site_dir)
    else:
        shared = tmp_path_factory.getbasetemp().parent
        site_dir = shared / "site"
        with open(shared / "site.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not (shared / "site.built").exists():
                shutil.rmtree(site_dir, ignore_errors=True)
                _build_site(site_dir)
                (shared / "site.built").touch()
    return BuiltSite(site_dir, list(LANGUAGES), TEST_SITE_URL)


def _build_site(site_dir: Path) -> None:
    result = build(ROOT, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def tree(tmp_path) -> Path:
    """A fresh copy of the tree, to edit the way an editor would."""
    return copy_tree(tmp_path / "tree")


@pytest.fixture
def built_copy(site, tmp_path) -> Path:
    """A copy of the real built site, to damage the way a bug in the build would."""
    return shutil.copytree(site.root, tmp_path / "site")
