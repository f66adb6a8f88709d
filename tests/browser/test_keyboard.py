"""Keyboard: the skip link comes first and works, Tab reaches every control in order, focus shows."""

from __future__ import annotations

import pytest

# Everything a keyboard user should be able to Tab to, in DOM order, as rendered.
FOCUSABLE_JS = """() => {
  const selector = 'a[href], area[href], button:not([disabled]), input:not([disabled]):not([type=hidden]),'
    + ' select:not([disabled]), textarea:not([disabled]), summary, iframe, [contenteditable=""],'
    + ' [contenteditable="true"], [tabindex]';
  const all = Array.from(document.querySelectorAll(selector)).filter(el => {
    if (el.tabIndex < 0) return false;
    // Inside a closed <details>: not reachable until the reader opens it, which is as it should be.
    if (!el.checkVisibility()) return false;
    const style = getComputedStyle(el);
    return el.getClientRects().length > 0 && style.visibility !== 'hidden';
  });
  all.forEach((el, i) => { el.dataset.kbd = String(i); });
  return all.map(el => ({tag: el.tagName.toLowerCase(), text: (el.textContent || '').trim().slice(0, 60),
                         href: el.getAttribute('href'), inSvg: !!el.closest('svg')}));
}"""

# What a focus indicator can change. Read for the focused element, then for the same element unfocused.
STYLE_JS = """el => {
  const s = getComputedStyle(el);
  return {outline: [s.outlineStyle, s.outlineWidth, s.outlineColor].join(' '), boxShadow: s.boxShadow,
          background: s.backgroundColor, color: s.color, textDecoration: s.textDecorationLine};
}"""

FOCUSED_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return {kbd: el.dataset.kbd === undefined ? null : Number(el.dataset.kbd), tag: el.tagName.toLowerCase(),
          id: el.id, text: (el.textContent || '').trim().slice(0, 60),
          rect: [r.left, r.top, r.right, r.bottom], viewport: [innerWidth, innerHeight],
          style: {outline: [s.outlineStyle, s.outlineWidth, s.outlineColor].join(' '), boxShadow: s.boxShadow,
                  background: s.backgroundColor, color: s.color, textDecoration: s.textDecorationLine}};
}"""


def _transparent(colour: str) -> bool:
    # rgba(…, 0) only: rgb(255, 221, 0), the focus yellow, also ends in ", 0)".
    return colour == "transparent" or (colour.startswith("rgba(") and colour.replace(" ", "").endswith(",0)"))


def visible_change(before: dict[str, str], after: dict[str, str]) -> bool:
    """Whether focus changes something a sighted keyboard user can see."""
    style, width, colour = (after["outline"].split(" ", 2) + ["", ""])[:3]
    outline = (
        after["outline"] != before["outline"]
        and style not in ("none", "hidden")
        and width not in ("0px", "")
        and not _transparent(colour)
    )
    shadow = after["boxShadow"] != before["boxShadow"] and after["boxShadow"] != "none"
    fill = after["background"] != before["background"] or after["color"] != before["color"]
    return outline or shadow or fill


def test_skip_link_is_first_and_moves_focus_to_main(site_page, sites, page, open_page):
    site, _kind, path = site_page
    open_page(page, sites[site], path)
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED_JS)
    assert first is not None, "Tab focused nothing"
    link = page.locator(":focus")
    assert link.get_attribute("href") == "#main" and first["text"] == "Skip to main content", (
        f"the first Tab stop is {first['tag']} {first['text']!r}, not the skip link"
    )
    left, top, right, bottom = first["rect"]
    width, height = first["viewport"]
    assert left >= 0 and top >= 0 and right <= width and bottom <= height, (
        f"the focused skip link is off screen at {first['rect']}"
    )
    style = "() => getComputedStyle(document.querySelector('main')).backgroundColor"
    before = page.evaluate(style)
    page.keyboard.press("Enter")
    focused = page.evaluate(FOCUSED_JS)
    assert focused is not None and focused["tag"] == "main" and focused["id"] == "main", (
        f"after the skip link, focus is on {focused}, not <main id=main>"
    )
    # Its text keeps the contrast it was checked with: main is not filled as a control is.
    assert page.evaluate(style) == before, f"main's background turns {page.evaluate(style)} when focused"
    page.keyboard.press("Tab")
    after_main = page.evaluate("() => document.querySelector('main').contains(document.activeElement)")
    assert after_main, "Tab after the skip link does not go to the first control inside main"


@pytest.mark.parametrize(
    "where",
    [
        ("content", ""),
        ("fixture", ""),
        ("cases", "authorities/worcestershire/"),
        ("fixture", "authorities/north-fixtureshire/"),
    ],
    ids=lambda w: f"{w[0]}:{w[1].rstrip('/') or 'overview'}",
)
def test_tab_reaches_every_control_in_order_with_visible_focus(where, sites, page, open_page):
    site, path = where
    open_page(page, sites[site], path)
    focusable = page.evaluate(FOCUSABLE_JS)
    assert focusable, "nothing on the page is focusable"
    tags = [f["tag"] for f in focusable]
    if path == "":  # with JavaScript, the overview's filters, name search and sort buttons are controls too
        # Six sort buttons, or four where no authority has a current plan (its two columns are left out).
        columns = page.locator("#authority-table thead th").count()
        assert tags.count("select") == 2 and tags.count("input") == 1 and tags.count("button") == columns, (
            f"filter and sort controls missing: {tags}"
        )
        hexes = page.locator("svg.hexmap a").count()
        assert hexes > 0 and len([f for f in focusable if f["tag"] == "a" and f["inSvg"]]) == hexes
    elif site == "fixture":  # the plan table's filters and sort buttons
        assert tags.count("select") == 2 and tags.count("button") == 4, f"plan table controls missing: {tags}"
    unfocused = page.evaluate(f"() => Array.from(document.querySelectorAll('[data-kbd]')).map({STYLE_JS})")

    stops, invisible = [], []
    for _ in range(len(focusable) + 5):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_JS)
        if focused is None or (stops and focused["kbd"] == stops[0]):
            break  # past the last control: focus leaves the document or wraps around
        assert focused["kbd"] is not None, (
            f"Tab stopped on {focused['tag']} {focused['text']!r}, which is not a control"
        )
        stops.append(focused["kbd"])
        if not visible_change(unfocused[focused["kbd"]], focused["style"]):
            invisible.append(f"{focused['tag']} {focused['text']!r}: {unfocused[focused['kbd']]} -> {focused['style']}")

    missed = [focusable[i] for i in range(len(focusable)) if i not in stops]
    assert not missed, f"{len(focusable)} focusable elements but {len(stops)} Tab stops; never reached: {missed[:10]}"
    assert stops == list(range(len(focusable))), "the Tab order is not the order of the page"
    assert not invisible, "focus is not visible on:\n" + "\n".join(invisible[:20])


def test_overview_controls_work_from_the_keyboard(sites, page, open_page):
    site = sites["fixture"]
    open_page(page, site, "")
    page.focus("#filter-region")
    page.keyboard.press("ArrowDown")  # a select changes with the arrow keys, no mouse needed
    assert page.locator("#filter-status").inner_text().startswith("Showing ")
    page.focus("#authority-table thead button >> nth=0")
    page.keyboard.press("Enter")  # the rows came in name order, so the first press reverses it
    assert page.locator("#authority-table thead th >> nth=0").get_attribute("aria-sort") == "descending"
    # Said, as a filter's result is: a screen reader hears the new order.
    assert page.locator("#filter-status").inner_text().endswith(", sorted by authority, Z to A")
    page.keyboard.press("Space")
    assert page.locator("#authority-table thead th >> nth=0").get_attribute("aria-sort") == "ascending"


@pytest.mark.parametrize("where", ["", "authorities/north-fixtureshire/"])
def test_a_sort_button_is_described_as_sorting_and_the_narrow_sort_by_line_is_not_read(where, sites, page, open_page):
    # Named by its column (the header's name too), a button said nothing of sorting; at 320px
    # the line "Sort by:" before the buttons was read as a stray cell of the header row.
    page.set_viewport_size({"width": 320, "height": 800})
    open_page(page, sites["fixture"], where)
    button = page.locator("table[data-enhance] thead button").first
    assert button.evaluate(
        "b => b.getAttribute('aria-describedby').split(' ').map(id => document.getElementById(id).textContent)"
    ) == ["Sorts the table by this column"]
    header = page.locator("table[data-enhance] thead tr").first
    assert header.evaluate("tr => getComputedStyle(tr, '::before').content") == '"Sort by:" / ""'
    assert "Sort by" not in page.locator("table[data-enhance] thead").first.aria_snapshot()


def test_a_focused_scroll_box_is_ringed_not_filled(sites, nojs_page, open_page):
    # Without JavaScript every table's box is a tab stop. Filled with the focus yellow, its
    # links fell to 3.84:1 and its yellow tags merged into it: it is ringed instead.
    open_page(nojs_page, sites["cases"], "authorities/worcestershire/")
    for box in (nojs_page.locator(".table-wrap").first, nojs_page.locator(".figure__scroll").first):
        box.focus()
        style = box.evaluate(
            "e => { const s = getComputedStyle(e); return [s.backgroundColor, s.outlineStyle, s.outlineColor]; }"
        )
        assert style == ["rgba(0, 0, 0, 0)", "solid", "rgb(11, 12, 12)"], style


# The focused control's own text against its own fill, with what makes text large in WCAG.
FOCUSED_TEXT_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  return {text: (el.textContent || '').trim().slice(0, 60), color: s.color, background: s.backgroundColor,
          size: parseFloat(s.fontSize), bold: Number(s.fontWeight) >= 700, inSvg: !!el.closest('svg')};
}"""


def _luminance(colour: str) -> float:
    red, green, blue = (int(part) / 255 for part in colour[colour.index("(") + 1 : -1].split(",")[:3])
    return sum(
        weight * (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
        for weight, c in zip((0.2126, 0.7152, 0.0722), (red, green, blue), strict=True)
    )


def contrast(one: str, other: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize(
    "where",
    [("content", ""), ("cases", "authorities/worcestershire/"), ("fixture", "authorities/north-fixtureshire/")],
    ids=lambda w: f"{w[0]}:{w[1].rstrip('/') or 'overview'}",
)
def test_a_focused_controls_words_keep_their_contrast_on_its_focus_fill(where, width, sites, page, open_page):
    # The focus yellow behind link blue is 3.84:1: enough for large text only (WCAG 1.4.3),
    # and a disclosure's words are not large on a phone.
    page.set_viewport_size({"width": width, "height": 800})
    site, path = where
    open_page(page, sites[site], path)
    page.evaluate(FOCUSABLE_JS)
    stops = page.locator("[data-kbd]").count()
    faint, seen = [], set()
    for _ in range(stops):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_TEXT_JS)
        if focused is None or focused["inSvg"] or not focused["text"] or _transparent(focused["background"]):
            continue  # a picture's link, a box with no words, or words on the page's own white
        large = focused["size"] >= 24 or (focused["bold"] and focused["size"] >= 18.66)
        ratio = contrast(focused["color"], focused["background"])
        if ratio < (3 if large else 4.5) and (focused["text"], focused["color"]) not in seen:
            seen.add((focused["text"], focused["color"]))
            faint.append(f"{focused['text']!r}: {focused['color']} on {focused['background']}, {ratio:.2f}:1")
    assert not faint, "focused controls whose words are too faint on their focus fill:\n" + "\n".join(faint)


REGIONS_JS = """() => Array.from(document.querySelectorAll('.table-wrap, .figure__scroll'))
  .filter(el => el.checkVisibility())
  .map(el => ({name: el.getAttribute('aria-label') || el.getAttribute('aria-labelledby'), tab: el.tabIndex,
               region: el.getAttribute('role') === 'region', scrolls: el.scrollWidth > el.clientWidth}))"""
# A box is a landmark, named, only while it scrolls.
FITS = """r => r.tab === (r.scrolls ? 0 : -1) && r.region === r.scrolls && !r.name === !r.scrolls"""


@pytest.mark.parametrize("path", ["", "authorities/worcestershire/", "analysis/"])
def test_only_a_box_that_scrolls_sideways_is_a_tab_stop(path, sites, page, open_page):
    # A box is a tab stop so that the keyboard can scroll it; one that fits would be a stop
    # that does nothing, on every page, for everyone who tabs.
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 800})
        open_page(page, sites["cases"], path)
        regions = page.evaluate(REGIONS_JS)
        assert regions and page.evaluate(f"regions => regions.every({FITS})", regions), (width, regions)
        if width == 320 and path == "":
            map_box = {"name": "Map of England's authorities by latest headline grade", "tab": 0, "region": True}
            assert {**map_box, "scrolls": True} in regions
        if width == 1280:
            assert any(not r["scrolls"] for r in regions)  # some box fits, and is no landmark
    page.set_viewport_size({"width": 320, "height": 800})  # a screen made narrower makes the boxes scroll
    page.wait_for_function(f"() => ({REGIONS_JS})().every({FITS})", timeout=5000)
    # A reader's own text spacing (WCAG 1.4.12), applied after the page loaded, widens a
    # table that fitted: its box becomes a stop, with no resize of the window to say so.
    page.set_viewport_size({"width": 1280, "height": 800})
    page.wait_for_function(f"() => ({REGIONS_JS})().every({FITS})", timeout=5000)
    page.add_style_tag(
        content="* { letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } table { min-width: 1400px; }"
    )
    page.wait_for_function(f"() => ({REGIONS_JS})().every({FITS})", timeout=5000)
    assert any(r["scrolls"] and r["tab"] == 0 and r["region"] for r in page.evaluate(REGIONS_JS))
