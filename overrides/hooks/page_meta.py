"""Each page's edit link and date of last change, in its language.

"Edit this page" opens that language's own file on GitHub (docs/NAME.fr.md or NAME.en.md), and
the date is the last commit that changed that file. The repository comes from extra.repository:
a repo_url would make Material call api.github.com from every reader's browser.
"""

from __future__ import annotations

import subprocess
from datetime import date
from functools import cache
from pathlib import Path

from _shared import WORDS, page_language


def on_page_markdown(markdown, page, config, files):
    extra = config.extra
    page.edit_url = f"{extra['repository']}/edit/{extra['branch']}/docs/{page.file.src_uri}"
    changed = _last_change(Path(page.file.abs_src_path))
    if changed:
        page.meta["revision_date"] = _spelled(changed, page_language(page))
    return markdown


@cache
def _last_change(path: Path) -> date | None:
    """The date of the last commit that changed the file; None outside a git checkout."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path.name], cwd=path.parent,
                                capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return date.fromisoformat(result.stdout.strip()) if result.stdout.strip() else None


def _spelled(day: date, lang: str) -> str:
    month = WORDS[lang]["months"][day.month - 1]
    return f"{day.day} {month} {day.year}"
