"""`make audit`: accessibility, speed, weight, privacy and HTML validity of every page, measured.

A benchmark, not a test: it prints one table and writes it as JSON (.audit/audit.json), and
its figures go in notes, never in assertions. For every page in both languages, against the
site built for and served on 127.0.0.1 (gzip, as GitHub Pages serves it):

- Lighthouse 12 (npm, run on Debian's Chromium): performance with its mobile preset and with
  its desktop preset, accessibility, best practices, SEO; bytes transferred and uncompressed,
  requests, and requests that left 127.0.0.1;
- axe-core (through Playwright), WCAG 2.0-2.2 A and AA rules, light and dark palettes;
- the Nu Html Checker (npm vnu-jar, run with the system java): errors;
- the full text on a 390 × 844 phone, in its default view: its height from the jump bar to the
  end of the last passage, with its controls (each passage's menu, the official-version notes,
  the language choice) and without them, beside the sum of the heights of its text blocks.

`--baseline` also weighs the same pages built the default way (Material's own tooltips and
fonts, no overrides) to say how much lighter the site is. Nothing is disabled or filtered.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.check.site_config import read_config, site_languages
from scripts.local_site import (CHROMIUM, CHROMIUM_FLAGS, ROOT, axe_context, axe_violations, build_for,
                                free_port, page_paths, served)

HERE = Path(__file__).parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
VNU = HERE / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
OUTPUT = ROOT / ".audit" / "audit.json"
PRESETS = {"mobile": [], "desktop": ["--preset=desktop"]}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The default way: Material's script tooltips and Google-hosted fonts, no template overrides,
# stylesheet or script of ours; the same pages and hooks, so the same text.
BASELINE_CONFIG = """INHERIT: mkdocs.yml
theme:
  custom_dir: .audit/no-overrides
  font:
    text: Roboto
    code: Roboto Mono
  features: [content.tooltips, navigation.footer, search.highlight]
extra_css: []
extra_javascript: []
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.audit", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page and preset (the median is kept)")
    parser.add_argument("--pages", nargs="*", help="only these pages (e.g. strand-3.html en/strand-3.html)")
    parser.add_argument("--baseline", action="store_true", help="also weigh a default Material build of the same pages")
    args = parser.parse_args(argv)
    for tool, hint in ((LIGHTHOUSE, "make audit installs it (npm ci)"), (VNU, "make audit installs it (npm ci)"),
                       (Path(CHROMIUM), "apt-get install chromium")):
        if not tool.exists():
            sys.exit(f"missing {tool}: {hint}")

    with tempfile.TemporaryDirectory(prefix="audit-") as work:
        work = Path(work)
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        build_for(url, work / "site")
        pages = args.pages or page_paths(work / "site")
        default_language = site_languages(read_config(ROOT))[0]
        html_errors = _nu_errors(work / "site", pages)
        with served(work / "site", port):
            heights = _reading_heights(url, [page for page in page_paths(work / "site") if page.endswith("text.html")])
            axe = _axe(url, pages)
            rows = [_row(url, page, _language(page, default_language), args.runs, work, axe[page], html_errors[page])
                    for page in pages]
        baseline = _baseline(work, pages) if args.baseline else {}

    for row in rows:
        row["baseline_transfer"] = baseline.get(row["page"])
    _print(rows)
    _print_heights(heights)
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(json.dumps({"pages": rows, "full_text_on_a_phone": heights}, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten to {OUTPUT.relative_to(ROOT)}")
    return 0


def _lighthouse(url: str, preset: str, work: Path) -> dict:
    report = work / "lighthouse.json"
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                    f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}", *PRESETS[preset]],
                   env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, capture_output=True)
    return json.loads(report.read_text(encoding="utf-8"))


def _row(url: str, page: str, lang: str, runs: int, work: Path, axe_violations: int, html_errors: int) -> dict:
    row = {"page": page, "lang": lang}
    for preset in PRESETS:
        reports = [_lighthouse(url + page, preset, work) for _ in range(runs)]
        scores = [r["categories"]["performance"]["score"] for r in reports]
        report = reports[scores.index(statistics.median_low(scores))]
        for category in CATEGORIES:
            if preset == "mobile" or category == "performance":
                row[f"{category}_{preset}"] = round(report["categories"][category]["score"] * 100)
        if preset == "mobile":
            requests = report["audits"]["network-requests"]["details"]["items"]
            row["transfer_bytes"] = sum(r.get("transferSize", 0) for r in requests)
            row["resource_bytes"] = sum(r.get("resourceSize", 0) for r in requests)
            row["requests"] = len(requests)
            row["offsite_requests"] = sum(1 for r in requests
                                          if not r["url"].startswith((url, "data:")))
    row["axe_violations"] = axe_violations
    row["html_errors"] = html_errors
    print(f"  measured {page}", file=sys.stderr)
    return row


def _language(page: str, default_language: str) -> str:
    """A page's language: its folder's (en/strand-3.html), or the default's at the root."""
    return page.split("/")[0] if "/" in page else default_language


def _axe(url: str, pages: list[str]) -> dict[str, int]:
    from playwright.sync_api import sync_playwright

    counts = dict.fromkeys(pages, 0)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for scheme in ("light", "dark"):
            context = axe_context(browser, color_scheme=scheme)
            tab = context.new_page()
            for page in pages:
                tab.goto(url + page)
                counts[page] += sum(len(violation["nodes"]) for violation in axe_violations(tab))
            context.close()
        browser.close()
    return counts


PHONE = {"width": 390, "height": 844}
# What a reader of the text can do beside reading it: hidden, for the height without controls
# (through the CSSOM: the page's policy refuses a stylesheet added inline).
HIDE_CONTROLS = """() => document.querySelectorAll('details.dp-actions, details.dp-official, .dp-choice')
    .forEach(control => control.style.setProperty('display', 'none', 'important'))"""
HEIGHTS = """() => {
    const top = document.querySelector('.dp-jump') || document.querySelector('.dp-passage');
    const passages = [...document.querySelectorAll('.dp-passage')];
    const bottom = passages[passages.length - 1].getBoundingClientRect().bottom;
    const text = [...document.querySelectorAll('.dp-passage .dp-text')]
        .reduce((sum, block) => sum + block.getBoundingClientRect().height, 0);
    return {span: bottom - top.getBoundingClientRect().top, text};
}"""


def _reading_heights(url: str, pages: list[str]) -> list[dict]:
    """The full text's height on a phone, with and without its controls, against its text's."""
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        tab = context.new_page()
        for page in pages:
            tab.goto(url + page)
            shown = tab.evaluate(HEIGHTS)
            tab.evaluate(HIDE_CONTROLS)
            bare = tab.evaluate(HEIGHTS)
            rows.append({"page": page, "with_controls": round(shown["span"]), "without_controls": round(bare["span"]),
                         "text": round(shown["text"]), "ratio_with": round(shown["span"] / shown["text"], 2),
                         "ratio_without": round(bare["span"] / shown["text"], 2)})
        browser.close()
    return rows


def _print_heights(rows: list[dict]) -> None:
    print("\nthe full text on a 390 px phone, default view (px): with controls | without | its text blocks | ratios")
    for row in rows:
        print(f"  {row['page']:<14} {row['with_controls']:>7} | {row['without_controls']:>7} | {row['text']:>7} | "
              f"{row['ratio_with']} / {row['ratio_without']}")


def _nu_errors(site: Path, pages: list[str]) -> dict[str, int]:
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always",
                             *[str(site / page) for page in pages]], capture_output=True, text=True)
    counts = dict.fromkeys(pages, 0)
    for message in json.loads(result.stderr or '{"messages": []}')["messages"]:
        if message.get("type") == "error":
            page = Path(message["url"].removeprefix("file:")).relative_to(site).as_posix()
            counts[page] += 1
    return counts


def _baseline(work: Path, pages: list[str]) -> dict[str, int]:
    """Bytes transferred by each page of a default Material build of the same pages."""
    # Beside mkdocs.yml, so that its relative paths (docs, hooks) mean the same.
    config = ROOT / "mkdocs.baseline.yml"
    config.write_text(BASELINE_CONFIG, encoding="utf-8")
    (ROOT / ".audit" / "no-overrides").mkdir(parents=True, exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
    try:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--config-file", str(config),
                        "--site-dir", str(work / "baseline")], cwd=ROOT, env=env, check=True, capture_output=True)
    finally:
        config.unlink()
    weights = {}
    with served(work / "baseline", port):
        for page in pages:
            requests = _lighthouse(url + page, "mobile", work)["audits"]["network-requests"]["details"]["items"]
            weights[page] = sum(r.get("transferSize", 0) for r in requests)
    shutil.rmtree(work / "baseline")
    return weights


def _print(rows: list[dict]) -> None:
    columns = [("page", "page", 22), ("lang", "lang", 4), ("perf_mobile", "performance_mobile", 6),
               ("perf_desk", "performance_desktop", 6), ("a11y", "accessibility_mobile", 4),
               ("best", "best-practices_mobile", 4), ("seo", "seo_mobile", 4),
               ("KB_gzip", "transfer_bytes", 7), ("KB_raw", "resource_bytes", 7),
               ("req", "requests", 4), ("offsite", "offsite_requests", 7),
               ("axe", "axe_violations", 4), ("html_err", "html_errors", 8), ("KB_default", "baseline_transfer", 10)]
    print(" | ".join(title.ljust(width) for title, _, width in columns))
    print("-|-".join("-" * width for _, _, width in columns))
    for row in rows:
        cells = []
        for _, key, width in columns:
            value = row.get(key)
            if key.endswith(("_bytes", "_transfer")) and value is not None:
                value = f"{value / 1024:.1f}"
            cells.append(str("" if value is None else value).ljust(width))
        print(" | ".join(cells))


if __name__ == "__main__":
    sys.exit(main())
