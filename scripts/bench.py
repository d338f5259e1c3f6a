"""`make bench`: what the tests must not assert, measured: costs that grow, and the time things take.

A benchmark, not a test: it prints its figures, which go in notes, never in assertions (no test
of this project depends on the clock). Three measures, each alone with `make bench WHAT=…`:

- growth: every reader of the checks that sees an editor's text (the markers' scanner, the
  line scans, the Markdown bounds), fed adversarial text of n and of 8n characters; a linear
  reader takes about 8× as long, a quadratic one about 64×.
- gate: `make build` (the build and every check on it) against a default Material +
  static-i18n build of the same pages (no hooks, no overrides, no checks), timed alternately.
- tests: the whole suite (`python -m pytest`), wall and CPU time of pytest and its workers.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADVERSARIAL = {"backtick runs": "`` ` ", "`<a ` runs": "<a ", "`[` runs": "[", "glossary references": "[x](glossary:",
               "stray glossary references": "(glossary:x ", "inline quotes": "[[", "comment openings": "<!--",
               "image openings": "![", "mixed": "[a](b `c` <d ",
               # Not ASCII, so that every reader takes its full path (characters.scan passes ASCII at once).
               "look-alike words": "aΑé\u200b "}
MEASURES = ("growth", "gate", "tests")
# What a default build of the same pages is: Material and static-i18n, none of this project's hooks.
# Not strict: without the hooks, the links to the passages they generate lead nowhere.
DEFAULT_CONFIG = """INHERIT: mkdocs.yml
strict: false
validation:
  links: {not_found: ignore, anchors: ignore, unrecognized_links: ignore}
hooks: []
theme:
  name: material
  language: fr
markdown_extensions: [attr_list, md_in_html, toc, admonition, footnotes, pymdownx.superfences]
"""


def growth(size: int = 125_000) -> list[tuple[str, str, float, float]]:
    from declaration.markers import scan
    from scripts.check import characters, safety
    from scripts.check.pages import markdown_problems

    readers = {"markers.scan": scan, "safety.scan_line": safety.scan_line, "characters.scan": characters.scan,
               "pages.markdown_problems": lambda text: markdown_problems(Path("x.md"), text)}
    rows = []
    for name, unit in ADVERSARIAL.items():
        for reader, read in readers.items():
            times = []
            for n in (size, 8 * size):
                text = unit * (n // len(unit))
                started = time.perf_counter()
                read(text)
                times.append(time.perf_counter() - started)
            rows.append((name, reader, times[0], times[1]))
    return rows


def gate(rounds: int = 5) -> dict[str, list[float]]:
    """`make build` and a default build, alternately, `rounds` times each."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    times: dict[str, list[float]] = {"make build": [], "default build": []}
    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        config = ROOT / ".bench-default.yml"
        config.write_text(DEFAULT_CONFIG, encoding="utf-8")
        try:
            for _ in range(rounds):
                started = time.perf_counter()
                subprocess.run(["make", "build"], cwd=ROOT, env=env, check=True, capture_output=True)
                times["make build"].append(time.perf_counter() - started)
                started = time.perf_counter()
                subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "-f", str(config), "--site-dir",
                                f"{work}/default"], cwd=ROOT, env=env, check=True, capture_output=True)
                times["default build"].append(time.perf_counter() - started)
        finally:
            config.unlink()
    return times


def tests(arguments: list[str]) -> tuple[float, float, int]:
    """Wall and CPU seconds of the suite (pytest and every process it starts), and its exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    code = subprocess.run([sys.executable, "-m", "pytest", "-q", *arguments], cwd=ROOT).returncode
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", nargs="*", help="growth, gate or tests (default: all three)")
    parser.add_argument("--rounds", type=int, default=5, help="gate: builds of each kind")
    args = parser.parse_args(argv)
    what = args.what or list(MEASURES)
    if set(what) - set(MEASURES):
        parser.error(f"measures are {', '.join(MEASURES)}")
    if "growth" in what:
        print("growth: seconds at n = 125,000 and 8n characters (linear: about 8x; quadratic: about 64x)")
        for name, reader, small, large in growth():
            print(f"  {name:26} {reader:24} {small:7.3f} {large:7.3f}  x{large / max(small, 1e-6):5.1f}")
    if "gate" in what:
        times = gate(args.rounds)
        ratio = statistics.median(times["make build"]) / statistics.median(times["default build"])
        for name, values in times.items():
            print(f"gate: {name:14} median {statistics.median(values):5.2f} s  ({', '.join(f'{v:.2f}' for v in values)})")
        print(f"gate: make build / default build = {ratio:.2f}")
    if "tests" in what:
        wall, cpu, code = tests([])
        print(f"tests: {wall:.1f} s wall, {cpu:.1f} s CPU (pytest and its workers), exit {code}")
        return code
    return 0


if __name__ == "__main__":
    sys.exit(main())
