"""Reflow (WCAG 1.4.10) and resize text (1.4.4): no sideways scrolling of the page at 320 CSS px,
nor at 640 px (a 1280 px screen at 200% zoom); text stays readable and is never clipped."""

from __future__ import annotations

import pytest

from .conftest import SOURCES, page_paths

LAYOUT_JS = """() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
    + ' ' + JSON.stringify((el.textContent || '').trim().slice(0, 50));
  const out = {scrollWidth: root.scrollWidth, clientWidth: width,
               bodyFontSize: parseFloat(getComputedStyle(document.body).fontSize),
               clipped: [], unfocusableScrollers: [], spills: [], beyondViewport: [], tinyText: []};
  for (const el of document.body.querySelectorAll('*')) {
    // Hidden on purpose: a stacked table's header row (each cell names its column instead).
    if (el.closest('.vh, .skip-link, script, style, .table--stack thead')) continue;
    // A picture's letters are drawn at its scale: a picture shrunk to fit shrinks them too.
    if (el.tagName.toLowerCase() === 'text' && el.ownerSVGElement && el.getClientRects().length) {
      const svg = el.ownerSVGElement, box = svg.viewBox.baseVal;
      const scale = box && box.width ? svg.getBoundingClientRect().width / box.width : 1;
      const size = parseFloat(getComputedStyle(el).fontSize) * scale;
      if (size < 11.95) out.tinyText.push(describe(el) + ' drawn at ' + size.toFixed(1) + 'px');
    }
    // A picture's own shapes: the picture as a whole is measured instead.
    if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || el.getClientRects().length === 0) continue;
    const overflows = el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0;
    if (overflows && (style.overflowX === 'hidden' || style.overflowX === 'clip')) out.clipped.push(describe(el));
    if (overflows && (style.overflowX === 'auto' || style.overflowX === 'scroll') && el.tabIndex < 0)
      out.unfocusableScrollers.push(describe(el));
    const scroller = el.closest('.table-wrap, .figure__scroll');
    if (overflows && style.overflowX === 'visible' && !scroller) out.spills.push(describe(el));
    // Wide tables and pictures may scroll inside their own region; nothing else may stick out of the viewport.
    if (!scroller) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 1 || r.left < -1)
        out.beyondViewport.push(describe(el) + ` [${Math.round(r.left)}, ${Math.round(r.right)}]`);
    }
    const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    if (own && parseFloat(style.fontSize) < 12) out.tinyText.push(describe(el) + ' ' + style.fontSize);
  }
  return out;
}"""


@pytest.mark.parametrize("width", [320, 640], ids=["320px", "640px-as-200%-zoom"])
def test_page_reflows_without_sideways_scrolling(width, site_page, sites, page, open_page):
    site, kind, path = site_page
    page.set_viewport_size({"width": width, "height": 800})
    open_page(page, sites[site], path)
    layout = page.evaluate(LAYOUT_JS)
    where = f"{kind} page {sites[site].url(path)} at {width} CSS px"
    problems = []
    if layout["scrollWidth"] > layout["clientWidth"]:
        problems.append(
            f"the page scrolls sideways: scrollWidth {layout['scrollWidth']} > clientWidth {layout['clientWidth']}"
        )
    if layout["beyondViewport"]:
        problems.append("outside the viewport: " + "; ".join(layout["beyondViewport"][:10]))
    if layout["spills"]:
        problems.append("content spills out of its box: " + "; ".join(layout["spills"][:10]))
    if layout["clipped"]:
        problems.append("content clipped by overflow hidden: " + "; ".join(layout["clipped"][:10]))
    if layout["unfocusableScrollers"]:
        problems.append("scrolling regions a keyboard cannot reach: " + "; ".join(layout["unfocusableScrollers"][:10]))
    if layout["tinyText"]:
        problems.append("text under 12px: " + "; ".join(layout["tinyText"][:10]))
    if width == 320 and layout["bodyFontSize"] < 16:
        problems.append(f"body text is {layout['bodyFontSize']}px, under 16px")
    assert not problems, f"{where}:\n" + "\n".join(problems)


def _one_of_each_kind() -> list[tuple[str, str, str]]:
    """(site, kind, path): the first page of each kind of each site."""
    found: dict[tuple[str, str], str] = {}
    for site in SOURCES:
        for kind, path in page_paths(site):
            found.setdefault((site, kind), path)
    return [(site, kind, path) for (site, kind), path in found.items()]


@pytest.mark.parametrize("site_kind", _one_of_each_kind(), ids=lambda s: f"{s[0]}:{s[1]}")
def test_text_set_larger_on_a_phone_reflows(site_kind, sites, page, open_page):
    """A phone's reader who sets text larger (a browser's font size, not its zoom): at 360 CSS
    px and text at twice its size, no word or box may stick out of the screen. A flex or grid
    item is as wide as its longest word unless told otherwise: the cards did at 150%."""
    site, kind, path = site_kind
    page.set_viewport_size({"width": 360, "height": 800})
    open_page(page, sites[site], path)
    for size in ("150%", "200%"):
        page.evaluate("size => { document.documentElement.style.fontSize = size; }", size)
        layout = page.evaluate(LAYOUT_JS)
        where = f"{kind} page {sites[site].url(path)} at 360 CSS px, text at {size}"
        assert layout["scrollWidth"] <= layout["clientWidth"], f"{where}: the page scrolls sideways"
        assert not layout["beyondViewport"], f"{where}: outside the viewport: {layout['beyondViewport'][:10]}"
        assert not layout["spills"], f"{where}: content spills out of its box: {layout['spills'][:10]}"


# Each word of a grade, a heading or a card's label on one line: a box narrower than its
# longest word breaks it in two ("Outstandin/g"), which overflow-wrap allows only as a last
# resort, for text set larger on a phone.
BROKEN_WORDS_JS = """() => {
  const broken = [];
  for (const el of document.querySelectorAll('.tag, h1, h2, h3, h4, .card__label')) {
    if (!el.getClientRects().length || el.closest('.vh')) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.textContent.matchAll(/[^\\s\\/–—-]{2,}/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(word[0]);
      }
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("site_kind", _one_of_each_kind(), ids=lambda s: f"{s[0]}:{s[1]}")
def test_no_grade_or_heading_is_broken_mid_word(site_kind, sites, page, open_page):
    site, kind, path = site_kind
    for width in (360, 640, 900, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        open_page(page, sites[site], path)
        broken = page.evaluate(BROKEN_WORDS_JS)
        assert not broken, f"{kind} page {sites[site].url(path)} at {width} CSS px breaks words in two: {broken[:10]}"


# Where a table scrolls inside its region, the words that say what it holds and what each
# row is must stay on the screen: a caption as wide as the table was read a line at a time
# by scrolling it back and forth.
SCROLLED_JS = """wrap => {
  const inside = el => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    return r.left >= -1 && r.right <= document.documentElement.clientWidth + 1;
  };
  const table = wrap.querySelector('table');
  const rows = Array.from(table.querySelectorAll('tr > :first-child'));
  wrap.scrollLeft = wrap.scrollWidth;
  return {wide: wrap.scrollWidth > wrap.clientWidth + 1, caption: inside(table.caption), rows: rows.every(inside)};
}"""


@pytest.mark.parametrize("site,path", [("content", ""), ("content", "authorities/worcestershire/"), ("fixture", "")])
def test_a_table_that_scrolls_keeps_its_caption_and_row_names_on_screen(site, path, sites, page, open_page):
    page.set_viewport_size({"width": 320, "height": 800})
    open_page(page, sites[site], path)
    page.locator("details").evaluate_all("all => all.forEach(d => d.open = true)")
    wide = 0
    for wrap in page.locator(".table-wrap:has(caption)").all():
        seen = wrap.evaluate(SCROLLED_JS)
        if seen["wide"]:
            wide += 1
            name = wrap.locator("caption").inner_text()
            assert seen["caption"], f"the caption {name!r} runs off the screen"
            assert seen["rows"], f"the rows of {name!r} lose their names when it is scrolled"
    if site == "content" and path == "":
        assert wide, "no table scrolls at 320 px to test with"


def test_a_stacked_plan_table_fits_a_phone_with_text_set_larger(sites, page, open_page):
    """Stacked, a plan's table is a column of blocks that never scrolls sideways; the action's
    name kept a wide table's 12rem, which at twice the text ran past a 320px screen."""
    page.set_viewport_size({"width": 320, "height": 800})
    open_page(page, sites["fixture"], "authorities/north-fixtureshire/")
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    box = page.locator("#plan-sip .table-wrap")
    assert box.evaluate("el => el.scrollWidth <= el.clientWidth"), "the stacked plan table scrolls sideways"
