"""A budget of time for each page's Markdown: what makes Python-Markdown crawl (it can take
minutes on a page inside every size limit, dense with escapes or nesting) ends the build with
the page named, rather than stalling it. The input checks bound what they can count; this bounds
the rest, by the clock, per page: the build reports `Error reading page 'x.md'`, which the
checker turns into a finding at that page."""

from __future__ import annotations

import signal
import threading

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

SECONDS = 20  # the real pages take a few milliseconds each


class PageTooSlow(Exception):
    pass


def _expired(signum, frame):
    raise PageTooSlow(f"Markdown took over {SECONDS} s on this page: look for what was pasted into it last")


def _timing() -> bool:
    """Signals reach the main thread only (mkdocs serve builds there too)."""
    return threading.current_thread() is threading.main_thread()


# First of the page's events (static-i18n's runs at 50): the budget covers every hook and Markdown.
@event_priority(100)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _timing():
        signal.signal(signal.SIGALRM, _expired)
        signal.setitimer(signal.ITIMER_REAL, SECONDS)
    return markdown


@event_priority(-300)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _timing():
        signal.setitimer(signal.ITIMER_REAL, 0)
    return html
