"""The built site on 127.0.0.1, and the browser that reads it: shared by the browser tests and
the audit, so that both measure the same thing.

The site is built with site_url set to the local address, so that its absolute links (canonical,
hreflang) stay on the machine, and served by a small threaded server in this process.
"""

from __future__ import annotations

import functools
import gzip
import io
import os
import shutil
import socket
import sys
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from scripts import build as builder
from scripts.check.site_config import read_config, site_languages

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Keep Chromium off the network: no background services, no component or policy updates.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# axe-core's WCAG 2.0, 2.1 and 2.2 rules at levels A and AA: the tests and the audit run all of
# them, none disabled; only violations are collected (computing every pass takes as long again).
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]},
               "resultTypes": ["violations"]}
INSTALL_HINT = "install Debian's Chromium: sudo apt-get install chromium"


def chromium_available() -> bool:
    return shutil.which(CHROMIUM) is not None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_for(url: str, site_dir: Path) -> None:
    built = builder.build(ROOT, site_dir, url)
    if built.returncode != 0:
        raise RuntimeError(f"the site does not build for {url}:\n{built.output}")


class _Handler(SimpleHTTPRequestHandler):
    """Serves files as GitHub Pages does, for what the audit weighs: text compressed with gzip
    when the browser accepts it, and kept in a browser's cache for ten minutes (GitHub Pages'
    Cache-Control: max-age=600); and quietly. Each file is compressed once, not on every request
    (again once it changes)."""

    COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
    CACHE_CONTROL = "max-age=600"
    _gzipped: dict[str, tuple[tuple[int, int], bytes]] = {}  # by path: its (mtime, size) and its gzip
    _gzipping = threading.Lock()

    def send_head(self):
        path = self.translate_path(self.path)
        if (os.path.isfile(path) and path.endswith(self.COMPRESSED)
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            body = self._gzip(path)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()

    @classmethod
    def _gzip(cls, path: str) -> bytes:
        stat = os.stat(path)
        version = (stat.st_mtime_ns, stat.st_size)
        with cls._gzipping:
            known = cls._gzipped.get(path)
            if known is None or known[0] != version:
                with open(path, "rb") as file:
                    known = cls._gzipped[path] = (version, gzip.compress(file.read(), compresslevel=6))
        return known[1]

    def end_headers(self):
        self.send_header("Cache-Control", self.CACHE_CONTROL)
        super().end_headers()

    def log_message(self, format, *args):
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that closes a page mid-download is not an error of the site: say nothing."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def served(site_dir: Path, port: int):
    """Serve a built site on http://127.0.0.1:port/ for the duration of the block."""
    handler = functools.partial(_Handler, directory=str(site_dir))
    server = _Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


def page_paths(site_dir: Path) -> list[str]:
    """Every content page of every language, as paths below the site root."""
    languages = site_languages(read_config(ROOT))
    folders = [site_dir] + [site_dir / lang for lang in languages[1:]]
    pages = [page for folder in folders for page in sorted(folder.glob("*.html"))]
    return [page.relative_to(site_dir).as_posix() for page in pages if page.name != "404.html"]


def axe_context(browser, **options):
    """A browser context whose every page carries axe-core (the copy bundled with
    axe-playwright-python), injected before the page's own scripts run."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(**options)
    context.add_init_script(Axe().axe_script)
    return context


def axe_violations(page) -> list[dict]:
    """The WCAG A and AA violations axe finds on the page as it is now."""
    return page.evaluate("options => axe.run(document, options).then(result => result.violations)", AXE_OPTIONS)
