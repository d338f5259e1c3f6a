"""A Content-Security-Policy on every page, as a <meta> (GitHub Pages sets no headers).

Whatever an edit slips past the checks, the reader's browser runs no script and loads nothing
that the site did not ship: scripts only from the site's own files, plus the theme's two small
inline scripts, allowed by their SHA-256 (computed here, for each page, from the very partials
that render them; no 'unsafe-inline'); images, styles, fonts and requests only from the site;
no plugins, no <base>, no form submissions, no frames. A `frame-ancestors` or `report-uri` would
be ignored in a <meta>, so there are none.
"""

from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.exceptions import PluginError

HOOK = "overrides/hooks/content_security_policy.py"
POLICY = {
    "default-src": "'none'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",  # Material's icons are data: URLs in its stylesheet
    "font-src": "'self'",
    "connect-src": "'self'",  # the search index, the sitemap
    "worker-src": "'self'",  # Material's search worker
    "manifest-src": "'self'",
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
_env = {}


def on_env(env, config, files):
    _env["env"] = env
    return env


def on_page_context(context, page, config, nav):
    context["dp_csp"] = policy(context)
    return context


def on_template_context(context, template_name, config):
    if template_name.endswith(".html"):
        context["dp_csp"] = policy(context)
    return context


def policy(context) -> str:
    directives = dict(POLICY)
    directives["script-src"] += "".join(f" '{digest}'" for digest in inline_script_hashes(context))
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def inline_script_hashes(context) -> list[str]:
    """The CSP source of each inline script of the theme, rendered as it will be on this page."""
    hashes = []
    for name in INLINE_SCRIPTS:
        scripts = SCRIPT.findall(_env["env"].get_template(name).render(context))
        if not scripts:
            raise PluginError(f"{HOOK}: no <script> in {name}: the policy allows the theme's inline "
                              "scripts by their hash; check what the theme renders now")
        hashes += [csp_hash(script) for script in scripts]
    return hashes


def csp_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
