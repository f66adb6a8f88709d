"""What a text will show that its editor did not mean.

The marks of a document pasted in (a PDF's broken words and ligatures, a word
processor's lists, quote marks and tables, a web page's HTML), notes to self inside a
text, and links its readers cannot open: each told where it is, with what to type.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

from .explain import UNKNOWN_WORDS, Report, is_required, percent_encoded, url_hint, url_site, value_at
from .load import ZERO_WIDTH, Document, Path_, written_after
from .model import EMAIL_PATTERN, Authority
from .problems import together
from .syntax import BULLETS, in_double_quotes, read_as
from .text import (
    bare_addresses,
    hidden_html,
    lost_links,
    markdown_problem,
    may_link,
    refused_links,
    render_markdown,
    sentence_end_trimmed,
    web_links,
)

# `[^1]`, as Markdown's footnotes extension writes one; no `[` inside, so a run of `[^` is linear.
_FOOTNOTE = re.compile(r"\[\^[^\[\]\s]+\]")
# `over- sight`: a word broken with a hyphen where a PDF's line ended. Not `short- and
# long-term`, whose hyphen waits for the word after `and`.
_BROKEN_WORD = re.compile(r"\b([A-Za-z]{2,})- (?!(?:and|or|to|nor|as well as)\b)([a-z]{2,})\b")
# The soft hyphen's own version of it: the word's parts before it (with any soft hyphens of
# its own: `co­op­` / `eration`), then one line break.
# Only from the start of a word, so that a run of thousands of soft hyphens is tried once.
_SOFT_BREAK = re.compile(r"(?<![\w\u00ad])([\w\u00ad]*\w)\u00ad[ \t]*\n[ \t]*(\w+)")
# In a block of text, a `#` after two spaces, as a comment at a line's end is written, or
# after one that ends a sentence and before words (in a sentence, or before a number,
# `Priority # 1` and `ranked (first) # 1` are text); a line that starts with `#` is looked
# at apart.
_BLOCK_COMMENT = re.compile(r"(?:  +|(?<=[.!?\"”’]) (?=#(?:[ \t]+[^\d\s]|$)))(#)(?:\s|$)")
# A line of `=` or `-` under the first line of a paragraph makes that line a heading to
# Markdown (not under a list's item, a quotation or a heading, which it would not make one;
# lower in a paragraph, `---` is a rule the page leaves out, and `===` shows as typed).
_UNDERLINED = re.compile(
    r"(?:\A|\n[ \t]*\n)[ \t]{0,3}((?!\d+[.)](?:\s|$))[^-*+>#\s][^\n]*)\n[ \t]{0,3}(=+|-+)[ \t]*(?:\n|\Z)"
)
# Two `#` or more at a line's start make a heading to Markdown; one is as likely a note
# to self (`# TODO`), which is how YAML's comments look.
# Its words are what is left without the `#` that may close it (`## Findings ##`).
_HEADING = re.compile(r"(#{2,6})[ \t]+(.*?\S)(?:[ \t]+#+)?[ \t]*$")
# Lists and tables as a document or a spreadsheet pastes them, which Markdown runs into the
# paragraph around them: a list straight under the line that brings it in (Markdown starts
# a list only after an empty line), a list numbered `1)` (which it never numbers), a line
# that starts with a word processor's bullet (no list mark at all), and rows of cells
# parted by tabs.
_ITEM = re.compile(r"[ \t]*([-*+]|\d{1,9}[.)])[ \t]+\S")
_LIST_FIRST = ("-", "*", "+", "1.")  # how a list's first item starts
_PAREN_LIST = re.compile(r"^[ \t]*(1\)[ \t]+\S.*)\n[ \t]*2\)[ \t]+\S", re.M)
# A middle dot is told only on two lines running (_MARK_LINES), as it may start a line of
# text; a symbol font's bullet is told as that (_ligature).
_LINE_BULLETS = BULLETS.replace("\u00b7", "").replace("\uf0b7", "")
_BULLET_LINE = re.compile(rf"^[ \t]*([{_LINE_BULLETS}][ \t]*\S.*)$", re.M)
# Dashes and dots a word processor turns `- ` into, and the `o` and tab of a list inside a
# list as Word pastes it: only two lines running, as a wrapped sentence may start a line
# with a dash.
_MARK_LINES = re.compile(r"^[ \t]*(([–·]|o(?=\t))[ \t]+\S.*)\n[ \t]*\2[ \t]+\S", re.M)
# A symbol font's character (Word's bullet in Symbol is U+F0B7): Unicode's private use
# area, which the reader's fonts do not have.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
# Characters that take no room and do nothing in a council's prose: a zero-width space, a word
# joiner, a byte-order mark inside a text, and tag characters, which spell words no reader sees,
# outside a flag's emoji. Names and titles refuse these and more (model.py); joiners stay in
# running text, as scripts and emoji need them.
# A flag's emoji is matched first, and passed over, so that each character is tried once.
_HIDDEN = re.compile(
    "\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f|(["
    + "".join(c for c in ZERO_WIDTH if c not in "\u00ad\u200c\u200d\u200e\u200f")
    + "\U000e0000-\U000e007f])"
)
# Two rows: one tab may be meant. A line with one tab, after a list's mark (`1.`, `-`, `•`,
# Word's symbol-font bullet), is a list's item as a word processor parts mark and item,
# told as one if need be; with more tabs, a table's row whose first column is numbered.
_NOT_MARK = r"(?!(?:[-*+•·–▪◦o\uf0b7]|\d+[.)]|[a-z][.)]|[ivx]+[.)])[ \t]*\t[^\t\n]*$)"
_TAB_ROW = re.compile(rf"^[ \t]*{_NOT_MARK}(\S[^\t\n]*\t+\S.*)\n[ \t]*{_NOT_MARK}\S[^\t\n]*\t+\S", re.M)
# The Latin ligatures (U+FB00 to U+FB06) and the letters each stands for.
_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_LIGATURE = re.compile("[\ufb00-\ufb06]")
_CODE = re.compile(r"<pre><code>\s*([^\n]*)")  # the first line of a block of code, as Markdown makes one
_INNER_SOFT = re.compile("(?<=\\w)\u00ad+(?=\\w)")  # between two letters: one at a line's end is _SOFT_BREAK's


def _word_around(text: str, found: re.Match[str]) -> str:
    """The word holding a match, at most 40 characters each way (a pattern of `\\w*` around it
    would cost the square of a long word's length); a soft hyphen is part of the word."""
    start, end = found.start(), found.end()
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "\u00ad") and found.start() - start < 40:
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] == "\u00ad") and end - found.end() < 40:
        end += 1
    return text[start:end]


# A list's entry as the model starts each, `- id: r5`, or in braces, `- {id: r5, ...}`.
ENTRY_START = re.compile(r"- (?:\{ ?)?(id|date): ([^\s,}]{1,40})")
_FOLDED_SIGN = re.compile(r":\s+(?:[-*+]|1\.)\s")  # `including: - its frequency`, as `>` folds a list
_LIST_SIGN = re.compile(r"\n[-*+0-9]")  # a pattern that starts with one character is searched for it, fast


def _run_in_item(text: str) -> tuple[int, str] | None:
    """The first item of a list that Markdown runs into the line of text above it, as (where
    it starts in the text, its line); None if there is none.

    A list is told by the line that brings it in, which ends with a colon ("including:"),
    and by its first item: a `-`, `*` or `+`, or `1.`. Lines that start with a dash or a
    number without such a line above are as likely a sentence wrapped before a dash (`and
    -` / `- in the longer term`) or a number (`from 22 to` / `18. More`), and a heading
    (`## Findings`) brings in a list of its own, so neither is told.
    """
    start = 0
    above = ""
    for line in text.split("\n"):
        item = _ITEM.match(line)
        if item and above.rstrip().endswith(":") and not _ITEM.match(above) and item[1] in _LIST_FIRST:
            return start, line.strip()
        above = line
        start += len(line) + 1
    return None


def _run_in_sign(text: str) -> bool:
    """Whether a text may hold what _run_in_item, _BULLET_LINE or _TAB_ROW look for, found by
    searches for single characters: those patterns' own searches cost the check of every text."""
    if "\t" in text or _LIST_SIGN.search(text):
        return True
    return not text.isascii() and any(mark in text for mark in BULLETS + "–")


def _bullet_lines(text: str) -> re.Match[str] | None:
    """A word processor's list in a text: a line that starts with a bullet beside a line of
    text, or two running that start with the dash or dot it makes of `- `, or its `o` and a tab."""
    if (bullet := _BULLET_LINE.search(text)) and _beside_text(text, bullet):
        return bullet
    return _MARK_LINES.search(text) if "–" in text or "·" in text or "o\t" in text else None


_FIRST_SHOWN = re.compile(r"\S")


def lone_bullet(text: str) -> str | None:
    """The bullet that starts a text with no other (`◼ Ensure that…`, a point copied from a
    report): no list, only a mark the page would show. None otherwise: a list of them is told
    as a list (Texts._run_in, _run_on_bullet).

    A PDF's copy may put a no-break space after it, or nothing; a middle dot before a word is
    left alone, as a word may follow one."""
    # Asked of every text with a character outside ASCII: its first is found without a copy of it.
    if (start := _FIRST_SHOWN.search(text)) is None:
        return None
    at = start.start()
    mark, after = text[at : at + 1], text[at + 1 : at + 2]
    if mark not in _LINE_BULLETS + "\u00b7" or not text[at + 1 :].strip():
        return None
    if not (after.isspace() or (after.isalnum() and mark != "\u00b7")):
        return None
    first = text[at:]
    return None if re.search(rf"\s{re.escape(mark)}", first) or _MARK_LINES.search(first) else mark


def line_above(text: str, start: int) -> str:
    """The line of text above the one that starts at start ("" for the first)."""
    return text[: start - 1].rpartition("\n")[2] if start else ""


def _beside_text(text: str, line: re.Match[str]) -> bool:
    """Whether the line found has a line of text above or below it, to run into."""
    below = text[line.end() + 1 :].partition("\n")[0]
    return bool(line_above(text, line.start()).strip() or below.strip())


# A line that starts as a list item does in a document (Word puts a tab after its bullet).
_BULLET = re.compile(rf" *[-*{BULLETS}][ \t]+\S")
# What an update's note, which pages show as one paragraph, asks of a list or table in it.
AS_SENTENCES = "write it as sentences; a report of its own goes in a source the update cites"
_NOTE_AS_SENTENCES = f"an update's note shows as one paragraph: {AS_SENTENCES}"


def _run_on_bullet(doc: Document, path: Path_) -> tuple[int, int] | None:
    """Where a text written without `|` goes on with a line that starts as a list item.

    `note: The review found` with `- 12 plans reviewed` under it, further in: YAML joins
    the lines, and the page shows `The review found - 12 plans reviewed`.
    """
    node = doc.node(path)
    if node is None or not node.plain:
        return None  # in quotes the lines are joined as well, but the quotes say it was meant so
    for number in range(node.line + 1, doc.last_line(node.line, node.col) + 1):
        line = doc.source_line(number)
        if _BULLET.match(line):
            return number, len(line) - len(line.lstrip(" ")) + 1
    return None


def markdown_fields(a: Authority) -> Iterator[tuple[Path_, str]]:
    """Every Markdown text of an authority, with its path."""
    for k, note in enumerate(a.notes):
        yield ("notes", k, "text"), note.text
    for i, inspection in enumerate(a.inspections):
        at = ("inspections", i)
        if inspection.summary:
            yield at + ("summary",), inspection.summary
        for j, rec in enumerate(inspection.recommendations):
            yield at + ("recommendations", j, "text"), rec.text
        for k, note in enumerate(inspection.notes):
            yield at + ("notes", k, "text"), note.text
    for i, plan in enumerate(a.plans):
        for j, action in enumerate(plan.actions):
            for k, update in enumerate(action.updates):
                yield ("plans", i, "actions", j, "updates", k, "note"), update.note


def plain_fields(a: Authority) -> Iterator[tuple[Path_, str]]:
    """Every text of an authority that pages show as written, not as Markdown, with its path."""
    yield ("name",), a.name
    for k, note in enumerate(a.notes):
        if note.not_recorded:
            yield ("notes", k, "not_recorded"), note.not_recorded
    for k, delivery in enumerate(a.delivery):
        yield ("delivery", k, "by"), delivery.by
        if delivery.note:
            yield ("delivery", k, "note"), delivery.note
    for k, source in enumerate(a.sources):
        for key in ("title", "publisher", "via", "note"):
            if value := getattr(source, key):
                yield ("sources", k, key), value
    for i, inspection in enumerate(a.inspections):
        for key in ("title", "focus"):
            if value := getattr(inspection, key):
                yield ("inspections", i, key), value
        for k, graded in enumerate(inspection.area_grades):
            yield ("inspections", i, "area_grades", k, "area"), graded.area
        for k, note in enumerate(inspection.notes):
            if note.not_recorded:
                yield ("inspections", i, "notes", k, "not_recorded"), note.not_recorded
    for i, plan in enumerate(a.plans):
        yield ("plans", i, "title"), plan.title
        for k, priority in enumerate(plan.priorities):
            yield ("plans", i, "priorities", k), priority
        for k, workstream in enumerate(plan.workstreams):
            yield ("plans", i, "workstreams", k, "title"), workstream.title
        for j, action in enumerate(plan.actions):
            yield ("plans", i, "actions", j, "title"), action.title
            if action.owner:
                yield ("plans", i, "actions", j, "owner"), action.owner


# `> 5 children`, `>=3 months` at the start of a line of Markdown: a comparison that Markdown
# takes for a quotation, showing the words without the sign.
_COMPARISON_LINE = re.compile(r"(?m)^ {0,3}>[ \t]*(?:=[ \t]*)?[0-9]+")
# Markdown an editor might write where it shows as typed: a link, or emphasis.
_MARKDOWN = re.compile(r"\[[^\[\]\n]+\]\([^)\s]+\)|(?<![\w*])\*{1,2}[^*\s][^*\n]*\*{1,2}(?![\w*])")
# An HTML tag or character reference: `<b>`, `</span>`, `<br/>`, `&amp;`, `&#8217;`; not `a < b`,
# `R&D`, `Q&A;` or an address in angle brackets, `<jane.smith@case.gov.uk>`.
_MARKUP = re.compile(
    r"</?(?:a|abbr|b|blockquote|br|button|cite|code|del|div|em|embed|font|form|h[1-6]|hr|i|iframe|img|input|ins|li"
    r"|link|mark|meta|object|ol|p|pre|q|s|script|small|span|strike|strong|style|sub|sup|svg|table|td|th|tr|u|ul)"
    r"(?:\s[^<>\n]*)?/?>|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);",
    re.IGNORECASE,
)


def _not_a_heading(path: Path_, words: str, what: str) -> str:
    """What to write for a heading's words (`what`, as the hint names them) in the text at path."""
    # An update's note is one paragraph: a line of its own would run into it.
    bold = "," if path[-1] == "note" else f", or in bold on a line of its own (`**{words}**`);"
    return f"write {what} as part of a sentence{bold} or delete it"


def _as_written(text: str, address: str) -> str:
    """A link's address as the text writes it: Markdown reads `java&#x09;script:` as `java\tscript:`."""
    return _written_targets(text).get(address, address)


@functools.lru_cache(maxsize=4)
def _written_targets(text: str) -> dict[str, str]:
    """Each link's address in text, as Markdown reads it, to how the text writes it (as it is,
    where it is written so anywhere). Once a text: asked of each link a page refuses, a
    search of the whole text for each cost the square of a text of thousands of links."""
    found: dict[str, str] = {}
    for target in _LINK_TARGET.finditer(text):
        written = target[1]
        read = html.unescape(written) if "&" in written else written
        if read == written or read not in found:
            found[read] = written
    return found


# An address as a link writes it: `](...)` (a bracket inside, as Markdown allows), `]: ...` (a
# reference's definition) or `href="..."`.
_LINK_TARGET = re.compile(r"""(?:\]\(\s*<?|\]:\s*<?|href\s*=\s*["']?)((?:[^()\s>"']|\([^()\s]*\))+)""", re.IGNORECASE)


def _lost_link(written: str, why: str) -> tuple[str, str]:
    if why == "image":
        link = written[1:].replace("[]", "[the image]", 1) if written.startswith("![]") else written[1:]
        return (
            f"`{written}` is an image, and pages show no images: it will not show, words and all",
            f"link to it instead: `{link}`",
        )
    fixed = re.sub(r"\] +\(", "](", written)
    return (
        f"`{written}` will show as written, not as a link: a space between `]` and `(` stops it",
        f"remove the space: `{fixed}`",
    )


_PUBLISHED = "link the document where it is published on the web, or leave the link out"
# An address on the editor's own computer or network, on a council's own SharePoint, or
# in Microsoft Teams (a chat's or a channel's file, which opens only for its members).
# The whole address is matched, to a space, a quote or a bracket: each match ends where the
# next search starts, so a text of thousands of `http://` is read once, not once for each.
_PRIVATE_ADDRESS = re.compile(
    r"(?i)https?://(?:[^/@\s)>\]\"']*@)?(localhost|127(?:\.\d+){3}|10(?:\.\d+){3}|192\.168(?:\.\d+){2}"
    r"|172\.(?:1[6-9]|2\d|3[01])(?:\.\d+){2}|[\w-]+|[\w.-]+\.(?:local|internal|lan|corp)"
    r"|[\w.-]+\.sharepoint\.com|teams\.microsoft\.com|teams\.live\.com)"
    r"(?![\w-]|\.[\w-])"  # the host ends there, at a sentence's full stop too
    r"[^\s)>\]\"']*"
)


def private_addresses(text: str) -> list[tuple[str, str]]:
    """The web addresses in text that readers of a public site cannot open, and what each is."""
    found = []
    for match in _PRIVATE_ADDRESS.finditer(text):
        address = sentence_end_trimmed(match.group())
        host = match[1].lower()
        what = (
            "the council's SharePoint, which most readers cannot open"
            if host.endswith("sharepoint.com")
            else "a Microsoft Teams link, which opens only for the team's members"
            if host.startswith("teams.")
            else "an address on your own computer or network, which readers cannot open"
        )
        found.append((address, what))
    return found


# An address an email or a search wrapped around the one it stands for: Outlook's SafeLinks
# (which also carries the mailbox it was sent to) and Google's redirect.
_WRAPPED = re.compile(
    r"(?i)https?://(?:[\w-]+\.safelinks\.protection\.outlook\.com|www\.google\.[a-z.]{2,6})/(?:url)?\?[^\s)>\]\"']*"
)


def wrapped_addresses(text: str) -> list[tuple[str, str]]:
    """Each address in text that wraps another (a SafeLinks address), with the one it wraps."""
    found = []
    for match in _WRAPPED.finditer(text):
        query = parse_qs(urlsplit(match.group()).query)
        inner = next((query[key][0] for key in ("url", "q") if query.get(key)), "")
        if inner.startswith(("http://", "https://")):
            found.append((sentence_end_trimmed(match.group()), inner))
    return found


def wrapped_problem(address: str, inner: str) -> tuple[bool, str, str]:
    """(whether it is an error, the message, the hint) for an address wrapping another.

    SafeLinks is an error: the mailbox it carries would be published on every page and
    data file that gives the address. Google's redirect only sends readers through Google.
    """
    shown = address if len(address) <= 60 else address[:59] + "…"
    hint = f"give the address it wraps: `{inner}`"
    if "safelinks" in address.lower():
        return (
            True,
            f"`{shown}` is an Outlook SafeLinks address: it holds the mailbox it was sent to, which the site "
            "would publish, and sends readers through Microsoft's servers",
            hint,
        )
    return False, f"`{shown}` is a Google search's redirect: it sends readers through Google", hint


def _link_at(doc: Document, path: Path_, written: str) -> tuple[int, int]:
    """Where a link's address is: just after `](`, where it is found written so; else (a link
    written as HTML, an autolink or a reference's definition) where the address is."""
    line, col = doc.find(path, f"]({written}")
    if doc.source_line(line)[col - 1 : col + 1] == "](":
        return line, col + 2
    return doc.find(path, written) if written else (line, col)


def _host(address: str) -> str:
    try:
        return (urlsplit(address).hostname or "").removeprefix("www.")
    except ValueError:  # `https://[x`, read as an IPv6 address left open
        return ""


def _misleading_host(address: str) -> bool:
    """Whether the part of an address that names its site holds a user name (`…@`) or a letter
    outside a to z: what a reader takes for the site is not the one it leads to."""
    site = url_site(address)
    return "@" in site or not site.isascii()


def _on_site(host: str, said: str) -> bool:
    """Whether host is the site its words name, or a part of it (`reports.ofsted.gov.uk` of `ofsted.gov.uk`)."""
    return host == said or host.endswith(f".{said}")


def _address_in(words: str) -> str | None:
    """The host a link's words name, where the words are a web address (`https://www.gov.uk/...`,
    `www.gov.uk`), without `www.`; else None."""
    words = words.strip()
    if re.fullmatch(r"(?i)https?://\S+", words):
        return _host(words) or None
    # Of words without a scheme, only those ending as a site's name does: not `plan.pdf`.
    if re.fullmatch(r"(?i)(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:uk|com|org|net|gov|info)(?:/\S*)?", words):
        return _host(f"https://{words}")
    return None


def _spaced_link(address: str) -> tuple[str, str]:
    """What to say of a link whose address has a space, which pages link as written."""
    fixed = re.sub(r"\s", lambda space: percent_encoded(space.group()), address)
    return (
        f"the link's address `{address}` has a space in it, which no web address has",
        f"write each space in the address as `%20`: `{fixed}`",
    )


def _refused_link(address: str) -> tuple[str, str]:
    """What to say of a link whose address pages do not link."""
    shown = f"`{address}`" if address else "an empty address"
    message = f"the link to {shown} will show as plain words: pages link only web and email addresses"
    if re.fullmatch(EMAIL_PATTERN, address):
        return message, f"an email address is linked with `mailto:` before it: `mailto:{address}`"
    if re.match(r"(?i)[a-z]:[\\/]|\\\\|file:", address):
        return (
            message,
            f"`{address}` is a file on a computer or a shared drive, which readers cannot open: {_PUBLISHED}",
        )
    if re.match(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/|$)", address):
        return message, f"write the whole address, starting `https://`, like `https://{address}`"
    return message, "write the whole address, starting `https://` (or `mailto:` for an email address)"


class Texts:
    """The rules for the texts of one file, each as it is written and as its page will show it."""

    def __init__(self, report: Report) -> None:
        self.report = report

    def markdown(self, path: Path_, text: str) -> None:
        """Each rule for a text read as Markdown."""
        report = self.report
        # A sign of several characters is looked for only in a text that holds its first:
        # Python finds one character far faster than a string, and most texts lack it.
        if ("-" in text and "- " in text) or "#" in text or "\u00ad" in text:
            self._pasted(path, text, True)
        if not text.isascii():
            self._ligature(path, text, listed=True)
            self._hidden(path, text)
            self._lone_bullet(path, text)
        self._not_known(path, text)
        swallowed = "- " in text and ("id:" in text or "date:" in text) and self._swallowed(path)
        # Where a list's or a table's sign is (an update's note is one paragraph, and told so):
        # in quotes or a `>` text, what YAML made of its lines; else the lines Markdown runs
        # together.
        listed = ("-" in text and "- " in text) or ("*" in text and "* " in text)
        if path[-1] != "note" and not swallowed and not (listed and self._quoted_list(path, text)):
            if ":" in text and _FOLDED_SIGN.search(text) and self._folded(path):
                self._folded_list(path)
            elif _run_in_sign(text):
                # Lines Markdown runs together; or, in a `>` text, YAML already has.
                if "\n" in text.rstrip("\n"):
                    self._run_in(path, text)
                elif lone_bullet(text) is None and self._folded(path):
                    self._folded_bullets(path)
        if "^" in text and "[^" in text and (mark := _FOOTNOTE.search(text)):
            report.warn_at(
                report.doc.find(path, mark.group()),
                f"`{mark.group()}` is a footnote's mark, which pages show as typed: they have no footnotes",
                "write what the footnote says in the text itself, or cite the document in `sources`",
            )
        if "\n" in text and ("-" in text or "=" in text) and (underline := _UNDERLINED.search(text)):
            words, rule = underline[1].strip(), underline[2]
            report.warn_at(
                report.doc.find(path, rule),
                f"the line of `{rule[0]}` under `{words}` makes it a heading, which a text cannot have: the page "
                f"shows `{words}` as a line of plain text",
                f"delete the line of `{rule[0]}`, and " + _not_a_heading(path, words, f"`{words}`"),
            )
        if "<" in text and "<!--" in text:
            report.error_at(
                report.doc.find(path, "<!--"),
                "`<!--` starts an HTML comment: pages leave it out, but the site's data files (each "
                "authority's JSON, the CSV tables) publish every text as written, comment and all",
                "delete it; a note for other editors belongs in a YAML comment, a line of its own "
                "starting with `#`, outside the text",
            )
        if "<" in text and not render_markdown(text).striptags().strip():
            report.error(
                path,
                "this text would show nothing: pages leave out HTML tags and what is inside them",
                "write the text itself, as plain text or Markdown",
            )
        elif hidden := hidden_html(text):
            # Told on each line that has one, naming the tags there: a pull request's note
            # stands on one line, and a `<script>` two lines below the first tag went unseen.
            # A tag may span lines (`<local` / `authority>`, folded by `>` into one): it is
            # shown on one line, and found by its first word.
            lines: dict[int, tuple[tuple[int, int], list[str]]] = {}
            for index, tag in enumerate(hidden):
                first = tag.split()[0]  # `<script`, of `<script src="x">`: found after the `<script>`s before it
                at = report.doc.find(path, first, skip=sum(t.startswith(first) for t in hidden[:index]))
                on_line = lines.setdefault(at[0], (at, []))[1]
                if " ".join(tag.split()).lower() not in (t.lower() for t in on_line):
                    on_line.append(" ".join(tag.split()))
            for at, shown in lines.values():
                quoted = [f"`{tag}`" for tag in shown[:3]] + (["others"] if len(shown) > 3 else [])
                named = together(quoted)
                one = len(shown) == 1
                # What is inside these is dropped with them, not only the tags.
                emptied = [f"`{tag}`" for tag in shown if re.match(r"<(script|style)\b", tag, re.I)]
                inside = f", nor the text inside {' and '.join(emptied)}" if emptied else ""
                report.warn_at(
                    at,
                    f"{named} {'is' if one else 'are'} read as {'an HTML tag' if one else 'HTML tags'}, "
                    f"and pages leave out HTML tags, so {'it' if one else 'they'} will not show{inside}",
                    "if the angle brackets belong to the text, write the words without them (the data files publish "
                    "a `&lt;` as typed) or `&lt;` in place of `<`; for emphasis, "
                    "a link or bold, use Markdown: `*words*`, `[words](https://...)`, `**words**`",
                )
        elif problem := markdown_problem(text):
            report.warn(path, *problem)
        elif ("\n    " in text or "\n\t" in text or text.startswith(("    ", "\t"))) and (
            code := _CODE.search(render_markdown(text))
        ):
            # A paragraph indented four spaces is code to Markdown: a quotation set in from the
            # margin, as a document sets one, shows in a box of typewriter letters.
            first = html.unescape(code[1]).strip()
            report.warn_at(
                report.doc.find(path, first),
                "this line starts a paragraph indented four spaces or more, so Markdown shows it as code: "
                "in a box, in typewriter letters",
                "remove the spaces before it (a quotation is written as a paragraph of its own, in quote marks)",
            )
        if ">" in text and (more := _COMPARISON_LINE.search(text)):
            written = more.group().strip()
            report.warn_at(
                report.doc.find(path, written),
                f"`{written}` at the start of a line is a quotation to Markdown: the `>` will not show",
                "write it in words, like `more than` or `at least`",
            )
        if (
            ("-" in text and " - " in text)
            or ("*" in text and " * " in text)
            or (not text.isascii() and any(mark in text for mark in BULLETS))
        ) and (bullet := _run_on_bullet(report.doc, path)):
            report.warn_at(
                bullet,
                "this line is read as more of the text above it: the list runs into one long line",
                _NOTE_AS_SENTENCES
                if path[-1] == "note"
                else f"to keep the lines of a list, write `{path[-1]}: |` and the whole text under it, each line "
                f"indented further than `{path[-1]}:`",
            )
        # Before the test for links: `[the letter] (https://...)` is none, for want of its `](`.
        lost = lost_links(text)
        for written, why in lost:
            report.warn_at(report.doc.find(path, written), *_lost_link(written, why))
        private = private_addresses(text) if ":" in text and "://" in text else []
        wrapping = wrapped_addresses(text) if "?" in text and "://" in text else []
        for address, what in private:
            report.warn_at(report.doc.find(path, address), f"`{address}` is {what}", _PUBLISHED)
        for address, inner in wrapping:
            serious, message, hint = wrapped_problem(address, inner)
            (report.error_at if serious else report.warn_at)(report.doc.find(path, address), message, hint)
        told = {address for address, _ in private + wrapping}
        # One told of above (not to be linked at all, or a link broken by a space) is not
        # told again: a hint to link it would say otherwise.
        for address in bare_addresses(text):
            if address in told or any(address in written for written, _ in lost):
                continue
            full = address if address.lower().startswith("http") else f"https://{address}"
            report.warn_at(
                report.doc.find(path, address),
                f"`{address}` will show as plain words, not as a link: an address on its own is not one",
                f"write it as a link, with words saying where it leads, `[the words]({full})`, or as `<{full}>`",
            )
        if not may_link(text):
            return  # no link or image: most texts
        for address, linked in refused_links(text):
            written = _as_written(text, address)
            report.warn_at(
                _link_at(report.doc, path, written), *(_spaced_link(written) if linked else _refused_link(written))
            )
        checked: set[str] = set()  # an address linked twice is told of once
        for address, words in web_links(text):
            written = _as_written(text, address)
            hint = "" if address in checked else url_hint(address, https_only=False, bare=True)
            checked.add(address)
            if hint:
                # As a `url:` is told. One whose host misleads (`https://www.ofsted.gov.uk@evil.example/`,
                # a look-alike letter) is an error; one a browser mends (`…/Café`) is a warning.
                say = report.error_at if _misleading_host(address) else report.warn_at
                say(
                    _link_at(report.doc, path, written),
                    f"the link's address `{written}` is not a web address as written",
                    hint,
                )
            elif (said := _address_in(words)) is not None and not _on_site(_host(address), said):
                report.error_at(
                    _link_at(report.doc, path, written),
                    f"the link's words are an address on `{said}`, but it leads to `{_host(address)}`",
                    f"make its words the address it leads to, `{address}`, or words that say what it is",
                )

    def wrapped(self, path: Path_, text: str, why: str = "") -> None:
        """A whole text in a word processor's quote marks (`“Reduce caseloads”`), which YAML
        keeps as part of it: meant to hold the text, they are shown around it."""
        text = text.strip()
        ends = text[:1], text[-1:]
        one = ends == ("“", "”") and "“" not in text[1:] and "”" not in text[:-1]
        if len(text) > 2 and (one or (ends == ("‘", "’") and "‘" not in text[1:])):
            key = path[-1] if isinstance(path[-1], str) else path[-2]
            inner = text[1:-1].strip()
            # `“No”`: without quote marks, YAML reads `No` as false, not text.
            hint = (
                f"delete them{why}: a text needs no quote marks (straight ones, `\"`, are YAML's own and not shown)"
                if read_as(inner) == inner
                else f'replace them with straight ones, `{key}: "{in_double_quotes(inner)}"`: without any, YAML would '
                f"not read `{inner}` as text"
            )
            self.report.warn(
                path,
                f"`{key}` is in a word processor's quote marks ({ends[0]} {ends[1]}), which the page will show",
                hint,
            )

    def _ligature(self, path: Path_, text: str, listed: bool) -> None:
        """A word holding a ligature as a PDF pastes it (`ﬁ`, one character for `fi`): it looks
        right, but a reader's search for the word, or a script's, does not find it. And a
        symbol font's character, which shows right only where that font is: in a text that
        may hold a list (`listed`), most often a document's bullet."""
        if symbol := _PRIVATE_USE.search(text):
            self.report.warn_at(
                self.report.doc.find(path, symbol.group()),
                f"a character from a symbol font (U+{ord(symbol.group()):04X}), which readers' browsers "
                "show as an empty box",
                (
                    "if it is a document's bullet, start the list item with `- ` in its place (with an empty line "
                    "before the list); otherwise delete it"
                    if path[-1] != "note"
                    else f"if it is a document's bullet, delete it: {_NOTE_AS_SENTENCES}"
                )
                if listed
                else "delete it",
            )
        words = list(dict.fromkeys(_word_around(text, found) for found in _LIGATURE.finditer(text)))
        if not words:
            return
        # One warning, at the first: a page pasted from a PDF may hold dozens.
        # Shown without a soft hyphen a word may also hold, which would be copied from the hint.
        word, ligature = words[0].replace("\u00ad", ""), _LIGATURE.search(words[0])
        assert ligature is not None
        fixed = "".join(_LIGATURES.get(c, c) for c in word)
        more = [w.replace("\u00ad", "") for w in words[1:]]
        named = [f"`{w}`" for w in more[:5]] + ([f"{len(more) - 5} more"] if len(more) > 5 else [])
        self.report.warn_at(
            self.report.doc.find(path, words[0]),
            f"`{word}` is written with `{ligature.group()}`, one character for the letters "
            f"`{_LIGATURES[ligature.group()]}` as a PDF pastes them: a search for `{fixed}` will not find it",
            f"type the letters: `{fixed}`" + (f" (and in {together(named)})" if more else ""),
        )

    def _lone_bullet(self, path: Path_, text: str) -> None:
        if mark := lone_bullet(text):
            spaced = text.lstrip()[1:2].isspace()
            self.report.warn_at(
                self.report.doc.find(path, mark),
                f"`{mark}` starts this text, as a bullet copied from a document: the page would show it",
                f"delete `{mark}`" + (" and the space after it" if spaced else ""),
            )

    def _hidden(self, path: Path_, text: str) -> None:
        """An invisible character in a text that readers' pages and the data publish: one
        warning, at the first, counting the others."""
        found = [m for m in _HIDDEN.finditer(text) if m.group(1)]
        if not found:
            return
        first = found[0].group()
        name = unicodedata.name(first, "an unassigned tag character").lower()
        more = len(found) - 1
        # Found with the words after it: the same character may be part of a flag before it.
        after = text[found[0].start() : found[0].start() + 12]
        self.report.warn_at(
            self.report.doc.find(path, after),
            f"the text holds an invisible character, U+{ord(first):04X} ({name})"
            + (f", and {more} more" if more else "")
            + ": readers do not see it, but it is published, and a search for the words around it may not find them",
            "delete it (it comes with text pasted from a web page or a document; retype the words around it if "
            "you cannot find it)",
        )

    def _soft_hyphen(self, path: Path_, text: str) -> None:
        """A soft hyphen (U+00AD) inside a word, as a word processor or a PDF pastes one: it shows
        only where the word breaks at a line's end, and a search for the word, in the page or
        in the site's data, does not find it. One warning, at the first."""
        words = list(dict.fromkeys(_word_around(text, found) for found in _INNER_SOFT.finditer(text)))
        if words:
            shown, more = words[0].replace("\u00ad", ""), len(words) - 1
            others = "1 more word of this text holds" if more == 1 else f"{more} more words of this text hold"
            self.report.warn_at(
                self.report.doc.find(path, words[0]),
                f"`{shown}` holds an invisible soft hyphen (U+00AD): a search for `{shown}` will not find it",
                "delete it (it comes with text pasted from a word processor or a PDF)"
                + (f"; {others} one too" if more else ""),
            )

    def _pasted(self, path: Path_, text: str, markdown: bool) -> None:
        """What a text pasted or typed into a file keeps that its page would show: a word a
        PDF broke at a line's end (with a hyphen, or an invisible soft one), and a `# note`
        or, where the text is read as Markdown, a `## heading` inside a block of text."""
        for broken in _BROKEN_WORD.finditer(text) if "-" in text and "- " in text else ():
            # `over-` then `sight` on the next line, which a text over lines joins as `over- sight`.
            first, second = broken[1], broken[2]
            self.report.warn_at(
                self.report.doc.find(path, f"{first}-"),
                f"`{first}- {second}` reads as a word broken at the end of a line, as a PDF prints it",
                f"join it: `{first}{second}`, or `{first}-{second}` if the word has a hyphen",
            )
        if "#" in text and self.in_block(path):  # YAML keeps a block's `#` lines as its text
            self._commented(path, markdown)
        if "\u00ad" in text and (soft := _SOFT_BREAK.search(text)):
            # `safe` + U+00AD + line break + `guarding`, as a PDF's hyphenation pastes it.
            written = f"{soft[1]}\u00ad"
            first, second = soft[1].replace("\u00ad", ""), soft[2]
            self.report.warn_at(
                # At the one that ends the line, not one that reads the same earlier.
                self.report.doc.find(path, written, text.count(written, 0, soft.start())),
                f"`{first} {second}` reads as two words: an invisible soft hyphen (U+00AD) broke the word at "
                "the end of a line, as a PDF prints it",
                f"delete the soft hyphen and join the word: `{first}{second}`",
            )
        elif "\u00ad" in text:
            self._soft_hyphen(path, text)

    def _not_known(self, path: Path_, text: str) -> None:
        """A text that says only that it is not known or does not apply (`owner: TBC`, `N/A`),
        which its page would show."""
        if len(text) >= 24 or not UNKNOWN_WORDS.fullmatch(text.strip()):
            return
        key = path[-1] if isinstance(path[-1], str) else path[-2]
        hint = (
            f"write the {key} itself"
            if is_required(Authority, path)
            else f"leave `{key}` out while it is not known, or none applies: the page then shows none"
        )
        self.report.warn(path, f"`{key}: {text.strip()}` is a placeholder, which the page would show as written", hint)

    def _swallowed(self, path: Path_) -> bool:
        """Whether a new entry (`- id: r5`, `- date: 2025-03-01`) is written inside the block of
        text (`|`, `>`) at path, indented as far as its lines, and if so, say so: YAML reads the
        entry's lines as the text's, so the entry is lost and the page shows them as its words."""
        if not self.in_block(path):
            return False
        doc = self.report.doc
        for number, line, depth, _ in self.report.doc.block_lines(path):
            entry = ENTRY_START.match(line, depth)
            if entry is None:
                continue
            key, shown = entry[1], entry.group()
            # The entry it was meant to follow: the nearest one around the text with that key.
            hint = f"if `{shown}` starts a new entry, move it and the lines after it to the left"
            for end in range(len(path) - 1, 0, -1):
                if (
                    isinstance(path[end - 1], int)
                    and isinstance(around := value_at(doc.data, path[:end]), dict)
                    and key in around
                ):
                    line_of, col = doc.locate((*path[:end], key), key=True)
                    dash = col - 2
                    if dash >= 1 and doc.lines[line_of - 1][dash - 1] == "-" and depth + 1 > dash:
                        hint += (
                            f", by {depth + 1 - dash} spaces, so that its `-` is under the `-` of the entry "
                            f"on line {line_of}"
                        )
                    break
            self.report.error_at(
                (number, depth + 1),
                f"`{shown}` is indented as far as the lines of the text above it, so it is read as "
                "part of that text, not as a new entry: the page would show it as the text's words",
                hint,
            )
            return True
        return False

    def _run_in(self, path: Path_, text: str) -> None:
        """Lists and tables pasted into a text of several lines that its page would show run
        together as one paragraph: a table and a word processor's list are told apart (a
        document pasted whole may hold both); a Markdown list told only without them."""
        found: list[tuple[int, str, str, str]] = []  # where in the text, its line, message, hint
        if "\t" in text and (row := _TAB_ROW.search(text)):
            message = "a table pasted with tabs: the page shows its cells and rows run together as one paragraph"
            hint = "write it as sentences, or as a list, one `- ` line a row (`- Overall: good`), after an empty line"
            found.append((row.start(1), row[1], message, hint))
        if (bullet := _bullet_lines(text)) and not lone_bullet(text):
            mark = bullet[1][0]
            message = f"`{mark}` does not start a list: the page runs these lines together as one paragraph"
            hint = f"start each item with `- ` in place of `{mark}`, with an empty line before the first"
            found.append((bullet.start(1), bullet[1], message, hint))
        elif len(paragraphs := _BULLET_LINE.findall(text)) > 1:
            # Each item a paragraph of its own, parted by empty lines: each shows its bullet.
            mark = paragraphs[0][0]
            message = f"`{mark}` does not start a list: the page shows it before each of these paragraphs"
            hint = f"start each item with `- ` in place of `{mark}`"
            found.append((text.index(paragraphs[0]), paragraphs[0], message, hint))
        if not found and (run := _run_in_item(text)):
            message = "a list straight under a line of text: the page runs it into that paragraph, its marks as typed"
            found.append((*run, message, "put an empty line before the list"))
        elif not found and "1)" in text and (paren := _PAREN_LIST.search(text)):
            message = "a list numbered `1)`, `2)` shows as typed, in one paragraph: Markdown numbers a list with `1.`"
            hint = "write `1.`, `2.` and so on, with an empty line before the list"
            found.append((paren.start(1), paren[1], message, hint))
        for at, line, message, hint in found:
            written = line.split("\t")[0].strip()
            # The line itself, not an earlier line that reads the same (a list's item repeated).
            where = self.report.doc.find(path, written, text.count(written, 0, at))
            self.report.warn_at(where, message, hint)

    def _quoted_list(self, path: Path_, text: str) -> bool:
        """Whether the text at path is in quotes over several lines, two of them a list's items
        that YAML joined, and if so, warn: YAML joins a quoted text's lines with spaces, so the
        page runs the items together, whether an empty line comes before them or not.

        A program that writes YAML (a form's editor) keeps a list's lines apart in quotes, with
        an empty line after each: the text then holds them as lines of its own."""
        doc = self.report.doc
        node = doc.node(path)
        if node is None or node.plain or written_after(doc.lines, node, "|>"):
            return False
        last = doc.last_line(node.line, node.col)
        items = [n for n in range(node.line + 1, last + 1) if _ITEM.match(doc.lines[n - 1])]
        if len(items) < 2 or len(items) <= sum(1 for line in text.split("\n") if _ITEM.match(line)):
            return False
        first = doc.lines[items[0] - 1]
        key = path[-1] if isinstance(path[-1], str) else path[-2]
        self.report.warn_at(
            (items[0], len(first) - len(first.lstrip()) + 1),
            "a list in a text in quotes: YAML joins a quoted text's lines with spaces, so the page runs its "
            "items together",
            f"write `{key}: |` and the text on the lines below it, indented, without the quotes; with an empty "
            "line before the list",
        )
        return True

    def _folded(self, path: Path_) -> bool:
        """Whether the text at path is written after `>`, which folds its lines into one."""
        return written_after(self.report.doc.lines, self.report.doc.node(path), ">")

    def in_block(self, path: Path_) -> bool:
        """Whether the text at path is written as a block (after `|` or `>`)."""
        return written_after(self.report.doc.lines, self.report.doc.node(path), "|>")

    def _folded_list(self, path: Path_) -> None:
        """A list written in a `>` text, under the line that brings it in: YAML folds its items
        into one line with that line's text, with or without an empty line between."""
        above = ""
        for number, line, depth, own in self.report.doc.block_lines(path):
            item = _ITEM.match(line)
            if own and item and item[1] in _LIST_FIRST and above.rstrip().endswith(":"):
                self.report.warn_at(
                    (number, depth + 1),
                    "a list in a `>` text: YAML joins its items into one line with the text above them",
                    "write the text after `|` instead of `>`, with an empty line before the list",
                )
                return
            above = line

    def _folded_bullets(self, path: Path_) -> None:
        """A document's list pasted into a `>` text: lines that start with a bullet, which YAML
        folds into one line, the bullets inside it."""
        marked = [
            (number, depth, line[depth])
            for number, line, depth, own in self.report.doc.block_lines(path)
            if own and line[depth : depth + 1] in _LINE_BULLETS and line[depth + 1 : depth + 2].isspace()
        ]
        if len(marked) > 1:
            number, depth, mark = marked[0]
            self.report.warn_at(
                (number, depth + 1),
                f"`{mark}` does not start a list: in a `>` text, YAML joins these lines into one",
                f"write the text after `|` instead of `>`, and start each item with `- ` in place of `{mark}`, "
                "with an empty line before the first",
            )

    def _commented(self, path: Path_, markdown: bool) -> None:
        """The lines of the block of text (`|`, `>`) at path written as comments (`# TODO: check
        this quote`), which YAML keeps as text and the page would publish; or, in a text read
        as Markdown, as a heading (`## Findings`), which the page shows as a plain line."""
        for number, line, depth, _ in self.report.doc.block_lines(path):
            if markdown and (heading := _HEADING.match(line, depth)):
                words = heading[2]
                self.report.warn_at(
                    (number, depth + 1),
                    f"`{heading[1]}` makes a heading, which a text cannot have: the page shows `{words}` as a "
                    "line of plain text",
                    _not_a_heading(path, words, "it"),
                )
                continue
            mark = _BLOCK_COMMENT.search(line, depth)
            at = depth if line[depth] == "#" else mark.start(1) if mark is not None else None
            if at is not None:
                key = path[-1] if isinstance(path[-1], str) else path[-2]
                self.report.warn_at(
                    (number, at + 1),
                    "this `#` is part of the text, not a comment: inside a block of text (`|` or `>`), the "
                    "page shows it",
                    f"a note to yourself goes on a line of its own above `{key}:`; or delete it",
                )

    def plain(self, path: Path_, text: str) -> None:
        """Each rule for a text shown as written (a title, a name, a source's note)."""
        if text.startswith(("“", "‘")):
            self.wrapped(path, text)
        self._not_known(path, text)
        # Each sign by its first character first, as in markdown().
        if ("-" in text and "- " in text) or "#" in text or "\u00ad" in text:
            self._pasted(path, text, False)
        if not text.isascii():
            self._ligature(path, text, listed=False)
            self._hidden(path, text)
            self._lone_bullet(path, text)
        if "- " in text and ("id:" in text or "date:" in text):
            self._swallowed(path)
        for address, inner in wrapped_addresses(text) if "?" in text and "://" in text else ():
            serious, message, hint = wrapped_problem(address, inner)
            at = self.report.doc.find(path, address)
            (self.report.error_at if serious else self.report.warn_at)(at, message, hint)
        if ("*" in text or ("]" in text and "](" in text)) and (found := _MARKDOWN.search(text)):
            self.report.warn_at(
                self.report.doc.find(path, found.group()),
                f"`{path[-1] if isinstance(path[-1], str) else path[-2]}` is shown as plain text, "
                f"so `{found.group()}` will show as typed",
                "write it without Markdown: Markdown is read only in summaries, recommendations, notes and "
                "updates (a link belongs in the entry's `sources`)",
            )
        # A tag, or a reference to a character (`&A;` in `Q&A; session` names none).
        marks = _MARKUP.finditer(text) if "<" in text or "&" in text else iter(())
        if found := next((m for m in marks if m[0][0] == "<" or len(html.unescape(m[0])) == 1), None):
            # Pasted from a web page or a CMS: pages escape it, so readers see the code.
            written = found.group()
            self.report.warn_at(
                self.report.doc.find(path, written),
                f"`{path[-1] if isinstance(path[-1], str) else path[-2]}` is shown as plain text, "
                f"so `{written}` will show as typed",
                (
                    f"type the character itself, `{html.unescape(written)}`"
                    if html.unescape(written).isprintable() and html.unescape(written) != "\ufffd"
                    else "delete it: it stands for no character a page can show"
                )
                if written.startswith("&")
                else "write it without HTML tags: the text is shown as written",
            )
