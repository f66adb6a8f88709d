"""Acronyms spelled out at their first use: the rules on small pages, and the fast scan
against a plain walk over every piece of text, on generated pages."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from tracker.plain import ACRONYMS, spell_out

WORD = re.compile(r"\b(" + "|".join(sorted(ACRONYMS, key=len, reverse=True)) + r")\b")
SKIP = {"svg", "code", "pre", "script", "style", "title", "abbr", "blockquote", "q"}


def walked(page: str) -> str:
    """The rule, read literally: walk every piece of text in <main> in order."""
    start, end = page.find("<main"), page.rfind("</main>")
    if start < 0 or end < 0:
        return page
    out, seen, said, skipping = [], set(), "", 0
    for index, piece in enumerate(re.split(r"(<[^>]*>)", page[start:end])):
        if index % 2:
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", piece)
            if name and name.group(1).lower() in SKIP and not piece.endswith("/>"):
                skipping = max(skipping + (-1 if piece.startswith("</") else 1), 0)
            out.append(piece)
            continue
        if skipping or not piece.strip() or len(seen) == len(ACRONYMS):
            out.append(piece)
            continue
        last = 0
        for match in WORD.finditer(piece):
            said += html.unescape(piece[last : match.start()]).lower()
            out.append(piece[last : match.end()])
            last = match.end()
            word = match.group(1)
            if word in seen:
                continue
            seen.add(word)
            words = ACRONYMS[word].lower()
            following = html.unescape(piece[match.end() : match.end() + 120]).lower()
            if words not in said[-400:] and words not in following:
                out.append(f" ({html.escape(ACRONYMS[word], quote=False)})")
        said += html.unescape(piece[last:]).lower()
        out.append(piece[last:])
    return page[:start] + "".join(out) + page[end:]


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
    assert quoted in page
    assert "<p>HMI (His Majesty's Inspector) and SIF (single inspection framework).</p>" in page


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
        "(",
    ]
)
TAG = st.sampled_from(
    [
        *("<p>", "</p>", "<svg>", "</svg>", "<code>", "</code>", "<br/>", '<a href="SIF">', "</a>"),
        *("<abbr>", "</abbr>", "<blockquote>", "</blockquote>", "<q>", "</q>"),
    ]
)


@given(st.lists(TEXT | TAG, max_size=60))
def test_the_scan_agrees_with_a_walk_over_every_piece_of_text(parts: list[str]) -> None:
    page = main("".join(parts))
    assert spell_out(page) == walked(page)
