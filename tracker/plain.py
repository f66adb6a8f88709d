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
_TAG = re.compile(r"<[^>]*>")
_SKIP = {"svg", "code", "pre", "script", "style", "title", "abbr"}
_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")


def spell_out(page: str) -> str:
    """The page with the first use of each acronym in <main> followed by its words, in brackets."""
    start = page.find("<main")
    end = page.rfind("</main>")
    if start < 0 or end < 0:
        return page
    body = page[start:end]
    out: list[str] = []
    state = _State()
    skipping = 0
    position = 0
    for tag in _TAG.finditer(body):
        text = body[position : tag.start()]
        out.append(text if skipping else state.expand(text))
        markup = tag.group(0)
        name = _NAME.match(markup)
        if name and name.group(1).lower() in _SKIP and not markup.endswith("/>"):
            skipping = max(skipping + (-1 if markup.startswith("</") else 1), 0)
        out.append(markup)
        position = tag.end()
    out.append(state.expand(body[position:]))
    return page[:start] + "".join(out) + page[end:]


class _State:
    """Which acronyms a page has spelled out, and the last of its text, to tell whether the words came first."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.tail = ""

    def _said(self, text: str) -> None:
        self.tail = (self.tail + html.unescape(text).lower())[-400:]

    def expand(self, text: str) -> str:
        if not text.strip():
            return text
        pieces: list[str] = []
        last = 0
        for match in _WORD.finditer(text):
            word = match.group(1)
            self._said(text[last : match.start()])
            pieces.append(text[last : match.end()])
            last = match.end()
            if word in self.seen:
                continue
            self.seen.add(word)
            words = ACRONYMS[word].lower()
            following = html.unescape(text[match.end() : match.end() + 120]).lower()
            if words not in self.tail and words not in following:
                pieces.append(f" ({html.escape(ACRONYMS[word], quote=False)})")
        pieces.append(text[last:])
        self._said(text[last:])
        return "".join(pieces)
