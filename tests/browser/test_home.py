"""The home page's first screen, as a reader gets it on a phone and on a desktop, in each language:
who met, where and when; the five strands, a line each, each leading to its page; where things
stand, in one sentence leading to where it is explained; and the two ways in, the text and the
strands. "On the first screen": the whole of it inside the window before any scroll, not under
the header."""

from __future__ import annotations

import pytest

from reader import every_case, phone

SCREENS = {"phone": phone, "desktop": lambda tab: tab(viewport={"width": 1280, "height": 800})}
# What the first screen says of the meeting, in each language's words.
HOMES = {"index.html": ("6 janvier 2026", "à Paris", "Coalition des volontaires", "aux côtés de l’Ukraine et des États"),
         "en/index.html": ("6 January 2026", "in Paris", "Coalition of the Willing", "together with Ukraine and the United States")}
STRANDS = [f"strand-{number}.html" for number in range(1, 6)]
# Where the element is, and what is shown of the window below Material's fixed header.
ON_SCREEN = """element => {
    const box = element.getBoundingClientRect();
    const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
    return box.width > 0 && box.height > 0 && box.top >= header && box.bottom <= window.innerHeight;
}"""


def _links_on_screen(page, folder: str) -> dict[str, str]:
    """The address (within the site's folder for the language) and text of every link of the
    article that is wholly on the first screen."""
    found = {}
    for link in page.locator("article a[href]").all():
        if link.evaluate(ON_SCREEN):
            found.setdefault(link.evaluate("a => a.href").removeprefix(folder).split("#")[0], link.inner_text())
    return found


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_first_screen_says_who_met_the_five_strands_where_things_stand_and_the_ways_in(tab, served_site, screen):
    page = SCREENS[screen](tab)

    def check(path):
        page.goto(served_site.url + path)
        folder = served_site.url + path.removesuffix("index.html")
        title = page.locator("article h1")
        assert title.evaluate(ON_SCREEN), "the title is not on the first screen"
        lead = page.locator("article h1 + p")
        assert lead.evaluate(ON_SCREEN), "the lead is not wholly on the first screen"
        assert all(words in lead.inner_text() for words in HOMES[path]), lead.inner_text()
        links = _links_on_screen(page, folder)
        missing = [strand for strand in STRANDS if strand not in links]
        assert not missing, f"strands not on the first screen: {missing}"
        assert all(links[strand].startswith(("Volet", "Strand")) for strand in STRANDS), links
        # where things stand: its sentence, dated, and the link to the page that explains it
        status = page.locator("article p", has=page.locator("a[href='status.html']"))
        assert status.evaluate(ON_SCREEN), "the status is not on the first screen"
        assert "cessez-le-feu" in status.inner_text() or "ceasefire" in status.inner_text()
        assert status.locator(".dp-as-of").is_visible()
        # the two ways in: the full text and the strands
        assert "text.html" in links and "status.html" in links

    every_case(list(HOMES), check)
