"""An authority page prints as a committee paper: content kept, site chrome dropped."""

from __future__ import annotations

import re

import pytest

PRINTED = [
    (".timeline", "timeline"),
    (".timeline time[datetime]", "timeline dates"),
    (".checklist", "recommendation checklist"),
    (".checklist__status .tag", "recommendation statuses"),
    (".plan", "improvement plan"),
    ("#sources", "sources"),
    ("main h1", "title"),
]
HIDDEN = [
    (".header", "site header"),
    (".header__nav", "site navigation"),
    (".skip-link", "skip link"),
    (".breadcrumbs", "breadcrumbs"),
]


@pytest.mark.parametrize(
    "where",
    [("content", "authorities/worcestershire/"), ("fixture", "authorities/north-fixtureshire/")],
    ids=lambda w: f"{w[0]}:{w[1].rstrip('/')}",
)
def test_authority_page_prints_its_content_without_the_site_chrome(where, sites, page, open_page):
    site, path = where
    open_page(page, sites[site], path)
    page.emulate_media(media="print")
    printed = PRINTED + (
        [(".plan .action", "plan actions"), (".plan .action__status .tag", "action statuses")]
        if site == "fixture"
        else []
    )  # the real plans have no actions recorded yet
    for selector, what in printed:
        locator = page.locator(selector).first
        assert locator.count() and locator.is_visible(), f"the {what} ({selector}) is not printed"
        display = locator.evaluate("el => getComputedStyle(el).display")
        assert display != "none", f"the {what} ({selector}) is display: {display} in print"
    empty = page.locator(".tag").evaluate_all("tags => tags.filter(t => !t.textContent.trim()).length")
    assert empty == 0, "a printed status tag has no text"
    for selector, what in HIDDEN:
        assert page.locator(selector).count(), f"no {what} ({selector}) on the page to hide"
        assert page.locator(selector).is_hidden(), f"the {what} ({selector}) is printed"

    if site == "content":  # one PDF is enough
        pdf = page.pdf(format="A4")
        assert len(pdf) > 0 and pdf.startswith(b"%PDF")
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pages > 1, f"the printed authority page is {pages} page(s) long"


def test_screen_shows_the_chrome_that_print_hides(sites, page, open_page):
    open_page(page, sites["content"], "authorities/worcestershire/")
    for selector, what in HIDDEN[:2]:
        assert page.locator(selector).is_visible(), f"the {what} is hidden on screen"
