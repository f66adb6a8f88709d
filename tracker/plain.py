"""Plain language: each acronym is spelled out where a page first uses it.

Applied to a whole rendered page, so "first" means first in reading order, wherever the
words come from (a template, an inspection type's name, an editor's summary). Only text
inside <main> is changed, never markup, attributes, code or pictures; an acronym whose
words already appear before it (as in "Inspecting local authority children's services
(ILACS)") is left as it is.
"""

from __future__ import annotations

import html
import re

ACRONYMS: dict[str, str] = {
    "ILACS": "inspecting local authority children's services",
    "SIF": "single inspection framework",
    "SLAC": "safeguarding and looked after children",
    "JTAI": "joint targeted area inspection",
    "LSCB": "Local Safeguarding Children Board",
    "DfE": "Department for Education",
    "ONS": "Office for National Statistics",
    "GSS": "Government Statistical Service",
    "URN": "unique reference number",
    "CSV": "comma-separated values",
    "JSON": "JavaScript Object Notation",
    "PDF": "portable document format",
    "CQC": "Care Quality Commission",
    "HMI": "His Majesty's Inspector",
    "WCAG": "Web Content Accessibility Guidelines",
}
_WORD = re.compile(r"\b(" + "|".join(sorted(ACRONYMS, key=len, reverse=True)) + r")\b")
_PIECES = re.compile(r"(<[^>]*>)")  # splits a page into text and markup, alternately
_SKIP = {"svg", "code", "pre", "script", "style", "title", "abbr"}
_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")
_TAIL = 400  # characters of text before an acronym in which its words count as already said


def spell_out(page: str) -> str:
    """The page with the first use of each acronym in <main> followed by its words, in brackets."""
    start = page.find("<main")
    end = page.rfind("</main>")
    if start < 0 or end < 0:
        return page
    pieces = _PIECES.split(page[start:end])
    said: list[str] = []  # the text so far, as written (unescaped only when an acronym needs it)
    seen: set[str] = set()
    skipping = 0
    for index in range(0, len(pieces), 2):
        text = pieces[index]
        if not skipping and text.strip():
            if _WORD.search(text):
                pieces[index] = _expand(text, said, seen)
                if len(seen) == len(ACRONYMS):
                    break
                text = _WORD.sub("", text)  # an acronym itself never counts as its words said
            said.append(text)
        if index + 1 < len(pieces):
            markup = pieces[index + 1]
            if markup.endswith("/>"):
                continue
            name = _NAME.match(markup)
            if name and name.group(1).lower() in _SKIP:
                skipping = max(skipping + (-1 if markup.startswith("</") else 1), 0)
    return page[:start] + "".join(pieces) + page[end:]


def _tail(said: list[str], text: str) -> str:
    """The last _TAIL characters of the page's text before this point, unescaped and in lower case."""
    parts = [text]
    length = len(text)
    for earlier in reversed(said):
        # An entity is at most ten characters for one (`&#x10FFFF;`): this much raw text
        # always holds the last _TAIL characters of unescaped text.
        if length >= 10 * _TAIL:
            break
        parts.append(earlier)
        length += len(earlier)
    return html.unescape("".join(reversed(parts))).lower()[-_TAIL:]


def _expand(text: str, said: list[str], seen: set[str]) -> str:
    pieces: list[str] = []
    last = 0
    for match in _WORD.finditer(text):
        word = match.group(1)
        pieces.append(text[last : match.end()])
        last = match.end()
        if word in seen:
            continue
        seen.add(word)
        words = ACRONYMS[word].lower()
        following = html.unescape(text[match.end() : match.end() + 120]).lower()
        if words not in _tail(said, _WORD.sub("", text[: match.start()])) and words not in following:
            pieces.append(f" ({html.escape(ACRONYMS[word], quote=False)})")
    pieces.append(text[last:])
    return "".join(pieces)
