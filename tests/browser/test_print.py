"""An authority page prints as a committee paper: the summary, what Ofsted asked for and
the current plan's table, in about two A4 pages; the record, the site's chrome and
everything else stay on screen."""

from __future__ import annotations

import re

import pytest

PRINTED = [
    ("main h1", "title"),
    ("#summary .card", "summary"),
    ("#summary .card__grade .tag", "latest grade"),
    ("#asked", "what Ofsted asked for"),
    ("#plans", "improvement plan heading"),
    (".print-only", "address of the full record"),
]
HIDDEN = [
    (".header", "site header"),
    (".header__nav", "site navigation"),
    (".skip-link", "skip link"),
    (".breadcrumbs", "breadcrumbs"),
    (".contents", "contents"),
    (".section-link", "section links"),
    ("section[aria-labelledby=inspections]", "inspection record"),
    ("section[aria-labelledby=timeline]", "timeline"),
    ("section[aria-labelledby=sources]", "sources"),
    ("section[aria-labelledby=history]", "judgements over time"),
    (".footer", "footer"),
]


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize(
    "where",
    [("content", "authorities/worcestershire/"), ("fixture", "authorities/north-fixtureshire/")],
    ids=lambda w: f"{w[0]}:{w[1].rstrip('/')}",
)
def test_authority_page_prints_as_a_committee_paper(where, sites, page, open_page):
    site, path = where
    open_page(page, sites[site], path)
    page.emulate_media(media="print")
    printed = PRINTED + (
        [
            ("#plan-sip table", "plan table"),
            ("#plan-sip td:nth-child(5) .tag", "action statuses"),
            (".checklist > li > .tag", "recommendation statuses"),
        ]
        if site == "fixture"
        # The real plans answer earlier inspections: the page says none is recorded for the latest.
        else [("section[aria-labelledby=plans] .notice", "no plan recorded")]
    )
    for selector, what in printed:
        locator = page.locator(selector).first
        assert locator.count() and locator.is_visible(), f"the {what} ({selector}) is not printed"
    empty = page.locator(".tag").evaluate_all(
        "tags => tags.filter(t => t.checkVisibility() && !t.textContent.trim()).length"
    )
    assert empty == 0, "a printed status tag has no text"
    for selector, what in HIDDEN:
        assert page.locator(selector).count(), f"no {what} ({selector}) on the page to hide"
        assert page.locator(selector).first.is_hidden(), f"the {what} ({selector}) is printed"
    pages = pdf_pages(page.pdf(format="A4"))
    assert 1 <= pages <= 2, f"the printed page is {pages} A4 pages long"


def test_screen_shows_the_chrome_that_print_hides(sites, page, open_page):
    open_page(page, sites["content"], "authorities/worcestershire/")
    for selector, what in HIDDEN[:2] + HIDDEN[6:9]:
        assert page.locator(selector).first.is_visible(), f"the {what} is hidden on screen"
