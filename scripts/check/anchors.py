"""Check anchors: every anchor the site has published (passages, sentences, explainer headings,
glossary entries) is recorded in declaration/anchors.yml, and stays: a permanent link is
permanent. An anchor that disappears fails, with what to do: restore the ID, or record where it
now points (`moved:`), and the build keeps the old one working. A new anchor fails until
recorded: `make anchors` records it.
"""

from __future__ import annotations

import declaration

from .findings import Finding

CHECK = "anchors"
ANCHORS = f"declaration/{declaration.ANCHORS_FILE}"
UNRECORDED = ("changes",)  # its anchors are days and commits, from the history


def published(site, lang: str, slug: str) -> set[str]:
    """The anchors of a built page that the site promises to keep."""
    content = site.content(lang, slug)
    if content is None:
        return set()
    found = set()
    for element in content.iter(lambda element: "id" in element.attrs):
        classes = element.classes()
        if element.tag in ("h2", "h3", "h4", "h5", "h6") or "dp-row" in classes or (
                element.tag == "span" and element.parent is not None and "dp-original" in element.parent.classes()):
            found.add(element.attrs["id"])
    return found


def check_site(sources, site) -> list[Finding]:
    try:
        anchors = declaration.load_anchors(sources.root / "declaration")
    except declaration.DeclarationError as error:
        return [Finding(ANCHORS, problem.line, CHECK, problem.message, problem.fix) for problem in error.problems]
    gone, kept_not, unrecorded = {}, {}, {}  # what is wrong → the languages it is wrong in
    for lang, pages in site.pages.items():
        for slug in pages:
            if slug in UNRECORDED:
                continue
            built = published(site, lang, slug)
            ids = site.ids(pages[slug].relative_to(site.root).as_posix())
            recorded = anchors.pages.get(slug, {})
            new = tuple(sorted(built - set(recorded)))
            for anchor, line in recorded.items():
                if anchor not in built and (slug, anchor) not in anchors.moved:
                    gone.setdefault((slug, anchor, line, new), []).append(lang)
            for (page, old), (target, line) in anchors.moved.items():
                if page == slug and old not in ids:
                    kept_not.setdefault((slug, old, line, target), []).append(lang)
            if new:
                unrecorded.setdefault((slug, new), []).append(lang)
    findings = []
    for (slug, anchor, line, new), langs in gone.items():
        # The id that replaced it, when the page gained exactly one: most likely a rename.
        target = new[0] if len(new) == 1 else "the-new-id"
        findings.append(Finding(ANCHORS, line, CHECK, f"{slug}.html#{anchor} ({', '.join(langs)}) was published and "
                                "is gone: links to it break", f"restore the id, or record where it now points "
                                f"under moved: ({slug}#{anchor}: {slug}#{target})"))
    for (slug, old, line, target), langs in kept_not.items():
        findings.append(Finding(ANCHORS, line, CHECK, f"{slug}.html#{old} ({', '.join(langs)}) is recorded as moved, "
                                "but the build did not keep it", f"check that #{target} exists on the page"))
    for (slug, new), langs in unrecorded.items():
        findings.append(Finding(ANCHORS, anchors.line, CHECK, f"{slug}.html ({', '.join(langs)}) publishes anchors no "
                                f"record holds: {', '.join(new[:5])}{' …' if len(new) > 5 else ''}",
                                f"add them under `  {slug}:` in {ANCHORS} (`make anchors` does it): "
                                "once published, they stay"))
    return findings


def record(sources, site) -> str:
    """anchors.yml with every anchor of the built site added to what it recorded."""
    anchors = declaration.load_anchors(sources.root / "declaration")
    pages = {slug: dict.fromkeys(recorded) for slug, recorded in anchors.pages.items()}
    for lang, built_pages in site.pages.items():
        for slug in built_pages:
            if slug not in UNRECORDED:
                pages.setdefault(slug, {}).update(dict.fromkeys(sorted(published(site, lang, slug) - set(pages.get(slug, {})))))
    lines = ["# Every anchor the site has published, by page (the same in every language): a permanent link",
             "# stays permanent. `make check` fails when one disappears; `make anchors` records new ones. To",
             "# rename or retire one, record where it now points, on its page, under moved: (the build then",
             "# keeps the old anchor working):  strand-3#left-open: strand-3#not-specified",
             "pages:"]
    for slug in sorted(pages):
        lines.append(f"  {slug}:")
        lines += [f"    - {anchor}" for anchor in pages[slug]]
    lines.append("moved:" + ("" if anchors.moved else " {}"))
    for (page, old), (new, _) in anchors.moved.items():
        lines.append(f"  {page}#{old}: {page}#{new}")
    return "\n".join(lines) + "\n"
