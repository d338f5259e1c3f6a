"""ARCHITECTURE.md stays true: every file and test it names exists, and every hook it lists is one."""

from __future__ import annotations

import re

from builds import ROOT

MAP = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
PATHS = re.compile(r"`((?:declaration|overrides|docs|scripts|tests)/[\w./-]*|[\w-]+\.(?:py|md|html|sha256))`")


def test_every_file_the_map_names_exists():
    named = {match for match in PATHS.findall(MAP)}
    missing = [name for name in named if not _exists(name)]
    assert len(named) > 20 and missing == []


def _exists(name: str) -> bool:
    if "/" in name:
        return (ROOT / name).exists()
    return any(ROOT.rglob(name))


def test_every_test_the_map_names_exists():
    for name in re.findall(r"`(test_\w+)`", MAP):
        assert any(f"def {name}(" in path.read_text(encoding="utf-8") for path in (ROOT / "tests").rglob("test_*.py")), name


def test_every_hook_of_the_configuration_is_in_the_map_with_when_it_runs_and_why():
    hooks = re.findall(r"^  - overrides/hooks/(\w+)\.py$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    listed = (ROOT / "overrides" / "hooks" / "__init__.py").read_text(encoding="utf-8")
    assert hooks and all(f"{hook}.py" in listed for hook in hooks)
    rows = dict(re.findall(r"^\| `(\w+)\.py` \| ([^|]+) \|", MAP, re.MULTILINE))
    assert sorted(rows) == sorted(hooks)
    for hook, events in rows.items():
        defined = set(re.findall(r"^def on_(\w+)\(", (ROOT / "overrides" / "hooks" / f"{hook}.py").read_text(encoding="utf-8"),
                                 re.MULTILINE))
        assert {event.split(" (")[0].strip() for event in events.split(",")} == defined, hook
