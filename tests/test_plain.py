"""Acronyms spelled out at their first use: the rules on small pages, and the fast scan
against a plain walk over every piece of text, on generated pages."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from tracker.plain import ACRONYMS, PLURALS, UNGLOSSED, spell_out

WORD = re.compile(r"\b(" + "|".join(sorted(ACRONYMS, key=len, reverse=True)) + r")(s?)\b")
SKIP = {"svg", "code", "pre", "script", "style", "title", "abbr", "blockquote", "q"}


def walked(page: str) -> str:
    """The rule, read literally: walk every piece of text in <main> in order."""
    start, end = page.find("<main"), page.rfind("</main>")
    if start < 0 or end < 0:
        return page
    out, seen, said, skipping = [], set(), "", 0
    pieces = re.split(r"(<[^>]*>)", page[start:end])
    fold_of = folds(pieces)
    fold_seen: dict[int, set[str]] = {}
    glossed: set[str] = set()
    fold_glossed: dict[int, set[str]] = {}
    quote: tuple[int | None, list[str], list[str]] | None = None  # its fold, its acronyms, its text
    for index, piece in enumerate(pieces):
        if index % 2:
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", piece)
            out.append(piece)
            if name and name.group(1).lower() in SKIP and not piece.endswith("/>"):
                if not skipping and not piece.startswith("</") and name.group(1).lower() == "blockquote":
                    quote = (fold_of[index], [], [])
                skipping = max(skipping + (-1 if piece.startswith("</") else 1), 0)
                if not skipping and quote:
                    out.append(
                        gloss(
                            quote,
                            seen | fold_seen.get(-1 if quote[0] is None else quote[0], set()),
                            glossed,
                            fold_glossed,
                        )
                    )
                    quote = None
            continue
        if skipping:
            if quote:
                quote[2].append(piece)
                quote[1].extend(m.group(1) for m in WORD.finditer(piece))
            out.append(piece)
            continue
        if not piece.strip() or len(seen) == len(ACRONYMS):
            out.append(piece)
            continue
        last = 0
        for match in WORD.finditer(piece):
            said += html.unescape(piece[last : match.start()]).lower().replace("’", "'")
            out.append(piece[last : match.end()])
            last = match.end()
            word = match.group(1)
            mine = seen if fold_of[index] is None else fold_seen.setdefault(fold_of[index], set())
            if word in seen or word in mine:
                continue
            mine.add(word)
            words = ACRONYMS[word].lower()
            words = words[:-1] if words.endswith("s") else words  # "Service" says "services"
            following = html.unescape(piece[match.end() : match.end() + 120]).lower().replace("’", "'")
            if words not in said[-400:] and words not in following:
                spelled = (PLURALS.get(word) or ACRONYMS[word] + "s") if match.group(2) else ACRONYMS[word]
                spelled = html.escape(spelled, quote=False)
                out.append(f", {spelled}" if piece.startswith(")", match.end()) else f" ({spelled})")
        said += html.unescape(piece[last:]).lower().replace("’", "'")
        out.append(piece[last:])
    if quote:
        out.append(
            gloss(quote, seen | fold_seen.get(-1 if quote[0] is None else quote[0], set()), glossed, fold_glossed)
        )
    return page[:start] + "".join(out) + page[end:]


def gloss(
    quote: tuple[int | None, list[str], list[str]],
    told: set[str],
    glossed: set[str],
    fold_glossed: dict[int, set[str]],
) -> str:
    """What follows a quotation: what each acronym it is first to use stands for, unless it says so itself."""
    fold, used, text = quote
    quoted = html.unescape("".join(text))
    said = quoted.lower().replace("’", "'")  # unescaped once, as the scan's
    mine = glossed if fold is None else fold_glossed.setdefault(fold, set())
    new = []
    for word in dict.fromkeys(used):
        if word in told or word in glossed or word in mine or word in UNGLOSSED:
            continue
        mine.add(word)
        words = ACRONYMS[word].lower()
        words = words[:-1] if words.endswith("s") else words
        if words not in said and f"({word})" not in quoted and f"({word}s)" not in quoted:
            new.append(f"{word} stands for {html.escape(ACRONYMS[word], quote=False)}")
    if not new:
        return ""
    return f'<p class="hint">{"; ".join(new)}.</p>'


def folds(pieces: list[str]) -> list[int | None]:
    """For each piece, the closed <details> it is folded in (below its <summary>, if it has one),
    or the <div> shown only on paper that holds it (the outermost of either), or None."""
    fold_of: list[int | None] = [None] * len(pieces)
    depth, opened, closed, begin = 0, 0, False, 0
    printed, divs = None, 0
    clamped = None  # the clamped paragraph being read
    for index, piece in enumerate(pieces):
        if clamped is not None:
            if index % 2 and re.match(r"</\s*p\b", piece, re.IGNORECASE):
                clamped = None
            else:
                fold_of[index] = clamped
            continue
        tag = re.match(r"<(/?)\s*(details|summary|div|p)\b", piece, re.IGNORECASE) if index % 2 else None
        if tag is None:
            continue
        if tag.group(2).lower() == "p":
            if not tag.group(1) and "card__clamp" in piece and printed is None and not (depth and closed):
                clamped = index
            continue
        if tag.group(2).lower() == "div":
            if printed is not None:
                divs += -1 if tag.group(1) else 1
                if divs == 0:
                    for i in range(printed + 1, index):
                        fold_of[i] = printed
                    printed = None
            elif not tag.group(1) and not (depth and closed) and 'class="print-only"' in piece:
                printed, divs = index, 1
            continue
        if printed is not None:
            continue
        if tag.group(2).lower() == "summary":
            if tag.group(1) and depth == 1:
                begin = index  # a summary is shown, folded or not
        elif not tag.group(1):
            depth += 1
            if depth == 1:
                opened, closed, begin = index, not re.search(r"\sopen\b", piece), index
        elif depth:
            depth -= 1
            if depth == 0 and closed:
                for i in range(begin + 1, index):
                    fold_of[i] = opened
    return fold_of


def main(body: str) -> str:
    return f"<html><head><title>SIF</title></head><body><main>{body}</main><footer>SIF</footer></body></html>"


def test_the_first_use_in_reading_order_is_spelled_out_once() -> None:
    page = spell_out(main("<h1>The SIF and ILACS</h1><p>A later SIF.</p>"))
    assert "<h1>The SIF (single inspection framework) and ILACS (inspecting local authority" in page
    assert "<p>A later SIF.</p>" in page
    assert "<footer>SIF</footer>" in page and "<title>SIF</title>" in page  # outside <main>: left alone


def test_an_acronym_in_brackets_is_spelled_out_without_more_brackets() -> None:
    page = spell_out(main("<p>Every authority (CSV)</p>"))
    assert "<p>Every authority (CSV, comma-separated values)</p>" in page


def test_words_already_said_are_not_repeated() -> None:
    before = spell_out(main("<p>A single inspection framework (SIF) report.</p>"))
    after = spell_out(main("<p>The SIF, or single inspection framework.</p>"))
    assert "(single inspection framework)" not in before.replace("framework (SIF)", "")
    assert after == main("<p>The SIF, or single inspection framework.</p>")


def test_markup_attributes_pictures_and_code_are_never_changed() -> None:
    body = '<a href="#SIF" title="SIF">x</a><svg><text>SIF</text></svg><code>SIF</code><p>SIF</p>'
    page = spell_out(main(body))
    assert '<a href="#SIF" title="SIF">x</a><svg><text>SIF</text></svg><code>SIF</code>' in page
    assert "<p>SIF (single inspection framework)</p>" in page


def test_quotations_are_shown_as_written() -> None:
    # Ofsted's words: "HMI Constabulary" there is an inspectorate, not "His Majesty's Inspector".
    quoted = "<blockquote>sharing these findings with HMI Constabulary</blockquote><p>A <q>SIF</q> report.</p>"
    page = spell_out(main(quoted + "<p>HMI and SIF.</p>"))
    assert "<blockquote>sharing these findings with HMI Constabulary</blockquote><p>A <q>SIF</q>" in page
    assert "<p>HMI (His Majesty's Inspector) and SIF (single inspection framework).</p>" in page


def test_a_quotation_is_followed_by_what_its_acronyms_stand_for_once_a_page() -> None:
    point = "<li><blockquote><p>Strengthen oversight in the MASH and of IROs.</p></blockquote></li>"
    page = spell_out(main(f"<ul>{point}{point}</ul><p>The MASH.</p>"))
    stands = "MASH stands for multi-agency safeguarding hub; IRO stands for independent reviewing officer"
    assert page == walked(main(f"<ul>{point}{point}</ul><p>The MASH.</p>"))
    glossed = point.replace("</blockquote>", f'</blockquote><p class="hint">{stands}.</p>')
    assert page == main(f"<ul>{glossed}{point}</ul><p>The MASH (multi-agency safeguarding hub).</p>")


def test_a_quotation_that_spells_out_its_acronym_or_follows_its_explanation_is_left_alone() -> None:
    spelled = "<blockquote>the multi-agency safeguarding hub (MASH)</blockquote>"
    assert spell_out(main(spelled)) == main(spelled)
    # In its own words ("and", not "or"; a curly apostrophe), the acronym in brackets after them.
    for own in (
        "<p>Care leavers in education, employment and training (EET).</p>",
        "DCS, Director of Children’s Services",
    ):
        assert spell_out(main(f"<blockquote>{own}</blockquote>")) == main(f"<blockquote>{own}</blockquote>")
    after = "<p>The MASH.</p><blockquote>the MASH</blockquote>"
    assert spell_out(main(after)) == main(
        "<p>The MASH (multi-agency safeguarding hub).</p><blockquote>the MASH</blockquote>"
    )


def test_a_plural_is_spelled_out_in_the_plural() -> None:
    page = spell_out(main("<p>Caseloads of PAs and IROs; the CAMHS.</p>"))
    assert page == walked(main("<p>Caseloads of PAs and IROs; the CAMHS.</p>"))
    assert "PAs (personal advisers) and IROs (independent reviewing officers)" in page
    assert "CAMHS (child and adolescent mental health services)" in page
    # Written singular, the words say the plural's; a plural's own form, as reports write it.
    page = spell_out(main("<p>The Child and Adolescent Mental Health Service (CAMHS). Access to CAMHs.</p>"))
    assert page == main("<p>The Child and Adolescent Mental Health Service (CAMHS). Access to CAMHs.</p>")
    page = spell_out(main("<p>Access to CAMHs and an SGO.</p>"))
    assert "CAMHs (child and adolescent mental health services) and an SGO (special guardianship order)" in page
    # Not every plural is the words with an "s"; and a curly apostrophe is the same word.
    page = spell_out(main("<p>NEETs and DCSs.</p><p>The Director of Children’s Services (DCS).</p>"))
    assert "NEETs (not in education, employment or training) and DCSs (directors of children's services)" in page
    assert "<p>The Director of Children’s Services (DCS).</p>" in spell_out(
        main("<p>The Director of Children’s Services (DCS).</p>")
    )


def test_a_first_use_in_a_folded_section_is_spelled_out_there_and_again_outside() -> None:
    # A reader may never open a closed <details>: its first SIF explains nothing to them.
    folded = "<details><summary>Earlier SIF</summary><p>SIF and SIF.</p></details>"
    page = main(folded + "<details><p>SIF.</p></details><details open><p>SIF.</p></details><p>SIF.</p>")
    expected = main(
        "<details><summary>Earlier SIF (single inspection framework)</summary><p>SIF and SIF.</p></details>"
        "<details><p>SIF.</p></details><details open><p>SIF.</p></details><p>SIF.</p>"
    )
    assert spell_out(page) == walked(page) == expected
    spelled = " (single inspection framework)"
    folded = "<details><summary>Earlier</summary><p>SIF and SIF.</p><details><p>SIF</p></details></details>"
    page = main(folded + "<details><p>SIF.</p></details><details open><p>SIF.</p></details><p>SIF.</p>")
    expected = main(
        f"<details><summary>Earlier</summary><p>SIF{spelled} and SIF.</p><details><p>SIF</p></details></details>"
        f"<details><p>SIF{spelled}.</p></details><details open><p>SIF{spelled}.</p></details><p>SIF.</p>"
    )
    assert spell_out(page) == walked(page) == expected


def test_a_first_use_shown_only_on_paper_is_spelled_out_there_and_again_on_screen() -> None:
    # A table printed for committee papers is never seen on screen: its SIF explains nothing there.
    printed = '<div class="print-only"><table><tr><td>SIF</td></tr></table><div>SIF</div></div>'
    page = main(f'<div class="card">{printed}<p>SIF and SIF.</p></div>')
    spelled = " (single inspection framework)"
    expected = main(
        f'<div class="card"><div class="print-only"><table><tr><td>SIF{spelled}</td></tr></table><div>SIF</div>'
        f"</div><p>SIF{spelled} and SIF.</p></div>"
    )
    assert spell_out(page) == walked(page) == expected
    # Inside a closed fold it is part of the fold; a fold inside it is part of it.
    page = main(f"<details><summary>Earlier</summary>{printed}<p>SIF</p></details><p>SIF</p>")
    assert (
        spell_out(page)
        == walked(page)
        == main(
            f"<details><summary>Earlier</summary>{printed.replace('SIF<', 'SIF' + spelled + '<', 1)}<p>SIF</p>"
            f"</details><p>SIF{spelled}</p>"
        )
    )
    page = main('<div class="print-only"><details><p>SIF</p></details>SIF</div><p>SIF</p>')
    assert (
        spell_out(page)
        == walked(page)
        == main(f'<div class="print-only"><details><p>SIF{spelled}</p></details>SIF</div><p>SIF{spelled}</p>')
    )


def test_a_first_use_in_a_clamped_paragraph_is_spelled_out_there_and_again_outside() -> None:
    # The card cuts a visit's focus to a few lines: its explanation may be what is cut off.
    page = main('<p class="card__meta card__clamp">About the MASH.</p><blockquote>In the MASH.</blockquote>')
    spelled = " (multi-agency safeguarding hub)"
    gloss = '<p class="hint">MASH stands for multi-agency safeguarding hub.</p>'
    clamped = f'<p class="card__meta card__clamp">About the MASH{spelled}.</p>'
    assert spell_out(page) == walked(page) == main(f"{clamped}<blockquote>In the MASH.</blockquote>{gloss}")


def test_an_acronym_that_starts_a_fold_is_inside_it() -> None:
    # Its first use in the fold, which a reader may not open, is not its first use outside.
    page = main("<details>SIF</details>SIF")
    spelled = " (single inspection framework)"
    assert spell_out(page) == walked(page) == main(f"<details>SIF{spelled}</details>SIF{spelled}")


TEXT = st.sampled_from(
    [
        "SIF",
        "ILACS",
        "DfE",
        "CSV",
        " ",
        "\n",
        "the single inspection framework",
        "inspecting local authority children&#x27;s services",
        "&amp;",
        "&#x10FFFF;",
        "Ofsted",
        "a" * 150,
        "SIFT",
        "SIFs",
        "MASH",
        "the multi-agency safeguarding hub",
        "(MASH)",
        "NEETs",
        "the Director of Children’s Services",
        "DCS",
        "CAMHs",
        "the Child and Adolescent Mental Health Service",
        "(",
    ]
)
TAG = st.sampled_from(
    [
        *("<p>", "</p>", "<svg>", "</svg>", "<code>", "</code>", "<br/>", '<a href="SIF">', "</a>"),
        *("<abbr>", "</abbr>", "<blockquote>", "</blockquote>", "<q>", "</q>"),
        *("<details>", "<details open>", "</details>", "<summary>", "</summary>"),
        *('<div class="print-only">', '<div class="card">', "</div>"),
        *('<p class="card__meta card__clamp">', "<p>", "</p>", "<pre>", "</pre>"),
    ]
)


@given(st.lists(TEXT | TAG, max_size=60))
def test_the_scan_agrees_with_a_walk_over_every_piece_of_text(parts: list[str]) -> None:
    page = main("".join(parts))
    assert spell_out(page) == walked(page)
