"""Markdown from content into HTML that can carry no script, in time linear in its length.

Markdown's output, raw HTML included, goes through nh3, which keeps only a short list
of tags and attributes and only http, https and mailto links. Raw HTML is therefore
stripped: a <script> or <style> element disappears with its content, other tags
disappear and leave their text.

Two shortcuts keep rendering fast and its time proportional to the text's length:

- Plain text (no character or line start that Markdown reads as markup) skips Markdown
  and nh3: escaped and cut into paragraphs, it is byte for byte what they would give
  (tests/test_text.py compares the two on generated text and on all of content/).
- Python-Markdown is not linear: from each `[`, `<` or backtick it may scan to the end
  of the paragraph, it handles blocks and list lines in ways that grow with their
  square, and deep nesting exhausts Python's stack. A text reaches it only within the
  LIMITS below, under which its time is proportional to the length (the constant is
  measured by bench/markdown_worst.py). A text beyond them is shown as written, escaped,
  in paragraphs, and `check` warns about it (markdown_problem).
"""

from __future__ import annotations

import bisect
import html as htmllib
import re
from functools import lru_cache
from typing import Any

import nh3
from markupsafe import Markup

TAGS = {"p", "ul", "ol", "li", "em", "strong", "a", "blockquote", "code", "pre", "br"}
SCHEMES = {"http", "https", "mailto"}

# Limits on what Markdown is given, per text and per paragraph (lines between blank lines).
MAX_PARAGRAPHS = 200
MAX_LINES = 200  # in one paragraph
MAX_MARKUP = 32  # markup characters and block-starting lines in one paragraph
MAX_DEPTH = 8  # lists, quotes and indentation nested on one line

# A link whose address nh3 refused keeps its text but must not stay a link with no target.
_DEAD_LINK = re.compile(r'<a rel="noopener noreferrer">(.*?)</a>', re.S)

# Text is plain when it has none of what Markdown could read as markup: an inline markup
# character, a tab or carriage return, any other character that is not printable, an
# entity (a number after `&#` is one even without its `;`), trailing spaces (a line
# break), and a line that starts with a space, a block marker or a number followed by
# `.` or `)`. The tests are plain string searches: a regular expression that tries a
# line start (`^`) at every position costs some 20 times as much.
_MARKUP_CHARACTERS = "\\`*_[]<>\t\r"
_PLAIN_ASCII = bytes(sorted({*range(0x20, 0x7F), 0x0A} - set(_MARKUP_CHARACTERS.encode())))
_ENTITY = re.compile(r"&(?:#|[A-Za-z0-9]+;)")
_MARKUP_LINE = re.compile(r"\n(?:[ #+=\-]|[0-9]+[.)])")  # searched in "\n" + text
_PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t]*\n)+")
# What costs Markdown a scan or a rebuild of the paragraph: each is one unit of MAX_MARKUP,
# as are trailing double spaces (a line break).
_INLINE_MARKS = re.compile(r"[\\`*_\[<]|&(?:#|[A-Za-z0-9]+;)")
_LINE_MARKS = re.compile(r"\n(?:[ \t]*(?:[#>+=\-]|[0-9]+[.)])| {4}|\t)")  # searched in "\n" + paragraph
# The markers a line starts with: each, and each 4 columns of a run of spaces among them,
# is a nesting level.
_PREFIX = re.compile(r"(?:[ \t]*(?:[>*+\-]|[0-9]+[.)]))*[ \t]*")
_MARKER = re.compile(r"[>*+\-]|[0-9]+[.)]")
_SPACES = re.compile(r"[ \t]+")
# A line of `-`, `*` or `_` (a rule, or a heading's underline) is no list, however long.
_RULE = re.compile(r"[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*")


def _plain(text: str) -> bool:
    if text.isascii():
        if text.encode().translate(None, _PLAIN_ASCII):  # what is left is markup or unprintable
            return False
    elif any(c in text for c in _MARKUP_CHARACTERS) or not text.replace("\n", "").isprintable():
        return False
    return not (
        ("\n" in text and " \n" in text)  # the line break first, as in may_link
        or text.endswith(" ")
        or ("&" in text and _ENTITY.search(text))
        or _MARKUP_LINE.search("\n" + text)
    )


def _depth(line: str) -> int:
    if _RULE.fullmatch(line):
        return 0
    prefix = _PREFIX.match(line)
    assert prefix is not None  # it matches the empty string
    found = prefix.group()
    return len(_MARKER.findall(found)) + sum(len(run.expandtabs(4)) // 4 for run in _SPACES.findall(found))


def _paragraphs(text: str) -> list[str]:
    return _PARAGRAPH_BREAK.split(text.strip("\n"))


def _as_paragraphs(text: str) -> str:
    """The text as written, escaped, one <p> per paragraph: Markdown's output for plain text."""
    return "\n".join(
        "<p>" + p.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>" for p in _paragraphs(text)
    )


def _sanitise(html: str) -> str:
    clean = nh3.clean(
        html,
        tags=TAGS,
        attributes={"a": {"href"}},
        url_schemes=SCHEMES,
        link_rel="noopener noreferrer",
        url_relative="deny",
    )
    return _DEAD_LINK.sub(r"\1", clean)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def markdown_problem(text: str) -> tuple[str, str] | None:
    """Why a text would be shown unformatted, as (message, hint); None when it is formatted.

    Linear in the text's length; plain text returns at the first test.
    """
    if _plain(text):
        return None
    paragraphs = _paragraphs(text)
    if len(paragraphs) > MAX_PARAGRAPHS:
        return (
            f"this text has {len(paragraphs)} paragraphs, more than the {MAX_PARAGRAPHS} "
            "that are formatted, so the whole text will be shown as written, without formatting",
            "shorten it, or leave out the Markdown (`*`, `_`, `[`, `<`, backticks, headings, lists) "
            "so it is shown as plain paragraphs",
        )
    for number, paragraph in enumerate(paragraphs, 1):
        where = f"its {_ordinal(number)} paragraph" if len(paragraphs) > 1 else "this text"
        lines = paragraph.count("\n") + 1
        if lines > MAX_LINES:
            found = f"{where} has {lines} lines, more than the {MAX_LINES} that are formatted"
            hint = "separate paragraphs with an empty line"
        elif (
            marks := len(_INLINE_MARKS.findall(paragraph))
            + len(_LINE_MARKS.findall("\n" + paragraph))
            + paragraph.count("  \n")
            + paragraph.endswith("  ")
        ) > MAX_MARKUP:
            found = f"{where} has {marks} pieces of markup, more than the {MAX_MARKUP} that are formatted"
            hint = (
                "markup is each `*`, `_`, `[`, `<`, `\\`, backtick, `&...;` entity, line break, and list, "
                "quote or heading line; split the paragraph with an empty line, or use fewer"
            )
        elif (depth := max(_depth(line) for line in paragraph.split("\n"))) > MAX_DEPTH:
            found = (
                f"{where} nests lists, quotes or indentation {depth} deep, more than the {MAX_DEPTH} that are formatted"
            )
            hint = "nest less deeply, or remove the leading spaces, `>`, `-`, `*`, `+` or numbers"
        else:
            continue
        return f"{found}, so the whole text will be shown as written, without formatting", hint
    return None


@lru_cache(maxsize=1)
def _converter() -> Any:
    import markdown  # here, not above: `check` uses this module but need not start Markdown

    return markdown.Markdown(extensions=[], output_format="html")


def _markdown_html(text: str) -> str:
    converter = _converter().reset()
    html = converter.convert(text)
    stash: list[str] = converter.htmlStash.rawHtmlBlocks
    if "\x02" in html or "\x03" in html:
        html = _STASHED.sub(lambda m: _unstash(stash, m), html).replace("\x02", "").replace("\x03", "")
    clean = _sanitise(html)
    # Raw HTML (not an entity, which Markdown keeps aside too) may nest so that what nh3 writes
    # is not what a browser reads back (a link inside a link, after a <select>); cleaned
    # again, it settles.
    for _ in range(3 if any(piece.lstrip().startswith("<") for piece in stash) else 0):
        again = _sanitise(clean)
        if again == clean:
            break
        clean = again
    return clean


# Python-Markdown keeps raw HTML and entities aside, as `\x02klzzwxh:N\x03` in the text, and
# puts them back at the end; emphasis that ends inside one (`*a**b*&amp;`) cuts its first mark
# off, and the rest would reach the page, and the feeds, where \x03 is no character XML allows.
_STASHED = re.compile("\x02?klzzwxh:([0-9]{1,9})\x03|\x02klzzwxh:([0-9]{1,9})")


def _unstash(stash: list[str], found: re.Match[str]) -> str:
    number = int(found.group(1) or found.group(2))
    return stash[number] if number < len(stash) else ""


@lru_cache(maxsize=4096)
def render_markdown(text: str) -> Markup:
    if _plain(text):
        return Markup(_as_paragraphs(text))
    if markdown_problem(text) is not None:
        return Markup(_sanitise(_as_paragraphs(text)))
    return Markup(_markdown_html(text))


# The first tag of a piece of raw HTML as Markdown keeps it (a block keeps its content).
_FIRST_TAG = re.compile(r"<[^<>]*>?")
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")


def hidden_html(text: str) -> list[str]:
    """The HTML tags written in a text that its page leaves out, as written, each time it is
    opened, in the text's order (`<b>` and `</b>` are one).

    Markdown passes raw HTML through (`<council name>` is a tag to it) and nh3 then removes
    every tag not in TAGS, so words an editor put in angle brackets vanish without a trace.
    """
    if "<" not in text or markdown_problem(text) is not None:
        return []  # plain, or shown as written: every `<` is escaped and shows
    converter = _converter().reset()
    converter.convert(text)
    hidden: list[str] = []
    opened: set[str] = set()
    for piece in converter.htmlStash.rawHtmlBlocks:
        tag = _FIRST_TAG.match(piece.lstrip())
        if tag is None:  # an entity, `&amp;`, which Markdown stores the same way
            continue
        name = _TAG_NAME.match(tag.group())
        if name is None:
            continue  # an HTML comment, `<!-- -->`: written not to show
        key = name.group(1).lower()
        if key in TAGS or (tag.group().startswith("</") and key in opened):
            continue  # shown; or the end of a tag told at its start
        opened.add(key)
        hidden.append(tag.group())
    return hidden


@lru_cache(maxsize=8)
def _as_html(text: str) -> str | None:
    """A text as Markdown writes it, before it is made safe, for the checks that read its links
    (refused_links, bare_addresses: one text asked by both is converted once); None where
    markdown_problem says it is not run through Markdown."""
    return None if markdown_problem(text) is not None else _converter().reset().convert(text)


def refused_links(text: str) -> list[tuple[str, bool]]:
    """The addresses of a text's links that its page shows as plain words, or links as no
    web address is written: (the address, whether it is linked), once each.

    nh3 keeps only http, https and mailto links: an address written without its scheme
    (`www.example.gov.uk`), one within a site (`/plan`, `#top`) or a `javascript:` one
    loses its link, and the words stay. So does a link pasted as HTML, `<a href="/plan">`,
    which Markdown passes on as written. One with a space (`.../file/1 2 3`) keeps its
    link, with an address that is none as written.
    """
    html = _as_html(text) if may_link(text) else None
    if html is None:
        return []
    refused: dict[str, bool] = {}
    for quoted, single, bare in _HREF.findall(html):
        address = htmllib.unescape(quoted or single or bare).strip()
        scheme = _SCHEME.match(address)
        if scheme is None or scheme.group(1).lower() not in SCHEMES:
            refused.setdefault(address, False)
        elif any(c.isspace() for c in address):
            refused.setdefault(address, True)
    return list(refused.items())


def web_links(text: str) -> list[tuple[str, str]]:
    """The links of a text that its page keeps (web addresses with no space in them), as (the
    address, their words as plain text), once each: their addresses are held to a `url:`'s
    rules, and their words, where they are an address, to lead where they say."""
    html = _as_html(text) if may_link(text) else None
    if html is None:
        return []
    # Each link's words run to the next `</a>`, found by bisection: a search from every `<a`
    # of thousands left unclosed would cost the square of the text.
    ends = [m.start() for m in _LINK_END.finditer(html)]
    found: dict[tuple[str, str], None] = {}  # each link once, as (address, words): two may share an address
    for tag in _HREF.finditer(html):
        address = htmllib.unescape(next(g for g in tag.groups() if g is not None)).strip()
        scheme = _SCHEME.match(address)
        if scheme is None or scheme.group(1).lower() not in ("http", "https") or any(c.isspace() for c in address):
            continue  # not linked, or told of by refused_links
        opened = html.find(">", tag.end())
        end = bisect.bisect_left(ends, opened) if opened >= 0 else len(ends)
        inner = html[opened + 1 : ends[end]] if end < len(ends) else ""
        found.setdefault((address, htmllib.unescape(re.sub(r"<[^>]*>", "", inner)).strip()))
    return list(found)


def lost_links(text: str) -> list[tuple[str, str]]:
    """Links and images written so that a page shows no link: (what was written, why), once each.

    `![chart](https://...)` is an image (so are `![chart](https://... "title")` and
    `![chart][ref]`, whose address is on a line of its own), which pages leave out with its
    words; in `[the letter] (https://...)` the space stops Markdown reading a link at all.
    """
    if "](" not in text and "] (" not in text and "][" not in text:
        return []
    found: dict[str, str] = {}
    defined = {label.lower() for label in _DEFINED.findall(text)} if "]:" in text else set()
    for image in _IMAGE.finditer(text):
        # By reference, an image only where its reference is defined: else Markdown shows it as typed.
        ref = image["ref"] or image["words"]  # `![Map][]` is defined as `[Map]:`
        if image["ref"] is None or ref.lower() in defined:
            found.setdefault(image.group(), "image")
    for spaced in _SPACED_LINK.finditer(text):
        found.setdefault(spaced.group(), "space")
    return list(found.items())


# No `[` inside the brackets, as syntax._LINK, and no `(` in the address, nor a quote in its
# title: each try stops at the next, so a text of thousands of `![a](` costs its length.
_IMAGE = re.compile(
    r"""!\[(?P<words>[^\[\]\n]*)\]"""
    r"""(?:\([^()\s]*(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'))?[ \t]*\)|\[(?P<ref>[^\[\]\n]*)\])"""
)
_DEFINED = re.compile(r"^ {0,3}\[([^\[\]\n]+)\]:", re.M)  # a reference's label, where it is defined
_SPACED_LINK = re.compile(r"\[[^\[\]\n]+\] +\((?:https?|mailto):[^)\s]*\)")
# Markdown writes `<a href="...">`; a link pasted as HTML is as its author wrote it.
_HREF = re.compile(r"""<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_LINK_END = re.compile(r"</a\s*>", re.IGNORECASE)


def bare_addresses(text: str) -> list[str]:
    """Web addresses written on their own in a text (`https://...`, `www....`), which its page
    shows as plain words, not links; once each, without the marks a sentence put after them.

    Read from the text as Markdown makes it: what is in a link (its words, its address, its
    title; written in Markdown, as `<https://...>` or as HTML) or in code is no such address.
    """
    html = _as_html(text) if "http" in text or "www." in text else None
    if html is None:
        return []
    html = _LINKED_OR_CODE.sub(" ", html)
    found = dict.fromkeys(
        sentence_end_trimmed(address.group())
        for words in _TAG.split(html)
        for address in _BARE_ADDRESS.finditer(htmllib.unescape(words))
    )
    return [address for address in found if address not in ("http://", "https://", "www.")]


def sentence_end_trimmed(address: str) -> str:
    """An address without the marks a sentence put after it: `.`, `,`, `;`, `:`, and a `)`
    that closes no `(` of the address's own."""
    while address and (address[-1] in ".,;:" or (address[-1] == ")" and address.count(")") > address.count("("))):
        address = address[:-1]
    return address


_LINKED_OR_CODE = re.compile(r"<(a|code)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
# Up to a space, a quote mark (straight or a word processor's), an ellipsis or a bracket
# that is no address's; its sentence's marks are trimmed after.
_BARE_ADDRESS = re.compile(r"(?<![\w/@.-])(?:https?://|www\.)[^\s<>\"'“”‘’…{}\[\]]+", re.IGNORECASE)


def may_link(text: str) -> bool:
    """Whether a text may hold a link or an image: most texts cannot, and are not parsed to find out."""
    # Each pair only where its first character is: one character is found far faster.
    # `<https://...>` is a link too (an autolink): `<h` for it, as for a heading tag, which costs a parse.
    return ("]" in text and ("](" in text or "]:" in text)) or (
        "<" in text and any(start in text for start in ("<a", "<A", "<h", "<H"))
    )


_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")


# Block markup: inside a sentence each block's end becomes a line break, so that inline
# Markdown is phrasing content, valid wherever a sentence is (in a <p>, in a table cell).
_BLOCK = re.compile(r"\s*</?(?:p|ul|ol|li|blockquote|pre)>\s*")


def render_inline(text: str) -> Markup:
    """Markdown for short text shown inside a sentence: no paragraph, list or other block."""
    html = str(render_markdown(text)).strip()
    return Markup("<br>".join(part for part in _BLOCK.split(html) if part.strip()))
