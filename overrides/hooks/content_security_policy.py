"""A Content-Security-Policy on every page, as a <meta> (GitHub Pages sets no headers).

Whatever an edit slips past the checks, the reader's browser runs no script and loads nothing
that the site did not ship: scripts only from the site's own folder of scripts, plus the theme's
small inline scripts, allowed by their SHA-256 (computed here, for each page, from the very
partials that render them; no 'unsafe-inline'); images, styles, fonts and requests only from the
site; no plugins, no <base>, no form submissions, no frames. Every source is the site's own path
(site_url), not its origin: on github.io, the origin is every project of the same owner, and
'self' would let another project's script run here. A `frame-ancestors` or `report-uri` would be
ignored in a <meta>, so there are none.
"""

from __future__ import annotations

import base64
import hashlib
import re

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

HOOK = "overrides/hooks/content_security_policy.py"
# {site} is site_url: each source a path of the site (a source ending in / matches what is below it).
POLICY = {
    "default-src": "'none'",
    "script-src": "{site}assets/javascripts/",
    "style-src": "{site}assets/stylesheets/",
    "img-src": "{site} data:",  # Material's icons are data: URLs in its stylesheet
    "font-src": "{site}",
    "connect-src": "{site}",  # the search index, the sitemap
    "worker-src": "{site}assets/javascripts/workers/",  # Material's search worker
    "manifest-src": "{site}",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'none'",
    "frame-src": "'none'",
}
# The partials of the theme's inline scripts: Material's storage helpers, its anchor handling,
# and the palette's first paint.
INLINE_SCRIPTS = ("partials/javascripts/base.html", "partials/javascripts/content.html",
                  "partials/javascripts/palette.html")
SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    # The environment the pages are rendered with, carried by the theme it belongs to: the
    # partials are rendered with it, in each page's context, to hash their scripts.
    config.theme.dp_env = env
    return env


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    context["dp_csp"] = policy(context, config.theme.dp_env)
    return context


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    if template_name.endswith(".html"):
        context["dp_csp"] = policy(context, config.theme.dp_env)
    return context


def policy(context: dict, env: Environment) -> str:
    site = context["config"].site_url
    directives = {name: value.replace("{site}", site) for name, value in POLICY.items()}
    directives["script-src"] += "".join(f" '{digest}'" for digest in inline_script_hashes(context, env))
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def inline_script_hashes(context: dict, env: Environment) -> list[str]:
    """The CSP source of each inline script of the theme, rendered as it will be on this page."""
    hashes = []
    for name in INLINE_SCRIPTS:
        scripts = SCRIPT.findall(env.get_template(name).render(context))
        if not scripts:
            raise PluginError(f"{HOOK}: no <script> in {name}: the policy allows the theme's inline "
                              "scripts by their hash; check what the theme renders now")
        hashes += [csp_hash(script) for script in scripts]
    return hashes


def csp_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
