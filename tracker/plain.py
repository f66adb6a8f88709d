"""Plain language: each acronym is spelled out where a page first uses it.

Applied to a whole rendered page, so "first" means first in reading order, wherever the
words come from (a template, an inspection type's name, an editor's summary). Only text
inside <main> is changed, never markup, attributes, code or pictures, and never a
quotation (<blockquote>, <q>): Ofsted's words are shown as written, where an acronym may
mean something else ("HMI Constabulary" is an inspectorate, not an inspector). A
quotation set apart (<blockquote>) that uses an acronym the page has not explained before
it, and does not spell out itself, is followed by what it stands for ("MASH stands for
multi-agency safeguarding hub"), once a page; its first use outside a quotation is
spelled out all the same, since a reader may come to it from a link, past the quotation.
An acronym whose words already appear before it (as in "Inspecting local authority
children's services (ILACS)") is left as it is; a plural ("IROs") is spelled out in the
plural. A reader may never open a folded section (a closed <details> below its
<summary>), one on screen never sees a <div> shown only on paper (class `print-only`),
and the end of a paragraph clamped to a few lines (class `card__clamp`) is cut off: an
acronym first used in any is spelled out there too, and again where the page next uses it
outside.
"""

from __future__ import annotations

import bisect
import functools
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
    # Those that Ofsted's points and boards' plans use, as Ofsted's reports spell them out.
    "SEND": "special educational needs and disabilities",
    "MASH": "multi-agency safeguarding hub",
    "IRO": "independent reviewing officer",
    "PLO": "public law outline",
    "LADO": "local authority designated officer",
    "PEP": "personal education plan",
    "PA": "personal adviser",
    "CAMHS": "child and adolescent mental health services",
    "MARAC": "multi-agency risk assessment conference",
    "MAPPA": "multi-agency public protection arrangements",
    "NEET": "not in education, employment or training",
    "EET": "education, employment or training",
    "CSE": "child sexual exploitation",
    "EHCP": "education, health and care plan",
    "ASYE": "assessed and supported year in employment",
    "EDT": "emergency duty team",
    "DCS": "director of children's services",
    "CAMH": "child and adolescent mental health",
    "LAC": "looked after children",
    "SGO": "special guardianship order",
    "ICPC": "initial child protection conference",
    "SCR": "serious case review",
    "CiCC": "children in care council",
    "CAF": "common assessment framework",
    "S47": "section 47 of the Children Act 1989",
    "S20": "section 20 of the Children Act 1989",
}
# What a plural ("IROs") stands for, where it is not the words with an "s" (or where those
# words name nothing countable, as "not in education, employment or training" does not).
PLURALS: dict[str, str] = {
    "DCS": "directors of children's services",
    "ASYE": "assessed and supported years in employment",
    "CSV": "comma-separated values files",
    "PDF": "portable document format files",
    "CAMHS": "child and adolescent mental health services",
    "SEND": "special educational needs and disabilities",
    "NEET": "not in education, employment or training",
    "EET": "education, employment or training",
    "CSE": "child sexual exploitation",
    "ILACS": "inspecting local authority children's services",
    "CAMH": "child and adolescent mental health services",
    "LAC": "looked after children",
    "S47": "section 47 enquiries",
}
_ALL = tuple(ACRONYMS)
_WORD = re.compile(r"\b(" + "|".join(sorted(ACRONYMS, key=len, reverse=True)) + r")s?\b")
# Acronyms not explained after a quotation: in Ofsted's words, "HMI Constabulary" is an
# inspectorate, and no note beside the words could say which is meant.
UNGLOSSED = frozenset({"HMI"})
_PIECES = re.compile(r"(<[^>]*>)")  # splits markup into text and tags, alternately
_SKIP = re.compile(r"<(/?)\s*(svg|code|pre|script|style|title|abbr|blockquote|q)\b[^>]*?(/?)>", re.IGNORECASE)
# A paragraph clamped to a few lines (class `card__clamp`) counts as a fold: what it says
# past them is cut off on screen. Only its opening tag is matched: a <p> holds no <p>.
_FOLD = re.compile(r"<(/?)\s*(details|summary|div|p(?=\s[^>]*card__clamp))\b([^>]*)>", re.IGNORECASE)
_P_END = re.compile(r"</\s*p\b", re.IGNORECASE)
_PRINT_ONLY = re.compile(r"""\sclass\s*=\s*["']?(?:[^"'>]*\s)?print-only(?![\w-])""", re.IGNORECASE)
_OPEN = re.compile(r"\sopen\b", re.IGNORECASE)
_WORD_CHARACTER = re.compile(r"\w")
_TAIL = 400  # characters of text before an acronym in which its words count as already said


def spell_out(page: str) -> str:
    """The page with the first use of each acronym in <main> followed by its words, in brackets.

    Only the few places where an acronym appears are looked at: a page is scanned by
    regular expressions, not walked tag by tag, so the cost is small whatever its size.
    """
    start = page.find("<main")
    end = page.rfind("</main>")
    if start < 0 or end < 0:
        return page
    body = page[start:end]
    skipped = _skipped(body)
    folds = _folds(body)
    inserts: list[tuple[int, str]] = []
    # The page outside its folds, then each fold, for what had not been met outside before it.
    met = _scan(body, skipped, folds, (0, len(body)), tuple(ACRONYMS), inserts)
    met_in = {
        fold: _scan(body, skipped, [], fold, tuple(w for w in ACRONYMS if met.get(w, len(body)) > fold[0]), inserts)
        for fold in folds
    }
    _gloss(body, skipped, folds, met, met_in, inserts)
    inserts.sort()
    if not inserts:
        return page
    out, last = [], 0
    for at, words_added in inserts:
        out += [body[last:at], words_added]
        last = at
    out.append(body[last:])
    return page[:start] + "".join(out) + page[end:]


def _scan(
    body: str,
    skipped: list[tuple[int, int]],
    folds: list[tuple[int, int]],
    span: tuple[int, int],
    unseen: tuple[str, ...],
    inserts: list[tuple[int, str]],
) -> dict[str, int]:
    """Where each acronym is first met in span of body, outside folds; its words added to inserts where needed."""
    met: dict[str, int] = {}
    position, stop = span
    while unseen:
        # Search only for the acronyms not met yet: a page says "SIF" many times.
        match = _words(unseen).search(body, position, stop)
        if match is None:
            break
        position = match.end()
        if match.start() and _WORD_CHARACTER.match(body, match.start() - 1):
            position = match.start() + 1  # within a longer word; the pattern checks only its end
            continue
        if body.rfind("<", 0, match.start()) > body.rfind(">", 0, match.start()) or _inside(skipped, match.start()):
            continue  # inside a tag, or in a picture, code or title
        fold = _around(folds, match.start())
        if fold is not None:
            position = fold[1]  # each fold is scanned on its own
            continue
        word = match.group(1)
        met[word] = match.start()
        unseen = tuple(w for w in unseen if w != word)
        segment_end = body.find("<", match.end())
        segment_end = len(body) if segment_end < 0 else segment_end
        following = comparable(body[match.end() : min(match.end() + 120, segment_end)])
        words = stem(word)
        if words not in following and words not in _tail(body, skipped, match.start()):
            spelled = html.escape(plural(word) if match.group(2) else ACRONYMS[word], quote=False)
            # Already in brackets, "(CSV)": brackets inside brackets read badly, so "(CSV, comma-separated values)".
            inserts.append((match.end(), f", {spelled}" if body.startswith(")", match.end()) else f" ({spelled})"))
    return met


@functools.cache
def _words(acronyms: tuple[str, ...]) -> re.Pattern[str]:
    # No \b in front: a pattern that starts with its words is searched several times faster,
    # and spell_out() checks the character before a match itself.
    return re.compile(r"(" + "|".join(sorted(acronyms, key=len, reverse=True)) + r")(s?)\b")


def plural(word: str) -> str:
    """What an acronym's plural stands for: "IROs", independent reviewing officers."""
    return PLURALS.get(word) or ACRONYMS[word] + "s"


def stem(word: str) -> str:
    """An acronym's words as they count as said already: in lower case, without a plural's
    "s" ("Child and Adolescent Mental Health Service (CAMHS)" says CAMHS's words)."""
    words = ACRONYMS[word].lower()
    return words[:-1] if words.endswith("s") else words


def comparable(text: str) -> str:
    """Text as its words are looked for: unescaped, in lower case, a typographic apostrophe
    (as in "children’s", the way Ofsted and most editors write it) as a straight one."""
    return html.unescape(text).lower().replace("’", "'")


def _gloss(
    body: str,
    skipped: list[tuple[int, int]],
    folds: list[tuple[int, int]],
    met: dict[str, int],
    met_in: dict[tuple[int, int], dict[str, int]],
    inserts: list[tuple[int, str]],
) -> None:
    """After each quotation, what the acronyms it is first to use stand for, unless it says so itself.

    met: where each acronym is first met outside folds; met_in: within each fold. As with
    spelling out, a quotation in a fold explains nothing outside it.
    """
    glossed: dict[str, int] = {}  # outside folds: where the quotation that explained each starts
    glossed_in: dict[tuple[int, int], set[str]] = {}
    nowhere = len(body)
    for start, end in skipped:
        opening = _SKIP.match(body, start)
        # A quotation set apart: a <q> runs in a sentence, or a link's words, where a note would not fit.
        if opening is None or opening.group(2).lower() != "blockquote":
            continue
        used = [
            match.group(1)
            for match in _words(_ALL).finditer(body, start, end)
            if not (match.start() and _WORD_CHARACTER.match(body, match.start() - 1))
            and body.rfind("<", 0, match.start()) < body.rfind(">", 0, match.start())
        ]
        if not used:
            continue
        fold = _around(folds, start)
        text = "".join(_PIECES.split(body[start:end])[::2])
        quoted, said = html.unescape(text), comparable(text)
        new: list[str] = []
        for word in dict.fromkeys(used):
            if word in UNGLOSSED:
                continue
            if fold is None:
                if met.get(word, nowhere) < start or word in glossed:
                    continue
                glossed[word] = start
            else:
                mine = glossed_in.setdefault(fold, set())
                told = met.get(word, nowhere) < fold[0] or glossed.get(word, nowhere) < fold[0]
                if told or met_in[fold].get(word, nowhere) < start or word in mine:
                    continue
                mine.add(word)
            # "(EET)" after its words, in the quotation's own form of them ("employment and training").
            if stem(word) not in said and f"({word})" not in quoted and f"({word}s)" not in quoted:
                new.append(word)
        if new:
            stands = "; ".join(f"{word} stands for {html.escape(ACRONYMS[word], quote=False)}" for word in new)
            inserts.append((end, f'<p class="hint">{stands}.</p>'))


def _skipped(body: str) -> list[tuple[int, int]]:
    """The spans of elements whose text is not read: pictures, code, titles, abbreviations, quotations."""
    spans: list[tuple[int, int]] = []
    depth, opened = 0, 0
    for tag in _SKIP.finditer(body):
        closing, self_closing = tag.group(1), tag.group(3)
        if self_closing:
            continue
        if not closing:
            if depth == 0:
                opened = tag.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((opened, tag.end()))
    if depth:
        spans.append((opened, len(body)))
    return spans


def _folds(body: str) -> list[tuple[int, int]]:
    """The spans of text a reader may never see: closed <details> below their <summary>, <div>s
    shown only on paper, and clamped paragraphs; the outermost of each."""
    spans: list[tuple[int, int]] = []
    depth, begin = 0, -1  # begin: where the fold being read starts; -1 in an open one
    printed, divs = -1, 0  # where the print-only <div> being read starts, and how deep in <div>s
    clamped = -1  # where the clamped paragraph being read ends
    for tag in _FOLD.finditer(body):
        if tag.start() < clamped:
            continue  # inside a clamped paragraph, which is one fold to its end
        closing, name = tag.group(1), tag.group(2).lower()
        if name == "div":
            if printed >= 0:
                divs += -1 if closing else 1
                if divs == 0:
                    spans.append((printed, tag.start()))
                    printed = -1
            elif not closing and (depth == 0 or begin < 0) and _PRINT_ONLY.search(tag.group(3)):
                printed, divs = tag.end(), 1
        elif printed >= 0:
            continue  # a fold inside a print-only <div> is part of it
        elif name == "p":
            if depth == 0 or begin < 0:
                end = _P_END.search(body, tag.end())
                clamped = len(body) if end is None else end.start()
                spans.append((tag.end(), clamped))
        elif name == "details" and not closing:
            depth += 1
            if depth == 1:
                begin = -1 if _OPEN.search(tag.group(3)) else tag.end()
        elif name == "details" and depth:
            depth -= 1
            if depth == 0 and begin >= 0:
                spans.append((begin, tag.start()))
        elif name == "summary" and closing and depth == 1 and begin >= 0:
            begin = tag.end()  # its summary is shown, folded or not
    return spans


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    return _around(spans, position) is not None


def _around(spans: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    # The last span starting at or before position: one that starts there holds it too.
    index = bisect.bisect_right(spans, position, key=lambda span: span[0]) - 1
    return spans[index] if index >= 0 and spans[index][0] <= position < spans[index][1] else None


def _tail(body: str, skipped: list[tuple[int, int]], position: int) -> str:
    """The last _TAIL characters of text read before position: unescaped, in lower case, without
    markup, without the text of skipped elements or of whitespace-only runs, and without
    acronyms (an acronym itself never counts as its words said)."""
    window = 4 * _TAIL  # widened until it holds enough text (markup and entities take room)
    while True:
        begin = max(0, position - window)
        if begin:
            begin = body.rfind(">", 0, begin) + 1  # start between tags, not inside one
        texts: list[str] = []
        offset = begin
        pieces = _PIECES.split(body[begin:position])
        for index, piece in enumerate(pieces):
            # The last piece is the acronym's own text up to it, read whatever it holds.
            last = index == len(pieces) - 1
            if index % 2 == 0 and (piece.strip() or last) and not _inside(skipped, offset):
                texts.append(_WORD.sub("", piece))
            offset += len(piece)
        said = comparable("".join(texts))
        if len(said) >= _TAIL or begin == 0:
            return said[-_TAIL:]
        window *= 2
