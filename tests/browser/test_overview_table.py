"""The overview's filters, name search and sortable columns with JavaScript (kept in the
address), the full table without it, and the plan table's filters on an authority page."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit


def rows(page) -> list[dict]:
    return page.evaluate("""() => Array.from(document.querySelectorAll('#authority-table tbody tr')).map(tr => ({
        name: tr.cells[0].querySelector('a').textContent.trim(), region: tr.dataset.region,
        regionText: tr.cells[1].textContent.trim(), grade: tr.dataset.grade,
        visible: !tr.hidden && tr.getClientRects().length > 0,
        overdue: tr.cells[5] ? Number(tr.cells[5].dataset.value) : null,
        rank: tr.cells[2].dataset.value === '' ? null : Number(tr.cells[2].dataset.value)}))""")


def visible(page) -> list[dict]:
    return [r for r in rows(page) if r["visible"]]


def status(page) -> str:
    return page.locator("#filter-status").inner_text().strip()


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def sort_by(page, column: str) -> str:
    page.get_by_role("button", name=column, exact=True).click()
    headers = page.locator("#authority-table thead th")
    sorted_by = [
        (headers.nth(i).inner_text(), headers.nth(i).get_attribute("aria-sort"))
        for i in range(headers.count())
        if headers.nth(i).get_attribute("aria-sort")
    ]
    assert len(sorted_by) == 1 and sorted_by[0][0].startswith(column), f"aria-sort is on {sorted_by}, not {column}"
    return sorted_by[0][1]


def test_filters_show_only_matching_rows_and_say_how_many(sites, page, open_page):
    site = sites["fixture"]
    open_page(page, site, "")
    assert page.locator("#filters").is_visible()
    everyone = rows(page)
    total = len(everyone)
    assert total == len(site.in_being) and all(r["visible"] for r in everyone)
    regions = page.locator("#filter-region option").evaluate_all("os => os.map(o => o.value).filter(Boolean)")
    grades = page.locator("#filter-grade option").evaluate_all("os => os.map(o => o.value).filter(Boolean)")
    assert len(regions) >= 3 and len(grades) >= 3, "the fixture should give the filters something to do"

    for region in regions:
        page.select_option("#filter-region", region)
        expected = [r["name"] for r in everyone if r["region"] == region]
        assert [r["name"] for r in visible(page)] == expected, f"filtering to {region}"
        assert status(page) == f"Showing {len(expected)} of {total} authorities"
    page.select_option("#filter-region", "")
    for grade in grades:
        page.select_option("#filter-grade", grade)
        expected = [r["name"] for r in everyone if r["grade"] == grade]
        assert expected and [r["name"] for r in visible(page)] == expected, f"filtering to {grade}"
        # (Then, where there are some, those graded so in part: the next test.)
        assert status(page).split(". Not shown")[0] == f"Showing {len(expected)} of {total} authorities"

    page.select_option("#filter-grade", "inadequate")
    page.select_option("#filter-region", "North East")
    both = [r["name"] for r in everyone if r["grade"] == "inadequate" and r["region"] == "North East"]
    assert both and [r["name"] for r in visible(page)] == both
    page.select_option("#filter-region", "South West")
    # Filters that together leave no row say so, and how to undo them.
    nothing = f"Showing 0 of {total} authorities. None matches both filters: change Region or Latest judgement."
    assert visible(page) == [] and status(page) == nothing
    # Sorting nothing leaves the line saying why nothing shows, and what to change.
    page.locator("#authority-table thead").get_by_role("button").first.click()
    assert status(page) == nothing
    page.select_option("#filter-region", "")
    page.select_option("#filter-grade", "")
    assert len(visible(page)) == total and status(page) == f"Showing {total} of {total} authorities"


def test_name_search_finds_authorities_by_any_part_of_their_name(sites, page, open_page):
    site = sites["content"]
    open_page(page, site, "")
    page.fill("#filter-name", "shire")
    names = [r["name"] for r in visible(page)]
    assert names and all("shire" in n.lower() for n in names)
    assert "Worcestershire" in names
    page.fill("#filter-name", "  WORCESTER ")  # case and spaces do not matter
    assert [r["name"] for r in visible(page)] == ["Worcestershire"]
    assert status(page) == f"Showing 1 of {len(site.in_being)} authorities"
    # Said once typing pauses, not at every key: the count is busy while a name is typed.
    said = page.locator("#filter-status")
    assert said.get_attribute("aria-busy") == "true"
    page.wait_for_function("() => !document.getElementById('filter-status').hasAttribute('aria-busy')", timeout=2000)
    page.select_option("#filter-region", "London")  # a choice made is said at once
    assert said.get_attribute("aria-busy") is None
    page.select_option("#filter-region", "")
    page.fill("#filter-name", "st helens")  # punctuation does not matter either
    assert [r["name"] for r in visible(page)] == ["St. Helens"]
    page.fill("#filter-name", "stockton on tees")
    assert [r["name"] for r in visible(page)] == ["Stockton-on-Tees"]
    page.fill("#filter-name", "bournemouth christchurch")
    assert [r["name"] for r in visible(page)] == ["Bournemouth, Christchurch and Poole"]
    page.fill("#filter-name", "no such place")
    assert visible(page) == []
    assert status(page) == f"Showing 0 of {len(site.in_being)} authorities. No name matches: try part of one"
    # A name that matches, hidden by another filter, is not told it is not here.
    page.fill("#filter-name", "Herts")
    page.select_option("#filter-region", "London")
    assert visible(page) == []
    assert status(page) == (
        f"Showing 0 of {len(site.in_being)} authorities. The name matches, but not with the other filters: clear one"
    )
    page.select_option("#filter-region", "")
    # The field's name says what it takes, in one line with the other filters' names.
    assert page.get_by_role("searchbox", name="Name or short form, such as Herts").count() == 1
    fields = ("filter-name", "filter-region", "filter-grade")
    tops = [page.locator(f"label[for={f}]").bounding_box()["y"] for f in fields]
    assert max(tops) - min(tops) < 8, tops  # the boxes differ in height by a few pixels; a second row is 60
    # Official names and initials, as readers know a council: words like "county" and "city"
    # are passed over, and a name of three words or more answers to its initials.
    for written, wanted in [
        ("County Durham", ["Durham"]),
        ("Bristol, City of", ["City of Bristol"]),
        ("hull city", ["City of Kingston upon Hull"]),
        ("BCP", ["Bournemouth, Christchurch and Poole"]),
        ("BCP Council", ["Bournemouth, Christchurch and Poole"]),
        ("Royal Borough of Greenwich", ["Greenwich"]),
        ("London Borough of Barnet", ["Barnet"]),
        ("Bradford Metropolitan District Council", ["Bradford"]),
        ("Saint Helens", ["St. Helens"]),
        ("City of London Corporation", ["City of London"]),
        # A word's start, or initials, come before letters inside a word: "hull" is not
        # Solihull, "nel" not Bracknell Forest. Only letters inside words find those.
        ("hull", ["City of Kingston upon Hull"]),
        ("nel", ["North East Lincolnshire"]),
        ("lihull", ["Solihull"]),
        ("cknell", ["Bracknell Forest"]),
        # A county's customary short form, and the trust that runs a council's services.
        ("Herts", ["Hertfordshire"]),
        ("worcs", ["Worcestershire"]),
        ("North Yorks", ["North Yorkshire"]),
        ("Notts", ["Nottingham", "Nottinghamshire"]),  # and the town the shire is named after
        ("Beds", ["Bedford Borough", "Central Bedfordshire"]),
        ("Derbyshire", ["Derbyshire"]),  # written in full, the county alone
        ("Derbys", ["Derby", "Derbyshire"]),
        ("BANES", ["Bath and North East Somerset"]),  # initials with and without the small words
        ("B&NES", ["Bath and North East Somerset"]),
        ("children first", ["Slough", "Worcestershire"]),  # Slough Children First, Worcestershire Children First
        # A county council since split, by the names of the councils that followed it.
        ("Cumbria", ["Cumberland", "Westmorland and Furness"]),
        ("Cumbr", ["Cumberland", "Westmorland and Furness"]),  # as it is typed
        ("Cumbria County Council", ["Cumberland", "Westmorland and Furness"]),
        ("Northamptonshire", ["North Northamptonshire", "West Northamptonshire"]),
    ]:
        page.fill("#filter-name", written)
        assert [r["name"] for r in visible(page)] == wanted, written
    page.fill("#filter-name", "city of")  # nothing but such words: read as written
    assert {r["name"] for r in visible(page)} == {"City of Bristol", "City of Kingston upon Hull", "City of London"}


def test_a_grade_chosen_names_those_graded_so_in_part(sites, page, open_page):
    # Trafford's latest inspection gave no overall grade but judged two areas inadequate: a
    # journalist choosing "Inadequate" is told of it, not left to miss it.
    open_page(page, sites["content"], "")
    page.select_option("#filter-grade", "inadequate")
    said = status(page)
    assert said.startswith("Showing ") and said.endswith(
        ". Not shown, with no overall grade but a judgement graded inadequate: Trafford"
    ), said
    assert "Trafford" not in [r["name"] for r in visible(page)]
    page.select_option("#filter-region", "London")  # the other filters still apply to it
    assert "Trafford" not in status(page)
    page.select_option("#filter-region", "North West")
    assert status(page).endswith(": Trafford")
    page.select_option("#filter-grade", "")
    assert "Not shown" not in status(page)


def test_filters_and_sort_live_in_the_address(sites, page, open_page):
    site = sites["fixture"]
    open_page(page, site, "")
    page.select_option("#filter-region", "North East")
    sort_by(page, "Overdue actions")
    assert query(page) == {"region": ["North East"], "sort": ["overdue"], "order": ["ascending"]}
    shown = [r["name"] for r in visible(page)]
    page.reload()
    assert page.locator("#filter-region").input_value() == "North East"
    assert page.locator("#authority-table thead th[aria-sort=ascending]").inner_text().startswith("Overdue actions")
    assert [r["name"] for r in visible(page)] == shown
    # A count box leads to the list of its grade, a page that needs no script.
    open_page(page, site, "")
    box = page.locator(".counts a", has_text="Inadequate")
    count = int(box.locator(".counts__number").inner_text())
    box.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path.endswith("/grades/inadequate/")
    assert page.locator("#grade-caption ~ tbody tr").count() == count
    # The grade filter lives in the address too.
    page.goto(site.url("?grade=inadequate#authorities"))
    assert {r["grade"] for r in visible(page)} == {"inadequate"}
    # A value that is not an option is ignored, not half-applied.
    page.goto(site.url("?grade=bogus&region=Atlantis"))
    assert len(visible(page)) == len(site.in_being)


def test_sortable_headers_reorder_rows_and_set_aria_sort(sites, page, open_page):
    site = sites["fixture"]
    open_page(page, site, "")
    names = [r["name"] for r in rows(page)]
    # In place-name order as it comes, and said so: a first press reverses it.
    assert page.locator("#authority-table thead th").first.get_attribute("aria-sort") == "ascending"
    assert sort_by(page, "Authority") == "descending"
    assert [r["name"] for r in rows(page)] == sorted(names, key=str.lower, reverse=True)
    assert sort_by(page, "Authority") == "ascending"
    assert [r["name"] for r in rows(page)] == sorted(names, key=str.lower)

    assert sort_by(page, "Overdue actions") == "ascending"
    overdue = [r["overdue"] for r in rows(page)]
    assert overdue == sorted(overdue) and len(set(overdue)) > 1
    assert sort_by(page, "Overdue actions") == "descending"
    assert [r["overdue"] for r in rows(page)] == sorted(overdue, reverse=True)

    assert sort_by(page, "Latest judgement") == "ascending"  # best grade first
    ranks = [r["rank"] for r in rows(page) if r["rank"] is not None]
    assert ranks == sorted(ranks) and len(set(ranks)) > 2
    # Said in a reader's words: "ascending" would leave open whether the best or the worst comes first.
    assert page.locator("#authority-table caption").inner_text().endswith("sorted by latest judgement, best first")
    assert page.locator("#filter-status").inner_text().endswith(", sorted by latest judgement, best first")

    assert sort_by(page, "Region") == "ascending"
    regions = [r["regionText"] for r in rows(page)]  # as shown: "Not recorded" where there is none
    assert regions == sorted(regions, key=str.lower)
    caption = page.locator("#authority-table caption").inner_text()
    assert re.search(r"sorted by region, A to Z", caption), caption

    # Sorting keeps a filter: hidden rows stay hidden, and the caption counts what shows.
    page.select_option("#filter-region", "North East")
    sort_by(page, "Authority")
    assert {r["region"] for r in visible(page)} == {"North East"}
    caption = page.locator("#authority-table caption").inner_text()
    assert caption == (
        f"{len(visible(page))} of {len(names)} authorities, sorted by authority, A to Z; region “North East”"
    ), caption  # the filters are named: printed, the table has none to show them


def test_authorities_with_no_single_grade_sort_beside_their_lowest_judgement(sites, page, open_page):
    # Inspected from April 2026, with no overall grade: placed beside the authorities graded
    # as its lowest judgement, so that a reader looking for the worst finds one with two
    # judgements inadequate among the inadequate, not below every grade. Only an authority
    # with no inspection recorded sorts last, whichever the direction.
    open_page(page, sites["content"], "")
    for direction in ("ascending", "descending"):
        assert sort_by(page, "Latest judgement") == direction
        ranks = [r["rank"] for r in rows(page)]
        known = [rank for rank in ranks if rank is not None]
        assert known == sorted(known, reverse=direction == "descending") and len(set(known)) == 4
        assert ranks == known + [None] * (len(ranks) - len(known))
        # Just after those graded the same as its worst judgement, in either direction.
        listed = rows(page)
        mixed = [n for n, r in enumerate(listed) if r["grade"] == "none" and r["rank"] is not None]
        assert mixed
        for n in mixed:
            later = [r for r in listed[n + 1 :] if r["rank"] == listed[n]["rank"]]
            assert all(r["grade"] == "none" for r in later), (listed[n]["name"], direction)


def test_without_javascript_the_whole_table_shows_and_the_filters_do_not(sites, nojs_page, page, open_page):
    for site in sites.values():
        # A link to a filtered table, shared with a reader without JavaScript: the page says
        # it shows them all, lest the whole table be read as the filter's answer.
        open_page(nojs_page, site, "?region=North+East&grade=inadequate")
        said = nojs_page.locator("section:has(#authorities) noscript p")
        assert said.is_visible() and said.inner_text().startswith(
            "With JavaScript off, this table cannot be sorted or filtered: it lists every authority"
        )
        assert said.locator("a").get_attribute("href") == "./grades/"
        open_page(page, site, "")
        assert not page.locator("section:has(#authorities) noscript").is_visible()
        table = rows_without_js(nojs_page)
        assert len(table) == len(site.in_being), f"{site.name}: {len(table)} rows for {len(site.in_being)} authorities"
        assert all(visible for _, visible in table), f"{site.name}: hidden rows without JavaScript"
        assert nojs_page.locator("#filters").is_hidden()
        assert nojs_page.locator("#filter-region").is_hidden() and nojs_page.locator("#filter-grade").is_hidden()
        assert nojs_page.locator("#authority-table thead button").count() == 0
        assert nojs_page.locator("#authority-table thead th[aria-sort]").count() == 0
        # The counts by region would lead to the whole table: numbers, not links, and not said to lead anywhere.
        by_region = nojs_page.locator("#by-region-caption").locator("xpath=ancestor::table")
        assert by_region.locator("tbody td").count() > 0 and by_region.locator("a").count() == 0
        assert nojs_page.locator("#by-region-links").is_hidden()
        assert page.locator("#by-region-links").is_visible()


def rows_without_js(page) -> list[tuple[str, bool]]:
    # No page script runs here, so read the rows through locators (Playwright's own evaluation).
    locator = page.locator("#authority-table tbody tr")
    return [
        (locator.nth(i).locator("td").first.inner_text(), locator.nth(i).is_visible()) for i in range(locator.count())
    ]


def test_plan_table_filters_to_overdue_and_workstream_and_sorts(sites, page, open_page, nojs_page):
    site = sites["fixture"]
    path = "authorities/north-fixtureshire/"
    table = "#plan-sip table"

    def shown(p) -> list[str]:
        return p.evaluate(
            f"""() => Array.from(document.querySelectorAll('{table} tbody tr'))
            .filter(tr => !tr.hidden).map(tr => tr.id)"""
        )

    open_page(nojs_page, site, path)
    assert nojs_page.locator(f"{table} tbody tr").count() == 3
    assert nojs_page.locator("#plan-sip-filters").is_hidden()

    open_page(page, site, path)
    assert shown(page) == ["action-sip-A1", "action-sip-A2", "action-sip-B1"]
    # Workstream C has no actions: not offered as a filter that would empty the table, and
    # the plan's summary says so.
    assert page.locator("#plan-sip-ws option").evaluate_all("os => os.map(o => o.value)") == ["", "A", "B"]
    assert "C: Voice of the child (no actions recorded)" in page.locator("#plan-sip .summary").inner_text()
    page.select_option("#plan-sip-show", "overdue")
    assert shown(page) == ["action-sip-A2", "action-sip-B1"]
    assert page.locator("#plan-sip-filters [role=status]").inner_text() == "Showing 2 of 3 actions"
    caption = page.locator(f"{table} caption")
    # Not "3 actions" above two rows; and what it is filtered by, for a printed table.
    assert caption.inner_text() == "2 of 3 actions, by workstream; show “Overdue actions only”"
    page.select_option("#plan-sip-ws", "B")
    assert shown(page) == ["action-sip-B1"]
    assert (
        caption.inner_text() == "1 of 3 actions, by workstream; show “Overdue actions only”; workstream “B: Front door”"
    )
    page.select_option("#plan-sip-show", "")
    page.select_option("#plan-sip-ws", "")
    assert caption.inner_text() == "3 actions, by workstream"
    # The actions the council has said nothing of for six months, whatever their due dates.
    offered = page.locator("#plan-sip-show option").evaluate_all("os => os.map(o => o.value)")
    assert offered == ["", "open", "overdue", "slipping", "quiet"]
    # What is not done (A1 is), and what the council rates at risk (A2) or off track (B1).
    page.select_option("#plan-sip-show", "open")
    assert shown(page) == ["action-sip-A2", "action-sip-B1"]
    assert caption.inner_text() == "2 of 3 actions, by workstream; show “Actions not complete”"
    page.select_option("#plan-sip-show", "slipping")
    assert shown(page) == ["action-sip-A2", "action-sip-B1"]
    page.select_option("#plan-sip-show", "quiet")
    assert shown(page) == ["action-sip-A2", "action-sip-B1"]
    assert caption.inner_text() == "2 of 3 actions, by workstream; show “Actions with no update for 6 months or more”"
    page.select_option("#plan-sip-show", "")
    page.locator(f"{table} thead").get_by_role("button", name="Status").click()
    assert shown(page) == ["action-sip-B1", "action-sip-A2", "action-sip-A1"]  # off track, at risk, done
    assert caption.inner_text() == "3 actions, sorted by status, off track first"
    page.select_option("#plan-sip-ws", "A")
    assert caption.inner_text() == "2 of 3 actions, sorted by status, off track first; workstream “A: Workforce”"
    # In the address, under the plan's own names (a page may have several plans' tables), so
    # that a councillor can send the view on.
    query = page.evaluate("() => Object.fromEntries(new URLSearchParams(location.search))")
    assert query == {"plan-sip-workstream": "A", "plan-sip-sort": "status", "plan-sip-order": "ascending"}
    assert page.url.endswith("#plan-sip-caption")  # a shared view opens at the table, not the page's top
    open_page(page, site, path + "?plan-sip-show=overdue&plan-sip-sort=status&plan-sip-order=ascending")
    assert shown(page) == ["action-sip-B1", "action-sip-A2"]  # off track first
    assert page.input_value("#plan-sip-show") == "overdue"
    # A link to a row the filter hides clears it in the address it leads to, not in the one
    # left behind: Back shows the filtered view its address asks for.
    page.locator("section[aria-labelledby=asked] a[href='#action-sip-A1']").first.click()
    assert "action-sip-A1" in shown(page) and "overdue" not in page.url
    page.go_back()
    assert "plan-sip-show=overdue" in page.url
    assert shown(page) == ["action-sip-B1", "action-sip-A2"] and page.input_value("#plan-sip-show") == "overdue"


def test_the_plan_table_says_its_order_and_an_action_with_no_owner_sorts_last(sites, page, open_page):
    open_page(page, sites["fixture"], "authorities/north-fixtureshire/")
    head = page.locator("#plan-sip table thead")
    assert head.locator("th").first.get_attribute("aria-sort") == "ascending"  # the plan's own order

    def ids() -> list[str]:
        return page.evaluate("() => Array.from(document.querySelectorAll('#plan-sip table tbody tr')).map(tr => tr.id)")

    # B1's owner is not recorded: last whichever the direction, not sorted as a name.
    for _ in ("ascending", "descending"):
        head.get_by_role("button", name="Owner").click()
        assert ids()[-1] == "action-sip-B1"


def test_a_plan_of_one_action_has_no_controls_that_do_nothing(sites, page, open_page):
    # Old Fixtureshire's plan has one action: sort buttons and "Showing 1 of 1 action" were
    # tab stops and announcements that change nothing.
    open_page(page, sites["fixture"], "authorities/old-fixtureshire/")
    table = page.locator("#plan-action-plan table")
    assert table.locator("tbody tr").count() == 1
    assert table.locator("thead button").count() == 0
    assert page.locator("#plan-action-plan-filters").get_attribute("hidden") is not None
    # North Fixtureshire's three actions keep theirs.
    open_page(page, sites["fixture"], "authorities/north-fixtureshire/")
    assert page.locator("#plan-sip table thead button").count() == 4


def test_where_a_link_in_the_page_leads_is_marked(sites, page, open_page):
    open_page(page, sites["fixture"], "authorities/north-fixtureshire/")
    plain = page.locator("#action-sip-A2 > th").evaluate("el => getComputedStyle(el).backgroundColor")
    page.locator("section[aria-labelledby=asked] a[href='#action-sip-A2']").first.click()
    marked = page.locator("#action-sip-A2 > th").evaluate("el => getComputedStyle(el).backgroundColor")
    assert marked != plain and marked == "rgb(255, 247, 191)"
    assert page.locator("#action-sip-A1 > th").evaluate("el => getComputedStyle(el).backgroundColor") == plain


def test_sorting_by_status_puts_overdue_actions_first_within_a_status(sites, page, open_page):
    # The fixture's three actions have three statuses: make A2 off track like B1 but not
    # overdue, as the table script reads the page when it sorts. In page order A2 comes
    # first; sorted by status, B1 does, being overdue.
    open_page(page, sites["fixture"], "authorities/north-fixtureshire/")
    page.evaluate(
        """() => { const a2 = document.getElementById('action-sip-A2'), b1 = document.getElementById('action-sip-B1');
                    a2.cells[4].querySelector('.tag').textContent = b1.cells[4].querySelector('.tag').textContent;
                    delete a2.dataset.overdue; }"""
    )
    # The status, not the word "Overdue" before it in an overdue action's cell.
    assert page.locator("#action-sip-A2 td .tag").inner_text() == "Off track"
    page.locator("#plan-sip table thead").get_by_role("button", name="Status").click()
    ids = page.evaluate("() => Array.from(document.querySelectorAll('#plan-sip table tbody tr')).map(tr => tr.id)")
    assert ids == ["action-sip-B1", "action-sip-A2", "action-sip-A1"]


def test_a_link_to_an_action_the_filters_hide_clears_them_and_undated_actions_sort_last(sites, page, open_page):
    open_page(page, sites["fixture"], "authorities/north-fixtureshire/")
    row = page.locator("#action-sip-A1")
    page.select_option("#plan-sip-show", "overdue")
    assert row.is_hidden()
    # The checklist's link to the action, which is done and so filtered out.
    page.locator("section[aria-labelledby=asked] a[href='#action-sip-A1']").click()
    assert row.is_visible() and row.evaluate("el => el.getBoundingClientRect().top < innerHeight")
    assert page.input_value("#plan-sip-show") == ""
    assert page.locator("#plan-sip-filters [role=status]").inner_text() == (
        "Filters cleared to show the linked row. Showing 3 of 3 actions"
    )
    # The line that says so is on the screen with the row, where both fit.
    # (a frame later: the script moves the page once the link has)
    page.wait_for_function(
        "() => document.querySelector('#plan-sip-filters [role=status]').getBoundingClientRect().top >= 0",
        timeout=2000,
    )
    assert row.evaluate("el => el.getBoundingClientRect().bottom") <= page.viewport_size["height"]
    # The keyboard goes on from the row it was sent to, not from the filters the page moved to.
    page.wait_for_function("() => document.activeElement.id === 'action-sip-A1'", timeout=2000)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('tr') && document.activeElement.closest('tr').id") == (
        "action-sip-A1"
    )
    # A1 has no due date: it is last both ways, not first when ascending.
    due = page.locator("#plan-sip table thead").get_by_role("button", name="Due")
    ids = "() => Array.from(document.querySelectorAll('#plan-sip table tbody tr')).map(tr => tr.id)"
    due.click()
    assert page.evaluate(ids) == ["action-sip-B1", "action-sip-A2", "action-sip-A1"]
    due.click()
    assert page.evaluate(ids) == ["action-sip-A2", "action-sip-B1", "action-sip-A1"]


def test_on_a_narrow_screen_filters_hide_rows_and_sorting_and_the_map_stay_usable(sites, page, open_page):
    # Below 720px the table stacks: its rows are blocks, which must still go when hidden,
    # its sort buttons must be in view (not in the visually hidden header), and a hex
    # focused in the sideways-scrolling map must be scrolled into view.
    site = sites["content"]
    page.set_viewport_size({"width": 320, "height": 800})
    open_page(page, site, "")
    page.fill("#filter-name", "st helens")
    on_screen = page.locator("#authority-table tbody tr").evaluate_all(
        "rows => rows.filter(r => r.getClientRects().length).map(r => r.cells[0].textContent.trim())"
    )
    assert on_screen == ["St. Helens"]
    for button in page.locator("#authority-table thead button").all():
        box = button.bounding_box()
        assert box and box["width"] > 20 and box["height"] > 10, f"{button.inner_text()} is not in view"
    sort_by(page, "Region")
    hexes = page.locator("svg.hexmap a")
    out_of_view = []
    for i in range(hexes.count()):
        hexes.nth(i).focus()
        inside = hexes.nth(i).evaluate(
            """a => { const r = a.getBoundingClientRect(), box = a.closest('.figure__scroll').getBoundingClientRect();
                      return r.left >= box.left - 1 && r.right <= box.right + 1; }"""
        )
        if not inside:
            out_of_view.append(hexes.nth(i).get_attribute("href"))
    assert out_of_view == []


def test_on_a_narrow_screen_every_column_keeps_its_header_for_screen_readers(sites, page, open_page):
    # The stacked table shows only the sort buttons; a column without one is hidden from
    # sight, not removed, or assistive technology would name the columns after it wrongly.
    page.set_viewport_size({"width": 320, "height": 800})
    open_page(page, sites["fixture"], "authorities/north-fixtureshire/")
    headers = page.locator("#plan-sip table thead th")
    assert headers.count() == 5
    shown = headers.evaluate_all("ths => ths.map(th => getComputedStyle(th).display !== 'none')")
    assert all(shown), shown
    assert page.get_by_role("columnheader", name="Answers").count() == 1


def test_a_count_by_region_leads_to_the_table_filtered_to_it(sites, page, open_page):
    # A journalist reading "North West: 4 inadequate" follows the number to those four.
    open_page(page, sites["content"], "")
    cell = (
        page.locator("#by-region-caption")
        .locator("xpath=ancestor::table")
        .locator("tbody tr")
        .filter(has=page.get_by_role("rowheader", name="North West", exact=True))
    )
    link = cell.locator("td[data-label='Inadequate'] a")
    count = int(link.inner_text())
    link.click()
    page.wait_for_url(re.compile(r"grade=inadequate"))
    assert query(page)["region"] == ["North West"] and query(page)["grade"] == ["inadequate"]
    shown = visible(page)
    assert len(shown) == count and {(r["region"], r["grade"]) for r in shown} == {("North West", "inadequate")}
    assert status(page).startswith(f"Showing {count} of ")
    # The row's total, every grade.
    open_page(page, sites["content"], "")
    total = int(cell.locator("td[data-label='All'] a").inner_text())
    cell.locator("td[data-label='All'] a").click()
    page.wait_for_url(re.compile(r"region=North"))
    assert len(visible(page)) == total and "grade" not in query(page)


def test_an_address_whose_fragment_is_not_valid_encoding_leaves_the_script_working(sites, page, open_page):
    # `#%` cannot be decoded: decoding it threw, and the tables below were never set up.
    errors: list[str] = []

    def caught(error: Exception) -> None:
        errors.append(str(error))

    page.on("pageerror", caught)
    try:
        open_page(page, sites["content"], "#%")
        assert page.locator("#authority-table thead button").count() > 0
        page.locator("a[href='#authorities']").first.click()
    finally:
        page.remove_listener("pageerror", caught)
    assert errors == []
