"""An authority page prints as a committee paper: the summary, what Ofsted asked for and
the current plan's table, in about two A4 pages, each numbered and headed with the
authority's name, the first saying what the paper is and where the full record is; the
record, the site's chrome and everything else stay on screen. Every other page's first
sheet says what it is too."""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest

PRINTED = [
    ("main h1", "title"),
    ("#summary .card", "summary"),
    ("#summary .card__grade .tag", "latest grade"),
    ("#asked", "what Ofsted asked for"),
    (".print-note", "address of the full record"),
    ("#summary .card--lead .print-only", "address of the report graded"),
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
    ("section[aria-labelledby=neighbours] figure", "chart of the statistical neighbours"),
    (".footer", "footer"),
]


def sheets(pdf: bytes) -> list[str]:
    """The text of each printed sheet, with its lines joined by spaces."""
    document = pdfium.PdfDocument(pdf)
    try:
        # PDFium marks a hyphen where a line wrapped as U+FFFE.
        texts = [document[i].get_textpage().get_text_range().replace("\ufffe", "-") for i in range(len(document))]
        return [" ".join(text.split()) for text in texts]
    finally:
        document.close()


@pytest.mark.parametrize(
    "where",
    [("cases", "authorities/worcestershire/"), ("fixture", "authorities/north-fixtureshire/")],
    ids=lambda w: f"{w[0]}:{w[1].rstrip('/')}",
)
def test_authority_page_prints_as_a_committee_paper(where, sites, page, open_page):
    site, path = where
    open_page(page, sites[site], path)
    page.emulate_media(media="print")
    printed = PRINTED + (
        [
            ("#plans", "improvement plan heading"),
            ("#plan-sip table", "plan table"),
            ("#plan-sip td:nth-child(5) .tag", "action statuses"),
            (".checklist > li > .tag", "recommendation statuses"),
        ]
        if site == "fixture"
        # The real plans answer earlier inspections: the summary says none is recorded for the
        # latest, and the plan section, which would say only that, stays on screen.
        else [
            ("#summary .card:has(.card__label:text-is('Improvement plan'))", "no plan recorded"),
            ("#summary .report__judgements td .tag", "every judgement of the latest inspection"),
            ("#summary .card__clamp", "the latest visit's focus"),
            (".table--neighbours tbody tr", "statistical neighbours, which committee papers compare with"),
        ]
    )
    for selector, what in printed:
        locator = page.locator(selector).first
        assert locator.count() and locator.is_visible(), f"the {what} ({selector}) is not printed"
    empty = page.locator(".tag").evaluate_all(
        "tags => tags.filter(t => t.checkVisibility() && !t.textContent.trim()).length"
    )
    assert empty == 0, "a printed status tag has no text"
    if site == "cases":
        assert page.locator("section[aria-labelledby=plans]").is_hidden(), "a plan section saying only 'no plan'"
    for selector, what in HIDDEN:
        assert page.locator(selector).count(), f"no {what} ({selector}) on the page to hide"
        assert page.locator(selector).first.is_hidden(), f"the {what} ({selector}) is printed"
    printed_sheets = sheets(page.pdf(format="A4"))
    count = len(printed_sheets)
    # Three sheets at most: the record, its neighbours and where its sources disagree, then
    # the points asked for and the plan (Worcestershire's sources disagree twice).
    assert 1 <= count <= 3, f"the printed page is {count} A4 pages long"
    first = printed_sheets[0]
    assert first.index("the position as of") < first.index("Latest full inspection"), (
        "the first sheet does not say what it is"
    )
    # The address may wrap where the sheet's text is read: compare it without spaces.
    assert path in first.split("The full record: ")[1].replace(" ", ""), "the first sheet does not give the address"
    name = page.locator("main h1").inner_text()
    for number, text in enumerate(printed_sheets, 1):
        assert f"Page {number} of {count}" in text, f"sheet {number} is not numbered"
        # A sheet copied alone for a committee still cites its source and the terms of its reuse.
        assert "Drawn from Ofsted's reports and the other sources cited; Open Government Licence v3.0" in text, (
            f"sheet {number}"
        )
        # A loose sheet names its authority: its margin's first words are the name.
        assert text.startswith(name) or f"of {count} {name}" in text, f"sheet {number} does not name {name}"


def test_screen_shows_the_chrome_that_print_hides(sites, page, open_page):
    open_page(page, sites["cases"], "authorities/worcestershire/")
    for selector, what in HIDDEN[:2] + HIDDEN[6:9]:
        assert page.locator(selector).first.is_visible(), f"the {what} is hidden on screen"


def test_the_latest_visits_focus_is_shortened_on_screen_and_whole_in_print(sites, page, open_page):
    open_page(page, sites["cases"], "authorities/worcestershire/")
    focus = page.locator("#summary .card__clamp")
    clipped = "el => el.scrollHeight > el.clientHeight + 1"
    assert focus.evaluate(clipped), "the focus is not shortened on screen"
    page.emulate_media(media="print")
    assert not focus.evaluate(clipped), "the printed focus is cut short"


def test_every_judgement_of_the_latest_inspection_is_printed_in_the_summary_only(sites, page, open_page):
    open_page(page, sites["cases"], "authorities/worcestershire/")
    table = page.locator("#summary .report__judgements")
    assert table.count() == 1 and table.is_hidden(), "the summary's judgements table shows on screen"
    page.emulate_media(media="print")
    assert table.is_visible()
    assert table.locator("tbody tr").count() == 5  # overall effectiveness and the four judgements under it


@pytest.mark.parametrize("path", ["", "analysis/", "grades/inadequate/", "frameworks/", "about/"])
def test_every_page_says_on_paper_what_it_is_and_where_it_is_online(sites, page, open_page, path):
    open_page(page, sites["content"], path)
    page.emulate_media(media="print")
    note = page.locator("main .print-note")
    assert note.count() == 1 and note.is_visible(), "no print note"
    first = page.locator("main > :visible").first
    assert first.evaluate("el => el.classList.contains('print-note')"), "the print note is not first on the page"
    assert "the position as of" in note.inner_text() and f"Online: {canonical(page)}" in note.inner_text()
    # A committee paper cites its source and the terms it may be copied under.
    assert (
        "Drawn from Ofsted's reports and the other sources cited; available under the Open Government Licence v3.0"
        in (note.inner_text())
    )
    page.emulate_media(media="screen")
    assert note.is_hidden(), "the print note shows on screen"


def canonical(page) -> str:
    return page.locator("link[rel=canonical]").get_attribute("href")


# Words that only direct a reader on screen, by the page that has them.
SCREEN_WORDS = {
    "": [
        "List them",
        "What the grades mean",
        "The table below gives every quarter.",
        "Each links to the authority's page.",
    ],
    "analysis/": ["What the grades mean"],
    "grades/inadequate/": ["Every authority, with its latest judgement", "What the grades mean"],
    "authorities/worcestershire/": [
        "What the grades mean",
        "See what Ofsted asked for",
        "History of who delivered the services",
    ],
}


@pytest.mark.parametrize("path", sorted(SCREEN_WORDS))
def test_words_that_only_direct_a_reader_on_screen_are_not_printed(sites, page, open_page, path):
    open_page(page, sites["cases"], path)
    for words in SCREEN_WORDS[path]:
        shown = page.locator("main").get_by_text(words, exact=True)
        assert shown.count() and shown.first.is_visible(), f"{words!r} is not on the screen"
    page.emulate_media(media="print")
    for words in SCREEN_WORDS[path]:
        printed = page.locator("main").get_by_text(words, exact=True).filter(visible=True)
        assert printed.count() == 0, f"{words!r} is printed"


def test_the_overview_table_names_its_columns_on_every_sheet(sites, page, open_page):
    open_page(page, sites["content"], "")
    # Four columns, and two more once any authority has a plan: the content decides.
    assert page.locator("#authority-table th button").count() >= 4, "the sort buttons are not there to test with"
    page.emulate_media(media="print")  # page.pdf() prints with the media emulated: the fixture's is the screen
    columns = " ".join(page.locator("#authority-table thead th").all_inner_texts()).split()
    assert columns[:5] == ["Authority", "Region", "Latest", "judgement", "Inspection"], columns
    printed = sheets(page.pdf(format="A4"))
    start = next(i for i, text in enumerate(printed) if "authorities, by place name" in text)
    assert len(printed) - start >= 3, "the table is too short to test"
    for number, text in enumerate(printed[start:], start + 1):
        assert " ".join(columns) in " ".join(text.split()), f"sheet {number} does not name the columns"


def test_the_keys_print_in_the_colours_of_their_charts(sites, page, open_page):
    open_page(page, sites["content"], "")
    page.emulate_media(media="print")
    swatches = page.locator(".legend__swatch")
    assert swatches.count() >= 10
    kept = swatches.evaluate_all("els => els.every(el => getComputedStyle(el).printColorAdjust === 'exact')")
    assert kept, "a key's colours would be left off the printed page, while its chart's are printed"


@pytest.mark.parametrize(
    ("site", "slug", "printed"), [("fixture", "old-fixtureshire", False), ("fixture", "north-fixtureshire", True)]
)
def test_statuses_are_explained_on_paper_only_where_a_printed_point_has_one(
    site, slug, printed, sites, page, open_page
):
    # Old Fixtureshire's plan answers an earlier inspection, whose points are folded away and
    # not printed: a printed sheet explaining statuses it does not show would puzzle a reader.
    open_page(page, sites[site], f"authorities/{slug}/")
    # The page explains the statuses it shows, whichever they are.
    explained = page.locator("section[aria-labelledby=asked] > p").first.get_by_text(re.compile("” means"))
    assert explained.is_visible()
    page.emulate_media(media="print")
    assert explained.is_visible() == printed
    assert page.locator(".checklist > li > .tag").first.is_visible() == printed


def test_grades_that_print_as_the_same_grey_are_hatched_on_paper(sites, page, open_page):
    # Requires improvement prints like good, and inadequate like outstanding: on paper their
    # bands are hatched, and so are their keys; on screen the colours alone tell them apart.
    open_page(page, sites["content"], "")
    hatched = page.locator("svg.chart .hatched")
    keys = page.locator("#change").locator("xpath=ancestor::section").locator(".legend__swatch")
    images = "els => els.map(el => getComputedStyle(el).backgroundImage !== 'none')"
    assert hatched.count() > 0 and not hatched.first.is_visible()
    assert keys.evaluate_all(images) == [False] * 6
    page.emulate_media(media="print")
    assert hatched.first.is_visible()
    assert keys.evaluate_all(images) == [False, False, True, True, False, False]
    bands = set(hatched.evaluate_all("els => els.map(el => el.previousElementSibling.getAttribute('class'))"))
    assert bands == {"p2", "p3"}
    # The map's hexagons are not hatched, and nor is its key.
    assert not any(page.locator(".map-layout .legend__swatch").evaluate_all(images))


@pytest.mark.parametrize("slug", ["slough", "warwickshire", "worcestershire", "blackburn-with-darwen"])
def test_what_ofsted_asked_for_starts_on_the_sheet_of_its_first_point(slug, sites, page, open_page):
    # These pages once ended a sheet with the section's heading, its introduction cut in
    # two, or the heading of an inspection's points, and began the next with the points.
    open_page(page, sites["cases"], f"authorities/{slug}/")
    page.emulate_media(media="print")
    point = " ".join(page.locator("section[aria-labelledby=asked] .checklist > li").first.inner_text().split()[:8])
    printed = sheets(page.pdf(format="A4"))
    heading = next(sheet for sheet in printed if "What Ofsted asked for Each point" in sheet)
    assert point in heading.split("What Ofsted asked for Each point", 1)[1], (
        f"the heading is printed on one sheet and the first point ({point}...) on the next"
    )


def test_a_printed_tables_caption_is_on_the_sheet_of_its_first_row(sites, page, open_page):
    # Warwickshire's list of inspections once left its caption and head at the foot of the
    # first sheet, and its rows on the next.
    open_page(page, sites["cases"], "authorities/warwickshire/")
    page.emulate_media(media="print")
    history = page.locator(".report__history")
    caption = history.locator("caption").inner_text()
    first = " ".join(history.locator("tbody tr").first.inner_text().split()[:4])
    printed = sheets(page.pdf(format="A4"))
    sheet = next(sheet for sheet in printed if caption in sheet)
    assert first in sheet.split(caption, 1)[1], f"{caption!r} is printed on one sheet and its first row on the next"
    # The latest report is printed with its address, named; the news articles also cited
    # for it are not (their addresses made the card a third of the sheet).
    assert "Source: Ofsted, " in printed[0] and "files.ofsted.gov.uk" in printed[0].replace(" ", "")


def test_the_summary_cards_print_at_equal_widths(sites, page, open_page):
    # Worcestershire's lead card cites long web addresses, which once widened it to most
    # of the sheet and squeezed the others to a few words a line.
    open_page(page, sites["cases"], "authorities/worcestershire/")
    page.set_viewport_size({"width": 680, "height": 960})  # an A4 sheet's width inside its margins
    page.emulate_media(media="print")
    widths = page.locator("#summary .card").evaluate_all("cards => cards.map(c => c.getBoundingClientRect().width)")
    assert len(widths) >= 3 and max(widths) - min(widths) < 1, f"card widths {widths}"


def test_the_overview_prints_its_counts_and_map_on_the_first_sheet(sites, page, open_page):
    # The map once went to a sheet of its own, leaving half of the first one blank.
    open_page(page, sites["content"], "")
    page.emulate_media(media="print")
    first = sheets(page.pdf(format="A4"))[0]
    assert "Latest headline judgement" in first
    assert "authorities, one hexagon each, roughly where they are" in first, "the map is not on the first sheet"


def test_the_numbers_behind_the_quarterly_chart_are_printed(sites, page, open_page):
    # On paper the chart's colours may not tell the grades apart, and the table that gives
    # its numbers is in a disclosure no one can open there.
    open_page(page, sites["content"], "")
    table = page.locator("#quarters-caption").locator("xpath=..")
    assert table.is_hidden(), "the quarterly table is open on screen"
    page.emulate_media(media="print")
    assert table.is_visible(), "the quarterly table is not printed"
    assert page.get_by_text("The numbers for every quarter", exact=True).is_hidden(), "its summary is printed"
    printed = sheets(page.pdf(format="A4"))
    latest = table.locator("tbody th").first.inner_text()
    assert any(f"{latest} " in sheet for sheet in printed), f"the row for {latest} is not on paper"


def test_where_a_reader_is_sent_to_the_report_its_address_is_printed(sites, page, open_page):
    # Thurrock's page lists none of its latest report's points: its checklist sends readers
    # to the report, which on paper must say where that is. (The summary's first card gives
    # the address as its source, beside the card's own "Read the report".)
    open_page(page, sites["cases"], "authorities/thurrock/")
    link = page.locator("section[aria-labelledby=asked] p", has_text="not listed here yet").locator("a.print-href")
    assert link.count() == 1, "the checklist no longer sends readers to the report: choose another page"
    page.emulate_media(media="print")
    # The address may wrap where the sheet's text is read: compare without spaces.
    printed = "".join(sheets(page.pdf(format="A4"))).replace(" ", "")
    words, address = link.inner_text(), link.get_attribute("href")
    assert f"{words}at{address}".replace(" ", "") in printed, f"{words!r} is printed without its address"
    sourced = re.search(rf"Source:Ofsted,[^:]*,{re.escape(address)}", printed)
    assert sourced, "the first card does not give the report's address"
    # So does each section of points printed, for the report they come from: they are Ofsted's.
    open_page(page, sites["cases"], "authorities/worcestershire/")
    page.emulate_media(media="print")
    printed = "".join(sheets(page.pdf(format="A4"))).replace(" ", "")
    shown = page.locator("section[aria-labelledby=asked] a.print-href:visible")
    assert shown.count() >= 1, "no section of points on the printed page names its report"
    for k in range(shown.count()):
        words, address = shown.nth(k).inner_text(), shown.nth(k).get_attribute("href")
        assert f"{words}at{address}".replace(" ", "") in printed, f"{words!r} is printed without its address"


def test_the_neighbours_print_where_their_lead_in_is_not_on_a_sheet_of_their_own(sites, page, open_page):
    # Kept whole as one table, ten neighbours (one of them with four judgements, Middlesbrough)
    # went to a third sheet and left half the second blank: Nottingham printed on four.
    open_page(page, sites["content"], "authorities/nottingham/")
    page.emulate_media(media="print")
    first = page.locator(".table--neighbours tbody tr th").first.inner_text()
    printed = sheets(page.pdf(format="A4"))
    [lead_in] = [n for n, text in enumerate(printed) if "Statistical neighbours, closest first" in text]
    # Numbered, since in two columns on a sheet, closest first reads down, not across.
    assert f"1. {first}" in printed[lead_in].split("Statistical neighbours, closest first")[1]
    assert len(printed) <= 3, f"{len(printed)} sheets"
    # A neighbour of four judgements is kept whole in its column, not split across two.
    tall = page.locator(".table--neighbours tbody tr").evaluate_all(
        "rows => rows.map(r => getComputedStyle(r).breakInside)"
    )
    assert set(tall) == {"avoid"}
