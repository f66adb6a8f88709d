"""What readers look for first: the report card fits one screen, the map names every
authority and its grade, and every table shows all of itself on a phone."""

from __future__ import annotations

import re

import pytest

from .conftest import FROZEN, MISSING
from .test_keyboard import contrast

HAND_WRITTEN = ["worcestershire", "warwickshire", "shropshire"]


# Devon: the longest grade meaning (inadequate) and a grade held across inspections.
# Middlesbrough: four headline judgements (ILACS from April 2026) and a long "not recorded".
@pytest.mark.parametrize("slug", [*HAND_WRITTEN, "devon", "middlesbrough"])
def test_the_summary_fits_one_1280_by_800_screen(slug, sites, page, open_page):
    assert (FROZEN / f"{slug}.yaml").is_file()  # a case, frozen: not the live file, which an editor may change
    open_page(page, sites["cases"], f"authorities/{slug}/")
    box = page.locator("#summary").bounding_box()
    assert box is not None
    assert box["y"] + box["height"] <= 800, f"the summary ends at {box['y'] + box['height']:.0f}px, below the screen"
    # Everything the summary promises is in it.
    labels = page.locator("#summary .card__label").all_inner_texts()
    assert labels == [
        "Latest full inspection",
        "Before that",
        "Latest visit",
        "What Ofsted asked for",
        "Improvement plan",
        "Services delivered by",
    ]


def test_every_authoritys_report_cards_fit_one_1280_by_800_screen(sites, page, open_page):
    # The answers to a reader's first questions, on every page, whatever its content: the
    # box below them that says what is and is not recorded may run on past the screen's
    # foot where the latest inspection's judgements were graded apart (the card names them).
    site = sites["content"]
    over = []
    for slug in site.slugs:
        open_page(page, site, f"authorities/{slug}/")
        cards = page.evaluate("""() => Math.max(...Array.from(document.querySelectorAll('#summary .card'))
            .map(c => c.getBoundingClientRect().bottom))""")
        record = page.evaluate("() => document.querySelector('#summary .report__record').getBoundingClientRect().top")
        if cards > 800 or record > 800:
            over.append(f"{slug}: cards end at {cards:.0f}px, the record starts at {record:.0f}px")
    assert len(site.slugs) > 100 and not over, "\n".join(over)


def test_the_hex_map_has_a_named_link_for_every_authority(sites, page, open_page):
    site = sites["content"]
    open_page(page, site, "")
    links = page.locator("svg.hexmap a")
    assert links.count() == 153  # the map's hexes: an authority an editor adds waits off it
    hrefs = links.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert len(set(hrefs)) == 153 and set(hrefs) <= {f"./authorities/{slug}/" for slug in site.slugs}
    # The map itself is named, not an unnamed graphic of 153 links.
    assert page.get_by_role("img", name="Map of the authorities, a hexagon each").count() == 1
    # Each link's accessible name, as the browser computes it: the authority and its grade.
    snapshot = page.locator("svg.hexmap").aria_snapshot()
    named = re.findall(r'link "([^"]+)"', snapshot)
    assert len(named) == 153, snapshot[:500]
    grades = ("Outstanding", "Good", "Requires improvement to be good", "Inadequate", "no single overall grade")
    # Without a single grade, the name gives each headline judgement's grade, after the lowest
    # the hexagon is drawn as.
    one = "|".join(grades)
    shape = rf".+: ({one})(, lowest ({one}))?( \(.+: .+\))?"
    assert all(re.fullmatch(shape, name) for name in named), named[:5]
    assert "Worcestershire: Good" in named
    assert page.locator(".map-layout").get_by_text("Open Innovations").count() == 1
    # The hexagon the keyboard is on is named in words just under it (each shows only a letter),
    # within the map: where the eye is, not off the screen below the map. Its name and grade
    # only: the judgements of one with no single grade would cover the map (the link's own
    # name has them). The longest takes three lines of a narrow box near its hexagon (one
    # drawn by its lowest of several grades names that grade: "…, lowest Requires improvement
    # to be good").
    label = page.locator(".map-focus")
    titles = links.locator("title").all_text_contents()
    longest = max(range(len(titles)), key=lambda i: len(titles[i]))
    assert " (" in titles[longest]
    for link, lines in ((links.first, 1), (links.nth(longest), 3)):
        link.focus()
        assert label.inner_text() == link.locator("title").text_content().split(" (")[0]
        hexagon, named, figure = (
            x.evaluate("e => e.getBoundingClientRect().toJSON()")
            for x in (link, label, page.locator(".map-layout__map"))
        )
        assert 0 <= named["top"] - hexagon["bottom"] <= 8 and named["height"] < 34 * lines
        assert figure["left"] <= named["left"] and named["right"] <= figure["right"] + 0.5
        assert named["left"] <= hexagon["left"] and named["width"] <= 22 * 16 + 0.5
    # It covers the hexagons under it: Escape puts it away, as a tooltip is.
    page.keyboard.press("Escape")
    assert label.inner_text() == ""
    links.first.focus()
    page.locator("svg.hexmap a:focus").evaluate("a => a.blur()")
    assert page.locator(".map-focus").inner_text() == ""
    # Where the map is wider than the screen, a line says so; where it fits, none does.
    assert page.locator(".map-layout .figure__hint").is_hidden()
    scroll = page.locator(".map-layout .figure__scroll")
    for width in (320, 470, 480, 640):
        page.set_viewport_size({"width": width, "height": 800})
        scrolls = scroll.evaluate("e => e.scrollWidth > e.clientWidth")
        assert page.locator(".map-layout .figure__hint").is_visible() == scrolls, (
            f"at {width}px the map scrolls: {scrolls}"
        )
        if width == 320:
            assert scrolls


# Each hexagon the keyboard reaches, with the name under it, in full view: the browser brings
# only the hexagon itself into view.
LABELS_IN_VIEW_JS = """() => Array.from(document.querySelectorAll('svg.hexmap a')).filter(link => {
  link.focus();
  const named = document.querySelector('.map-focus').getBoundingClientRect();
  const hexagon = link.getBoundingClientRect();
  // Within a pixel: the page scrolls by whole pixels, the label is placed by fractions.
  return !(named.top >= -1 && named.bottom <= innerHeight + 1 && hexagon.top >= -1
           && named.left >= -1 && named.right <= innerWidth + 1);
}).map(link => link.querySelector('title').textContent)"""


@pytest.mark.parametrize("size", [(1280, 800), (320, 568), (320, 256)])
def test_the_name_of_the_hexagon_the_keyboard_is_on_is_in_view_with_it(size, sites, page, open_page):
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    open_page(page, sites["content"], "")
    assert page.locator("svg.hexmap a").count() == 153
    assert page.evaluate(LABELS_IN_VIEW_JS) == []


@pytest.mark.parametrize("path", ["", "authorities/worcestershire/", "frameworks/"])
def test_a_chart_that_opens_at_its_latest_years_says_so_where_it_is_cut(path, sites, page, open_page):
    # On a narrow screen these charts open scrolled to their right end: the earlier years
    # are out of sight, and a line above each says where they are, at every width where
    # the chart scrolls and at none where it fits.
    open_page(page, sites["cases"], path)
    scroll = page.locator(".figure__scroll--latest")
    hint = scroll.locator("xpath=preceding-sibling::p[contains(@class, 'figure__hint')]")
    assert hint.count() == 1
    # Every 16px from a phone to a desktop, and with a reader's text twice the usual size: a
    # chart's width grows with its quarters, which no width in the stylesheet can know.
    for text in ("100%", "200%"):
        page.evaluate("size => { document.documentElement.style.fontSize = size; }", text)
        for width in (*range(320, 1290, 16), 687, 700, 711):
            page.set_viewport_size({"width": width, "height": 800})
            # The script measures before the next frame is painted, as a reader would see it.
            page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
            scrolls = scroll.evaluate("e => e.scrollWidth > e.clientWidth")
            state = "scrolls" if scrolls else "fits"
            assert hint.is_visible() == scrolls, f"at {width}px, text {text}, the chart {state}"
            if width == 320:
                assert scrolls


TABLES_JS = """() => Array.from(document.querySelectorAll('main table'))
.filter(t => t.getClientRects().length).map(t => {
  const wrap = t.closest('.table-wrap');
  const box = (wrap || t.parentElement).getBoundingClientRect();
  const style = wrap ? getComputedStyle(wrap) : null;
  const hiddenCells = Array.from(t.querySelectorAll('td, tbody th')).filter(c =>
    getComputedStyle(c).display === 'none' || getComputedStyle(c).visibility === 'hidden').length;
  return {caption: (t.caption ? t.caption.textContent : t.id).trim().slice(0, 60),
          fits: t.getBoundingClientRect().width <= box.width + 1,
          scrolls: !!style && ['auto', 'scroll'].includes(style.overflowX),
          cue: !!style && style.backgroundImage.includes('gradient'),
          hiddenCells};
})"""


@pytest.mark.parametrize(
    "path",
    ["", "authorities/worcestershire/", "frameworks/", "analysis/", "grades/inadequate/"],
    ids=["overview", "authority", "frameworks", "analysis", "grade"],
)
def test_every_table_is_whole_or_visibly_scrollable_at_320px(path, sites, page, open_page):
    page.set_viewport_size({"width": 320, "height": 800})
    problems = []
    for site, where in (("cases", path), ("fixture", "authorities/north-fixtureshire/")):
        open_page(page, sites[site], where)
        tables = page.evaluate(TABLES_JS)
        assert tables or path == "", f"no table on {where}"
        for t in tables:
            if t["hiddenCells"]:
                problems.append(f"{site} {where}: {t['caption']}: {t['hiddenCells']} cells hidden")
            if not t["fits"] and not (t["scrolls"] and t["cue"]):
                problems.append(f"{site} {where}: {t['caption']} is wider than the screen with no scroll cue")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_renamed_authoritys_old_address_opens_its_page(javascript, sites, page, nojs_page):
    # A link to the page's address before its file was renamed, in a committee paper or a
    # news story, still arrives, with or without JavaScript.
    tab = page if javascript else nojs_page
    tab.goto(sites["fixture"].url("authorities/fixtureshire-north/"))
    tab.wait_for_url("**/authorities/north-fixtureshire/")
    assert tab.locator("main h1").inner_text() == "North Fixtureshire Council"
    if javascript:  # a link to a section, as the feed's entries are, keeps its section
        tab.goto(sites["fixture"].url("authorities/fixtureshire-north/#plans"))
        tab.wait_for_url("**/authorities/north-fixtureshire/#plans")


def test_a_contrast_theme_keeps_the_charts_key_and_shows_what_is_drawn_in_the_text_colour(sites, page, open_page):
    # Windows contrast themes paint the page but not a picture's own colours: a key that
    # lost its colours could not be matched to the bars, and near-black marks vanish on black.
    page.emulate_media(media="screen", forced_colors="active", color_scheme="dark")
    try:
        open_page(page, sites["content"], "")
        swatch = page.locator(".legend__swatch--p3").first.evaluate("el => getComputedStyle(el).backgroundColor")
        bar = page.locator("svg.chart .p3").first.evaluate("el => getComputedStyle(el).fill")
        assert swatch == bar == "rgb(212, 53, 28)"
        open_page(page, sites["cases"], "authorities/worcestershire/")
        canvas = page.evaluate("getComputedStyle(document.body).backgroundColor")
        for selector in ("svg.strip .visit", "svg.strip .axis"):
            fill = page.locator(selector).first.evaluate("el => getComputedStyle(el).fill")
            assert contrast(fill, canvas) >= 4.5, f"{selector}: {fill} on {canvas}"
        # The neighbours' squares keep their fills, Outstanding's dark green among them: each
        # has an edge in the text colour.
        edges = page.locator("svg.squares rect").evaluate_all("rs => rs.map(r => getComputedStyle(r).stroke)")
        assert edges and all(contrast(edge, canvas) >= 4.5 for edge in edges), edges
    finally:
        page.emulate_media(media="screen", forced_colors="none", color_scheme="light")


OUTSIDE_JS = """() => Array.from(document.querySelectorAll('main svg')).flatMap(svg => {
  const box = svg.getBoundingClientRect();
  return Array.from(svg.querySelectorAll('text')).map(t => [t, t.getBoundingClientRect()])
    .filter(([t, r]) => r.width && (r.left < box.left - 0.5 || r.right > box.right + 0.5
                                    || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5))
    .map(([t, r]) => `${svg.getAttribute('class')}: "${t.textContent}" spans ${r.left.toFixed(0)} to `
                     + `${r.right.toFixed(0)} of ${box.left.toFixed(0)} to ${box.right.toFixed(0)}`);
})"""


def test_every_word_of_a_picture_is_inside_it(sites, page, open_page):
    # A label that runs past a picture's edge is cut: "2026", the year readers look for
    # first on a judgement strip, read "202" on a phone, whose larger font makes it wider.
    page.set_viewport_size({"width": 320, "height": 800})
    cut = []
    for site in sites.values():
        for kind, path in site.pages:
            if kind != "404":
                open_page(page, site, path)
                cut += [f"{site.name} {path}: {label}" for label in page.evaluate(OUTSIDE_JS)]
    assert not cut, "\n".join(cut[:20])


def test_without_javascript_a_focused_hexagon_is_wholly_in_view_on_a_phone(sites, nojs_page, open_page):
    # The map scrolls sideways at 320px; the browser alone must bring each hexagon the
    # keyboard reaches into view, all of it (the page's script does so where it runs).
    nojs_page.set_viewport_size({"width": 320, "height": 800})
    open_page(nojs_page, sites["content"], "")
    links = nojs_page.locator("svg.hexmap a")
    hidden = []
    for i in range(links.count()):
        links.nth(i).focus()
        seen = nojs_page.evaluate("""() => {
            const a = document.activeElement, r = a.getBoundingClientRect();
            const box = a.closest('.figure__scroll').getBoundingClientRect();
            return [a.querySelector('title').textContent, r.left >= box.left - 0.5 && r.right <= box.right + 0.5];
        }""")
        if not seen[1]:
            hidden.append(seen[0])
    assert links.count() == 153 and not hidden, hidden[:10]


def test_a_share_of_ten_pairs_or_more_is_a_percentage_and_of_fewer_a_count(sites, page, open_page):
    # On the real record: SIF's re-inspections followed inadequate grades, so none of its
    # pairs could go down, which is said in words (a percentage of a few pairs would read as a
    # finding: the fixture's "2 of 5", tests/test_analysis.py, is a count alone).
    open_page(page, sites["content"], "analysis/")
    cells = page.locator("#changes-caption").locator("xpath=..").locator("tbody td").all_inner_texts()
    cells = [cell.replace("\xa0", " ") for cell in cells]  # "50 of 264" is kept on one line
    shares = [re.fullmatch(r"(\d+) of (\d+)(?: \((\d+)%\))?", cell) for cell in cells if " of " in cell]
    assert shares and all(shares), cells
    assert all((share[3] is not None) == (int(share[2]) >= 10) for share in shares), cells
    assert "None could" in cells and any(share[3] is not None for share in shares), cells


def test_the_chronology_says_which_kinds_none_is_recorded_of(sites, page, open_page):
    # JTAI is in use and none is recorded here: its bar is a tick, which alone read as used
    # once; it is said beside it, and its dotted line runs to the day.
    open_page(page, sites["content"], "frameworks/")
    chart = page.locator("#chronology-caption").locator("xpath=..")
    assert "JTAI, none recorded" in chart.locator("svg text").all_text_contents()


def test_a_timeline_entry_gives_its_publication_in_the_line_not_as_another_heading_date(sites, page, open_page):
    # Each entry's own date stands apart, above its title; the day its report or letter was
    # published is part of a sentence below, not set apart as if it were another entry's.
    open_page(page, sites["cases"], "authorities/worcestershire/")
    page.locator("section[aria-labelledby=timeline] summary").click()
    entry = page.locator("ol.timeline > li").filter(has_text="Letter published").first
    dates = entry.locator("time")
    assert dates.count() == 2
    assert dates.evaluate_all("els => els.map(el => getComputedStyle(el).display)") == ["block", "inline"]
    assert re.search(r"Letter published \d{1,2} \w+ \d{4}\.", entry.inner_text())


def test_a_latest_visit_cut_short_offers_its_focus_in_full_and_one_that_fits_does_not(sites, page, open_page):
    # Rutland's focus (138 characters) fits the card's six lines; Bexley's (340) does not.
    # Without the script the link always shows; with it, only where the text is cut.
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 800})
        for slug, cut in (("rutland", False), ("bexley", True)):
            open_page(page, sites["cases"], f"authorities/{slug}/")
            text = page.locator("#summary .card__clamp")
            clipped = text.evaluate("p => p.scrollHeight > p.clientHeight + 1")
            assert clipped == cut, (slug, width)
            assert page.locator("#visit-focus-full").is_visible() == cut, (slug, width)
    page.set_viewport_size({"width": 1280, "height": 800})


def test_a_short_focus_cut_short_by_the_readers_larger_text_offers_it_in_full(sites, page, open_page):
    # Brent's focus (77 characters) fits six lines, until a reader's default text size of
    # 32 px (WCAG 1.4.4, text enlarged on its own) cuts it on a phone.
    page.set_viewport_size({"width": 320, "height": 800})
    open_page(page, sites["cases"], "authorities/brent/")
    link = page.locator("#visit-focus-full")
    assert link.is_hidden()
    page.add_style_tag(content="html { font-size: 200% !important; }")
    assert page.locator("#summary .card__clamp").evaluate("p => p.scrollHeight > p.clientHeight + 1")
    link.wait_for(state="visible", timeout=2000)
    page.set_viewport_size({"width": 1280, "height": 800})


def test_a_latest_visit_cut_short_by_the_readers_own_text_spacing_offers_its_focus_in_full(sites, page, open_page):
    # Stoke-on-Trent's focus fits the card's six lines at 1280 px, until a reader's own
    # spacing (WCAG 1.4.12), applied after the page loaded and with no resize, cuts it.
    open_page(page, sites["cases"], "authorities/stoke-on-trent/")
    link = page.locator("#visit-focus-full")
    assert link.is_hidden()
    page.add_style_tag(
        content="* { line-height: 1.5 !important; letter-spacing: .12em !important; "
        "word-spacing: .16em !important; } p { margin-bottom: 2em !important; }"
    )
    assert page.locator("#summary .card__clamp").evaluate("p => p.scrollHeight > p.clientHeight + 1")
    link.wait_for(state="visible", timeout=2000)


def test_a_link_to_what_is_folded_away_opens_it_before_the_browser_follows_it(sites, page, open_page):
    # Chromium opens a disclosure around the fragment it goes to; not every browser does. The
    # page's script opens it on the click itself, shown here with the browser's own move stopped.
    open_page(page, sites["fixture"], "authorities/old-fixtureshire/")
    folded = page.locator("#inspection-slac-2012-recs").locator("xpath=ancestor::details[1]")
    assert folded.evaluate("d => d.open") is False
    page.evaluate("() => window.addEventListener('click', event => event.preventDefault())")
    page.locator("a[href='#inspection-slac-2012-recs']").first.click()
    assert folded.evaluate("d => d.open") is True


def test_a_short_pages_footer_is_at_the_foot_of_the_window(sites, page, open_page):
    # Not halfway up a tall screen with white below it, as if the page had failed to load.
    page.set_viewport_size({"width": 1280, "height": 1400})
    open_page(page, sites["content"], MISSING)  # the page not found: a few lines
    bottom = page.evaluate("() => document.querySelector('.footer').getBoundingClientRect().bottom")
    height = page.evaluate("() => document.documentElement.scrollHeight")
    assert (round(bottom), height) == (1400, 1400)


def test_the_points_are_numbered_on_screen_and_to_a_screen_reader(sites, page, open_page):
    # A committee says "point 3": a list of every point is numbered, in its text, so that a
    # screen reader hears the number once, and a point copied into a paper keeps it.
    open_page(page, sites["content"], "authorities/warwickshire/")
    listed = page.locator("section[aria-labelledby=asked] ol.checklist").first
    quoted = listed.locator(":scope > li blockquote").all_inner_texts()
    assert len(quoted) == 4
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    by_id = {node["nodeId"]: node for node in nodes}

    def heard(node) -> str:
        if node.get("role", {}).get("value") == "StaticText":
            return node["name"]["value"]
        return " ".join(heard(by_id[c]) for c in node.get("childIds", []) if c in by_id)

    items = [heard(node) for node in nodes if node.get("role", {}).get("value") == "listitem"]
    numbered = [said.split(" ", 1) for said in items if re.match(r"\d+\. ", said)]
    # The four points of the latest inspection, in order, each read with its number first.
    assert [number for number, _ in numbered[:4]] == ["1.", "2.", "3.", "4."]
    assert [point[:40] for _, point in numbered[:4]] == [text.strip()[:40] for text in quoted]
    assert listed.inner_text().startswith("1.")  # as copied, or found with the browser's search
