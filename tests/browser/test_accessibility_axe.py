"""axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules report nothing on any page kind."""

from __future__ import annotations


def test_page_has_no_axe_violations(site_page, sites, page, open_page, axe):
    site, kind, path = site_page
    open_page(page, sites[site], path)
    axe(page, f"the {kind} page {sites[site].url(path)}")


def test_overview_has_no_axe_violations_after_filtering_and_sorting(sites, page, open_page, axe):
    site = sites["fixture"]
    open_page(page, site, "")
    page.select_option("#filter-region", "North East")
    page.get_by_role("button", name="Overdue actions").click()
    assert page.locator("#filter-status").inner_text().startswith("Showing 1 of")
    axe(page, "the overview filtered to a region and sorted by overdue actions")
    page.select_option("#filter-region", "")
    page.select_option("#filter-grade", "none")
    page.get_by_role("button", name="Authority").click()
    axe(page, "the overview filtered to authorities without a single grade and sorted by name")
    page.select_option("#filter-grade", "inadequate")
    page.select_option("#filter-region", "South West")  # no authority matches both
    assert page.locator("#filter-status").inner_text().startswith("Showing 0 of")
    axe(page, "the overview filtered to no rows at all")


def test_overview_without_javascript_has_no_axe_violations(sites, noscript_page, open_page, axe):
    for site in sites.values():
        open_page(noscript_page, site, "")
        assert noscript_page.locator("#filters").is_hidden()
        axe(noscript_page, f"the {site.name} overview without its script")


TAGS_JS = """() => Array.from(document.querySelectorAll('.tag, [class*="tag--"]')).map(el => ({
  text: (el.checkVisibility() ? el.innerText : el.textContent).trim(), html: el.outerHTML.slice(0, 120),
  colour: Array.from(el.classList).find(c => c.startsWith('tag--')) || null}))"""


def test_status_is_never_shown_by_colour_alone(site_page, sites, page, open_page):
    """Every coloured status or grade tag says what it means in words (WCAG 1.4.1)."""
    site, kind, path = site_page
    open_page(page, sites[site], path)
    tags = page.evaluate(TAGS_JS)
    wordless = [t["html"] for t in tags if len(t["text"]) < 2 or not any(c.isalnum() for c in t["text"])]
    assert not wordless, f"status tags without words on the {kind} page {sites[site].url(path)}:\n" + "\n".join(
        wordless
    )
    if kind in ("overview", "about") or (kind == "authority" and site == "fixture" and "west-nothing" not in path):
        assert tags, f"no status tags found on the {kind} page: has the tag markup changed?"
