"""Reading one Ofsted report or letter (a PDF) into what it states.

The text comes from PDFium (pypdfium2): it keeps the reports' reading order and
line breaks, and reads a report in a few hundredths of a second, where pure-Python
readers take most of a second (docs/importing.md gives the comparison). Each page's
running header and footer lines, page numbers and the footnote about the national
framework are dropped before the text is read.

Recognised kinds: SIF inspections and re-inspections (2013-18), ILACS standard and
short inspections (2018 on, and after the April 2026 reform without an overall
grade), focused-visit letters, and the 2012-13 looked after children inspections.
Anything else raises ReportError with a one-line reason; nothing here guesses.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import signal
import stat
import threading
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from .. import dates
from ..model import Timescale

MAX_BYTES = 64 * 1024 * 1024  # the largest real report is under 3 MiB
MAX_PAGES = 300
# What a page draws, counted into the forms it draws, before its text is read: a real
# report's pages draw a few hundred things. A form that draws a form ten times, nested six
# deep, is a page of a million (2 KB of PDF), whose text PDFium would hold in gigabytes.
MAX_PAGE_OBJECTS = 20_000
MAX_READ_MEMORY = 1024 * 1024 * 1024  # to read one PDF (a real report needs some 50 MiB)
MAX_READ_SECONDS = 60  # to read one PDF (a real report takes a tenth of a second)

Kind = Literal["sif", "sif-reinspection", "ilacs", "focused-visit", "lac-2012"]

# By the first three letters: reports of 2014 write "18 Feb 2014".
MONTHS = {name[:3].lower(): number for number, name in enumerate(dates.MONTHS, start=1)}
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# North Lincolnshire's 2017 report: "20 June 2017 ─ 13 July 2017", with a box-drawing line.
_DASH = r"(?:to|and|[–\-—‒−─])"
# A span of days written as Ofsted writes them: "17 June 2019 to 28 June 2019",
# "15 to 26 May 2023", "8 – 12 July 2013", "3 and 4 December 2024", "30 September to 4 October 2024".
_SPAN = re.compile(
    rf"(?P<d1>\d{{1,2}})(?:\s+(?P<m1>{_MONTH}))?(?:\s+(?P<y1>\d{{4}}))?\s*{_DASH}\s*"
    rf"(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})\s+(?P<y2>\d{{4}})",
    re.I,
)
_DAY = re.compile(rf"(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})\s+(?P<y>\d{{4}})", re.I)
_MISDATED = re.compile(rf"\d{{1,3}}\s+{_MONTH}\s+\d{{1,6}}", re.I)
_GRADE = r"(?:requires?\s+improvement(?:\s+to\s+be\s+good)?|outstanding|good|inadequate|adequate)"
BULLETS = "◼\uf06e\uf02d\uf0a7\uf0be\uf0b7•▪●■"  # PDFium gives Wingdings bullets as private-use characters
# The marks of a bulleted point's own list ("including:" and three lines), each followed by a
# space: a hyphen, a minus sign, a line (Manchester 2019) or a stroke (Cornwall 2019).
_SUB_BULLET = re.compile("[-\u2212\u23af\u0336] ")


class ReportError(Exception):
    """The file is not a report this reader knows; the message says why, in one line."""


class NotAnInspection(ReportError):
    """The file is a report this reader knows, of something that is not an inspection of a
    council's children's services (a review of the safeguarding board alone)."""


@dataclass
class Report:
    kind: Kind
    title: str  # the report's own title line(s), as printed
    visit_start: dt.date | None
    visit_end: dt.date | None
    published: dt.date | None
    judgements: dict[str, str] = field(default_factory=dict)
    recommendations: list[tuple[str, str]] = field(default_factory=list)  # (id, verbatim text)
    focus: str | None = None
    visit_parts: str | None = None  # the dates as printed, when the visit was in parts
    visit_yearless: str | None = None  # the dates as printed, when they give no year (the letter's is taken)
    visit_spans: list[tuple[dt.date, dt.date]] = field(default_factory=list)  # each part, when in parts
    not_judged: list[str] = field(default_factory=list)  # judgements the report marks "Not judged"
    board_published: dt.date | None = None  # the date printed on the safeguarding board's review, if another
    # The day its sections about the council were first published, where a report combined
    # with the board's review prints that and no date of its own (Slough, 2014).
    sections_published: dt.date | None = None
    front: str = ""  # the first page's words, as printed: whom the report is about
    ogl: bool = False  # prints the Open Government Licence notice
    priority: frozenset[str] = frozenset()  # ids of the points listed as areas for priority action
    timescales: dict[str, Timescale] = field(default_factory=dict)  # by point id, where the report sets one
    misdated: str | None = None  # a letter's date line that is no date (`6 November 20205`), as printed

    @property
    def document(self) -> str:
        """What Ofsted calls it: a focused visit's "letter", an inspection's "report"."""
        return "letter" if self.kind == "focused-visit" else "report"

    @property
    def visit_noun(self) -> str:
        """What the days on site are called: a focused "visit", an "inspection"."""
        return "visit" if self.kind == "focused-visit" else "inspection"


# Text ------------------------------------------------------------------------------------


def pdf_pages(path: Path) -> list[str]:
    """Each page's text, or ReportError for a file that is not a readable PDF."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a named pipe would wait for a writer, for ever
            raise ReportError("is not a file (a folder, a named pipe or a device?); not read")
        size = status.st_size
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        raise ReportError(f"cannot be read ({exc.strerror})") from None
    if size == 0:
        raise ReportError("is empty")
    if size > MAX_BYTES:
        raise ReportError(f"is {size // (1024 * 1024)} MiB, larger than any report; not read")
    if b"%PDF-" not in head:
        what = "an HTML page" if re.search(rb"<!doctype html|<html", head, re.I) else "something else"
        raise ReportError(f"is not a PDF (it is {what} saved with a .pdf name)")
    return _READER.read(path)


def _read_pdf(path: Path) -> list[str]:
    """Each page's text, read by PDFium; ReportError for what it cannot read."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD:
            # Ofsted publishes none so: a copy saved with a password, which a reader must remove.
            raise ReportError("is protected by a password: save a copy without one, or use Ofsted's own") from None
        raise ReportError(f"is damaged: PDFium cannot open it ({exc})") from None
    try:
        if len(document) > MAX_PAGES:
            raise ReportError(f"has {len(document)} pages, more than any report; not read")
        pages = []
        for number, page in enumerate(document, start=1):
            if _drawn(page.raw) > MAX_PAGE_OBJECTS:
                raise ReportError(
                    f"draws more than {MAX_PAGE_OBJECTS:,} things on page {number}, far more than any report; not read"
                )
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
    except pdfium.PdfiumError as exc:
        raise ReportError(f"is damaged: PDFium cannot read its text ({exc})") from None
    finally:
        document.close()
    if not "".join(pages).strip():
        raise ReportError("has no text layer (a scanned image?); nothing can be read from it")
    return pages


def _drawn(page: Any) -> int:
    """What a page draws, each thing in each form it draws counted as often as it is drawn, however
    deep: counted with PDFium's own calls, up to one past MAX_PAGE_OBJECTS."""
    import pypdfium2.raw as pdfium_c

    count = 0
    holders: list[tuple[bool, Any]] = [(False, page)]  # (a form?, what draws)
    while holders and count <= MAX_PAGE_OBJECTS:
        form, holder = holders.pop()
        total = (pdfium_c.FPDFFormObj_CountObjects if form else pdfium_c.FPDFPage_CountObjects)(holder)
        for i in range(total):
            drawn = (pdfium_c.FPDFFormObj_GetObject if form else pdfium_c.FPDFPage_GetObject)(holder, i)
            count += 1
            if pdfium_c.FPDFPageObj_GetType(drawn) == pdfium_c.FPDF_PAGEOBJ_FORM:
                holders.append((True, drawn))
            if count > MAX_PAGE_OBJECTS:
                break
    return count


class _Reader:
    """A process of its own that reads PDFs, within MAX_READ_MEMORY and MAX_READ_SECONDS each.

    A PDF of a few kilobytes can make PDFium build gigabytes as it loads a page (a form that
    draws a form ten times, six deep), or work for minutes; the import, and the machine,
    would go down with it. The process is forked once and reads file after file; one that
    a PDF kills, or that overruns, is stopped, and the next file gets a new one. Where
    processes cannot be forked (Windows), PDFs are read in this one.
    """

    def __init__(self) -> None:
        self.process: Any = None
        self.conn: Any = None

    def read(self, path: Path) -> list[str]:
        import multiprocessing

        if "fork" not in multiprocessing.get_all_start_methods():
            return _read_pdf(path)
        if self.process is None or not self.process.is_alive():
            import pypdfium2  # noqa: F401  (once, before the fork, not again in each process)

            here, there = multiprocessing.Pipe()
            reading = multiprocessing.get_context("fork").Process(target=_serve_reads, args=(there, here), daemon=True)
            self.process = reading
            self.process.start()
            there.close()
            self.conn = here
        try:
            self.conn.send(str(path.resolve()))  # the process keeps the folder it started in
            if not self.conn.poll(MAX_READ_SECONDS):
                raise ReportError(f"took more than {MAX_READ_SECONDS} s to read, far longer than any report; not read")
            kind, value = self.conn.recv()
        except (EOFError, OSError):
            ended = self.stop()
            if ended in (-signal.SIGSEGV, -signal.SIGBUS):
                raise ReportError("is damaged: PDFium stopped reading it") from None
            raise ReportError(_too_large()) from None
        except BaseException:
            # Stopped between the question and its answer (a time limit, Ctrl+C): the answer
            # would go to the next question.
            self.stop()
            raise
        if kind == "error":
            raise ReportError(value)
        return list(value)

    def stop(self) -> int | None:
        """Ends the reading process; its exit code (minus the signal that ended it), if it had one."""
        ended = None
        if self.process is not None:
            if self.process.is_alive():
                self.process.kill()
            self.process.join()
            ended = self.process.exitcode
            self.conn.close()
        self.process = self.conn = None
        return ended


def _too_large() -> str:
    """Why a PDF was not read that needed more memory than one may have (killed, or told so)."""
    return f"needs more than {MAX_READ_MEMORY // 2**20:,} MiB of memory to read; not read"


def _serve_reads(conn: Any, theirs: Any) -> None:
    """The reading process: its memory bounded, each path it is sent answered with its pages or why not.

    Every file the importer had open when it forked is closed here: theirs, the importer's end
    of the pipe, so that the importer's exit, however it ends, is this process's end of input,
    and its end; and any other, such as a pipe whose reader waits for the importer to close it
    (a browser's driver, in the tests), which would wait for this process too. Ctrl+C is the
    importer's to answer; and should the importer end while PDFium is busy, a watch ends this
    process too.
    """
    import resource  # not on Windows, which reads in the import's own process

    theirs.close()
    kept = conn.fileno()
    os.closerange(3, kept)
    os.closerange(kept + 1, os.sysconf("SC_OPEN_MAX") if hasattr(os, "sysconf") else 4096)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
    with contextlib.suppress(OSError, ValueError):  # where the system sets no such limit (macOS has no /proc)
        with open("/proc/self/statm", encoding="ascii") as statm:
            used = int(statm.read().split()[0]) * resource.getpagesize()
        resource.setrlimit(resource.RLIMIT_AS, (used + MAX_READ_MEMORY, used + MAX_READ_MEMORY))
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        answer: tuple[str, object]
        try:
            answer = ("pages", _read_pdf(Path(path)))
        except ReportError as exc:
            answer = ("error", str(exc))
        except MemoryError:
            answer = ("error", _too_large())
        except Exception as exc:  # PDFium's own failures are ReportError; anything else is said as it is
            answer = ("error", f"cannot be read ({exc.__class__.__name__}: {exc})")
        try:
            conn.send(answer)
        except OSError:
            return


_READER = _Reader()


def clean_lines(pages: list[str]) -> list[str]:
    """The report's lines, without running headers, footers, page numbers, Ofsted's
    address block and the footnote about the national framework.

    PDFium marks a word broken at a line's end with U+FFFE and joins the halves; in
    these reports the break is always at a real hyphen ("good-quality"), so it becomes one.
    """
    split = [[ln.strip() for ln in p.replace("\ufffe", "-").replace("\r\n", "\n").split("\n")] for p in pages]

    def shape(line: str) -> str:
        return re.sub(r"\d+", "#", line)

    seen = Counter(s for page in split for s in {shape(ln) for ln in page if ln})
    repeated = {s for s, n in seen.items() if len(split) >= 4 and n >= max(3, len(split) * 0.4)}
    lines = []
    for page in map(_without_footnotes, split):
        footnote = ""  # the footnote's text so far, while its lines are passed over
        for line in page:
            if footnote:
                footnote = f"{footnote} {line}"
                if _FOOTNOTE_END.search(footnote) or len(footnote) > 400:  # worded otherwise: lose no more
                    footnote = ""
                continue
            mark = _FOOTNOTE.search(line)
            if mark:
                # It can start mid-line, after the body's line-end hyphen ("decision-1 The areas ...").
                line, footnote = line[: mark.start()].rstrip(), line[mark.start() :]
                footnote = "" if _FOOTNOTE_END.search(footnote) else footnote
            if not line or re.fullmatch(r"\d{1,3}", line) or shape(line) in repeated or _LETTERHEAD.fullmatch(line):
                continue
            lines.append(line)
    return lines


def _without_footnotes(page: list[str]) -> list[str]:
    """The page without the footnotes at its foot, nor their marks in its text.

    PDFium gives a footnote's number as a line of its own, then its text, to the page's end
    (Rochdale 2014: "Looked after children in Rochdale are known locally as cared for
    children ..."), and the mark glued to the word it follows ("all cared for children2
    receive"). A number is a footnote's, not the page's, when text follows it on the page and
    a word before it carries it as a mark.
    """
    first = next(
        (
            i
            for i, line in enumerate(page)
            if re.fullmatch(r"\d", line) and any(page[i + 1 :]) and _marked(page[:i], line) is not None
        ),
        None,
    )
    if first is None:
        return page
    body = page[:first]
    for number in (line for line in page[first:] if re.fullmatch(r"\d", line)):
        at = _marked(body, number)
        if at is not None:
            body[at] = _footnote_mark(number).sub("", body[at], count=1)
    return body


def _footnote_mark(number: str) -> re.Pattern[str]:
    return re.compile(rf"(?<=[a-z’”)]){number}(?!\d)")


def _marked(body: list[str], number: str) -> int | None:
    """The last line of body with a word carrying the footnote mark `number`, if one does."""
    mark = _footnote_mark(number)
    return next((j for j in range(len(body) - 1, -1, -1) if mark.search(body[j])), None)


# Ofsted's address block, printed in the margin of a letter's first page. PDFium may give
# its pieces in the middle of the text, a line or two of it at a time ("Manchester M1 2WD",
# "Textphone 0161 618", "8524"), even between a letter's points.
_LETTERHEAD = re.compile(
    r"(?:(?:Ofsted|Piccadilly Gate|Store Street|Manchester|M1 2WD|T 0300 123 \d{4}|Textphone|0161|618|8524"
    r"|enquiries@ofsted\.(?:gov\.uk)?|gov\.uk|www\.gov\.uk/ofsted|www\.ofsted\.gov\.uk)\s*)+"
)
# The footnote ILACS reports and letters since 2023 print on the page of "What needs to
# improve", often in the middle of the list: "1 The areas for improvement have been
# cross-referenced with the outcomes, enablers or principles in the Children's Social Care:
# National Framework. ... expected outcomes of children's social care."
_FOOTNOTE = re.compile(r"\d?\s*The areas for improvement have been cross-referenced with the outcomes")
_FOOTNOTE_END = re.compile(r"children.s social care\.$")


# A line that ends in a hyphen or a dash fast to its word ("17-", "129–") broke inside a
# compound or a range ("17-year-old", "129–130"): the next line follows it with no space.
# A dash with a space before it ("services –") is between words, and keeps its space, as
# does a hyphen left hanging before "and" or "or" ("16- and 17-year-olds": Bromley, 2016).
_BROKEN_AT_DASH = re.compile(r"(?<=[^\s\-–][-–])\n(?!(?:and|or|nor|to)\b)")


def _joined(lines: list[str]) -> str:
    return " ".join(_BROKEN_AT_DASH.sub("", "\n".join(lines)).split())


def _date(day: str, month: str, year: str) -> dt.date:
    try:
        return dt.date(int(year), MONTHS[month.lower()[:3]], int(day))
    except ValueError:
        raise ReportError(f"gives an impossible date, {day} {month} {year}") from None


def parse_span(text: str) -> tuple[dt.date, dt.date] | None:
    """The first span of days (or single day) in text."""
    found = _first_span(text)
    return found[:2] if found else None


def _first_span(text: str) -> tuple[dt.date, dt.date, int] | None:
    """The first span of days (or single day) in text, and where in text it ends."""
    span, day = _SPAN.search(text), _DAY.search(text)
    if span and (day is None or span.start() <= day.start()):
        end = _date(span["d2"], span["m2"], span["y2"])
        start = _date(span["d1"], span["m1"] or span["m2"], span["y1"] or span["y2"])
        if start > end and not span["y1"]:  # "30 December to 3 January 2019"
            start = start.replace(year=start.year - 1)
        return start, end, span.end()
    if day:
        date = _date(day["d"], day["m"], day["y"])
        return date, date, day.end()
    return None


def grade_key(words: str) -> str:
    words = " ".join(words.lower().split())
    if words.startswith("require"):
        return "requires-improvement"
    return words


# Kinds -----------------------------------------------------------------------------------


def read_report(path: Path) -> Report:
    pages = pdf_pages(path)
    report = read_lines(clean_lines(pages))
    # Said in a footnote, which the lines leave out with the rest of the page's foot.
    first = " ".join(pages[0].split()) if pages else ""
    sections = _day_after(first, r"about the local authority were originally published on")
    return replace(report, sections_published=sections, front=first)


def read_lines(lines: list[str]) -> Report:
    """A report from its lines, as clean_lines gives them."""
    text = _joined(lines)
    head = text[:1500]
    ogl = "Open Government Licence" in text
    opening = "\n".join(lines[:40])
    if re.search(r"^Focused visit to\b", opening, re.I | re.M):
        report = _focused_visit(lines, text)
    elif re.search(r"\bRe-?inspection of services for children in need of help", head, re.I):
        report = _sif(lines, text, "sif-reinspection")
    elif re.search(r"\bInspection of services for children in need of help", head, re.I):
        report = _sif(lines, text, "sif")
    elif re.search(r"^Inspection of looked after children services", head, re.I):
        report = _lac(lines, text)
    elif re.search(r"Inspection dates?:.{0,500}?Judgement\s+Grade", head, re.I):
        report = _ilacs(lines, text)
    elif re.search(r"\bReview of the effectiveness of the Local Safeguarding Children Board\b", head, re.I):
        # From 2013 the board's review was published with the council's inspection (read
        # above, with its `lscb` grade); a review published on its own judges only the board.
        raise NotAnInspection(
            "is a review of the Local Safeguarding Children Board alone, not an inspection of the "
            "council's children's services"
        )
    else:
        raise ReportError(f"is not a kind of Ofsted report this importer knows (it begins: {head[:80]!r})")
    report.ogl = ogl
    return report


def _after(text: str, label: str, limit: int = 200) -> str:
    match = re.search(label, text, re.I)
    if not match:
        raise ReportError(f"has no {label.replace(chr(92), '')!r} line where the kind of report puts one")
    return text[match.end() : match.end() + limit]


_NUMERIC = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_DATES_END = re.compile(
    r"Report published|Published:|Lead inspector|Reporting inspector|The overall|Children.s services in|Judgement",
    re.I,
)


@dataclass(frozen=True)
class Visit:
    """The visit as the report's dates line gives it."""

    start: dt.date  # the first day of the first part
    end: dt.date  # the last day of the last part
    parts: str | None  # the line as printed, when the visit was in parts
    spans: list[tuple[dt.date, dt.date]]  # each part, when in parts


def _span_after(text: str, label: str) -> Visit:
    """The visit from the dates line after label.

    Some visits were in parts ("19 November-11 December 2013 and 28 – 30 January 2014",
    "8 July 2019 to 12 July 2019 and 7 August 2019 to 8 August 2019"): each part is kept.
    """
    line = _after(text, label, 160)
    cut = _DATES_END.search(line)
    line = line[: cut.start()] if cut else line
    spans: list[tuple[dt.date, dt.date]] = []
    rest = line
    while (found := _first_span(rest)) is not None:
        spans.append(found[:2])
        rest = rest[found[2] :]
    numeric = []
    for d, m, y in _NUMERIC.findall(line):  # "1/06/2015 – 25/06/2015": a first and a last day
        try:
            numeric.append(dt.date(int(y), int(m), int(d)))
        except ValueError:
            raise ReportError(f"gives an impossible date, {d}/{m}/{y}") from None
    spans += [(numeric[i], numeric[min(i + 1, len(numeric) - 1)]) for i in range(0, len(numeric), 2)]
    if not spans:
        raise ReportError(f"has a {label.replace(chr(92), '').rstrip('?:')!r} line but no dates in it")
    days = [day for span in spans for day in span]
    if len(spans) == 1:
        return Visit(min(days), max(days), None, [])
    return Visit(min(days), max(days), " ".join(line.split()).rstrip(" ."), spans)


def _day_after(text: str, label: str) -> dt.date | None:
    match = re.search(label, text, re.I)
    if not match:
        return None
    after = text[match.end() : match.end() + 40].strip()
    day, numeric = _DAY.match(after), _NUMERIC.match(after)
    if numeric:
        try:
            return dt.date(int(numeric[3]), int(numeric[2]), int(numeric[1]))
        except ValueError:
            raise ReportError(f"gives an impossible publication date, {numeric[0]}") from None
    return _date(day["d"], day["m"], day["y"]) if day else None


def _title(text: str, pattern: str) -> str:
    match = re.search(pattern, text, re.I)
    return " ".join(match.group(0).split()) if match else ""


SIF_TABLE = (
    ("help-and-protection", r"1\.\s*Children who need help and protection"),
    ("looked-after", r"2\.\s*Children looked after and achieving permanence"),
    ("adoption", r"2\.1\.?\s*Adoption performance"),
    ("care-leavers", r"2\.2\.?\s*Experiences and progress of care leavers"),
    ("leadership", r"\d\.\s*Leadership,? management and governance"),
)


# The overall judgement, as SIF reports print it above their table: "The overall judgement
# is that children's services are inadequate", "Children's services in Hartlepool are
# good", "Children's services require improvement to be good" (no place: Luton, 2016).
_SIF_OVERALL = re.compile(
    rf"(?:Children.s services(?: (?:in|on) .{{1,80}}?)?|The overall judgement is(?: that children.s services?)?)"
    rf"\s+(?:are\s+|is\s+)?({_GRADE})",
    re.I,
)
_NOT_JUDGED = r"not\s+judged"

# The safeguarding board's judgement, as a line (or two) of its own: "The Local
# Safeguarding Children Board requires improvement", "The effectiveness of the Local
# Safeguarding Children Board (LSCB) is" / "good.", "The Local Safeguarding Children Board
# is Good", "The effectiveness of the LSCB requires improvement.", "The LSCB is inadequate
# because:", and one report's "The Local Safeguarding Children is inadequate".
_BOARD = re.compile(
    rf"(?:The effectiveness of )?the (?:Local Safeguarding Children(?: Board)?(?: \(LSCB\))?|LSCB)"
    rf"(?: is| are)? ({_GRADE})(?: to be good)?\.?(?: because:?)?",
    re.I,
)


def board_grade(lines: list[str]) -> str | None:
    """The safeguarding board's grade, from the first line (or pair of lines) stating it."""
    for i, line in enumerate(lines):
        for candidate in (line, f"{line} {lines[i + 1]}" if i + 1 < len(lines) else ""):
            match = _BOARD.fullmatch(candidate)
            if match:
                return grade_key(match.group(1))
    return None


def _sif(lines: list[str], text: str, kind: Kind) -> Report:
    visit = _span_after(text, r"Inspection dates?:")
    published = _day_after(text, r"Report published:")
    judgements: dict[str, str] = {}
    overall = _SIF_OVERALL.search(text[:3000])
    if overall is None:
        raise ReportError('has no overall judgement ("Children\'s services in ... are ...")')
    judgements["overall"] = grade_key(overall.group(1))
    table = text[overall.end() : overall.end() + 2500]
    not_judged = []
    for key, label in SIF_TABLE:
        # Small authorities may have no grade for an area: the Isles of Scilly's 2016 report
        # prints "Not judged" for children looked after, adoption and care leavers.
        match = re.search(label + rf"\s+({_GRADE}|{_NOT_JUDGED})", table, re.I)
        if match and re.fullmatch(_NOT_JUDGED, match.group(1), re.I):
            not_judged.append(key)
        elif match:
            judgements[key] = grade_key(match.group(1))
    if len(judgements) + len(not_judged) < 4:
        raise ReportError("has a judgement table whose grades cannot be read")
    board = board_grade(lines)
    if board:
        judgements["lscb"] = board
    recommendations, priority = _numbered(lines)
    if not recommendations:
        at, points = _bullets_at(lines, _LA_IMPROVE, _LA_IMPROVE_END, lead=2)
        recommendations = [(f"r{n}", t) for n, t in enumerate(points, start=1)]
        priority = _bulleted_priority(lines[at + 1 :], recommendations)
    if not recommendations:
        raise ReportError('has no numbered recommendations under a "Recommendations" heading')
    title = _title(text, r"(?:Re-?i|I)nspection of services for children in need of help .{0,200}?care leavers")
    return Report(
        kind,
        title,
        visit.start,
        visit.end,
        published,
        judgements,
        recommendations,
        visit_parts=visit.parts,
        visit_spans=visit.spans,
        not_judged=not_judged,
        board_published=_board_published(text, published),
        priority=priority,
    )


def _board_published(text: str, published: dt.date | None) -> dt.date | None:
    """The publication date printed on the safeguarding board's review, when it is not the report's.

    One PDF (Kingston upon Hull, 2015) holds the council's report and the board's review
    as two reports, each with its own "Report published" line.
    """
    for match in re.finditer(
        r"effectiveness of the local safeguarding children board\W.{0,300}?(Report published:)", text, re.I
    ):
        date = _day_after(text[match.start(1) : match.start(1) + 60], r"Report published:")
        if date and date != published:
            return date
    return None


def _numbered(lines: list[str]) -> tuple[list[tuple[str, str]], frozenset[str]]:
    """The local authority's numbered recommendations, verbatim, and the ids of those under
    "Priority and immediate action".

    They follow a "Recommendations" heading (2015 on) or "What does the local authority
    need to improve?" (2014-15), where sub-headings ("Priority and immediate action",
    "Areas for improvement", "Quality of practice") sit between the numbered points; the
    earliest reports (Sheffield, February 2014) start at "Priority and immediate action".
    The contents page's "Recommendations 7" is not the heading. A point that says there
    are no priority actions is not a recommendation, and is left out.
    """
    first = start = None
    for start, line in enumerate(lines):
        if re.fullmatch(_LIST_HEADING, line, re.I):
            first = next((j for j in range(start + 1, min(start + 8, len(lines))) if _POINT.match(lines[j])), None)
            if first is not None:
                break
    if first is None or start is None:
        return [], frozenset()
    items: list[list[str]] = []
    # The section each point is under ("Priority and immediate action", "Areas for
    # improvement"), which topic sub-headings ("Help and protection") do not change.
    under: list[str] = []
    section = _section(lines[start:first], lines[start])
    number = int(lines[first].split(".")[0])
    i = first
    while i < len(lines):
        line = lines[i]
        match = _POINT.match(line)
        if _LIST_END.match(line):
            break
        if match and int(match.group(1)) == number + len(items):
            items.append([_unglued(match.group(2))])
            under.append(section)
        elif re.fullmatch(_SUB_HEADING, line, re.I):
            section = line  # "Areas for improvement:", whose colon makes it look like a sentence's end
        elif _heading_like(line) and _ends_sentence(items[-1][-1]):
            # A sub-heading between points; the point's next sentence, starting a line; or
            # the end of the list.
            j = i
            while j < len(lines) and j - i < 3 and _heading_like(lines[j]):
                j += 1
            nxt = _POINT.match(lines[j]) if j < len(lines) else None
            if nxt and int(nxt.group(1)) == number + len(items):
                section = _section(lines[i:j], section)
                i = j
                continue
            if not _goes_on(lines, i, number + len(items)):
                break
            items[-1].append(line)
        elif match:
            break
        else:
            items[-1].append(_unglued(line))
        i += 1
    kept = [(_point_text(item), h) for item, h in zip(items, under, strict=True)]
    kept = [(t, h) for t, h in kept if not _NONE_SET.fullmatch(t)]
    points = [(f"r{n}", t) for n, (t, _) in enumerate(kept, start=1)]
    priority = frozenset(
        rid for (rid, _), (_, h) in zip(points, kept, strict=True) if re.fullmatch(_PRIORITY_HEADING, h, re.I)
    )
    return points, priority


_PRIORITY_HEADING = r"Priority and immediate action:?"
_LA_IMPROVE = r"What does the local authority need to improve\??"
_LA_IMPROVE_END = r"Information about this|The local authority.s strengths|Summary for children"
# "Recommendations:" with its colon, as Hammersmith and Fulham's 2016 report heads its list:
# missed, the board's list further on was read as the council's.
_LIST_HEADING = rf"Recommendations:?|{_LA_IMPROVE}|{_PRIORITY_HEADING}"
_SUB_HEADING = rf"(?:{_PRIORITY_HEADING}|Areas for improvement:?)"


def _bulleted_priority(lines: list[str], points: list[tuple[str, str]]) -> frozenset[str]:
    """The ids of the bulleted points under "Priority and immediate action" (Slough, 2014,
    whose points are bullets, not numbered): the section of each point, reading the lines
    after the list's heading as _bullets did, a point at each bullet. None where the two
    readings do not count the same points."""
    sections: list[bool] = []
    priority = False
    for line in lines:
        if re.match(_LA_IMPROVE_END, line, re.I):
            break
        if re.fullmatch(_SUB_HEADING, line, re.I):
            priority = re.fullmatch(_PRIORITY_HEADING, line, re.I) is not None
            continue
        if line[:1] in BULLETS:
            sections.append(priority)
        if _unglued(line) != line:  # "... staff. Areas for improvement": the next section begins
            priority = re.search(rf"{_PRIORITY_HEADING}$", line, re.I) is not None
    if len(sections) != len(points):
        return frozenset()
    return frozenset(rid for (rid, _), marked in zip(points, sections, strict=True) if marked)


def _unglued(line: str) -> str:
    """The line without a sub-heading at its end: PDFium gives Calderdale 2015's "Areas for
    improvement" both on a line of its own and after the full stop of the line before."""
    return re.sub(rf"(?<=[.;])\s+{_SUB_HEADING}$", "", line)


def _section(headings: list[str], current: str) -> str:
    """The last of these lines that names a section of the list, else the current one."""
    return next((h for h in reversed(headings) if re.fullmatch(rf"{_LIST_HEADING}|{_SUB_HEADING}", h, re.I)), current)


# A numbered point's first line: "12. Ensure ...", or "10.Ensure ..." as Sunderland's 2018
# report prints its points from 10 on.
_POINT = re.compile(r"(\d{1,3})\.(?:\s+|(?=[A-Z‘“]))(.*)")
_GOES_ON_LINES = 8  # a point's further sentences are shorter than this, in every report read


def _goes_on(lines: list[str], i: int, expected: int) -> bool:
    """Whether lines[i], a line like a sub-heading after a point's full stop, is the point's
    next sentence: the point numbered `expected` follows within a few lines, every one of
    them text, or, after the last point, the heading that ends the list does."""
    for j in range(i + 1, min(i + _GOES_ON_LINES, len(lines))):
        point = _POINT.match(lines[j])
        if point:
            return int(point.group(1)) == expected
        if _LIST_END.match(lines[j]):
            return _ends_sentence(lines[j - 1])
    return False


# The sections after the recommendations. Their paragraphs carry on the report's numbering,
# so a heading is what ends the list: "The local authority's strengths" and "Progress since
# the last inspection" (2014-15), the summary for children, the board's findings.
_LIST_END = re.compile(
    r"(?:The [Ll]ocal [Aa]uthority(?:.s| has the following) strengths|Progress since the last inspection"
    r"|Summary for children|Information about|Inspection findings|Inspection judgements)"
)
# A point that says there is none: "There are no areas for priority or immediate action."
# (Sheffield), "There are no areas of priority action." (Herefordshire), "The inspection
# did not find any areas for priority and immediate action." (Bexley and four more, 2014).
_NONE_SET = re.compile(
    r"(?:There (?:are|is) no|The inspection did not find any) (?:areas? (?:for|of) )?"
    r"priority(?: (?:and|or) immediate)? actions?\.?",
    re.I,
)


def _point_text(lines: list[str], sub: bool = False) -> str:
    """A point's text; the bulleted parts of a point ("Improve ... by:" and three bullets)
    become a Markdown list, so no bullet character reaches the page. A numbered point's
    parts have the marks of a bulleted point (BULLETS); a bulleted point's, with sub,
    those of _SUB_BULLET."""
    lead: list[str] = []
    bullets: list[list[str]] = []
    for line in lines:
        if _SUB_BULLET.match(line) if sub else line[:1] in BULLETS:
            bullets.append([line[1:].strip()])
        elif bullets:
            bullets[-1].append(line)
        else:
            lead.append(line)
    if not bullets:
        return _joined(lines)
    return "\n".join([_joined(lead), "", *(f"- {_joined(b)}" for b in bullets)]).strip()


def _heading_like(line: str) -> bool:
    return len(line) <= 90 and line[:1].isupper() and not _ends_sentence(line) and not re.match(r"\d{1,3}\.\s", line)


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", ".’", ".”", "?", "!", ":", ";"))


ILACS_TABLE = (
    ("leadership", r"The impact of leaders on (?:social work )?practice with children and families\.?"),
    ("help-and-protection", r"The experiences and progress of children who need help and protection"),
    ("in-care-and-leavers", r"The experiences and progress of children in care and care leavers"),
    ("in-care", r"The experiences and progress of children in care(?! and care leavers)"),
    # "... of children care leavers" in fourteen reports of July 2025 to June 2026, as printed.
    ("care-leavers", r"The experiences and progress of (?:children )?care leavers"),
    ("overall", r"Overall effectiveness"),
)


# The section after an ILACS report's points: "The experiences and progress of children who
# need help and protection" (Lewisham, 2024: "Experiences and progress of ...: good").
_ILACS_SECTION = r"(?:The )?experiences and progress of children who need"


def _ilacs(lines: list[str], text: str) -> Report:
    visit = _span_after(text, r"Inspection dates?:")
    table_at = re.search(r"Judgement\s+Grade", text)
    if table_at is None:
        raise ReportError('has no judgement table ("Judgement Grade")')
    table = text[table_at.end() : table_at.end() + 1200]
    judgements = {}
    for key, label in ILACS_TABLE:
        match = re.search(label + rf"\s*:?\s*({_GRADE})", table, re.I)
        if match:
            judgements[key] = grade_key(match.group(1))
    if "help-and-protection" not in judgements or "leadership" not in judgements:
        raise ReportError("has a judgement table whose grades cannot be read")
    # "Inspection of Bradford Children and Families Trust" (2026): a trust runs the services.
    title = _title(text[:300], r"Inspection of .{0,120}?(?:children.s (?:social care )?services|Trust\b)")
    points = _bullets(lines, r"What needs to improve[?:]?\s*\d?", _ILACS_SECTION, lead=8)
    recommendations = [(f"r{n}", t) for n, t in enumerate(points, 1)]
    return Report(
        "ilacs",
        title,
        visit.start,
        visit.end,
        None,
        judgements,
        recommendations,
        visit_parts=visit.parts,
        visit_spans=visit.spans,
    )


def _bullets(lines: list[str], heading: str, stop: str, lead: int = 0) -> list[str]:
    return _bullets_at(lines, heading, stop, lead)[1]


def _bullets_at(lines: list[str], heading: str, stop: str, lead: int = 0) -> tuple[int, list[str]]:
    """The bulleted points under a heading, up to a line matching stop, and the heading's line.

    The heading is a line of its own, matching heading and starting with a capital
    letter ("areas for improvement at the last inspection ..." inside a sentence is not
    it); the first such line with a list under it is read. Up to `lead` lines may come
    between the heading and the first point: sub-headings ("Areas for improvement"), or
    prose that introduces the list ("... the following areas of weakness:"). A short
    sub-heading between points is passed over when a point follows it; any other line
    is the point's own, as a point may run to several sentences.
    """
    for i, line in enumerate(lines):
        if line[:1].isupper() and re.fullmatch(heading, line, re.I):
            points = _list_after(lines, i, stop, lead)
            if points:
                return i, points
    return len(lines), []


def _list_after(lines: list[str], i: int, stop: str, lead: int) -> list[str]:
    """The points under the heading at lines[i]; none when no list of its own follows it."""
    items: list[list[str]] = []
    prose: list[str] = []  # between the heading and the first point
    j = i + 1
    while j < len(lines):
        line = lines[j]
        if re.match(stop, line, re.I):
            break
        if line[:1] in BULLETS:
            if not items and prose and not (prose[-1].endswith(":") or all(map(_heading_like, prose))):
                return []  # prose under the heading that does not introduce this list
            items.append([line[1:].strip()])
        elif not items and re.fullmatch(r"\d", line):
            pass  # a footnote's mark on its own line
        elif not items:
            prose.append(line)
            if len(prose) > lead:
                return []
        elif (
            _heading_like(line)
            and _ends_sentence(items[-1][-1])
            and not items[-1][-1].endswith(":")  # "(Outcome two:" / "National Framework)"
            and (k := _after_subheading(lines, j, stop)) is not None
        ):
            j = k
            continue
        else:
            items[-1].append(line)
        j += 1
    return [_point_text(item, sub=True) for item in items]


def _after_subheading(lines: list[str], j: int, stop: str) -> int | None:
    """Where the point after a sub-heading (up to three heading-like lines from j) starts, if one does."""
    k = j
    while k < len(lines) and k - j < 3 and _heading_like(lines[k]) and not re.match(stop, lines[k], re.I):
        k += 1
    return k if k < len(lines) and lines[k][:1] in BULLETS else None


# The headings of a focused-visit letter's points, each a line of its own: "Areas for
# priority action", and "What needs to improve in this area of social work practice"
# (with "?", ":" or a footnote mark; "... of practice" in two letters) or, in some 2018-21
# letters, "Areas for improvement".
_PRIORITY = r"Areas? for priority action:?"
_IMPROVE = r"(?:What needs to improve(?: in this area of (?:social work )?practice)?|Areas? for improvement)[?:]?\s*\d?"
# What ends a letter's list: the next section's heading or the letter's closing paragraph.
_LETTER_END = (
    rf"(?:(?:Main |Headline )?findings\.?|Overview|Areas? of strength|{_PRIORITY}|{_IMPROVE})$"
    r"|Ofsted will (?:take|share|publish)\b|Yours sincerely"
)


def _in_one_sentence(text: str) -> str:
    """A sentence that ends in a bulleted list ("a particular focus on the:" and three
    points), as one line: the points separated by semicolons, where the letter ends them
    with nothing."""
    head, *points = (" ".join(part.split()) for part in re.split(rf"[{BULLETS}]", text))
    if ":" not in head or not points:
        return " ".join(text.split())
    joined = [
        p if n == len(points) - 1 or re.search(r"(?:[;,](?: (?:and|or))?|[.!?][’”]?)$", p) else p + ";"
        for n, p in enumerate(points)
    ]
    return " ".join([head, *joined])


def _focused_visit(lines: list[str], text: str) -> Report:
    letter = misdated = None
    for line in lines[:30]:
        match = _DAY.fullmatch(line)
        if match:
            letter = _date(match["d"], match["m"], match["y"])
            break
        if _MISDATED.fullmatch(line):  # `6 November 20205`: a date line, misprinted
            misdated = " ".join(line.split())
            break
    visit_at = re.search(r"focused visit to .{1,120}? (?:on|from|between)\s", text, re.I)
    if visit_at is None:
        raise ReportError('has no visit dates ("... focused visit to ... on ...")')
    phrase = re.sub(r"\b(?:the|of)\s+", "", text[visit_at.end() : visit_at.end() + 80])
    days, printed = _day_list(phrase)
    span = (days[0], days[-1]) if days else parse_span(phrase)
    yearless = None
    if span is None and letter is not None:  # "on 30 and 31 January.": the year is the letter's
        short = re.match(rf"(\d{{1,2}})(?:\s*{_DASH}\s*(\d{{1,2}}))?\s+({_MONTH})\b", phrase.strip(), re.I)
        if short:
            year = letter.year - (MONTHS[short[3].lower()[:3]] > letter.month)
            span = (_date(short[1], short[3], str(year)), _date(short[2] or short[1], short[3], str(year)))
            yearless = " ".join(short.group(0).split())
    if span is None:
        raise ReportError("gives no visit dates that can be read")
    focus = _focus(text)
    priority = _bullets(lines, _PRIORITY, _LETTER_END, lead=10)
    improve = _bullets(lines, _IMPROVE, _LETTER_END, lead=10)
    recommendations = [(f"p{n}", t) for n, t in enumerate(priority, 1)]
    recommendations += [(f"r{n}", t) for n, t in enumerate(improve, 1)]
    # "Focused visit to children's services" (Camden 2023), "... to Slough Children First",
    # "... to Sandwell Children's Trust": the heading, never the letter's first sentence.
    title = _title(
        text[:800],
        r"Focused visit to (?:(?!This letter).){0,120}?(?:children.s services|Children.s Trust|Children First)",
    )
    marked = frozenset(rid for rid, _ in recommendations[: len(priority)])
    parts = _parts(days) if days else []
    return Report(
        "focused-visit",
        title,
        span[0],
        span[1],
        letter,
        {},
        recommendations,
        focus,
        visit_parts=printed if len(parts) > 1 else None,
        visit_spans=parts if len(parts) > 1 else [],
        visit_yearless=yearless,
        priority=marked,
        misdated=misdated,
    )


# A visit's days listed one by one, the month and year given once for the days before
# them: "15, 16 and 21 July 2025", "29 and 30 September, and 1 October 2020".
_DAY_LIST = re.compile(rf"(?:\d{{1,2}}(?:\s+{_MONTH})?(?:,\s*|,?\s+and\s+)){{2,}}\d{{1,2}}\s+{_MONTH}\s+\d{{4}}", re.I)


def _day_list(phrase: str) -> tuple[list[dt.date], str]:
    """The days of a visit given as a list of three or more days, in order, and the list as
    printed; none otherwise."""
    found = _DAY_LIST.match(phrase.strip())
    if found is None:
        return [], ""
    year = found.group(0).split()[-1]
    days: list[dt.date] = []
    month = ""
    for day, named in reversed(re.findall(rf"(\d{{1,2}})(?:\s+({_MONTH})\b)?", found.group(0)[: -len(year)], re.I)):
        month = named or month
        days.append(_date(day, month, year))
    return sorted(days), " ".join(found.group(0).split())


def _parts(days: list[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """Runs of consecutive days."""
    runs: list[tuple[dt.date, dt.date]] = []
    for day in days:
        if runs and (day - runs[-1][1]).days == 1:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


# What a visit looked at, as letters say it: "Inspectors looked at (considered, reviewed,
# evaluated) the local authority's arrangements for ...", "The focus of this visit was
# ...", "During this visit, inspectors evaluated ...". Letters say what evidence was used
# in the same words ("Inspectors looked at a range of evidence ..."): the first such
# sentence that is not about the evidence is the focus.
_FOCUS = re.compile(
    r"(?:During (?:this|the) (?:focused )?visit, inspectors|The inspectors|(?<!Majesty.s )Inspectors)"
    r" (?:looked at|considered|reviewed|evaluated|focused on)\b"
    r"|The focus of (?:this|the) (?:focused )?visit was\b|This visit focused\b"
)
# What inspectors "looked at" when it is the evidence, right after the verb.
_EVIDENCE = re.compile(
    r" (?:a (?:broad |wide )?range|relevant|case records|children.s (?:case )?records|a sample"
    r"|local authority performance)"
)
_SENTENCE_END = re.compile(r"[.!?][’”]?(?=\s|$)")
_NEXT_POINT = re.compile(rf"\s*[{BULLETS}][^{BULLETS}]*?(?:{_SENTENCE_END.pattern}|(?=\s*[{BULLETS}]))")


# A sentence after the focus that narrows it: "Specifically, they considered ...", "This
# included: ◼ Support into adulthood ...", "This visit focused specifically on: ...",
# "They also considered ...", "Inspectors also evaluated ...", "In doing so, inspectors
# considered ...". 89 letters have one; what inspectors looked at as evidence is
# not one ("They looked at a range of evidence ..."), nor is the context a letter gives
# ("This aspect of service was judged ... at the last inspection."), nor Ofsted's "we",
# which on the page would read as the site's.
_FOCUS_MORE = re.compile(
    r"\s*(?P<sentence>(?:Specifically|In particular|In addition|In doing so|Within this), (?:they|inspectors)"
    r"|This included\b|The primary focus\b|In line with [^.,]{1,60}, the focus was\b"
    r"|(?:This|The) visit (?:also )?(?:focused|included|had a particular focus)\b"
    r"|The impact of leaders on (?:social work )?practice was also considered\b"
    r"|(?:They|Inspectors|The inspectors) (?:also |carefully )?(?:looked (?:specifically )?at"
    rf"|considered|reviewed|evaluated|assessed|explored|focused on)\b(?!{_EVIDENCE.pattern}))"
)
_FOCUS_SENTENCES = 5  # the focus and what narrows it; no letter has more than four


def _focus(text: str) -> str | None:
    """What the visit looked at, in the letter's words, with the sentences that narrow it;
    None where the letter does not say."""
    for found in _FOCUS.finditer(text):
        if _EVIDENCE.match(text, found.end()):
            continue
        stop = _sentence_end(text, found.start())
        if stop is None:
            return None
        sentences = [_in_one_sentence(text[found.start() : stop])]
        while len(sentences) < _FOCUS_SENTENCES and (more := _FOCUS_MORE.match(text, stop)):
            start = more.start("sentence")
            stop = _sentence_end(text, start)
            if stop is None:
                break
            sentences.append(_in_one_sentence(text[start:stop]))
        return " ".join(sentences)
    return None


def _sentence_end(text: str, start: int) -> int | None:
    """Where the sentence starting at start ends: a sentence ending in a bulleted list ("a
    particular focus on:" and three points) goes on to the list's last point."""
    end = _SENTENCE_END.search(text, start)
    if end is None:
        return None
    stop = end.end()
    if ":" in text[start:stop]:
        while point := _NEXT_POINT.match(text, stop):
            stop = point.end()
        # A last point printed without a full stop runs on into the next sentence here
        # (East Riding of Yorkshire 2024: "care leaver local offer This visit was carried out ...").
        run_on = _RUN_ON.search(text, start, stop)
        stop = run_on.start() if run_on else stop
    return stop


_RUN_ON = re.compile(r"(?<=[a-z)]) (?=(?:This|The) (?:visit|letter)\b|Inspectors\b)")


LAC_TABLE = (
    ("overall", r"Overall effectiveness"),
    ("capacity", r"Capacity to improve"),
    ("outcomes", r"Outcomes for looked after children and young people"),
    ("provision", r"Quality of provision"),
    ("leadership", r"Leadership and management"),
)


def _lac(lines: list[str], text: str) -> Report:
    visit = _span_after(text, r"Inspection dates?:")
    published = _day_after(text, r"Published:")
    record = text.rfind("Record of main findings")
    if record < 0:
        raise ReportError('has no "Record of main findings" table')
    table = text[record : record + 800]
    judgements = {}
    for key, label in LAC_TABLE:
        match = re.search(label + rf"\s+({_GRADE})", table, re.I)
        if match is None:
            raise ReportError(f'has no grade for "{label}" in its record of main findings')
        judgements[key] = grade_key(match.group(1))
    points = _lac_points(lines)
    if not points:
        raise ReportError('has no points under "Areas for improvement"')
    title = "Inspection of looked after children services"
    return Report(
        "lac-2012",
        title,
        visit.start,
        visit.end,
        published,
        judgements,
        [(f"r{n}", t) for n, (t, _) in enumerate(points, 1)],
        visit_parts=visit.parts,
        visit_spans=visit.spans,
        timescales={f"r{n}": when for n, (_, when) in enumerate(points, 1)},
    )


# The sub-headings of a looked after children report's "Areas for improvement": each
# point is under the timescale the report sets for it.
_LAC_TIMESCALES: dict[str, Timescale] = {
    "immediately": "immediately",
    "within three months": "within-3-months",
    "within six months": "within-6-months",
}


def _lac_points(lines: list[str]) -> list[tuple[str, Timescale]]:
    """The bulleted points under "Areas for improvement", each with its timescale.

    The list follows a numbered paragraph ("15. In order to improve ... the local authority
    should take the following action.") and ends at the next section's heading ("Outcomes
    for looked after children and young people"); the points are printed as the reports
    print them, most starting in lower case, some without a full stop.
    """
    start = next((i for i, line in enumerate(lines) if line == "Areas for improvement"), None)
    if start is None:
        return []
    points: list[tuple[list[str], Timescale]] = []
    timescale: Timescale | None = None
    for line in lines[start + 1 :]:
        heading = _LAC_TIMESCALES.get(line.rstrip(":").lower()) if line.endswith(":") else None
        if heading:
            timescale = heading
        elif re.match(r"Outcomes for looked after children", line):
            break
        elif line[:1] in BULLETS:
            if timescale is None:
                raise ReportError('has a point under "Areas for improvement" before any timescale ("Immediately:")')
            points.append(([line[1:].strip()], timescale))
        elif points:
            points[-1][0].append(line)
    return [(_joined(words), when) for words, when in points]
