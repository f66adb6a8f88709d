"""The report reader and `import report` / `import ofsted-reports`, on real Ofsted PDFs.

Reports that print the Open Government Licence notice are copied into tests/reports/;
the others (focused-visit letters, the 2013 report, the HTML "PDF") are read from
../shared/data/ofsted-reports-sample, as CI has it. Every expected value was checked
by hand against the PDF. tests/reports/password-protected.pdf is no report: a page of
no words, made for the test, encrypted with a password.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import CONTENT_AS_OF, REPO, copy_seed_content

from tracker import pipeline
from tracker.cli import main
from tracker.files import JOURNAL, UnsafeWrite, finish_interrupted, write_all
from tracker.importer import reports
from tracker.importer.ofsted import HistoryRow, _inspection_item, _source_item, plan_report
from tracker.importer.reports import (
    NotAnInspection,
    Report,
    ReportError,
    board_grade,
    clean_lines,
    read_lines,
    read_report,
)
from tracker.importer.sources import REQUIRED_COLUMNS, RowError
from tracker.settings import load_frameworks
from tracker.yamledit import dump, folded, load_plain

HERE = Path(__file__).parent / "reports"
SHARED = REPO.parent / "shared" / "data" / "ofsted-reports-sample"
HISTORY = REPO.parent / "shared" / "data" / "ofsted_csc_ilacs_history.csv"
AS_OF = CONTENT_AS_OF
ENV = {"SOURCE_DATE_EPOCH": str(calendar.timegm(AS_OF.timetuple()))}
D = dt.date


def sample(name: str) -> Path:
    for folder in (HERE, SHARED):
        if (folder / name).is_file():
            return folder / name
    pytest.skip(f"{name} is not available (../shared/data is missing)")


def history() -> Path:
    if not HISTORY.is_file():
        pytest.skip(f"{HISTORY.name} is not available (../shared/data is missing)")
    return HISTORY


def read(name: str) -> Report:
    return read_report(sample(name))


def test_sif_with_safeguarding_board_review() -> None:
    r = read("80584_worcestershire/children's services inspection - 24 january 2017.pdf")
    assert (r.kind, r.visit_start, r.visit_end, r.published) == (
        "sif",
        D(2016, 10, 24),
        D(2016, 11, 17),
        D(2017, 1, 24),
    )
    assert r.judgements == {
        "overall": "inadequate",
        "help-and-protection": "inadequate",
        "looked-after": "inadequate",
        "adoption": "requires-improvement",
        "care-leavers": "inadequate",
        "leadership": "inadequate",
        "lscb": "requires-improvement",
    }
    assert len(r.recommendations) == 14
    assert r.recommendations[5] == (
        "r6",
        "Complete a thorough review of all children subject to section 20 accommodation, to ensure that their "
        "arrangements are appropriate in all cases.",
    )
    assert r.recommendations[13] == (
        "r14",
        "Ensure that effective performance management and quality assurance drive improvements and consistency "
        "in the quality of practice, including findings from complaints and training.",
    )
    assert r.ogl


def test_sif_good_with_all_seven_grades() -> None:
    r = read("80552_shropshire/children's services inspection - 24 november 2017.pdf")
    assert (r.visit_start, r.visit_end, r.published) == (D(2017, 9, 11), D(2017, 10, 5), D(2017, 11, 24))
    assert r.judgements == {
        "overall": "good",
        "help-and-protection": "good",
        "looked-after": "requires-improvement",
        "adoption": "good",
        "care-leavers": "requires-improvement",
        "leadership": "good",
        "lscb": "good",
    }
    assert len(r.recommendations) == 12
    assert r.recommendations[0][1] == (
        "Ensure that a clear system is established to enhance management oversight of initial contacts, so as "
        "to avoid any delays and to monitor timeliness and effectiveness."
    )


def test_sif_reinspection() -> None:
    r = read("80555_somerset/children's services inspection - 29 january 2018.pdf")
    assert (r.kind, r.visit_start, r.visit_end, r.published) == (
        "sif-reinspection",
        D(2017, 11, 7),
        D(2017, 11, 30),
        D(2018, 1, 29),
    )
    assert r.judgements == {
        "overall": "requires-improvement",
        "help-and-protection": "requires-improvement",
        "looked-after": "requires-improvement",
        "adoption": "good",
        "care-leavers": "requires-improvement",
        "leadership": "requires-improvement",
    }
    assert len(r.recommendations) == 13


def test_ilacs_before_2023_has_the_combined_in_care_judgement() -> None:
    r = read("80584_worcestershire/children's services inspection - 29 july 2019.pdf")
    assert (r.kind, r.visit_start, r.visit_end, r.published) == ("ilacs", D(2019, 6, 17), D(2019, 6, 28), None)
    assert r.judgements == dict.fromkeys(
        ("leadership", "help-and-protection", "in-care-and-leavers", "overall"), "requires-improvement"
    )
    assert [t for _, t in r.recommendations][2] == (
        "Assessments of need for 16- and 17-year-olds who present as homeless, including whether they should "
        "come into the care of the local authority. Young people should be told clearly about this option."
    )
    assert len(r.recommendations) == 8
    b = read("80429_birmingham/children's services inspection - 17 january 2019.pdf")
    assert (b.visit_start, b.visit_end) == (D(2018, 12, 3), D(2018, 12, 14))
    assert b.judgements["in-care-and-leavers"] == "requires-improvement"
    assert [t for _, t in b.recommendations][:2] == [
        "The quality, effectiveness and pace of partnership working with external agencies, including "
        "partner-led early help services.",
        "Trust and confidence between the courts and BCT.",
    ]
    assert len(b.recommendations) == 6


def test_ilacs_after_the_2023_split() -> None:
    r = read("80584_worcestershire/children's services inspection - 14 july 2023.pdf")
    assert (r.visit_start, r.visit_end) == (D(2023, 5, 15), D(2023, 5, 26))
    assert r.judgements == {
        "leadership": "good",
        "help-and-protection": "good",
        "in-care": "requires-improvement",
        "care-leavers": "good",
        "overall": "good",
    }
    assert r.recommendations == [
        ("r1", "Effective analysis of risk by the local authority designated officer team (LADO)."),
        (
            "r2",
            "A consistent service for all children in care, including the timely progression of their plans "
            "for permanence.",
        ),
        (
            "r3",
            "Consistency in the leaving care service received by care leavers who are subject to special "
            "guardianship orders (SGOs).",
        ),
        ("r4", "Children and care leavers’ participation in influencing service delivery and strategic developments."),
    ]


def test_ilacs_short_drops_the_footnote() -> None:
    r = read("80576_warwickshire/children's services inspection - 14 october 2025.pdf")
    assert (r.visit_start, r.visit_end) == (D(2025, 6, 2), D(2025, 6, 6))
    assert r.judgements["care-leavers"] == "good" and r.judgements["overall"] == "requires-improvement"
    assert r.recommendations[3] == (
        "r4",
        "The consistency of supervision and oversight to promote consistently effective social work. "
        "(enabler 2, national framework)",
    )


def test_after_the_2026_reform_no_overall_grade() -> None:
    r = read("80489_brent/children's services inspection - 17 june 2026.pdf")
    assert (r.visit_start, r.visit_end) == (D(2026, 4, 27), D(2026, 5, 1))
    assert r.judgements == dict.fromkeys(("leadership", "help-and-protection", "in-care", "care-leavers"), "good")
    assert len(r.recommendations) == 4
    assert r.recommendations[1][1] == (
        "The consideration of children’s previous history in decision-making in the Brent family front door. "
        "(Outcome 2, national framework)"
    )


def test_focused_visit_letters() -> None:
    r = read("80552_shropshire/children's services focused visit - 12 january 2024.pdf")
    assert (r.kind, r.visit_start, r.visit_end, r.published) == (
        "focused-visit",
        D(2023, 11, 23),
        D(2023, 11, 23),
        D(2024, 1, 12),
    )
    assert r.focus == (
        "Inspectors looked at the local authority’s arrangements for children subject to a child protection "
        "plan, with a particular focus on the quality and impact of pre-proceedings interventions."
    )
    assert r.recommendations[0] == (
        "p1",
        "Weaknesses in child protection practice, which leave children at risk of significant harm, including "
        "the quality of management oversight and decision-making, staff supervision, and appropriate challenge "
        "by child protection chairs.",
    )
    assert [rid for rid, _ in r.recommendations] == ["p1", "r1", "r2", "r3", "r4", "r5", "r6"]
    assert r.priority == {"p1"}  # marked `priority: true` in the content
    w = read("80576_warwickshire/children's services focused visit - 09 august 2018.pdf")
    assert (w.visit_start, w.visit_end, w.published) == (D(2018, 7, 17), D(2018, 7, 17), D(2018, 8, 9))
    assert w.recommendations[0][1] == (
        "Ensure children are allocated a frontline social worker, that there are sufficient numbers of social "
        "workers to undertake all casework and that this work is not allocated to managers."
    )
    c = read("80584_worcestershire/children's services focused visit - 13 january 2025.pdf")
    assert (c.visit_start, c.visit_end, c.published) == (D(2024, 12, 3), D(2024, 12, 4), D(2025, 1, 13))
    assert c.recommendations == []  # the letter sets no areas for improvement
    # Its focus ends in a bulleted list: one line, the points kept apart.
    assert c.focus == (
        "Inspectors looked at the local authority’s arrangements for children in care, with a particular focus "
        "on the: quality of matching, placement and decision-making for children in care; experiences and "
        "progress of disabled children in care; experiences and progress of children living in an unregistered "
        "children’s home."
    )


def test_2013_looked_after_children_inspection() -> None:
    r = read("80418_norfolk/children's services inspection,  pdf - 16 august 2013.pdf")
    assert (r.kind, r.visit_start, r.visit_end, r.published) == (
        "lac-2012",
        D(2013, 7, 8),
        D(2013, 7, 12),
        D(2013, 8, 16),
    )
    assert r.judgements == dict.fromkeys(("overall", "capacity", "outcomes", "provision", "leadership"), "inadequate")
    assert not r.ogl
    # Its 17 areas for improvement (pp. 8-9), each under the timescale the report sets.
    assert [rid for rid, _ in r.recommendations] == [f"r{n}" for n in range(1, 18)]
    assert [r.timescales[f"r{n}"] for n in (1, 6, 7, 10, 11, 17)] == [
        "immediately",
        "immediately",
        "within-3-months",
        "within-3-months",
        "within-6-months",
        "within-6-months",
    ]
    assert r.recommendations[0][1] == (
        "ensure all elected members understand their corporate parenting duties and responsibilities for looked "
        "after children and that they receive regular reports which benchmark whether the local authority is "
        "meeting its statutory responsibilities for looked after children so that elected members know and "
        "understand the service gap and provide effective scrutiny"
    )
    assert r.recommendations[-1][1] == (
        "ensure children and young people know and understand the complaints and representation procedure, how to "
        "access independent advocacy and use the learning from these processes to inform service improvement."
    )


def test_an_imported_looked_after_children_inspection_keeps_each_points_timescale(tmp_path: Path) -> None:
    content = copy_seed_content(tmp_path / "content")
    (content / "authorities" / "norfolk.yaml").write_text(
        "name: Norfolk\ncodes: {ofsted: 80418}\nsources:\n  - {id: x, title: X, url: 'https://example.org/'}\n"
        "inspections: []\n",
        encoding="utf-8",
    )
    pdf = sample("80418_norfolk/children's services inspection,  pdf - 16 august 2013.pdf")
    result = run("import", "report", str(pdf), "--content", str(content))
    assert result.exit_code == 0, result.output
    data = load_plain((content / "authorities" / "norfolk.yaml").read_text(encoding="utf-8"))
    points = data["inspections"][0]["recommendations"]
    assert [(p["id"], p["timescale"]) for p in points][5:7] == [("r6", "immediately"), ("r7", "within-3-months")]
    assert run("check", "--content", str(content)).exit_code == 0


def test_a_footnote_at_the_foot_of_a_page_is_not_part_of_the_last_point() -> None:
    # Rochdale 2014, p.5, as PDFium gives it: the mark glued to its word, the footnote's
    # number a line of its own, then its text, after the page's last point.
    page = (
        "12. Ensure that all cared for children2\r\nreceive a timely annual health assessment.\r\n"
        "13. Improve the quality of personal education plans for cared for children by ensuring \r\n"
        "they have specific measurable actions linked to educational targets.\r\n \r\n2\r\n"
        "Looked after children in Rochdale are known locally as cared for children, following a consultation "
        "with \r\nthem. Where possible, we have used that term in this report."
    )
    assert clean_lines([page]) == [
        "12. Ensure that all cared for children",
        "receive a timely annual health assessment.",
        "13. Improve the quality of personal education plans for cared for children by ensuring",
        "they have specific measurable actions linked to educational targets.",
    ]
    # A page number at the foot, with no mark before it, is only the page's number.
    assert clean_lines(["Covid19 and 2 more.\n7"]) == ["Covid19 and 2 more."]
    assert clean_lines(["1. Point one.\n2\nText after a number no word carries."])[-1] == (
        "Text after a number no word carries."
    )


def test_bad_files_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match=r"^is not a PDF \(it is an HTML page saved with a \.pdf name\)$"):
        read("80429_birmingham/children's services inspection - 19 october 2012.pdf")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(ReportError, match=r"^is empty$"):
        read_report(empty)
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    with pytest.raises(ReportError, match=r"^is damaged: PDFium cannot open it"):
        read_report(damaged)


# Through the commands --------------------------------------------------------------------


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), env=ENV)


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_import_report_adds_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    content = copy_seed_content(tmp_path / "content")
    pdf = sample("80555_somerset/children's services inspection - 29 january 2018.pdf")
    (content / "authorities" / "somerset.yaml").write_text(
        "name: Somerset\ncodes: {ofsted: 80555}\nsources:\n  - {id: x, title: X, url: 'https://example.org/'}\n"
        "inspections: []\n",
        encoding="utf-8",
    )
    result = run("import", "report", str(pdf), "--content", str(content), "--history", str(history()))
    assert result.exit_code == 0, result.output
    assert "added `sif-reinspection-2017`" in result.output
    text = (content / "authorities" / "somerset.yaml").read_text(encoding="utf-8")
    assert "url: https://files.ofsted.gov.uk/" in text and "      - id: r13\n" in text
    # The kind's words lower-cased after the authority's name, as every other title has them.
    title = load_plain(text)["sources"][1]["title"]
    assert title.startswith("Somerset: reinspection of services for children in need of help and protection"), title
    before = digest(content)
    again = run("import", "report", str(pdf), "--content", str(content), "--history", str(history()))
    assert again.exit_code == 0 and digest(content) == before


def test_an_inspection_recorded_without_visit_dates_is_completed_not_duplicated(tmp_path: Path) -> None:
    # The overview could not read some reports' visit dates (Brighton and Hove 2024, Nottingham
    # 2022): the import recorded them by publication date only. The report is the same inspection.
    content = copy_seed_content(tmp_path / "content")
    (content / "authorities" / "birmingham.yaml").write_text(
        "name: Birmingham\ncodes: {ofsted: 80429}\nsources:\n"
        "  - {id: ilacs-2019-report, title: X, publisher: Ofsted, url: 'https://files.ofsted.gov.uk/v1/file/1',"
        " via: a dataset}\n"
        "inspections:\n  - id: ilacs-2019\n    type: ilacs-unspecified\n    published: 2019-01-17\n"
        "    judgements: {overall: requires-improvement}\n    sources: [ilacs-2019-report]\n"
        "    notes:\n      - {kind: caveat, text: The report was discussed in public in March 2019.,"
        " sources: [ilacs-2019-report]}\n",
        encoding="utf-8",
    )
    pdf = sample("80429_birmingham/children's services inspection - 17 january 2019.pdf")
    result = run("import", "report", str(pdf), "--content", str(content), "--history", str(history()))
    assert result.exit_code == 0, result.output
    assert "`ilacs-2019` (ilacs, visited 2018-12-03 to 2018-12-14, published 2019-01-17) rewritten" in result.output
    data = load_plain((content / "authorities" / "birmingham.yaml").read_text(encoding="utf-8"))
    assert [(i["id"], i["type"], i["visited"]) for i in data["inspections"]] == [
        ("ilacs-2019", "ilacs", {"from": "2018-12-03", "to": "2018-12-14"})
    ]
    # A note an editor added to the imported entry is kept, last, and the run says so.
    assert data["inspections"][0]["notes"][-1] == {
        "kind": "caveat",
        "text": "The report was discussed in public in March 2019.",
        "sources": ["ilacs-2019-report"],
    }
    assert "kept 1 note the report does not give: check it still holds" in result.output


def test_a_combined_reports_first_day_in_its_footnote_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    # Slough's of 2014 prints no publication date of its own, only, in a footnote the
    # report's lines leave out, the day its sections about the council were first published.
    path = sample("80584_worcestershire/children's services inspection - 24 january 2017.pdf")
    assert reports.read_report(path).sections_published is None
    pages = reports.pdf_pages(path)
    footnote = "1\r\nThe sections of this report that are about the local authority were originally published on"
    footnote += " 11 \r\nFebruary 2014\r\n"
    monkeypatch.setattr(reports, "pdf_pages", lambda _: [pages[0] + footnote, *pages[1:]])
    assert reports.read_report(path).sections_published == dt.date(2014, 2, 11)


def test_a_report_saved_with_a_password_is_said_to_be(tmp_path: Path) -> None:
    # A one-page PDF encrypted (RC4) with a user's password, as a copy saved from a
    # council's papers may be; PDFium's word for it is "Incorrect password error".
    with pytest.raises(ReportError, match=r"^is protected by a password: save a copy without one"):
        read_report(HERE / "password-protected.pdf")


def nested_forms(depth: int, fan: int) -> bytes:
    """A one-page PDF whose page draws a form `fan` times, which draws the next as often, `depth`
    deep, the last showing a line of text: a few hundred bytes that PDFium builds fan**depth times."""
    shown = b"BT /F1 9 Tf (Children in need) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> /XObject << /X 6 0 R >> >> >>",
        None,  # the page's content, as a stream below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    streams = {4: b"/X Do " * fan}
    for level in range(depth):
        number = 6 + level
        last = level == depth - 1
        resources = b"/Font << /F1 5 0 R >>" if last else b"/XObject << /X %d 0 R >>" % (number + 1)
        objects.append(b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << " + resources + b" >> >>")
        streams[number] = shown if last else b"/X Do " * fan
    out, offsets = b"%PDF-1.4\n", []
    for number, head in enumerate(objects, start=1):
        offsets.append(len(out))
        body = streams.get(number)
        if body is None:
            item = head or b""
        else:
            dictionary = (head or b"<< >>")[:-2] + b" /Length %d >>" % len(body)
            item = dictionary + b"\nstream\n" + body + b"\nendstream"
        out += b"%d 0 obj\n" % number + item + b"\nendobj\n"
    table = b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    table += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, len(out))
    return out + table + trailer


def test_a_pdf_that_would_take_gigabytes_to_read_is_refused_and_the_next_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A PDF of a few hundred bytes whose page PDFium builds a million times over (gigabytes,
    # and a native abort) takes down the process that reads it, not the import.
    monkeypatch.setattr(reports, "MAX_READ_MEMORY", 256 * 1024 * 1024)  # so that the test is quick
    monkeypatch.setattr(reports, "_READER", reports._Reader())
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(nested_forms(6, 10))
    assert len(bomb.read_bytes()) < 2000
    try:
        with pytest.raises(ReportError, match=r"^needs more than 256 MiB of memory to read; not read$"):
            reports.pdf_pages(bomb)
        # Fewer things drawn, but still far more than any report: refused before its text is read.
        bomb.write_bytes(nested_forms(5, 10))
        with pytest.raises(ReportError, match=r"^draws more than 20,000 things on page 1, far more than any report"):
            reports.pdf_pages(bomb)
        # The next file is read by a new process.
        sample_path = sample("80584_worcestershire/children's services inspection - 24 january 2017.pdf")
        assert "Worcestershire" in reports.pdf_pages(sample_path)[0]
    finally:
        reports._READER.stop()


_SLOW_READ = """
import os, signal, sys, threading, time
from pathlib import Path
from tracker.importer import reports
# As a terminal leaves it: a process started in the background by a script ignores it.
signal.signal(signal.SIGINT, signal.default_int_handler)
reports._read_pdf = lambda path: time.sleep(120)  # PDFium busy for minutes, as with a PDF made to be
def tell():
    while reports._READER.process is None:
        time.sleep(0.05)
    print(reports._READER.process.pid, flush=True)
threading.Thread(target=tell, daemon=True).start()
try:
    reports.pdf_pages(Path(sys.argv[1]))
except KeyboardInterrupt:
    print("alive" if reports._READER.process else "stopped", flush=True)
"""


def _pid_gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return True
    return "State:\tZ" in state  # ended, not yet reaped by a container's first process


@pytest.mark.parametrize("ending", ["ctrl-c", "killed"])
def test_the_reading_process_ends_with_the_import(tmp_path: Path, ending: str) -> None:
    # Ctrl+C reaches the whole terminal's group: the reading process leaves it to the import,
    # which stops it, with no traceback of its own. An import killed outright leaves it to see
    # that for itself, while PDFium is still busy.
    import signal
    import subprocess
    import sys
    import time

    path = tmp_path / "report.pdf"
    path.write_bytes(nested_forms(1, 1))
    script = subprocess.Popen(
        [sys.executable, "-c", _SLOW_READ, str(path)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert script.stdout is not None
        reading = int(script.stdout.readline())
        if ending == "ctrl-c":
            os.killpg(script.pid, signal.SIGINT)
            out, err = script.communicate(timeout=30)
            assert out.strip() == "stopped" and "Traceback" not in err, (out, err)
        else:
            script.kill()
            script.communicate(timeout=30)
        deadline = time.monotonic() + 10
        while not _pid_gone(reading) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _pid_gone(reading), "the reading process outlived the import"
    finally:
        if script.poll() is None:
            script.kill()
            script.communicate()


def test_the_reading_process_holds_none_of_the_imports_files(monkeypatch: pytest.MonkeyPatch) -> None:
    # Forked with every file the import has open: a pipe whose reader waits for the import to
    # close it (Playwright's driver, under the browser tests) would wait for this process too,
    # for ever.
    import select

    monkeypatch.setattr(reports, "_READER", reports._Reader())
    read_end, write_end = os.pipe()
    try:
        reports.pdf_pages(sample("80584_worcestershire/children's services inspection - 24 january 2017.pdf"))
        os.close(write_end)
        write_end = -1
        ready, _, _ = select.select([read_end], [], [], 5)
        assert ready and os.read(read_end, 1) == b"", "the reading process holds the pipe open"
    finally:
        reports._READER.stop()
        os.close(read_end)
        if write_end >= 0:
            os.close(write_end)


def test_a_named_pipe_is_not_read(tmp_path: Path) -> None:
    # Opened, a named pipe waits for a writer for ever.
    fifo = tmp_path / "report.pdf"
    os.mkfifo(fifo)
    with pytest.raises(ReportError, match=r"^is not a file \(a folder, a named pipe or a device\?\); not read$"):
        reports.pdf_pages(fifo)


def imported_birmingham(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Seed content with Birmingham's 2019 inspection as the import writes it: (content, file, report)."""
    content = copy_seed_content(tmp_path / "content")
    path = content / "authorities" / "birmingham.yaml"
    path.write_text(
        "name: Birmingham\ncodes: {ofsted: 80429}\nsources:\n"
        "  - {id: x, title: X, url: 'https://example.org/', via: a dataset}\ninspections: []\n",
        encoding="utf-8",
    )
    pdf = sample("80429_birmingham/children's services inspection - 17 january 2019.pdf")
    first = run("import", "report", str(pdf), "--content", str(content), "--history", str(history()))
    assert first.exit_code == 0 and "added `ilacs-2018`" in first.output, first.output
    return content, path, pdf


def imported_again(content: Path, pdf: Path, *options: str) -> str:
    """The import of pdf run again, which must change nothing: what it said."""
    before = digest(content)
    again = run("import", "report", str(pdf), "--content", str(content), *options)
    assert again.exit_code == 0, again.output
    assert digest(content) == before
    return again.output


def test_an_imported_entry_an_editor_corrected_is_left_as_it_is(tmp_path: Path) -> None:
    # As Darlington's 2023 letter: a value the editor took out, with a note saying why.
    content, path, pdf = imported_birmingham(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert "    visited: {from: 2018-12-03, to: 2018-12-14}\n" in text
    text = text.replace("    visited: {from: 2018-12-03, to: 2018-12-14}\n", "").replace(
        "    sources: [ilacs-2018-report]\n",
        "    sources: [ilacs-2018-report]\n    notes:\n      - text: Its visit is left out here, for a test.\n"
        "        sources: [ilacs-2018-report]\n",
        1,
    )
    path.write_text(text, encoding="utf-8")
    said = imported_again(content, pdf, "--history", str(history()))
    assert "imported, but an editor has given it a note the report does not; nothing was changed" in said


def test_a_reading_that_finds_less_than_the_file_is_not_taken(tmp_path: Path) -> None:
    # A damaged copy of the report, read with a point fewer than an earlier reading found.
    content, path, pdf = imported_birmingham(tmp_path)
    text = path.read_text(encoding="utf-8")
    points = load_plain(text)["inspections"][0]["recommendations"]
    last = f"      - id: r{len(points)}\n"
    assert last in text
    path.write_text(text.replace(last, f"      - id: r99\n        text: An earlier reading's point.\n{last}"))
    said = imported_again(content, pdf, "--history", str(history()))
    assert f"imported, but the report's reading finds {len(points)} of its {len(points) + 1} points" in said
    # Without the history, no row gives the report its address or its day: neither is lost.
    path.write_text(text, encoding="utf-8")
    assert "imported, but the report's reading gives its source no `published`" in imported_again(content, pdf)


def test_the_same_data_in_other_lines_is_left_as_written(tmp_path: Path) -> None:
    content, path, pdf = imported_birmingham(tmp_path)
    text = path.read_text(encoding="utf-8")
    refolded = re.sub(r"(\n {10}\S[^\n]*) (\S+)\n {10}", r"\1\n          \2 ", text, count=1)
    assert refolded != text and load_plain(refolded) == load_plain(text)
    path.write_text(refolded, encoding="utf-8")
    again = run("import", "report", str(pdf), "--content", str(content), "--history", str(history()))
    assert again.exit_code == 0 and "is as the report gives it" in again.output, again.output
    assert path.read_text(encoding="utf-8") == refolded


def test_folder_import_reports_bad_files_and_imports_the_rest(tmp_path: Path) -> None:
    content = copy_seed_content(tmp_path / "content")
    folder = tmp_path / "reports" / "80584_worcestershire"
    folder.mkdir(parents=True)
    shutil.copy(sample("80584_worcestershire/children's services focused visit - 13 january 2025.pdf"), folder)
    (folder / "broken.pdf").write_bytes(b"<!DOCTYPE html><html></html>")
    (folder / "empty.pdf").write_bytes(b"")
    (content / "authorities" / "worcestershire.yaml").write_text(
        "name: Worcestershire\ncodes: {ofsted: 80584}\nsources:\n  - {id: x, title: X, url: 'https://example.org/'}\n"
        "inspections: []\n",
        encoding="utf-8",
    )
    seeds = {slug: (content / "authorities" / f"{slug}.yaml").read_bytes() for slug in ("shropshire", "warwickshire")}
    result = run("import", "ofsted-reports", str(tmp_path / "reports"), "--content", str(content))
    assert result.exit_code == 1
    assert ("Traceback" not in result.output and result.exception is None) or isinstance(result.exception, SystemExit)
    assert "error        80584_worcestershire/broken.pdf: is not a PDF" in result.output
    assert "error        80584_worcestershire/empty.pdf: is empty; not imported" in result.output
    assert "added `fv-2024-12`" in result.output
    for slug, data in seeds.items():
        assert (content / "authorities" / f"{slug}.yaml").read_bytes() == data


def test_report_for_another_authority_is_refused(tmp_path: Path) -> None:
    content = copy_seed_content(tmp_path / "content")
    before = digest(content)
    pdf = sample("80555_somerset/children's services inspection - 29 january 2018.pdf")
    result = run("import", "report", str(pdf), "--authority", "worcestershire", "--content", str(content))
    assert result.exit_code == 1
    assert "URN 80555, but authorities/worcestershire.yaml has 80584: it is another authority's" in result.output
    assert digest(content) == before
    # Out of its folder, the URN says nothing: its first page names Somerset, not Worcestershire.
    alone = tmp_path / "somerset.pdf"
    shutil.copy(pdf, alone)
    result = run("import", "report", str(alone), "--authority", "worcestershire", "--content", str(content))
    assert result.exit_code == 1
    assert (
        "somerset.pdf: its first page does not name Worcestershire: it looks like another authority's report; "
        "check the file, and the --authority given; not imported"
    ) in result.output
    assert digest(content) == before
    # Without --authority, out of a folder named by its URN, the editor is told first what to add.
    result = run("import", "report", str(alone), "--content", str(content))
    assert result.exit_code == 1
    assert (
        "somerset.pdf: give the authority it is about: `import report PDF --authority SLUG` (the authority is "
        "found without it only in a folder named by its Ofsted URN, <urn>_<name>); not imported"
    ) in " ".join(result.output.split())
    assert digest(content) == before
    # Every letter's first page gives Ofsted's address, in Manchester: that names no council.
    (content / "authorities" / "manchester.yaml").write_text("name: Manchester\n", encoding="utf-8")
    letter = tmp_path / "letter.pdf"
    shutil.copy(sample("80576_warwickshire/children's services focused visit - 09 august 2018.pdf"), letter)
    assert "Manchester" in reports.read_report(letter).front
    before = digest(content)
    result = run("import", "report", str(letter), "--authority", "manchester", "--content", str(content))
    assert result.exit_code == 1 and "its first page does not name Manchester" in result.output, result.output
    assert digest(content) == before


def test_a_folder_that_cannot_be_read_stops_the_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As root, which the tests may run as, no permission stops a read: the walk is told of one.
    content = copy_seed_content(tmp_path / "content")
    folder = tmp_path / "reports"
    (folder / "80584_worcestershire").mkdir(parents=True)
    walk = os.walk

    def refused(top: str, onerror: Any = None, **kwargs: Any) -> Any:
        onerror(PermissionError(13, "Permission denied", str(folder / "80584_worcestershire")))
        return walk(top, **kwargs)

    monkeypatch.setattr(os, "walk", refused)
    before = digest(content)
    result = run("import", "ofsted-reports", str(folder), "--content", str(content))
    assert result.exit_code == 1
    assert f"cannot read {folder / '80584_worcestershire'} (Permission denied); nothing was imported" in result.output
    assert digest(content) == before


def test_no_write_through_a_symlink(tmp_path: Path) -> None:
    root = tmp_path / "content"
    (root / "authorities").mkdir(parents=True)
    outside = tmp_path / "outside.yaml"
    outside.write_text("keep\n")
    (root / "authorities" / "evil.yaml").symlink_to(outside)
    with pytest.raises(UnsafeWrite, match="symbolic link"):
        write_all({root / "authorities" / "evil.yaml": b"name: X\n"}, root)
    assert outside.read_text() == "keep\n"
    assert [p.name for p in (root / "authorities").iterdir()] == ["evil.yaml"]


def test_a_content_folder_named_through_dot_dot_is_written_to(tmp_path: Path) -> None:
    # `--content ../council/content`: the temporary files' names have the `..` worked out.
    (tmp_path / "content" / "authorities").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    root = tmp_path / "elsewhere" / ".." / "content"
    write_all({root / "authorities" / "a.yaml": b"name: A\n"}, root)
    assert sorted(os.listdir(tmp_path / "content" / "authorities")) == ["a.yaml"]
    assert not (tmp_path / "content" / JOURNAL).exists()


def test_an_interrupted_write_is_finished_by_the_next_run(tmp_path: Path) -> None:
    root = tmp_path / "content"
    (root / "authorities").mkdir(parents=True)
    target = root / "authorities" / "a.yaml"
    target.write_text("old\n")
    temp = root / "authorities" / ".a.yaml.abc.tmp"
    temp.write_text("new\n")
    (root / JOURNAL).write_text(json.dumps([{"temp": "authorities/.a.yaml.abc.tmp", "target": "authorities/a.yaml"}]))
    assert finish_interrupted(root) is not None
    assert target.read_text() == "new\n" and not temp.exists() and not (root / JOURNAL).exists()
    # Died before the commit point: only temporary files, which are removed; the target is untouched.
    temp.write_text("half")
    assert finish_interrupted(root) == "removed 1 temporary files left by an interrupted write"
    assert target.read_text() == "new\n" and sorted(os.listdir(root / "authorities")) == ["a.yaml"]


@pytest.mark.parametrize(
    "temp",
    [
        "link/secret.yaml",  # through a link out of the content
        "authorities/secret.txt",  # not a temporary file this tool names
        "authorities/.b.yaml.abc.tmp",  # another file's temporary file
        "authorities/.a.yaml.link.tmp",  # a link named as one
    ],
)
def test_a_journal_planted_in_the_content_moves_nothing(tmp_path: Path, temp: str) -> None:
    # A pull request can add any file to the content: a journal must not bring one in from elsewhere.
    root = tmp_path / "content"
    (root / "authorities").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text("secret\n")
    (root / "link").symlink_to(outside)
    (root / "authorities" / "secret.txt").write_text("not staged\n")
    (root / "authorities" / ".b.yaml.abc.tmp").write_text("for b\n")
    (root / "authorities" / ".a.yaml.link.tmp").symlink_to(outside / "secret.yaml")
    # A journal is refused whole: not even its entry that would pass is carried out.
    (root / "authorities" / ".c.yaml.abc.tmp").write_text("for c\n")
    journal = [{"temp": "authorities/.c.yaml.abc.tmp", "target": "authorities/c.yaml"}]
    (root / JOURNAL).write_text(json.dumps([*journal, {"temp": temp, "target": "authorities/a.yaml"}]))
    with pytest.raises(UnsafeWrite, match="remove it"):
        finish_interrupted(root)
    assert not (root / "authorities" / "a.yaml").exists() and not (root / "authorities" / "c.yaml").exists()
    assert (outside / "secret.yaml").read_text() == "secret\n"


def test_new_finishes_an_interrupted_write_before_its_own(tmp_path: Path) -> None:
    # Finished later, the import's older text would overwrite what `new` adds.
    content = copy_seed_content(tmp_path / "content")
    target = content / "authorities" / "shropshire.yaml"
    staged = target.read_text(encoding="utf-8") + "# written by the interrupted import\n"
    temp = target.parent / ".shropshire.yaml.abc.tmp"
    temp.write_text(staged, encoding="utf-8")
    entry = {"temp": str(temp.relative_to(content)), "target": str(target.relative_to(content))}
    (content / JOURNAL).write_text(json.dumps([entry]))
    checked = pipeline.check(content, dt.date(2026, 12, 6))
    hidden = [p for p in checked.problems if p.message == "a hidden file in authorities/"]
    assert [p.hint for p in hidden] == [
        "an import was interrupted while writing, and this file is part of what it wrote: run the import again (or "
        "any `new` command), which finishes the write first; do not remove it"
    ]
    result = run("new", "plan", "shropshire", "--content", str(content))
    assert result.exit_code == 0, result.output
    assert "Finished an interrupted write of 1 file" in result.stderr
    assert not temp.exists() and not (content / JOURNAL).exists()
    # The import's text, then the plan's block, added after the write was finished.
    written = target.read_text(encoding="utf-8")
    assert "# written by the interrupted import\n" in written and "## ---- " in written


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Bad\x07Council", "the name holds a control character (U+0007)"),
        ("Bad\udcffCouncil", "the name is not UTF-8 text"),
        ("A" * 300, "the name is 300 characters long"),
    ],
)
def test_new_authority_refuses_bad_names_and_leaves_no_file(tmp_path: Path, name: str, message: str) -> None:
    content = copy_seed_content(tmp_path / "content")
    before = digest(content)
    result = run("new", "authority", name, "--content", str(content))
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output
    assert digest(content) == before


def test_damaged_spreadsheet_is_one_line(tmp_path: Path) -> None:
    content = copy_seed_content(tmp_path / "content")
    xlsx = tmp_path / "overview.xlsx"
    xlsx.write_bytes(b"PK\x03\x04 not really a workbook")
    result = run("import", "ilacs-overview", str(xlsx), "--content", str(content))
    assert result.exit_code == 1
    assert "cannot read it as an .xlsx workbook" in result.output and "Traceback" not in result.output


def test_a_spreadsheet_damaged_inside_or_far_too_long_is_one_line(tmp_path: Path) -> None:
    # The workbook opens; its sheet is read only as its rows are asked for, and a damaged
    # one failed there, with a traceback. A few hundred kilobytes can hold millions of rows.
    import zipfile

    import openpyxl

    content = copy_seed_content(tmp_path / "content")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(REQUIRED_COLUMNS))
    for n in range(2_100):
        sheet.append([f"value {n}"] * len(REQUIRED_COLUMNS))
    long = tmp_path / "long.xlsx"
    book.save(long)
    result = run("import", "ilacs-overview", str(long), "--content", str(content), "--dry-run")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "the first sheet has more than 2,000 rows, where England has some 150 authorities" in result.output
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(long) as whole, zipfile.ZipFile(damaged, "w") as cut:
        for item in whole.infolist():
            data = whole.read(item)
            cut.writestr(item, data[: len(data) // 2] if item.filename == "xl/worksheets/sheet1.xml" else data)
    result = run("import", "ilacs-overview", str(damaged), "--content", str(content), "--dry-run")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "cannot read its first sheet, which is damaged" in result.output


# Report layouts the reader must handle, as lines (what clean_lines gives). Each is the
# shape of a real report named in its test; the real files are read by the import and
# checked in the content, but are not all licensed for copying into tests/reports/.


def sif_lines(
    overall: str, table: list[str], recommendations: list[str], dates: str = "11 January 2016–4 February 2016"
) -> list[str]:
    return [
        "Example Council",
        "Inspection of services for children in need of help and",
        "protection, children looked after and care leavers",
        "and",
        "Review of the effectiveness of the Local Safeguarding Children",
        "Board1",
        f"Inspection date: {dates}",
        "Report published: 29 March 2016",
        overall,
        *table,
        "Executive summary",
        "Children’s services in Example require improvement. Senior managers recognise it.",
        *recommendations,
    ]


RECOMMENDED = ["Recommendations", "1. Ensure that every child has a plan.", "Summary for children and young people"]


def test_sif_overall_judgement_without_the_place_name() -> None:
    # Luton, March 2016: "Children's services require improvement to be good", no "in Luton".
    r = read_lines(
        sif_lines(
            "Children’s services require improvement to be good",
            [
                "1. Children who need help and protection Requires improvement",
                "2. Children looked after and achieving",
                "permanence",
                "Requires improvement",
                "2.1 Adoption performance Requires improvement",
                "2.2 Experiences and progress of care leavers Good",
                "3. Leadership, management and governance Requires improvement",
            ],
            RECOMMENDED,
        )
    )
    assert r.judgements == {
        "overall": "requires-improvement",
        "help-and-protection": "requires-improvement",
        "looked-after": "requires-improvement",
        "adoption": "requires-improvement",
        "care-leavers": "good",
        "leadership": "requires-improvement",
    }
    assert r.not_judged == []


def test_sif_areas_not_judged_are_read_as_such() -> None:
    # Isles of Scilly, June 2016: three areas "Not Judged"; the table is still read.
    r = read_lines(
        sif_lines(
            "Children’s services in the Isles of Scilly are good",
            [
                "1. Children who need help and protection Good",
                "2. Children looked after and achieving",
                "permanence",
                "Not Judged",
                "2.1 Adoption performance Not Judged",
                "2.2 Experiences and progress of care leavers Not Judged",
                "3. Leadership, management and governance Good",
            ],
            RECOMMENDED,
        )
    )
    assert r.judgements == {"overall": "good", "help-and-protection": "good", "leadership": "good"}
    assert r.not_judged == ["looked-after", "adoption", "care-leavers"]
    with pytest.raises(ReportError, match="judgement table whose grades cannot be read"):
        read_lines(
            sif_lines("Children’s services in Example are good", ["1. Children who need help Good"], RECOMMENDED)
        )


@pytest.mark.parametrize(
    ("lines", "grade"),
    [
        (["The Local Safeguarding Children Board requires improvement"], "requires-improvement"),
        (["The effectiveness of the Local Safeguarding Children Board (LSCB) is", "good."], "good"),
        (["The Local Safeguarding Children Board is Good"], "good"),  # Cheshire West and Chester, 2016
        (
            ["The effectiveness of the Local Safeguarding Children Board (LSCB)", "Requires improvement."],
            "requires-improvement",
        ),
        (["The effectiveness of the LSCB requires improvement."], "requires-improvement"),  # Hounslow, 2014
        (["The Local Safeguarding Children is inadequate"], "inadequate"),  # Somerset, 2015, as printed
        (["The LSCB is inadequate because:", "Scrutiny and assurance"], "inadequate"),
        (["The LSCB is not yet demonstrating the characteristics of good."], None),
        (["The LSCB is good at sharing the findings of its reviews with schools and", "health visitors."], None),
    ],
)
def test_safeguarding_board_judgement(lines: list[str], grade: str | None) -> None:
    assert board_grade(["Some earlier prose line.", *lines, "More prose follows here."]) == grade


def test_numbered_recommendations_in_the_earliest_layout() -> None:
    # Sheffield, February 2014: the list starts at "Priority and immediate action", whose one
    # point says there is none; a point has bulleted parts; the strengths carry the numbering on.
    r = read_lines(
        sif_lines(
            "The overall judgement is requires improvement",
            [
                "1. Children who need help and protection Good",
                "2. Children looked after and achieving permanence Requires",
                "improvement",
                "2.1 Adoption performance Requires",
                "improvement",
                "2.2 Experiences and progress of care leavers Good",
                "3. Leadership, management and governance Good",
            ],
            [
                "7. Feedback from complaints is not used effectively.",
                "Priority and immediate action",
                "18. There are no areas for priority or immediate action.",
                "Areas for improvement",
                "19. Ensure that strategy discussions include statutory partners (as required) and",
                "other relevant agencies.",
                "20. Improve the educational achievement of looked after children and young",
                "people by:",
                "\uf02d targeting the pupil premium at looked after children with special",
                "educational needs",
                "\uf02d working with education providers to reduce fixed-term exclusions.",
                "The local authority has the following strengths:",
                "21. Council leaders are making a positive difference.",
                "Progress since the last inspection",
                "22. The last inspection was in 2012.",
            ],
            dates="19 November-11 December 2013 and 28 – 30 January 2014",
        )
    )
    assert r.recommendations == [
        (
            "r1",
            "Ensure that strategy discussions include statutory partners (as required) and other relevant agencies.",
        ),
        (
            "r2",
            "Improve the educational achievement of looked after children and young people by:\n\n"
            "- targeting the pupil premium at looked after children with special educational needs\n"
            "- working with education providers to reduce fixed-term exclusions.",
        ),
    ]
    assert (r.visit_start, r.visit_end) == (D(2013, 11, 19), D(2014, 1, 30))
    assert r.visit_spans == [(D(2013, 11, 19), D(2013, 12, 11)), (D(2014, 1, 28), D(2014, 1, 30))]
    assert r.visit_parts == "19 November-11 December 2013 and 28 – 30 January 2014"


TABLE_ALL_GOOD = [
    "1. Children who need help and protection Good",
    "2. Children looked after and achieving permanence Good",
    "2.1 Adoption performance Good",
    "2.2 Experiences and progress of care leavers Good",
    "3. Leadership, management and governance Good",
]


def test_the_councils_list_under_recommendations_with_a_colon_not_the_boards() -> None:
    # Hammersmith and Fulham, March 2016: "Recommendations:" heads the council's six points;
    # missed, the board's list under its own "Recommendations" (numbered on, 118 to 122) was read.
    r = read_lines(
        sif_lines(
            "Children’s services in Example are good",
            TABLE_ALL_GOOD,
            [
                "Recommendations:",
                "1. Collate information drawn from return home interviews of children who go",
                "missing from home.",
                "2. Review out-of-hours arrangements.",
                "Summary for children and young people",
                "The Local Safeguarding Children Board (LSCB)",
                "Recommendations",
                "118. Review the extensive dataset to ensure that it is aligned to the board’s",
                "priorities.",
                "Inspection findings – the Local Safeguarding Children Board",
            ],
        )
    )
    assert r.recommendations == [
        ("r1", "Collate information drawn from return home interviews of children who go missing from home."),
        ("r2", "Review out-of-hours arrangements."),
    ]


BULLET = "\uf06e "


@pytest.mark.parametrize(
    ("points", "priority"),
    [
        # Slough, February 2014: the points are bullets, the first under "Priority and immediate action".
        (
            [
                "Priority and immediate action",
                BULLET + "Develop and put into operation a comprehensive workforce strategy to attract",
                "and keep high quality, experienced permanent staff in Slough.",
                BULLET + "Review the capacity of senior management.",
                "Areas for improvement",
                BULLET + "Ensure that all plans include a contingency plan.",
            ],
            {"r1", "r2"},
        ),
        # The sections the other way round: the priority points are the last.
        (
            [
                "Areas for improvement",
                BULLET + "Develop and put into operation a workforce strategy.",
                BULLET + "Review the capacity of senior management.",
                "Priority and immediate action",
                BULLET + "Ensure that all plans include a contingency plan.",
            ],
            {"r3"},
        ),
        # The next section's heading glued to the end of a point's last line, as PDFium gives
        # Calderdale's: the points after it are not priority ones.
        (
            [
                "Priority and immediate action",
                BULLET + "Develop and put into operation a workforce strategy. Areas for improvement",
                BULLET + "Review the capacity of senior management.",
                BULLET + "Ensure that all plans include a contingency plan.",
            ],
            {"r1"},
        ),
    ],
)
def test_bulleted_points_under_priority_and_immediate_action_are_marked_priority(
    points: list[str], priority: set[str]
) -> None:
    # A list headed so earlier in the report (its summary) is not the list of points.
    summary = ["Priority and immediate action", BULLET + "A line of the summary.", "Information about this area"]
    heading = "What does the Local Authority need to improve?"
    listed = [*summary, heading, *points, "Summary for children and young people"]
    r = read_lines(sif_lines("The overall judgement is inadequate", TABLE_ALL_GOOD, listed))
    assert [rid for rid, _ in r.recommendations] == ["r1", "r2", "r3"]
    assert r.recommendations[0][1].startswith("Develop and put into operation")
    assert r.priority == frozenset(priority)


@pytest.mark.parametrize(
    ("dates", "start", "end"),
    [
        ("18 Feb 2014 – 12 March 2014", D(2014, 2, 18), D(2014, 3, 12)),  # Bradford, May 2014
        ("1/06/2015 – 25/06/2015", D(2015, 6, 1), D(2015, 6, 25)),
        ("4 July 2016–28 July 2016", D(2016, 7, 4), D(2016, 7, 28)),
        ("20 June 2017 ─ 13 July 2017", D(2017, 6, 20), D(2017, 7, 13)),  # North Lincolnshire: a box-drawing line
    ],
)
def test_sif_visit_dates_as_printed(dates: str, start: dt.date, end: dt.date) -> None:
    r = read_lines(sif_lines("Children’s services in Example are good", LUTON_TABLE, RECOMMENDED, dates=dates))
    assert (r.visit_start, r.visit_end, r.visit_spans, r.visit_parts) == (start, end, [], None)


LUTON_TABLE = [
    "1. Children who need help and protection Good",
    "2. Children looked after and achieving permanence Good",
    "2.1 Adoption performance Good",
    "2.2 Experiences and progress of care leavers Good",
    "3. Leadership, management and governance Good",
]


def test_a_review_of_the_board_alone_is_not_an_inspection() -> None:
    # Surrey, August 2015: the board was reviewed, and reported on, apart from the council's inspection.
    lines = [
        "Surrey Safeguarding Children Board",
        "Review of the effectiveness of the Local Safeguarding Children",
        "Board",
        "Inspection date: 15 June 2015 – 17 June 2015",
        "Report published: 3 August 2015",
        "The Local Safeguarding Children Board requires improvement",
    ]
    with pytest.raises(NotAnInspection, match=r"^is a review of the Local Safeguarding Children Board alone"):
        read_lines(lines)


def test_the_boards_own_publication_date_is_kept_apart() -> None:
    # Kingston upon Hull, 2015: one PDF, two reports, each with its own publication date.
    lines = sif_lines("The overall judgement is that children’s services require", LUTON_TABLE, RECOMMENDED)
    lines[7] = "Report published: 3 February 2015"
    lines[8:8] = ["The overall judgement is that children’s services require improvement"]
    lines += [
        "Kingston upon Hull Safeguarding",
        "Children Board",
        "Inspection of the effectiveness of the local safeguarding",
        "children board",
        "Inspection date: 18 November – 10 December 2014",
        "Report published: 10 February 2015",
        "The Local Safeguarding Children Board requires improvement",
    ]
    r = read_lines(lines)
    assert (r.published, r.board_published, r.judgements["lscb"]) == (
        D(2015, 2, 3),
        D(2015, 2, 10),
        "requires-improvement",
    )


# Focused-visit letters' points, as lines. None of the letters prints the Open Government
# Licence notice, so each layout is given in the shape of the letters named (their headings
# and section lines as printed, shorter points).


def letter_lines(*body: str) -> list[str]:
    return [
        "30 August 2024",
        "Dear Ms Example",
        "Focused visit to Example children’s services",
        "This letter summarises the findings of the focused visit to Example children’s services",
        "on 30 and 31 July 2024.",
        "Inspectors looked at the local authority’s arrangements for children in care.",
        *body,
        "Ofsted will take the findings from this focused visit into account when planning your",
        "next inspection or visit.",
        "Yours sincerely",
    ]


def test_a_heading_phrase_inside_a_sentence_is_not_the_heading() -> None:
    # Shropshire, August 2024: "... were areas for improvement at the last judgement
    # inspection" came before the heading, and was taken for it; Dorset 2019 ("what needs to
    # improve. They have ...") and Knowsley 2022 likewise. Staffordshire 2026: a sentence
    # starting "Areas for improvement from the last inspection ..." on a line of its own.
    r = read_lines(
        letter_lines(
            "Headline findings",
            "Leaders have tackled weaknesses in management oversight, which were",
            "areas for improvement at the last judgement inspection in 2022.",
            "Leaders understand what needs to improve. They have a clear plan, and know",
            "what needs to improve. They have begun to act on it.",
            "Areas for improvement from the last inspection in 2023 which related to the front",
            "door have been addressed.",
            "What needs to improve in this area of social work practice?",
            "◼ The effectiveness of management oversight in the progression of children’s",
            "plans.",
            "◼ The engagement of children in developing corporate parenting plans.",
            "Main findings",
            "◼ Children in care are visited regularly.",
        )
    )
    assert r.recommendations == [
        ("r1", "The effectiveness of management oversight in the progression of children’s plans."),
        ("r2", "The engagement of children in developing corporate parenting plans."),
    ]


def test_points_after_a_lead_in_that_introduces_them() -> None:
    # Priority actions under "The local authority needs to take swift and decisive action to
    # address the following areas of weakness ...:" (Wakefield 2018, Hackney 2019, Dudley and
    # Bournemouth, Christchurch and Poole 2020, Durham 2021, Stockton-on-Tees 2022), and
    # improvements under a lead-in (Barking and Dagenham 2018, Middlesbrough 2018 and 2021,
    # West Sussex 2020, North East Lincolnshire 2021); the points are the bullets, as printed.
    r = read_lines(
        letter_lines(
            "Areas for priority action:",
            "The local authority needs to take swift and decisive action to address the following",
            "areas of weakness in child protection:",
            "\uf06e delays in case allocation, assessment and seeing children at risk of harm",
            "\uf06e management oversight and decision-making in relation to safeguarding",
            "practice, including supervision of staff",
            "What needs to improve in this area of social work practice",
            "In addition to the serious and widespread weaknesses identified at the December",
            "2019 inspection, the following areas for improvement were identified at this visit:",
            "◼ the quality of referrals from partner agencies is not always comprehensive",
            "enough. This has a detrimental effect on some children",
            "◼ the use of auditing to inform practice developments.",
            "Findings",
            "◼ Leaders responded swiftly to the pandemic.",
        )
    )
    assert r.recommendations == [
        ("p1", "delays in case allocation, assessment and seeing children at risk of harm"),
        (
            "p2",
            "management oversight and decision-making in relation to safeguarding practice, including "
            "supervision of staff",
        ),
        (
            "r1",
            "the quality of referrals from partner agencies is not always comprehensive enough. This has a "
            "detrimental effect on some children",
        ),
        ("r2", "the use of auditing to inform practice developments."),
    ]
    assert r.priority == {"p1", "p2"}


def test_prose_under_a_heading_sets_no_points() -> None:
    # Nottingham 2021: the earlier points "remain", "There are no additional priority actions";
    # Sunderland 2021: the areas "continue to be those ... identified at the ILACS inspection",
    # and the bullets after them are findings. Warrington 2018: "There are no priority actions".
    lines = letter_lines(
        "Areas for priority action",
        "The areas for priority action set at the last focused visit in February 2020 remain.",
        "There are no additional priority actions.",
        "What needs to improve in this area of social work practice?",
        "The areas for improvement continue to be those that were identified at the ILACS",
        "inspection in July 2018. Progress is evident in key areas.",
        "Findings",
        "◼ Leaders responded swiftly to the pandemic.",
    )
    assert read_lines(lines).recommendations == []
    # Bullets after prose that does not introduce them are not the section's list, even
    # without the next heading between them.
    lines.remove("Findings")
    assert read_lines(lines).recommendations == []


def test_a_point_runs_over_its_sentences_to_the_next_section() -> None:
    # Points of several sentences, a line of which starts a new sentence (Waltham Forest 2018:
    # the list stopped after its first sentence; Coventry and Luton 2018, Central Bedfordshire
    # 2019: their last sentences were lost); Nottinghamshire 2018's "Areas for Improvement" and
    # Warrington 2018 end at the letter's closing paragraph. Sandwell 2025: a point's line
    # starting "overview of practice" is not the letter's "Overview".
    r = read_lines(
        letter_lines(
            "Areas of strength",
            "\uf06e Children leaving care are supported by a committed workforce.",
            "Areas for Improvement",
            "\uf06e Management oversight and rationale are consistently evident in case records.",
            "However, the actions required are not always specific and measurable.",
            "\uf06e The consistent quality of practice reviews to ensure they provide an accurate",
            "overview of practice and inform its improvement.",
            "\uf06e Audit activity has largely focused on compliance to standards.",
            "Leaders are aware of these issues. They have been reviewing quality assurance",
            "processes.",
        )
    )
    assert [t for _, t in r.recommendations] == [
        "Management oversight and rationale are consistently evident in case records. However, the actions "
        "required are not always specific and measurable.",
        "The consistent quality of practice reviews to ensure they provide an accurate overview of practice and "
        "inform its improvement.",
        "Audit activity has largely focused on compliance to standards. Leaders are aware of these issues. They "
        "have been reviewing quality assurance processes.",
    ]


def test_a_hyphen_or_dash_at_a_lines_end_joins_the_next_line_without_a_space() -> None:
    # Warrington 2015 ("17-" / "year-old"), Torbay 2016 ("129–" / "130)"): a plain hyphen or
    # dash at a line's end, which PDFium does not mark as a word broken, is in the report's
    # words; a dash between words, with a space before it, keeps the space after it, and so
    # does a hyphen left hanging before "and" (Bromley 2016, "16-" / "and 17-year-olds").
    page = "\n".join(
        letter_lines(
            "What needs to improve in this area of social work practice?",
            "◼ Assessments of 16-",
            "and 17-",
            "year-old young people (paragraphs 123–",
            "130).",
            "◼ Plans for children –",
            "and their families.",
            "Findings",
        )
    )
    assert [t for _, t in read_lines(clean_lines([page])).recommendations] == [
        "Assessments of 16- and 17-year-old young people (paragraphs 123–130).",
        "Plans for children – and their families.",
    ]


def test_ofsteds_address_and_the_footnote_are_not_part_of_the_points() -> None:
    # PDFium gives pieces of the letterhead's address where they fall in the content stream:
    # between the priority actions and the next heading (Southampton 2021), before "Findings"
    # (Havering 2021: the findings were read as points), between points (Middlesbrough 2021,
    # Staffordshire 2022). The national framework's footnote falls in the list (Brent and North
    # Somerset 2025: it was read into a point).
    page = "\n".join(
        letter_lines(
            "Areas for priority action",
            "◼ Effective management oversight of services to care leavers.",
            "Manchester M1 2WD",
            "What needs to improve in this area of social work practice?1",
            "◼ Responses to children who go missing from care (Outcome 3, national framework)",
            "1 The areas for improvement have been cross-referenced with the outcomes, enablers or principles in",
            "the Children’s Social Care: National Framework. This statutory guidance sets out the purpose,",
            "principles for practice and expected outcomes of children’s social care.",
            "◼ The quality of supervision notes.",
            "Textphone 0161 618",
            "8524",
            "◼ Life-story work for children in long-term care (Outcome 4, national framework).",
            "Manchester M1 2WD",
            "Findings",
            "◼ Leaders responded swiftly to the pandemic.",
        )
    )
    r = read_lines(clean_lines([page]))
    assert r.recommendations == [
        ("p1", "Effective management oversight of services to care leavers."),
        ("r1", "Responses to children who go missing from care (Outcome 3, national framework)"),
        ("r2", "The quality of supervision notes."),
        ("r3", "Life-story work for children in long-term care (Outcome 4, national framework)."),
    ]


def test_the_footnote_is_dropped_where_it_interrupts_a_line() -> None:
    # Derby 2025: the body's line-end hyphen joins the footnote's first line to the body.
    page = (
        "Managers provide clear oversight for decision-1 The areas for improvement have been "
        "cross-referenced with the outcomes, enablers or principles in\n"
        "the Children’s Social Care: National Framework. This statutory guidance sets out the purpose,\n"
        "principles for practice and expected outcomes of children’s social care.\n"
        "making when progressing contacts."
    )
    assert clean_lines([page]) == [
        "Managers provide clear oversight for decision-",
        "making when progressing contacts.",
    ]


def ilacs_lines(*points: str) -> list[str]:
    return [
        "Inspection of Example local authority children’s services",
        "Inspection dates: 19 May to 30 May 2025",
        "Lead inspector: A Inspector",
        "Judgement Grade",
        "The impact of leaders on social work practice with children and families Good",
        "The experiences and progress of children who need help and protection Good",
        "The experiences and progress of children in care Good",
        "The experiences and progress of care leavers Good",
        "Overall effectiveness Good",
        "What needs to improve?",
        *points,
        "1. Children are seen regularly by their social workers.",
    ]


def test_ilacs_points_as_printed() -> None:
    # Newcastle upon Tyne 2025: a framework reference broken over two lines, "(Outcome two:" /
    # "National Framework)", lost its second line. Lewisham 2024: the next section's heading
    # is printed without "The" and with its grade.
    r = read_lines(
        ilacs_lines(
            "◼ The quality of supervision, including use of reflection. (Enabler two: National Framework)",
            "◼ The quality of personal education plans (PEPs). (Outcome two:",
            "National Framework)",
            "◼ Personal advisers’ understanding of the discretionary payment offer.",
            "Experiences and progress of children who need help and protection: good",
        )
    )
    assert [t for _, t in r.recommendations] == [
        "The quality of supervision, including use of reflection. (Enabler two: National Framework)",
        "The quality of personal education plans (PEPs). (Outcome two: National Framework)",
        "Personal advisers’ understanding of the discretionary payment offer.",
    ]


def test_a_bulleted_points_own_list_becomes_a_markdown_list() -> None:
    # Cornwall 2019 marks the parts of a point with a stroke, Devon 2020 with a minus sign,
    # Manchester 2022 with a hyphen: each was run into the point's sentence ("including: ̶
    # sufficiency of accommodation ̶ ..."). A hyphen inside a line is the text's own.
    r = read_lines(
        ilacs_lines(
            "◼ The provision of suitable accommodation for 16- and 17-year-old homeless",
            "young people, including:",
            "\u0336 sufficiency of accommodation",
            "\u0336 management oversight of the use of any unregulated provision.",
            "◼ Services to care leavers, including:",
            "\u2212 assessment of risk and safety",
            "planning for young people",
            "\u2212 access to health histories.",
            "◼ Practice with disabled children to demonstrate:",
            "- an understanding of the impact of the child’s disability;",
            "- the ambition for disabled children to achieve to their potential.",
            "◼ The quality of plans for children across the service, particularly timescales for",
            "actions.",
            "The experiences and progress of children who need help and protection",
        )
    )
    assert [t for _, t in r.recommendations] == [
        "The provision of suitable accommodation for 16- and 17-year-old homeless young people, including:\n\n"
        "- sufficiency of accommodation\n- management oversight of the use of any unregulated provision.",
        "Services to care leavers, including:\n\n"
        "- assessment of risk and safety planning for young people\n- access to health histories.",
        "Practice with disabled children to demonstrate:\n\n"
        "- an understanding of the impact of the child’s disability;\n"
        "- the ambition for disabled children to achieve to their potential.",
        "The quality of plans for children across the service, particularly timescales for actions.",
    ]


def test_sif_points_under_a_sub_heading() -> None:
    # Derbyshire, Hartlepool, Hillingdon and Slough, February 2014: "What does the Local
    # Authority need to improve?", then the sub-heading "Areas for improvement", then bullets.
    r = read_lines(
        sif_lines(
            "Children’s services in Example are good",
            LUTON_TABLE,
            [
                "What does the Local Authority need to improve?",
                "Areas for improvement",
                "\uf06e Ensure that management oversight and decisions are always clearly recorded.",
                "\uf06e Develop systems for gathering feedback from children and families.",
                "Information about this inspection",
            ],
        )
    )
    assert [t for _, t in r.recommendations] == [
        "Ensure that management oversight and decisions are always clearly recorded.",
        "Develop systems for gathering feedback from children and families.",
    ]


# Disagreements with the history CSV, as the inspection's note words them ---------------------


def plan_with(report: Report, **csv: str) -> list[str]:
    frameworks = load_frameworks(REPO / "content")
    row = HistoryRow(2, {"inspection_link": "https://files.ofsted.gov.uk/v1/file/1", **csv})
    return plan_report(Path("r.pdf"), report, frameworks, row, "80000", "via").disagreements


def ilacs_report(start: dt.date, end: dt.date, judged: tuple[str, ...], **extra: Any) -> Report:
    """An ILACS report, as the PDF reader gives one: no publication date, every judgement good."""
    return Report("ilacs", "Inspection", start, end, None, dict.fromkeys(judged, "good"), **extra)


REFORM_JUDGED = ("leadership", "help-and-protection", "in-care", "care-leavers")


def test_after_the_2026_reform_a_report_is_short_or_standard_as_before() -> None:
    # Brent 2026 (27 April to 1 May): no overall grade, and the history dataset says short.
    frameworks = load_frameworks(REPO / "content")
    brent = ilacs_report(D(2026, 4, 27), D(2026, 5, 1), REFORM_JUDGED)
    row = HistoryRow(2, {"inspection_link": "https://files.ofsted.gov.uk/v1/file/1", "inspection_framework": "short"})
    plan = plan_report(Path("r.pdf"), brent, frameworks, row, "80489", "via")
    assert plan.type == "ilacs-2026-short" and plan.caveats == []
    assert plan.source_note is not None and "the ILACS history dataset says short, as recorded here" in plan.source_note
    # Without the dataset, the visit's length decides, and the page says so.
    liverpool = ilacs_report(D(2026, 5, 11), D(2026, 5, 22), REFORM_JUDGED)
    plan = plan_report(Path("r.pdf"), liverpool, frameworks, None, "80000", "via")
    assert plan.type == "ilacs-2026"
    assert plan.caveats == [
        "The report does not say whether this was a standard or a short inspection, nor does the ILACS history "
        "dataset; it is recorded as standard because the visit lasted 12 days."
    ]
    # Neither: an error, not a guess.
    undated = Report("ilacs", "Inspection", None, None, D(2026, 7, 1), dict.fromkeys(REFORM_JUDGED, "good"))
    with pytest.raises(RowError, match=r"standard or a short inspection \(`ilacs-2026` or `ilacs-2026-short`\)"):
        plan_report(Path("r.pdf"), undated, frameworks, None, "80000", "via")


def test_a_visit_in_parts_is_quoted_as_the_report_prints_it() -> None:
    # Derbyshire, 2019: the CSV gives the first week only.
    report = ilacs_report(
        D(2019, 7, 8),
        D(2019, 8, 8),
        ("leadership", "help-and-protection", "in-care-and-leavers", "overall"),
        visit_parts="8 July 2019 to 12 July 2019 and 7 August 2019 to 8 August 2019",
        visit_spans=[(D(2019, 7, 8), D(2019, 7, 12)), (D(2019, 8, 7), D(2019, 8, 8))],
    )
    row = {"inspection_framework": "short", "inspection_start_date": "08/07/2019", "inspection_end_date": "12/07/2019"}
    assert plan_with(report, **row) == [
        "visit 8 to 12 July 2019, the first of the two parts the report gives "
        "(8 July 2019 to 12 July 2019 and 7 August 2019 to 8 August 2019)"
    ]
    # One part given is less given, not otherwise: a caveat, not "sources disagree".
    frameworks = load_frameworks(REPO / "content")
    history = HistoryRow(2, {"inspection_link": "https://files.ofsted.gov.uk/v1/file/1", **row})
    assert plan_report(Path("r.pdf"), report, frameworks, history, "80000", "via").one_part
    row["inspection_end_date"] = "19/07/2019"
    assert plan_with(report, **row) == [
        "visit 8 to 19 July 2019 (the report: 8 July 2019 to 12 July 2019 and 7 August 2019 to 8 August 2019)"
    ]
    history = HistoryRow(2, {"inspection_link": "https://files.ofsted.gov.uk/v1/file/1", **row})
    assert not plan_report(Path("r.pdf"), report, frameworks, history, "80000", "via").one_part


def test_publication_dates_and_grades_that_differ() -> None:
    sif = Report("sif", "Inspection", D(2014, 11, 18), D(2014, 12, 10), D(2015, 2, 3), {"overall": "good"})
    assert plan_with(sif, publication_date="10/02/15") == [
        "publication date 10 February 2015 (the report: 3 February 2015)"
    ]
    sif.board_published = D(2015, 2, 10)
    assert plan_with(sif, publication_date="10/02/15") == [
        "publication date 10 February 2015, the date the report prints on its review of the safeguarding board "
        "(the report on the council's services: 3 February 2015)"
    ]
    # Nottingham, 2018: the CSV's grade columns are shifted, one holds `to requires improvement`.
    ilacs = Report(
        "ilacs",
        "Inspection",
        D(2018, 11, 5),
        D(2018, 11, 16),
        None,
        dict.fromkeys(("leadership", "help-and-protection", "in-care-and-leavers", "overall"), "requires-improvement"),
    )
    assert plan_with(ilacs, inspection_framework="standard", help_and_protection_grade="to requires improvement") == [
        "the entry “to requires improvement” for the experiences and progress of children who need help and "
        "protection, which is not a grade (the report: requires improvement to be good)"
    ]


def test_a_grade_the_dataset_gives_for_a_judgement_not_yet_made_is_a_disagreement() -> None:
    # Nottingham, 2022: care leavers were judged with children in care until 2023, yet the
    # dataset's care leavers column holds a grade (another judgement's, by column order).
    report = ilacs_report(
        D(2022, 7, 11), D(2022, 7, 22), ("leadership", "help-and-protection", "in-care-and-leavers", "overall")
    )
    assert plan_with(report, inspection_framework="standard", care_leavers_grade="inadequate") == [
        "the experiences and progress of care leavers inadequate (the report makes no such judgement)"
    ]
    # The dataset's marker for a judgement not yet made is no grade at all.
    assert plan_with(report, inspection_framework="standard", care_leavers_grade="inspection_pre_dates_judgement") == []


def test_a_point_with_a_list_is_written_as_a_literal_block() -> None:
    text = "Improve the plans by:\n\n- ensuring that they are clear\n- reviewing them (paragraph 20)."
    written = dump({"recommendations": [{"id": "r1", "text": folded(text, 12)}]})
    assert "text: |-\n" in written and load_plain(written) == {"recommendations": [{"id": "r1", "text": text}]}


@pytest.mark.parametrize(
    "said",
    [
        "There are no areas for priority or immediate action.",  # Sheffield, 2014
        "There are no areas of priority action.",  # Herefordshire, 2014
        "The inspection did not find any areas for priority and immediate action.",  # Bexley and four more, 2014
    ],
)
def test_a_point_saying_there_is_no_priority_action_is_not_a_recommendation(said: str) -> None:
    r = read_lines(
        sif_lines(
            "The overall judgement is requires improvement",
            [
                "1. Children who need help and protection Requires improvement",
                "2. Children looked after and achieving permanence Requires improvement",
                "3. Leadership, management and governance Requires improvement",
            ],
            [
                "What does the local authority need to improve?",
                "Priority and immediate action",
                f"1. {said}",
                "Areas for improvement",
                "2. Ensure that the thresholds for access to children's social care services are clear.",
                "The local authority has the following strengths:",
                "3. Leaders know the service well.",
            ],
        )
    )
    assert r.recommendations == [
        ("r1", "Ensure that the thresholds for access to children's social care services are clear.")
    ]


def test_sif_points_whose_next_sentence_starts_a_line() -> None:
    # Blackpool 2014 and fifteen more: a point's second sentence began a line and was taken
    # for a sub-heading that ended the list, so the points after it were lost (8 of Blackpool's
    # 19). Croydon 2017: the last point's. Sunderland 2018 prints "10.Ensure", with no space.
    r = read_lines(
        sif_lines(
            "Children’s services in Example require improvement to be good",
            LUTON_TABLE,
            [
                "Recommendations",
                "9. Improve the attainment of children looked after.",
                "Take steps to improve the number of children who attend a good or better school, while",
                "continuing to closely monitor the individual needs of each child.",
                "10.Ensure that the focus on improvement in the adoption service is maintained.",
                "11. Strengthen training and work on complaints and embed a culture of feedback.",
                "Improve the analysis of complaints and the understanding of the reasons why children,",
                "families and foster carers complain, in order to address issues raised.",
                "Summary for children and young people",
            ],
        )
    )
    assert r.recommendations == [
        (
            "r1",
            "Improve the attainment of children looked after. Take steps to improve the number of children who "
            "attend a good or better school, while continuing to closely monitor the individual needs of each child.",
        ),
        ("r2", "Ensure that the focus on improvement in the adoption service is maintained."),
        (
            "r3",
            "Strengthen training and work on complaints and embed a culture of feedback. Improve the analysis of "
            "complaints and the understanding of the reasons why children, families and foster carers complain, in "
            "order to address issues raised.",
        ),
    ]


def test_the_care_leavers_judgement_as_some_2025_and_2026_reports_word_it() -> None:
    # Fourteen reports, July 2025 to June 2026: "The experiences and progress of children care leavers".
    lines = [
        "The experiences and progress of children care leavers Outstanding"
        if line.startswith("The experiences and progress of care leavers")
        else line
        for line in ilacs_lines()
    ]
    assert read_lines(lines).judgements["care-leavers"] == "outstanding"


def visit_letter(dates: str, *body: str) -> list[str]:
    return [
        "13 November 2020",
        "Dear Ms Example",
        "Focused visit to Example children’s services",
        "This letter summarises the findings of the focused visit to Example children’s services",
        f"on {dates}.",
        *body,
        "Yours sincerely",
    ]


def test_a_visit_in_parts_is_named_in_parts_by_its_source_and_a_point_printed_twice_is_said() -> None:
    # Kingston upon Hull 2025 (and South Tyneside 2022, two months apart): parts that one
    # span would read as days, or weeks, on site. Isles of Scilly 2016: one point printed
    # twice, both kept as numbered.
    lines = visit_letter("15, 16 and 21 July 2025")
    lines[0] = "28 August 2025"
    lines[-1:-1] = ["What needs to improve in this area of social work practice", "◼ Supervision.", "◼ Supervision."]
    r = read_lines(lines)
    assert r.visit_spans == [(D(2025, 7, 15), D(2025, 7, 16)), (D(2025, 7, 21), D(2025, 7, 21))]
    plan = plan_report(Path("l.pdf"), r, load_frameworks(REPO / "content"), None, "80000", "via")
    title = " ".join(str(_source_item("fv-2025-07-letter", "Example", plan)["title"]).split())
    assert "visit 15 to 16 July 2025 and 21 July 2025, letter dated 28 August 2025" in title
    item = _inspection_item("fv-2025-07", plan, ["fv-2025-07-letter"])
    # Its first and last day, then each part, which the page shows: no note needs to say them.
    assert dump({"visited": item["visited"], "visited_in_parts": item["visited_in_parts"]}) == (
        "visited: {from: 2025-07-15, to: 2025-07-21}\n"
        "visited_in_parts: [{from: 2025-07-15, to: 2025-07-16}, {from: 2025-07-21, to: 2025-07-21}]\n"
    )
    assert [" ".join(str(n["text"]).split()) for n in item["notes"]] == [
        "The letter lists the same point twice, as points 1 and 2 of its list; both are kept here, as numbered there."
    ]


def test_a_visit_given_without_a_year_takes_the_letters_and_says_so() -> None:
    # Coventry 2018: "on 30 and 31 January", in a letter dated 22 February 2018.
    lines = visit_letter("30 and 31 January")
    lines[0] = "22 February 2018"
    r = read_lines(lines)
    assert (r.visit_start, r.visit_end, r.visit_yearless) == (D(2018, 1, 30), D(2018, 1, 31), "30 and 31 January")
    plan = plan_report(Path("l.pdf"), r, load_frameworks(REPO / "content"), None, "80000", "via")
    notes = _inspection_item("fv-2018-01", plan, ["fv-2018-01-letter"])["notes"]
    assert [" ".join(str(n["text"]).split()) for n in notes] == [
        "The letter gives the visit's dates as 30 and 31 January, without a year: 2018 is the year of the letter, "
        "dated 22 February 2018."
    ]
    assert read_lines(visit_letter("3 and 4 December 2024")).visit_yearless is None


@pytest.mark.parametrize(
    ("dates", "start", "end", "spans", "parts"),
    [
        # Bury 2020: read as 1 October alone.
        ("29 and 30 September, and 1 October 2020", D(2020, 9, 29), D(2020, 10, 1), [], None),
        # Kingston upon Hull 2025: read as 16 to 21 July, and not as a visit in parts.
        (
            "15, 16 and 21 July 2025",
            D(2025, 7, 15),
            D(2025, 7, 21),
            [(D(2025, 7, 15), D(2025, 7, 16)), (D(2025, 7, 21), D(2025, 7, 21))],
            "15, 16 and 21 July 2025",
        ),
        ("3 and 4 December 2024", D(2024, 12, 3), D(2024, 12, 4), [], None),
    ],
)
def test_a_visit_given_as_a_list_of_days(
    dates: str, start: dt.date, end: dt.date, spans: list[tuple[dt.date, dt.date]], parts: str | None
) -> None:
    r = read_lines(visit_letter(dates))
    assert (r.visit_start, r.visit_end, r.visit_spans, r.visit_parts) == (start, end, spans, parts)


@pytest.mark.parametrize(
    ("body", "focus"),
    [
        # Norfolk 2019 and eight more: the sentence about the evidence was taken for the focus.
        (
            [
                "Inspectors looked at a range of evidence, including children’s case records.",
                "The focus of this visit was on the local authority’s arrangements at the ‘front door’.",
            ],
            "The focus of this visit was on the local authority’s arrangements at the ‘front door’.",
        ),
        # Thirty-eight letters say it otherwise than "Inspectors looked at", and had no focus.
        (
            [
                "Inspectors considered the local authority’s arrangements for care leavers.",
                "Inspectors considered a range of evidence, including case discussions.",
            ],
            "Inspectors considered the local authority’s arrangements for care leavers.",
        ),
        # Eleven letters: a list after "a particular focus on:" was cut after its first point.
        (
            [
                "Inspectors looked at the local authority’s arrangements for care leavers, with a particular focus",
                "on:",
                "◼ The quality and suitability of accommodation.",
                "◼ Staying close and in touch.",
                "Inspectors looked at a range of evidence.",
            ],
            "Inspectors looked at the local authority’s arrangements for care leavers, with a particular focus on: "
            "The quality and suitability of accommodation. Staying close and in touch.",
        ),
        # West Northamptonshire 2023: the quotation mark after the full stop ended nothing, and
        # the next sentence was read in. Westminster 2022: no full stop before the focus.
        (
            [
                "Her Majesty’s Inspectors for this visit were A Inspector and B Inspector",
                "Inspectors looked at the local authority’s arrangements for the ‘front door.’ This visit was",
                "carried out in line with the framework.",
            ],
            "Inspectors looked at the local authority’s arrangements for the ‘front door.’",
        ),
        (["Inspectors looked at a range of evidence, including case discussions with social workers."], None),
        # Fifty-odd letters narrow the focus in the sentences after it; these were left out.
        (
            [
                "Inspectors looked at the local authority’s arrangements for the ‘front door’. Specifically,",
                "they considered contacts, referrals and decision-making within the multi-agency safeguarding hub",
                "(MASH). Inspectors also looked at the routes into early help. Inspectors looked at a range of",
                "evidence.",
            ],
            "Inspectors looked at the local authority’s arrangements for the ‘front door’. Specifically, they "
            "considered contacts, referrals and decision-making within the multi-agency safeguarding hub (MASH). "
            "Inspectors also looked at the routes into early help.",
        ),
        # Rutland 2019, Bexley 2025, Wigan 2020 and fifty more: narrowing sentences in other
        # words were left out. Evidence and context after them are not the focus.
        (
            [
                "Inspectors looked at the local authority’s arrangements for contacts and referrals. They also",
                "considered the effectiveness of strategy discussions. This visit focused on children aged 16",
                "and 17. In doing so, inspectors considered the application of thresholds. They looked at a range",
                "of evidence. They also considered case records.",
            ],
            "Inspectors looked at the local authority’s arrangements for contacts and referrals. They also "
            "considered the effectiveness of strategy discussions. This visit focused on children aged 16 and 17. "
            "In doing so, inspectors considered the application of thresholds.",
        ),
        (
            [
                "Inspectors looked at the local authority’s arrangements for children in care. This aspect of",
                "service was judged as requiring improvement at the last inspection. Inspectors considered the",
                "experiences of disabled children.",
            ],
            "Inspectors looked at the local authority’s arrangements for children in care.",
        ),
        # Trafford 2024: "This included:" and its list. East Riding of Yorkshire 2024: the list's
        # last point has no full stop, and the letter's next sentence is not the focus's.
        (
            [
                "Inspectors looked at the local authority’s arrangements for care leavers. This included:",
                "◼ Support into adulthood.",
                "◼ Staying in touch.",
            ],
            "Inspectors looked at the local authority’s arrangements for care leavers. This included: Support into "
            "adulthood. Staying in touch.",
        ),
        (
            [
                "Inspectors looked at the local authority’s arrangements for care leavers. This visit focused",
                "specifically on:",
                "◼ suitability of accommodation",
                "◼ care leaver local offer",
                "This visit was carried out in line with the framework.",
            ],
            "Inspectors looked at the local authority’s arrangements for care leavers. This visit focused "
            "specifically on: suitability of accommodation; care leaver local offer",
        ),
    ],
)
def test_the_focus_is_what_the_visit_looked_at_not_its_evidence(body: list[str], focus: str | None) -> None:
    assert read_lines(visit_letter("3 and 4 December 2024", *body)).focus == focus


def test_a_focused_visit_a_year_long_is_recorded_as_printed_with_the_doubt_stated() -> None:
    # Darlington, letter of 28 November 2023: "24 October 2022 to 25 October 2023".
    report = Report("focused-visit", "Focused visit", D(2022, 10, 24), D(2023, 10, 25), D(2023, 11, 28))
    frameworks = load_frameworks(REPO / "content")
    plan = plan_report(Path("l.pdf"), report, frameworks, None, "80000", "via")
    assert plan.caveats == [
        "The letter gives the visit as 24 October 2022 to 25 October 2023, as recorded here; a focused visit "
        "lasts days, not 366 of them, so one of those dates is probably a misprint."
    ]
    two_days = Report("focused-visit", "Focused visit", D(2023, 10, 24), D(2023, 10, 25), D(2023, 11, 28))
    assert plan_report(Path("l.pdf"), two_days, frameworks, None, "80000", "via").caveats == []


@pytest.mark.parametrize(
    ("first", "caveat"),
    [
        # North Somerset, November 2025: the year misprinted.
        (
            "6 November 20205",
            "The letter is dated “6 November 20205”, which is no date; that date is a misprint, so it is left out.",
        ),
        # Cambridgeshire, August 2025: the letter starts with its addressee.
        ("Martin Example", "The letter prints no date, so when it was published is not recorded."),
    ],
)
def test_a_letter_whose_date_cannot_be_read_says_why_it_has_none(first: str, caveat: str) -> None:
    lines = visit_letter("29 and 30 July 2025")
    lines[0] = first
    report = read_lines(lines)
    assert report.published is None
    plan = plan_report(Path("l.pdf"), report, load_frameworks(REPO / "content"), None, "80000", "via")
    assert plan.published is None and plan.caveats == [caveat]


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        # Camden 2023 and Slough 2022: the title ran on into the letter's first sentence;
        # Sandwell 2024: none was read, and the source said "Ofsted report".
        ("Focused visit to children’s services", "Focused visit to children’s services"),
        ("Focused visit to Slough Children First", "Focused visit to Slough Children First"),
        ("Focused visit to Sandwell Children’s Trust", "Focused visit to Sandwell Children’s Trust"),
    ],
)
def test_a_letters_title_is_its_heading(heading: str, title: str) -> None:
    lines = visit_letter("3 and 4 December 2024")
    lines[2] = heading
    assert read_lines(lines).title == title


def test_an_ilacs_report_of_a_trust_has_its_title() -> None:
    # Bradford 2026: "Inspection of Bradford Children and Families Trust" was not read as a title.
    lines = ilacs_lines()
    lines[0] = "Inspection of Example Children and Families Trust"
    assert read_lines(lines).title == "Inspection of Example Children and Families Trust"


def test_an_ilacs_reports_publication_date_is_cited_as_the_datasets() -> None:
    # The report prints none: the date is the history CSV's, and its source says so.
    report = ilacs_report(
        D(2023, 9, 11), D(2023, 9, 15), ("leadership", "help-and-protection", "in-care", "care-leavers", "overall")
    )
    frameworks = load_frameworks(REPO / "content")
    link = {"inspection_link": "https://files.ofsted.gov.uk/v1/file/1"}
    row = HistoryRow(2, {**link, "publication_date": "27/10/2023", "inspection_framework": "short"})
    plan = plan_report(Path("r.pdf"), report, frameworks, row, "80000", "via")
    assert (plan.published, plan.source_note) == (
        D(2023, 10, 27),
        "The report does not print its publication date: the date given here is the ILACS history dataset's. "
        "The report does not say whether it was a short or a standard inspection; the ILACS history dataset says "
        "short, as recorded here.",
    )
    assert (plan.type, plan.caveats) == ("ilacs-short", [])
    # Without a link either, both are said.
    plan = plan_report(
        Path("r.pdf"), report, frameworks, HistoryRow(2, {"publication_date": "27/10/2023"}), "80000", "via"
    )
    assert plan.source_note == (
        "The report's own web address is not known; this is the authority's list of Ofsted reports. The report "
        "does not print its publication date: the date given here is the ILACS history dataset's."
    )


@pytest.mark.parametrize(
    ("framework", "end", "type_key", "caveat"),
    [
        (
            "inspection duration longer than standard framework",  # Wiltshire 2019
            D(2019, 6, 19),
            "ilacs",
            "The report does not say whether this was a standard or a short inspection, and the ILACS history "
            "dataset gives only “inspection duration longer than standard framework”; it is recorded as standard "
            "because the visit lasted 17 days.",
        ),
        (
            "",  # Brighton and Hove 2024
            D(2019, 6, 7),
            "ilacs-short",
            "The report does not say whether this was a standard or a short inspection, nor does the ILACS "
            "history dataset; it is recorded as short because the visit lasted 5 days.",
        ),
    ],
)
def test_short_or_standard_decided_by_the_visits_length_says_so(
    framework: str, end: dt.date, type_key: str, caveat: str
) -> None:
    report = ilacs_report(D(2019, 6, 3), end, ("leadership", "help-and-protection", "in-care-and-leavers", "overall"))
    row = HistoryRow(2, {"inspection_link": "https://files.ofsted.gov.uk/v1/file/1", "inspection_framework": framework})
    plan = plan_report(Path("r.pdf"), report, load_frameworks(REPO / "content"), row, "80000", "via")
    assert (plan.type, plan.caveats, plan.source_note) == (type_key, [caveat], None)


def test_a_sif_report_that_prints_no_publication_date_takes_the_datasets() -> None:
    # Bolton, Coventry and eleven others, 2013-14: the first SIF reports print no date; the
    # CSV has the one Ofsted's site lists them under.
    report = Report("sif", "Inspection", D(2014, 1, 13), D(2014, 2, 5), None, {"overall": "inadequate"})
    frameworks = load_frameworks(REPO / "content")
    row = HistoryRow(2, {"inspection_link": "https://files.ofsted.gov.uk/v1/file/1", "publication_date": "21/03/14"})
    plan = plan_report(Path("r.pdf"), report, frameworks, row, "80000", "via")
    assert (plan.published, plan.source_note) == (
        D(2014, 3, 21),
        "The report does not print its publication date: the date given here is the ILACS history dataset's.",
    )


def test_sif_points_under_priority_and_immediate_action_are_marked() -> None:
    # Birmingham 2014: "Areas for improvement:" with a colon was read into the point before
    # it; Calderdale 2015: PDFium also gives the sub-heading at the end of the line before.
    # A topic sub-heading ("Help and protection") does not end the priority section.
    r = read_lines(
        sif_lines(
            "Children’s services in Example are inadequate",
            LUTON_TABLE,
            [
                "What does the local authority need to improve?",
                "Priority and immediate action",
                "Leadership, management and governance",
                "1. Strengthen senior management arrangements.",
                "Help and protection",
                "2. Ensure that unallocated cases are risk assessed. Areas for improvement",
                "Areas for improvement:",
                "3. Review assessment and care planning processes.",
                "The local authority’s strengths",
            ],
        )
    )
    assert r.recommendations == [
        ("r1", "Strengthen senior management arrangements."),
        ("r2", "Ensure that unallocated cases are risk assessed."),
        ("r3", "Review assessment and care planning processes."),
    ]
    assert r.priority == {"r1", "r2"}
    # Barnsley 2014: the heading, then a sentence saying there are none, then the others.
    r = read_lines(
        sif_lines(
            "Children’s services in Example require improvement to be good",
            LUTON_TABLE,
            [
                "What does the local authority need to improve?",
                "Priority and immediate action",
                "The inspection did not find any areas for priority and immediate action.",
                "Areas for improvement",
                "10. Improve the quality of plans.",
                "The local authority’s strengths",
            ],
        )
    )
    assert (r.recommendations, r.priority) == ([("r1", "Improve the quality of plans.")], frozenset())
