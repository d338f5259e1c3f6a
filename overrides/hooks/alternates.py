"""Absolute hreflang alternates, with x-default, in the <head> of every page.

static-i18n points each page's alternates at its counterpart in the other language, relative to
the page: right for the language switcher (it works on any host, a pull-request preview
included), wrong for <link rel="alternate" hreflang>, which search engines want absolute and
with an x-default. This hook rewrites those <head> links absolute, from the page's canonical URL
(site_url), and adds x-default: the French page, the source.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.plugins import event_priority

from _shared import DEFAULT_LANGUAGE

HREFLANG_LINK = re.compile(r'<link rel="alternate" href="(?P<href>[^"]+)" hreflang="(?P<lang>[^"]+)">')


def on_post_page(output, page, config):
    links = {}

    def absolute(match: re.Match) -> str:
        links[match["lang"]] = href = urljoin(page.canonical_url, match["href"])
        return f'<link rel="alternate" href="{href}" hreflang="{match["lang"]}">'

    output = HREFLANG_LINK.sub(absolute, output)
    if DEFAULT_LANGUAGE in links:
        x_default = f'<link rel="alternate" href="{links[DEFAULT_LANGUAGE]}" hreflang="x-default">'
        last = list(HREFLANG_LINK.finditer(output))[-1]
        output = output[: last.end()] + x_default + output[last.end():]
    return output


# Material fetches sitemap.xml next to every alternate (to keep the reader on the same page when
# switching language): /en/text.html looks for /en/sitemap.xml. Serve the one sitemap there too.
@event_priority(-200)
def on_post_build(config):
    site = Path(config.site_dir)
    sitemap = site / "sitemap.xml"
    for alternate in config.extra.alternate:
        if alternate["lang"] != DEFAULT_LANGUAGE:
            (site / alternate["lang"]).mkdir(exist_ok=True)
            shutil.copyfile(sitemap, site / alternate["lang"] / "sitemap.xml")
