"""Hostile and careless input, through the real commands: a message, an exit code, no traceback,
and nothing changed outside what the command owns (docs/security.md lists the promises)."""

from __future__ import annotations

import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import AS_OF, ContentCopy

from tracker import pipeline, serve, write
from tracker.cli import main
from tracker.problems import Problem, format_text
from tracker.terminal import printable

REPO = Path(__file__).resolve().parent.parent


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def no_traceback(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder, but the build's cache, which the build owns."""
    return {
        str(p.relative_to(folder)): p.read_bytes() if p.is_file() and not p.is_symlink() else b"<link>"
        for p in sorted(folder.rglob("*"))
        if (not p.is_dir() or p.is_symlink()) and ".cache" not in p.relative_to(folder).parts
    }


# Links and stray files in the content ---------------------------------------------------------


def test_a_link_out_of_the_content_is_an_error_and_its_target_is_never_read(content_copy: ContentCopy) -> None:
    secret = content_copy.root.parent / "secret.txt"
    secret.write_text("password: hunter2\n")
    (content_copy.path("authorities") / "linked.yaml").symlink_to(secret)
    (content_copy.path("authorities") / ".linked.yaml.import-tmp").symlink_to(REPO / ".git" / "config")
    result = content_copy.cli()
    no_traceback(result)
    assert result.exit_code == 1
    assert "hunter2" not in result.output and "[core]" not in result.output
    problems = {(p.file, p.message) for p in content_copy.check().problems}
    assert ("content/authorities/linked.yaml", "this is a symbolic link, not a file") in problems
    assert ("content/authorities/.linked.yaml.import-tmp", "this is a symbolic link, not a file") in problems


def test_site_yaml_as_a_link_is_refused(content_copy: ContentCopy) -> None:
    target = content_copy.root.parent / "elsewhere.yaml"
    target.write_bytes(content_copy.path("site.yaml").read_bytes())
    content_copy.remove("site.yaml")
    content_copy.path("site.yaml").symlink_to(target)
    [problem] = content_copy.check().problems
    assert (problem.file, problem.message, problem.hint) == (
        "content/site.yaml",
        "cannot read the file: it is a symbolic link",
        "replace the link with the file itself: content is read only from files inside content/",
    )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda folder: (folder / ".example.yaml").write_bytes(b"\0"), "a hidden file in authorities/"),
        (lambda folder: os.mkfifo(folder / "pipe.yaml"), "this is not a regular file"),
        (lambda folder: (folder / "loop").symlink_to(folder), "this is a symbolic link, not a file"),
        (lambda folder: (folder / "nested.yaml").mkdir(), "this folder in authorities/ would be ignored"),
    ],
    ids=["dot-file", "named-pipe", "link-loop", "folder"],
)
def test_what_is_not_an_authority_file_is_reported(content_copy: ContentCopy, make: object, message: str) -> None:
    make(content_copy.path("authorities"))  # type: ignore[operator]
    result = content_copy.cli()  # a named pipe must not hang the read
    no_traceback(result)
    assert result.exit_code == 1
    assert message in result.stdout


def test_a_file_name_that_is_not_utf8_is_reported_printably(content_copy: ContentCopy) -> None:
    name = os.fsencode(content_copy.path("authorities")) + b"/caf\xe9\x1b[31m.yaml"
    with open(name, "wb") as handle:
        handle.write(b"name: Caf\n")
    for fmt in ("text", "github", "json"):
        result = content_copy.cli("--format", fmt)
        no_traceback(result)
        assert result.exit_code == 1
        assert "\x1b" not in result.output


def test_an_unreadable_folder_is_one_message(content_copy: ContentCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.scandir

    def refuse(path: object) -> object:
        if str(path).endswith("authorities"):
            raise PermissionError(13, "Permission denied")
        return real(path)  # type: ignore[call-overload]

    monkeypatch.setattr(pipeline.os, "scandir", refuse)
    result = content_copy.cli()
    no_traceback(result)
    assert result.exit_code == 1
    assert "content/authorities:1:1: error: cannot read the folder: Permission denied" in result.stdout


def test_a_file_over_the_size_limit_is_not_read(content_copy: ContentCopy) -> None:
    content_copy.write("authorities/huge.yaml", "name: Huge\n" + "# padding\n" * 300_000)
    [problem] = [p for p in content_copy.check().problems if p.file == "content/authorities/huge.yaml"]
    assert problem.message == "cannot read the file: it is 2.9 MB; a content file may be at most 2 MB"
    assert problem.hint == (
        "a file this large holds something pasted in whole: look for a report, a spreadsheet or a "
        "picture's text in it, and remove it (a document is linked in `sources`, not copied in)"
    )


def test_citations_and_answers_are_bounded_per_file(content_copy: ContentCopy) -> None:
    # Each citation shows its source's title and address: 150 actions of 50 updates citing 50
    # sources each, under 2 MB of YAML, made a page of 941 MB.
    ids = ", ".join(f"s{k}" for k in range(50))
    sources = "".join(f"  - {{id: s{k}, title: Report {k}, url: https://example.org/{k}}}\n" for k in range(50))
    actions = "".join(
        f"      - {{id: a{k}, title: Act, responds_to: [mv/r1], status: on-track, sources: [{ids}]}}\n"
        for k in range(41)
    )
    text = (
        f"name: Case Council\nsources:\n{sources}inspections:\n"
        "  - {id: mv, type: monitoring-visit, visited: 2021-10, sources: [s0],\n"
        "     recommendations: [{id: r1, text: Act.}]}\n"
        f"plans:\n  - id: p\n    title: Plan\n    in_response_to: [mv]\n    actions:\n{actions}"
    )
    content_copy.write("authorities/cited.yaml", text)
    told = [p for p in content_copy.check().problems if p.file == "content/authorities/cited.yaml" and p.is_error]
    assert [p.message for p in told] == [
        "this file cites its sources more than 2,000 times, and each citation shows the source's title and "
        "address on the page"
    ]
    # At the citation past the limit: the 2,001st, the last of the 40th action's (the inspection cites one).
    line = text.splitlines()[told[0].line - 1]
    assert line.startswith("      - {id: a39,") and line[told[0].col - 1 :] == "s49]}"
    # So are answers to points, each of which the page lists under its point.
    points = ", ".join(f"{{id: r{k}, text: Act.}}" for k in range(50))
    refs = ", ".join(f"mv/r{k}" for k in range(50))
    text = text.replace("{id: r1, text: Act.}", points).replace("[mv/r1]", f"[{refs}]").replace(f"[{ids}]", "[s0]")
    content_copy.write("authorities/cited.yaml", text)
    told = [p for p in content_copy.check().problems if p.file == "content/authorities/cited.yaml" and p.is_error]
    assert [(p.message, p.line) for p in told] == [
        (
            "this file's actions answer Ofsted's points more than 2,000 times, and the page lists each answer "
            "under its point",
            text.splitlines().index(next(x for x in text.splitlines() if x.startswith("      - {id: a40,"))) + 1,
        )
    ]


# What the output echoes ----------------------------------------------------------------------


def test_source_lines_cannot_forge_annotations_or_terminal_codes(content_copy: ContentCopy) -> None:
    content_copy.write(
        "authorities/forged.yaml",
        "name: Forged\nnmae: x  # ::warning file=README.md,line=1::forged ##[error]forged \x1b[2J\n",
    )
    for fmt in ("text", "github"):
        result = content_copy.cli("--format", fmt)
        assert result.exit_code == 1
        for line in result.output.splitlines():
            stripped = line.lstrip()
            if stripped.startswith("::"):
                assert stripped.startswith(("::error file=", "::warning file=")), line
                assert "::forged" not in stripped.split("::", 2)[1]
            assert "##[" not in line and "\x1b" not in line


def _escaped_line_by_line(problems: list[Problem]) -> str:
    """The report with each line made printable on its own: what format_text must give."""
    lines = []
    for p in problems:
        lines.append(printable(f"{p.file}:{p.line}:{p.col}: {p.severity}: {p.message}"))
        if p.source_line:
            lines.append("    " + printable(p.source_line))
            # The caret under its character as a terminal shows the line: a tab under a tab.
            before = printable(p.source_line[: p.col - 1])
            lines.append("    " + "".join("\t" if c == "\t" else " " for c in before) + "^")
        if p.hint:
            lines.append(printable(f"    hint: {p.hint}"))
    return "\n".join(lines)


@pytest.mark.parametrize(
    "odd",
    [
        Problem("b.yaml", 1, 3, "a message", "", "error", "::warning file=x::forged"),
        Problem("b.yaml", 1, 3, "a message", "", "error", "  ::warning file=x::forged"),
        Problem("c.yaml", 1, 8, "caf\u00e9 \x1b[2J", "a hint", "error", "\tcaf\u00e9\x07: x"),
        Problem("d.yaml", 1, 1, "a message", "see ##[error]forged", "warning", ""),
        Problem("e.yaml", 2, 1, "line\nbreak", "", "error", "key: value"),
    ],
)
def test_a_report_is_escaped_line_by_line_however_it_is_made(odd: Problem) -> None:
    plain = Problem("a.yaml", 2, 5, "a message", "a hint", "warning", "key: value")
    for problems in ([plain], [plain, odd], [odd, plain]):
        assert format_text(problems) == _escaped_line_by_line(problems)
    assert "\x1b" not in format_text([odd]) and "##[" not in format_text([odd])


def test_the_default_cache_is_outside_the_working_folder(content_copy: ContentCopy) -> None:
    # Its records are pickles, run as they load: in the checkout, a pull request could commit
    # one (.cache/ is only git-ignored), and the next build of main would run it.
    planted = content_copy.root.parent / ".cache" / "tracker"
    (planted / "invocation").mkdir(parents=True)
    (planted / "invocation" / "poisoned").write_bytes(b"never read")
    before = {p: p.stat().st_mtime_ns for p in planted.rglob("*")}
    result = run("build", "--content", "content", "--out", "site", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert {p: p.stat().st_mtime_ns for p in planted.rglob("*")} == before  # untouched: not opened as a cache
    used = Path(os.environ["XDG_CACHE_HOME"]) / "cs-improvement-tracker"
    assert (used / "build").is_dir() and (used / "check").is_dir()
    assert os.stat(used).st_mode & 0o777 == 0o700
    helped = run("build", "--help").output
    assert "~/.cache/cs-improvement-tracker" in "".join(helped.split())  # however the help wraps


@pytest.mark.parametrize(
    ("written", "wanted"),
    [
        # `..` in the content manager's repository or branch reaches other paths of GitHub's API.
        ("cms: {repo: ../.., branch: main}", "error: `../..` is not a valid `repo`"),
        ("cms: {repo: example-org/tracker, branch: ../../x}", "error: `../../x` is not a valid `branch`"),
        # `?` and `&` in a `mailto:` link's address add fields: a hidden copy to someone else.
        ("contact: x?bcc=spy%40evil.example&s=@exampleshire.gov.uk", "is not a valid `contact`"),
        ("publisher: {name: P, url: 'https://example.org:99999/'}", "`https://example.org:99999/` is not a valid"),
    ],
)
def test_settings_that_would_send_readers_or_editors_elsewhere_are_refused(
    content_copy: ContentCopy, written: str, wanted: str
) -> None:
    site = content_copy.path("site.yaml")
    key = written.split(":")[0]
    lines = [line for line in site.read_text(encoding="utf-8").splitlines() if not line.startswith(f"{key}:")]
    site.write_text("\n".join([*lines, written]) + "\n", encoding="utf-8")
    result = run("check", "--content", "content", "--as-of", AS_OF)
    no_traceback(result)
    assert result.exit_code == 1 and wanted in result.output, result.output


def test_a_base_url_with_a_quote_is_refused(content_copy: ContentCopy) -> None:
    content_copy.patch(
        "site.yaml", "base_url: https://www.exampleshire.gov.uk/tracker/", "base_url: 'https://example.org/\"><x'"
    )
    [problem] = content_copy.check().problems
    assert problem.message == '`https://example.org/"><x` is not a valid `base_url`'
    assert problem.hint == 'the character `"` cannot appear in a web address as it is: write it as `%22`'
    result = run("build", "--content", "content", "--out", "site", "--base-url", 'https://x.org/"')
    assert result.exit_code == 2 and "--base-url" in result.output


def test_a_base_url_that_names_a_page_is_refused(content_copy: ContentCopy) -> None:
    # Every address on the site is made by adding to it: `…/index.html/authorities/…`.
    result = run("build", "--content", "content", "--out", "site", "--base-url", "https://x.org/tracker/index.html")
    assert result.exit_code == 2
    assert "names a page, not the site's folder: write https://x.org/tracker/" in result.output
    assert not (content_copy.root.parent / "site").exists()


def test_a_base_url_whose_path_starts_with_two_slashes_is_refused(content_copy: ContentCopy) -> None:
    # The not-found page links from the path: `//evil.example/assets/tables.js` is another host's script.
    result = run("build", "--content", "content", "--out", "site", "--base-url", "https://x.org//evil.example/")
    assert result.exit_code == 2
    assert "has an empty part (`//`) in its path: write https://x.org/evil.example/" in result.output
    assert not (content_copy.root.parent / "site").exists()


# The output folder ---------------------------------------------------------------------------


def build(out: Path, *extra: str) -> Result:
    return run("build", "--content", "content", "--out", str(out), "--as-of", AS_OF, *extra)


@pytest.mark.parametrize(
    ("target", "told"),
    [
        ("docs", "was not made by a build, so it was left alone"),
        ("content", "is the content folder: write the site to a folder beside it"),
        (".", "holds the content folder, content: write the site to a folder beside it"),
        ("content/site", "is inside the content folder, content: write the site to a folder beside it"),
    ],
)
def test_build_never_replaces_a_folder_it_did_not_make(content_copy: ContentCopy, target: str, told: str) -> None:
    here = content_copy.root.parent
    (here / "docs").mkdir()
    (here / "docs" / "guide.md").write_text("keep me\n")
    before = snapshot(here)
    result = build(here / target)
    no_traceback(result)
    assert result.exit_code in (1, 2)  # 2: refused as a usage error, before anything is read
    assert told in result.stderr
    assert snapshot(here) == before


@pytest.mark.parametrize(
    ("folder", "marker", "told"),
    [
        # Content may hold any file: a `.tracker-site` a pull request adds beside the YAML.
        ("content", write.MARKER_TEXT, "is the content folder"),
        # Or at the top of a repository, committed: a site never holds one.
        ("repo", write.MARKER_TEXT, "holds a git repository"),
        # An empty one, as `touch` makes, is no build's.
        ("docs", b"", "was not made by a build"),
    ],
)
def test_a_planted_marker_makes_no_folder_replaceable(
    content_copy: ContentCopy, folder: str, marker: bytes, told: str
) -> None:
    here = content_copy.root.parent
    for name in ("repo/.git", "docs"):
        (here / name).mkdir(parents=True)
    (here / "docs" / "guide.md").write_text("keep me\n")
    (here / folder / write.MARKER).write_bytes(marker)
    before = snapshot(here)
    result = build(here / folder)
    no_traceback(result)
    assert result.exit_code in (1, 2) and told in result.stderr, result.stderr
    assert snapshot(here) == before


def test_build_replaces_its_own_site_and_an_empty_folder(content_copy: ContentCopy) -> None:
    out = content_copy.root.parent / "site"
    out.mkdir()
    assert build(out).exit_code == 0
    (out / "stale.html").write_text("from an older build")
    assert build(out).exit_code == 0
    assert not (out / "stale.html").exists() and (out / write.MARKER).is_file()
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".site")] == []


def test_an_interrupted_swap_is_undone_by_the_next_build(content_copy: ContentCopy) -> None:
    out = content_copy.root.parent / "site"
    assert build(out).exit_code == 0
    good = snapshot(out)
    # Where folders cannot be exchanged in one step, the old site is renamed aside first;
    # a build killed right then leaves it there, and a staging folder beside it.
    out.rename(out.with_name(".site.old"))
    (out.parent / ".site.new-abc123").mkdir()
    assert pipeline.check(Path("content"), dt.date.fromisoformat(AS_OF)).content is not None
    content_copy.patch("authorities/example.yaml", "name: Example Council", "name: Broken: Council")
    result = build(out)
    assert result.exit_code == 1  # the content is broken: nothing new is written...
    assert snapshot(out) == good  # ...but the last good site is back, as "unchanged" promises
    assert sorted(p.name for p in out.parent.iterdir() if p.name.startswith(".site")) == []
    content_copy.patch("authorities/example.yaml", "name: Broken: Council", "name: Example Council")
    assert build(out).exit_code == 0
    assert snapshot(out) == good
    assert sorted(p.name for p in out.parent.iterdir() if p.name.startswith(".site")) == []


def test_a_build_that_finds_nothing_changed_still_tidies_an_interrupted_one(content_copy: ContentCopy) -> None:
    out = content_copy.root.parent / "site"
    assert build(out).exit_code == 0
    # A build killed while it wrote (with --no-cache, say) left its staging folder; the next
    # build, with nothing to change, must not leave it to be published beside the site.
    (out.parent / ".site.new-abc123").mkdir()
    (out.parent / ".site.new-abc123" / "index.html").write_text("half a page")
    result = build(out)
    assert result.exit_code == 0
    assert sorted(p.name for p in out.parent.iterdir() if p.name.startswith(".site")) == []
    assert "Nothing changed" in build(out).stderr  # and, tidied, the next one skips again


def test_tidying_after_a_build_leaves_other_folders_alone(content_copy: ContentCopy) -> None:
    # `--out 'site*'` is a folder of that name: its pattern-like name matches no other folder's.
    out = content_copy.root.parent / "site*"
    (out.parent / ".site-b.new-keep").mkdir()
    assert build(out).exit_code == 0 and (out / "index.html").is_file()
    assert (out.parent / ".site-b.new-keep").is_dir()


def test_a_build_reads_no_more_of_the_content_folder_than_it_must(
    content_copy: ContentCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Folders nested thousands deep, as git allows (past the recursion limit, and past the
    # longest path the system opens), and a large file the build has no use for: the build
    # walks the one without recursion, and knows the other by its times.
    docs = content_copy.root / "docs"
    docs.mkdir()
    here = os.open(docs, os.O_RDONLY)
    for _ in range(2200):  # each opened from the one above: a whole path would be too long
        os.mkdir("a", dir_fd=here)
        below = os.open("a", os.O_RDONLY, dir_fd=here)
        os.close(here)
        here = below
    os.close(here)
    try:
        _read_no_more(content_copy, monkeypatch)
    finally:  # shutil.rmtree, which pytest tidies with, recurses a level a folder
        subprocess.run(["rm", "-rf", str(docs)], check=True)


def _read_no_more(content_copy: ContentCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    large = content_copy.root / "docs" / "video.bin"
    with open(large, "wb") as handle:
        handle.truncate(3 * 1024 * 1024)
    opened: list[str] = []
    real_open = open
    monkeypatch.setattr(
        "builtins.open", lambda file, *a, **k: opened.append(os.fspath(file)) or real_open(file, *a, **k)
    )
    out = content_copy.root.parent / "site"
    result = build(out)
    no_traceback(result)
    assert result.exit_code == 0 and (out / "index.html").is_file()
    assert not any(name.endswith("video.bin") for name in opened)
    large.write_bytes(b"x" * (3 * 1024 * 1024 + 1))  # changed: the next build is not skipped
    assert "Nothing changed" not in build(out).stderr


def test_the_fallback_swap_leaves_a_complete_site(content_copy: ContentCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(write, "_exchange", lambda a, b: False)
    out = content_copy.root.parent / "site"
    assert build(out).exit_code == 0
    assert build(out).exit_code == 0
    assert (out / "index.html").is_file() and not out.with_name(".site.old").exists()


def test_a_killed_build_never_leaves_the_output_incomplete(content_copy: ContentCopy) -> None:
    out = content_copy.root.parent / "site"
    command = [sys.executable, str(REPO / "build.py"), "build", "--content", "content", "--out", str(out)]
    # No cache: a build that found nothing changed would skip, and there would be nothing to interrupt.
    command += ["--as-of", AS_OF, "--no-cache"]
    assert subprocess.run(command, capture_output=True, check=False).returncode == 0
    complete = snapshot(out)
    for delay in (0.05, 0.2, 0.4, 0.6, 0.8, 1.0, 1.3):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert snapshot(out) == complete, f"killed after {delay} s"
    assert subprocess.run(command, capture_output=True, check=False).returncode == 0
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".site")] == []


def test_a_second_build_waits_for_the_first(content_copy: ContentCopy) -> None:
    out = content_copy.root.parent / "site"
    fd = os.open(out.parent, os.O_RDONLY | os.O_DIRECTORY)
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_EX)
    done: list[Result] = []
    thread = threading.Thread(target=lambda: done.append(build(out)))
    thread.start()
    time.sleep(1.5)
    assert not done and not out.exists()  # waiting, not failing
    os.close(fd)
    thread.join(30)
    assert done[0].exit_code == 0
    assert "Waiting for another build into" in done[0].stderr


def test_an_output_link_is_refused(content_copy: ContentCopy) -> None:
    real = content_copy.root.parent / "real"
    real.mkdir()
    (content_copy.root.parent / "site").symlink_to(real)
    result = build(content_copy.root.parent / "site")
    assert result.exit_code == 1 and "is a symbolic link" in result.stderr
    assert list(real.iterdir()) == []


@pytest.mark.parametrize(
    ("out", "said"),
    [
        ("/", "error: / is the top of the file system; give a folder to write the site into"),
        ("notes.txt/site", "error: the folder {here}/notes.txt cannot be made to hold the site: File exists"),
        ("x" * 300, "error: {here}/" + "x" * 300 + ": File name too long; the site was not changed"),
    ],
)
def test_an_output_folder_that_cannot_be_is_one_line(content_copy: ContentCopy, out: str, said: str) -> None:
    here = content_copy.root.parent
    (here / "notes.txt").write_text("not a folder\n")
    result = build(Path(out))
    no_traceback(result)
    assert result.exit_code == 1 and result.stderr.splitlines()[-1] == said.format(here=here)


@pytest.mark.parametrize(
    ("template", "said"),
    [
        ("{% if %}", "error: templates/base.html:1: Expected an expression, got 'end of statement block'"),
        ("<main>\n{{ nothing.at.all }}", "error: templates/base.html:2: 'nothing' is undefined"),
        (
            "<main>\n\n{{ 'a' + 1 }}",
            'error: templates/base.html:3: TypeError: can only concatenate str (not "int") to str',
        ),
    ],
)
def test_a_broken_template_is_one_line_at_its_place(content_copy: ContentCopy, template: str, said: str) -> None:
    here = content_copy.root.parent
    (here / "templates").mkdir()
    (here / "templates" / "base.html").write_text(template)
    result = build(here / "site", "--templates", "templates")
    no_traceback(result)
    assert result.exit_code == 1 and result.stderr.splitlines()[-2:] == [
        said,
        "    hint: correct that template in the --templates folder (the package's own templates build this site)",
    ]
    assert not (here / "site").exists()


def test_a_base_url_with_a_line_break_after_it_is_refused(content_copy: ContentCopy) -> None:
    # `$` in a pattern matches before a final line break: robots.txt and the sitemap took it in.
    result = build(content_copy.root.parent / "site", "--base-url", "https://x.example/tracker/\n")
    assert result.exit_code == 2 and "must be an absolute http(s) URL" in result.stderr


def test_the_top_of_the_file_system_as_output_is_no_traceback_when_the_content_fails(
    content_copy: ContentCopy,
) -> None:
    content_copy.patch("authorities/example.yaml", "name: Example Council", "name: Example Council\nbogus: 1")
    result = build(Path("/"))
    no_traceback(result)
    assert result.exit_code == 1 and result.stderr.splitlines()[-1] == "Nothing was written; / is unchanged."


@pytest.mark.parametrize("command", ["build", "serve"])
def test_an_output_folder_inside_the_content_is_refused(content_copy: ContentCopy, command: str) -> None:
    # The build would read its own pages as content, and a preview rebuild on each of its writes.
    result = run(command, "--content", "content", "--out", "content/site", "--as-of", AS_OF)
    no_traceback(result)
    assert result.exit_code == 2 and result.stderr.splitlines()[-1] == (
        "Error: Invalid value for --out: content/site is inside the content folder, content: write the site to a "
        "folder beside it, such as `site`"
    )
    assert not (content_copy.root / "site").exists()


def test_an_as_of_day_past_the_calendars_end_is_refused_before_any_work(content_copy: ContentCopy) -> None:
    # The pages count to the end of the as-of day's year, which for 9999 does not exist.
    result = run("build", "--content", "content", "--out", "site", "--as-of", "9999-12-31")
    no_traceback(result)
    assert result.exit_code == 2 and "9999-12-31 is after the last day a site can describe" in result.stderr


# The preview ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_on_a_busy_port_says_which_and_how_to_pick_another(content_copy: ContentCopy) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run("serve", "--content", "content", "--port", str(port))
    no_traceback(result)
    assert result.exit_code == 1
    assert f"port {port} is already in use" in result.stderr and f"--port {port + 1}" in result.stderr


def test_serve_of_a_content_folder_that_does_not_exist_stops_at_once(content_copy: ContentCopy) -> None:
    # It served a page of the error, and said once a second that watching had stopped.
    result = run("serve", "--content", "contnet", "--port", str(free_port()))
    no_traceback(result)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: the content folder contnet does not exist; run the command from the folder that holds `contnet`, "
        "or pass the folder holding site.yaml with --content"
    ]


@pytest.mark.parametrize("args", [["--port", "70000"], ["--port", "-1"], ["--host", "no such host"]])
def test_serve_usage_mistakes_are_one_line(content_copy: ContentCopy, args: list[str]) -> None:
    result = run("serve", "--content", "content", *args)
    no_traceback(result)
    assert result.exit_code in (1, 2)
    assert len([line for line in result.output.splitlines() if "rror" in line]) == 1


def test_the_preview_redirects_folders_and_survives_odd_requests(tmp_path: Path) -> None:
    content = tmp_path / "content"
    import shutil

    shutil.copytree(REPO / "tests" / "site_fixture", content)
    port = free_port()
    said: list[str] = []
    server, stop = serve.start(content, tmp_path / "out", dt.date(2026, 11, 23), "127.0.0.1", port, None, said.append)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{port}"
    try:
        slug = sorted(p.stem for p in (content / "authorities").glob("*.yaml"))[0]

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args: object, **kwargs: object) -> None:
                return None

        opener = urllib.request.build_opener(NoRedirect)
        with pytest.raises(urllib.error.HTTPError) as redirect:
            opener.open(f"{base}/authorities/{slug}?x=1", timeout=5)
        redirect.value.close()  # an HTTPError holds its response's socket
        assert redirect.value.code == 301
        assert redirect.value.headers["Location"] == f"/authorities/{slug}/?x=1"
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"{base}/{'a' * 300}/", timeout=5)
        missing.value.close()
        assert missing.value.code == 404
        # A burst of connections, as a page with many assets makes, is all answered.
        results: list[int] = []

        def fetch() -> None:
            with urllib.request.urlopen(f"{base}/", timeout=10) as response:
                results.append(response.status)

        threads = [threading.Thread(target=fetch) for _ in range(60)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert results == [200] * 60
    finally:
        stop.set()
        server.shutdown()
        server.server_close()


def test_a_rebuild_that_raises_keeps_the_preview_watching(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    preview = serve.Preview(tmp_path, tmp_path / "out", dt.date(2026, 11, 23), "http://127.0.0.1:1/", None, said.append)

    def explode(*args: object, **kwargs: object) -> None:
        raise IndexError("tuple index out of range")

    monkeypatch.setattr(serve.pipeline, "build", explode)
    preview.rebuild()  # does not raise
    # Nothing has built yet, so there is no last good build to speak of.
    assert said == ["the build failed: IndexError: tuple index out of range: nothing to serve until it builds"]
    assert b"the build failed: IndexError" in preview.banner() and b"it has not built yet" in preview.banner()


def test_serve_removes_its_temporary_folder_when_stopped(content_copy: ContentCopy, tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, str(REPO / "build.py"), "serve", "--content", "content", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                    break
            except OSError:
                time.sleep(0.2)
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith("tracker-preview-")]
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=20)
    assert "Traceback" not in output
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("tracker-preview-")] == []
