"""Markdown rendering: the plain-text shortcut and the limits that keep rendering linear.

The shortcut must give byte for byte what Markdown and nh3 give, so it is compared with
them on generated text and on every text field of content/. Speed itself is measured
by bench/markdown_worst.py, not here: these tests check that each input known to make
Python-Markdown slow (or overflow the stack) is kept away from it.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from pathlib import Path

import html5lib
import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker import pipeline, text
from tracker.model import Authority, _term_pattern
from tracker.text import MAX_DEPTH, MAX_LINES, MAX_MARKUP, MAX_PARAGRAPHS, markdown_problem, render_markdown

REPO = Path(__file__).resolve().parent.parent


def full(source: str) -> str:
    """What Markdown and nh3 make of a text, without the shortcut or the limits."""
    return text._markdown_html(source)


def markdown_texts(authority: Authority) -> Iterator[str]:
    yield from (n.text for n in authority.notes)
    for inspection in authority.inspections:
        if inspection.summary:
            yield inspection.summary
        yield from (r.text for r in inspection.recommendations)
        yield from (n.text for n in inspection.notes)
    for plan in authority.plans:
        for action in plan.actions:
            yield from (u.note for u in action.updates)


# The plain-text shortcut ---------------------------------------------------------------

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéßøΩжあ"
WORD = st.text(alphabet=st.sampled_from(LETTERS + "0123456789"), min_size=1, max_size=8)
# Punctuation of ordinary prose, none of it markup wherever it stands in a line.
PROSE_MARKS = [".", ",", ";", ":", "!", "?", "'", '"', "(", ")", "/", "-", "–", "’", "“", "”", "%", "£", "$", "@"]
PROSE_MARKS += ["#", "+", "=", "~", "^", "{", "}", "|", "& ", "1.", "2)", "  ", " "]
# Characters that are markup in some places only (a `-` or `#` starting a line, `1.`
# starting a line, entities, trailing spaces), so both sides of the shortcut's test are met.
NEAR_MARKUP = PROSE_MARKS + [
    "&",
    "&x",
    "&amp;",
    "&#38;",
    "&#38",
    "\u00a0",
    "\u200b",
    "1. ",
    "- ",
    "# ",
    "*",
    "_",
    "`",
    "<",
    ">",
]


def lines(tokens: list[str], first: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    line = st.tuples(first, st.lists(st.one_of(WORD, st.sampled_from(tokens)), max_size=12)).map(
        lambda parts: parts[0] + "".join(parts[1])
    )
    return st.lists(st.one_of(line, st.just("")), min_size=1, max_size=8).map("\n".join)


PLAIN_PROSE = lines(PROSE_MARKS, st.text(alphabet=st.sampled_from(LETTERS), min_size=1, max_size=8)).map(
    lambda t: "\n".join(line.rstrip() for line in t.split("\n"))
)
MIXED = lines(NEAR_MARKUP, st.one_of(WORD, st.sampled_from(NEAR_MARKUP)))


@settings(max_examples=1500, deadline=None)
@given(PLAIN_PROSE.filter(str.strip))
def test_prose_takes_the_shortcut_and_gets_what_markdown_gives(source: str) -> None:
    assert text._plain(source)
    assert render_markdown(source) == full(source)


@settings(max_examples=1500, deadline=None)
@given(MIXED)
def test_the_shortcut_gives_what_markdown_gives_for_text_near_markup(source: str) -> None:
    if source.strip() and text._plain(source):
        assert render_markdown(source) == full(source)


@settings(max_examples=1500, deadline=None)
@given(st.text(min_size=1))
def test_the_shortcut_gives_what_markdown_gives_for_any_text(source: str) -> None:
    if source.strip() and text._plain(source):
        assert render_markdown(source) == full(source)


@pytest.mark.parametrize(
    "source",
    [
        "A paragraph.",
        "One.\n\nTwo, with a line\nbreak inside.\n",
        "\n\nLeading and trailing blank lines\n\n\n",
        "Children & families; 50% said “yes”, others said 'no' (or didn't).",
        "The 2019 report: 3 of 5 areas were good. Well-led? Not yet!",
        "Caf\u00e9 – naïve – 日本語 – emoji \U0001f600",
    ],
)
def test_plain_text_takes_the_shortcut_and_matches_markdown(source: str) -> None:
    assert text._plain(source)
    assert render_markdown(source) == full(source)


@pytest.mark.parametrize(
    "source",
    [
        "*emphasis*",
        "a_b",
        "[link](https://example.org)",
        "`code`",
        "<b>tag</b>",
        "a > b",
        "a &amp; b",
        "a &#38; b",
        "# heading",
        "- item",
        "+ item",
        "1. item",
        "2) item",
        "text\n===",
        "text\n---",
        "    indented",
        " one space",
        "line break  \nhere",
        "trailing space ",
        "tab\there",
        "back\\slash",
        "no\u00a0break",
        "zero\u200bwidth",
    ],
)
def test_markup_is_not_plain(source: str) -> None:
    assert not text._plain(source)


def test_every_text_of_the_real_content_renders_as_markdown_would() -> None:
    checked = pipeline.check(REPO / "content", dt.date(2100, 1, 1))
    assert checked.content is not None, checked.errors
    texts = [t.description for t in checked.content.frameworks.types.values() if t.description]
    for authority in checked.content.authorities.values():
        texts += markdown_texts(authority)
    assert len(texts) > 20
    for source in texts:
        assert markdown_problem(source) is None, source
        assert render_markdown(source) == full(source), source


# Inputs that make Python-Markdown slow or overflow the stack ---------------------------

N = 30_000  # the size of the reported attack: a 30 KB summary of `[`
PATHOLOGICAL = {
    "brackets": "[" * N,
    "bracket-words": "[a" * (N // 2),
    "image-brackets": "![" * (N // 2),
    "nested-brackets": "[" * (N // 2) + "]" * (N // 2),
    "open-links": "[a](" * (N // 4),
    "reference-brackets": "[a][" * (N // 4),
    "brackets-and-emphasis": "[*" * (N // 2),
    "brackets-and-backticks": "[`" * (N // 2),
    "brackets-and-tags": "[<" * (N // 2),
    "emphasis": "*a" * (N // 2),
    "strong": "**a" * (N // 3),
    "underscores-and-stars": "*_" * (N // 2),
    "backticks": "`a" * (N // 2),
    "tags": "<a b" * (N // 4),
    "cdata": "<![CDATA[" * (N // 9),
    "entities": "&amp; " * (N // 6),
    "escapes": "\\*" * (N // 2),
    "line-breaks": "a  \n" * (N // 4),
    "rules": "---\na\n" * (N // 6),
    "setext": "a\n=\n" * (N // 4),
    "paragraphs-with-markup": "*a*\n\n" * (N // 5),
    "list-continuation": "- a\n" + "b\n" * (N // 2),
    "nested-numbers": "1. " * 500,
    "nested-pluses": "+ " * 500,
    "nested-quotes": "> " * 500,
    "nested-indentation": "".join("    " * k + "- x\n" for k in range(400)),
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_text_is_shown_as_written_without_markdown(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    source = PATHOLOGICAL[name]
    render_markdown.cache_clear()

    def refuse() -> None:
        raise AssertionError("Markdown was called")

    monkeypatch.setattr(text, "_converter", refuse)
    problem = markdown_problem(source)
    assert problem is not None
    message, hint = problem
    assert message.endswith("so the whole text will be shown as written, without formatting")
    assert hint
    shown = BeautifulSoup(str(render_markdown(source)), "html.parser")
    assert [p.get_text() for p in shown.find_all("p")] == text._paragraphs(source)
    assert {tag.name for tag in shown.find_all(True)} == {"p"}


def test_unformatted_text_still_carries_no_script() -> None:
    source = '<script>alert(1)</script> <img src=x onerror="alert(1)"> ' + "[" * (MAX_MARKUP + 1)
    shown = str(render_markdown(source))
    assert "<script" not in shown and "<img" not in shown
    assert html.unescape(shown.removeprefix("<p>").removesuffix("</p>")) == source


@pytest.mark.parametrize(
    ("source", "words"),
    [
        # Markdown's placeholder for the entity, cut by the emphasis: put back, not left as
        # `klzzwxh:0000\x03`. Which asterisks make the emphasis is Markdown's to choose (3.11.4
        # chose otherwise than 3.11.3): the words, and nothing else, are what a reader sees.
        ("*a**b*&amp;", "ab&"),
        ("*>**>*<m>", ">>"),
    ],
)
def test_markdowns_own_placeholders_never_reach_the_page(source: str, words: str) -> None:
    shown = str(render_markdown(source))
    html5lib.HTMLParser(strict=True).parseFragment(shown)
    assert BeautifulSoup(shown, "html.parser").get_text().replace("*", "") == words


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        # A link inside a link, as nh3 first wrote it: cleaned again, it is what a browser reads.
        (
            '<a href="https://a.example/"><select><a href="https://b.example/">x',
            '<p><a href="https://a.example/" rel="noopener noreferrer"></a>'
            '<a href="https://b.example/" rel="noopener noreferrer">x</a></p><p></p><p></p>',
        ),
    ],
)
def test_raw_html_comes_out_as_a_browser_reads_it(source: str, shown: str) -> None:
    assert str(render_markdown(source)) == shown
    parser = html5lib.HTMLParser(strict=True)
    parser.parseFragment(shown)  # raises at a character HTML does not allow, or a tag it would move


# The limits, at and just beyond -------------------------------------------------------


def links(n: int) -> str:
    return " ".join(f"[link {k}](https://example.org/{k})" for k in range(n))


def test_a_paragraph_at_the_markup_limit_is_formatted() -> None:
    source = links(MAX_MARKUP)
    assert markdown_problem(source) is None
    assert len(BeautifulSoup(str(render_markdown(source)), "html.parser").find_all("a")) == MAX_MARKUP


def test_one_more_piece_of_markup_is_not() -> None:
    source = links(MAX_MARKUP + 1)
    assert markdown_problem(source) == (
        f"this text has {MAX_MARKUP + 1} pieces of markup, more than the {MAX_MARKUP} that are formatted, "
        "so the whole text will be shown as written, without formatting",
        "markup is each `*`, `_`, `[`, `<`, `\\`, backtick, `&...;` entity, line break, and list, quote or "
        "heading line; split the paragraph with an empty line, or use fewer",
    )
    assert not BeautifulSoup(str(render_markdown(source)), "html.parser").find_all("a")


def test_the_markup_limit_is_per_paragraph() -> None:
    source = "\n\n".join([links(MAX_MARKUP)] * 3)
    assert markdown_problem(source) is None
    assert len(BeautifulSoup(str(render_markdown(source)), "html.parser").find_all("a")) == 3 * MAX_MARKUP


def test_the_paragraph_limit() -> None:
    assert markdown_problem("\n\n".join(["*a*"] * MAX_PARAGRAPHS)) is None
    problem = markdown_problem("\n\n".join(["*a*"] * (MAX_PARAGRAPHS + 1)))
    assert problem is not None and problem[0].startswith(f"this text has {MAX_PARAGRAPHS + 1} paragraphs")
    # Plain paragraphs have no limit: they never reach Markdown.
    assert markdown_problem("\n\n".join(["a"] * 10 * MAX_PARAGRAPHS)) is None


def test_the_line_limit_names_the_paragraph() -> None:
    long = "*a*\n" + "b\n" * MAX_LINES
    assert markdown_problem("*a*\n" + "b\n" * (MAX_LINES - 1)) is None
    problem = markdown_problem("First.\n\n" + long)
    assert problem is not None and problem[0].startswith(f"its 2nd paragraph has {MAX_LINES + 1} lines")


def test_the_nesting_limit() -> None:
    deep = "".join("  " * k + "- item\n" for k in range(MAX_DEPTH))
    assert markdown_problem(deep) is None
    assert "<li>" in str(render_markdown(deep))
    problem = markdown_problem("> " * (MAX_DEPTH + 1) + "quoted")
    assert problem is not None and f"nests lists, quotes or indentation {MAX_DEPTH + 1} deep" in problem[0]


def test_inline_rendering_has_no_blocks() -> None:
    assert text.render_inline("Plain & simple.") == "Plain &amp; simple."
    assert text.render_inline("*Formatted*.") == "<em>Formatted</em>."
    # Inside a sentence each paragraph or list item ends with a line break instead.
    assert text.render_inline("One.\n\nTwo.") == "One.<br>Two."
    assert text.render_inline("- a\n- *b*") == "a<br><em>b</em>"
    assert text.render_inline("<script>x</script> @SUM(A1)") == "@SUM(A1)"


@pytest.mark.parametrize(
    ("source", "hidden"),
    [
        ("The letter to <council name> says", ["<council name>"]),
        ("Partnership <i>wide</i> <council name> strategy", ["<i>", "<council name>"]),
        ("<b>bold</b> and <B>more</B>", ["<b>", "<B>"]),  # each use, to be told on its own line
        ("<div>\nblock\n</div>\n\nafter", ["<div>"]),
        ("<script>alert(1)</script> text", ["<script>"]),
        ("The <local\nauthority> team", ["<local\nauthority>"]),
        ("kept: <em>x</em> <strong>y</strong> <br> <a href='https://x.org'>z</a>", []),
        ("links: <https://example.org> <team@example.org>", []),
        ("a < b and c > d, <5 children", []),
        ("`<b>` in code, &amp; &lt;council name&gt;", []),
        ("an HTML comment <!-- checked --> is written not to show", []),
        ("plain text", []),
    ],
)
def test_hidden_html_names_the_tags_a_page_leaves_out(source: str, hidden: list[str]) -> None:
    assert text.hidden_html(source) == hidden


# A term's forms, found in a point's text ----------------------------------------------------

WORDS = ["national", "framework", "enabler", "2", "a", "aa", "children's"]


@given(
    forms=st.lists(
        st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join), min_size=1, max_size=6, unique=True
    ),
    written=st.lists(
        st.one_of(
            st.sampled_from([*WORDS, "National", "FRAMEWORK", "Enabler"]), st.sampled_from([" ", "\n ", ",", "(", "x"])
        ),
        max_size=16,
    ).map("".join),
)
def test_a_terms_forms_are_found_as_a_pattern_of_each_form_would_find_them(forms: list[str], written: str) -> None:
    # The forms are one tree of their words, searched in the casefolded text, so that fifty
    # forms cost a text one pass (derive._term_pattern): it must find what one alternative
    # per form, whatever the capitals, found before.
    each = "|".join(r"\s+".join(re.escape(word) for word in form.split()) for form in forms)
    plain = re.compile(rf"(?<!\w)(?:{each})(?!\w)", re.IGNORECASE)
    assert bool(_term_pattern(tuple(forms)).search(written.casefold())) == bool(plain.search(written))


@pytest.mark.parametrize(
    ("written", "bare"),
    [
        ("see www.case.gov.uk/board now", ["www.case.gov.uk/board"]),
        ("see https://www.case.gov.uk/policy.", ["https://www.case.gov.uk/policy"]),
        ("see (https://case.gov.uk/x) here", ["https://case.gov.uk/x"]),
        ("https://case.gov.uk/a?b=c&d=e, next", ["https://case.gov.uk/a?b=c&d=e"]),
        # The marks around it, as a word processor or Markdown writes them, are not the address's.
        ("“www.case.gov.uk/quoted”", ["www.case.gov.uk/quoted"]),
        ("*https://case.gov.uk/em*", ["https://case.gov.uk/em"]),
        ("{https://case.gov.uk}", ["https://case.gov.uk"]),
        ("https://case.gov.uk/a’s", ["https://case.gov.uk/a"]),
        ("https://case.gov.uk/a…", ["https://case.gov.uk/a"]),
        ("https://en.wikipedia.org/wiki/Foo_(bar)", ["https://en.wikipedia.org/wiki/Foo_(bar)"]),
        # In a link, whatever way it is written (its words, its address, its title), or in code: none.
        ("[x](https://a.org/b) and <https://c.org>", []),
        ('<a href="https://d.org">https://d.org</a>', []),
        ("[the papers, at www.case.gov.uk/board](https://www.case.gov.uk/board)", []),
        ("[a]( https://case.gov.uk/a)", []),
        ('[t](https://a.org "see https://b.org")', []),
        ("see [the report][1]\n\n[1]: https://e.org/x", []),
        ("url `https://g.org` in code", []),
        ("email a@www.case.gov.uk", []),
    ],
)
def test_an_address_written_on_its_own_is_found_as_its_page_shows_it(written: str, bare: list[str]) -> None:
    assert text.bare_addresses(written) == bare
    # Each found is plain words on the page, and each not found is in a link or in code.
    shown = str(render_markdown(written))
    for address in bare:
        assert f'href="{address}' not in shown and f'href="https://{address}' not in shown
