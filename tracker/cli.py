"""The command line: thin verbs over the pipeline. Content errors exit 1, usage errors 2."""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import fingerprint
from .cache import Cache, default_cache
from .clock import LAST_DAY, UnreadableEpoch, default_as_of
from .files import UnsafeWrite, missing_content_hint, shown_path
from .history import untracked
from .progress import ProgressLine

if TYPE_CHECKING:
    from . import scaffold

from .problems import Problem, format_github, format_json, format_summary, format_text, summary, together, unread_note
from .terminal import printable

CONTENT = click.option(
    "--content",
    type=click.Path(path_type=Path),
    default=Path("content"),
    show_default=True,
    help="Folder holding site.yaml, frameworks.yaml and authorities/.",
)


def _as_of(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return ctx.obj.day if isinstance(ctx.obj, fingerprint.Words) else default_as_of()
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        from .explain import date_written  # only on this error: a run's start stays light

        said, hint = f"{value!r} is not a date written YYYY-MM-DD", date_written(value)
        # The day it can be read as (`6/12/2026`: 6 December), or what is wrong with its day;
        # not a month alone, which --as-of cannot be.
        month = re.search(r"`\d{4}-\d\d`", hint)
        raise click.BadParameter(f"{said}: {hint}" if hint and not month else said) from None
    if day > LAST_DAY:
        raise click.BadParameter(f"{value} is after the last day a site can describe, {LAST_DAY.isoformat()}")
    return day


_T = TypeVar("_T")

JOBS = click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=None,
    help="Processes to work in (default: one per core, for content large enough to gain; one on Windows).",
)

AS_OF = click.option(
    "--as-of",
    callback=_as_of,
    metavar="YYYY-MM-DD",
    help="The day the site describes: overdue actions and future dates are judged "
    "against it. Default: SOURCE_DATE_EPOCH, else today.",
)


CACHE = click.option(
    "--cache",
    type=click.Path(path_type=Path, file_okay=False),
    default=default_cache,
    show_default="$XDG_CACHE_HOME/cs-improvement-tracker, else ~/.cache/cs-improvement-tracker",
    help="Folder for results of earlier builds, reused where nothing they depend on changed; safe to delete. "
    "Never one a pull request can write to: its records are run as Python as they load.",
)
NO_CACHE = click.option("--no-cache", is_flag=True, help="Use no cache: check and render everything.")


def report(problems: list[Problem], fmt: str, strict: bool, scope: str = "") -> bool:
    """Print problems; True when they should fail the run. scope follows the count: " in the named file"."""
    failing = any(p.is_error or strict for p in problems)
    if fmt == "json":
        click.echo(format_json(problems))
    elif fmt == "github":
        if problems:
            click.echo(format_github(problems))
        # GitHub shows ten annotations of each kind for a step: the log and the run's
        # summary page give every problem.
        shown = text_report(problems, strict, scope)
        click.echo(shown, err=True)
        if problems and (page := os.environ.get("GITHUB_STEP_SUMMARY")):
            with open(page, "a", encoding="utf-8") as f:
                f.write(format_summary(shown))
    else:
        # On standard output, as linters print theirs: `check > log` keeps the report.
        click.echo(text_report(problems, strict, scope))
    return failing


def text_report(problems: list[Problem], strict: bool, scope: str = "") -> str:
    """Every problem, then the count: what `check` and `build` print for people."""
    counted = summary(problems) + scope + (" (warnings fail with --strict)" if strict and problems else "")
    return f"{format_text(problems)}\n{counted}{unread_note(problems)}" if problems else counted


def run(words: fingerprint.Words | None) -> int:
    """main() given the program's words (None: click reads them itself): the code it exits with."""
    code: int | str | None = 0
    try:
        main(args=None if words is None else words.words, obj=words)
    except SystemExit as exc:  # as click ends every run
        code = exc.code
    except UnreadableEpoch as exc:  # wanted by a command given no --as-of
        code = f"Error: {exc}"
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    return code or 0


def collect_less() -> None:
    """Let Python's cycle collector run less often than its default."""
    # A build makes millions of objects that live until it ends (models, views, cached
    # records); Python's default would scan them for cycles every 700 allocations, which
    # cost a third of a rebuild's time. Cycles are still collected, less often.
    gc.set_threshold(100_000, 50, 1000)


@click.group()
@click.version_option(package_name="cs-improvement-tracker", message="%(prog)s %(version)s")
def main() -> None:
    """Children's services improvement tracker: check content and build the site."""
    collect_less()


@main.command()
@CONTENT
@AS_OF
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "github", "json"]),
    default="text",
    show_default=True,
    help="text for people, github for pull request annotations, json for tools.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@JOBS
@CACHE
@NO_CACHE
def check(
    content: Path,
    as_of: dt.date,
    fmt: str,
    strict: bool,
    files: tuple[Path, ...],
    jobs: int | None,
    cache: Path,
    no_cache: bool,
) -> None:
    """Check the content and report every problem at once.

    With FILES (as pre-commit passes them), the whole content is still checked, since
    rules reach across files, but only the problems in those files are reported, and the
    other files with errors are named: they fail the check too. A name that is not a file
    of the content is refused.
    """
    from . import pipeline

    for path in files:
        _content_file(content, path)
    progress = ProgressLine(sys.stderr)
    try:
        result = pipeline.check(
            content, as_of, jobs=jobs, cache=None if no_cache else cache, models=False, progress=progress
        )
    finally:
        progress.clear()
    problems = result.problems
    if files:
        # As places on disk: `warwickshire.yaml`, from inside the folder, is the file shown
        # as content/authorities/warwickshire.yaml.
        # And the content folder's own problems (given a folder inside it), which no file owns.
        # Problems name files as they can be printed (a name that is not UTF-8 escaped): so are these.
        wanted = {os.path.normpath(os.path.abspath(printable(str(path)))) for path in (*files, content)}
        problems = [p for p in problems if os.path.normpath(os.path.abspath(p.file)) in wanted]
    # The count is the named files': said so, as a check that fails for another file follows it.
    named = len({os.path.normpath(os.path.abspath(path)) for path in files})
    scope = "" if not named else " in the named file" if named == 1 else f" in the {named} named files"
    failing = report(problems, fmt, strict, scope)
    elsewhere = sorted({p.file for p in result.problems if p.is_error} - {p.file for p in problems})
    # A draft git does not track stays out of the commit being checked, and out of CI's check.
    drafts = untracked(content, elsewhere) if elsewhere else set()
    if elsewhere:
        # The content as it would be committed fails as a whole, as CI would find: a rule
        # across files (an id renamed here, still used there) or a file not named.
        names = [printable(f) for f in elsewhere]
        shown = together(names if len(names) <= 4 else [*names[:3], f"{len(names) - 3} more"])
        others = "1 other file has" if len(names) == 1 else f"{len(names)} other files have"
        aside = [printable(f) for f in elsewhere if f in drafts]
        apart = f" Not in git, so not failing this check: {together(aside)}." if aside else ""
        # "0 errors in the named file" above: a check that fails still says so first.
        fails = "This check fails: only" if len(aside) < len(names) else "Only"
        click.echo(
            f"{fails} the named files are reported, but {others} errors: {shown}. "
            f"`python build.py check` with no file names shows them.{apart}",
            err=fmt != "text",
        )
    if failing or len(drafts) < len(elsewhere):
        sys.exit(1)


def _outside_content(content: Path, out: Path) -> None:
    """Refuse an --out inside the content folder: the build would read its own pages as
    content (and a preview, watching the content, rebuild on each of its own writes); and
    one that is the content folder or holds it, which the new site would replace. Content
    may hold any file, so no marker in it says otherwise."""
    # As written (`..` worked out) and as the file system resolves them (links, and letters'
    # case where it ignores it: `--out Content`).
    pairs = [(Path(os.path.normpath(out.absolute())), Path(os.path.normpath(content.absolute())))]
    pairs.append((Path(os.path.realpath(out)), Path(os.path.realpath(content))))
    same = os.path.exists(out) and os.path.exists(content) and os.path.samefile(out, content)
    named = printable(str(content))
    if same or any(site == of for site, of in pairs):
        where = "is the content folder"
    elif any(site.is_relative_to(of) for site, of in pairs):
        where = f"is inside the content folder, {named}"
    elif any(of.is_relative_to(site) and site.name for site, of in pairs):  # `/`: the writer says so
        where = f"holds the content folder, {named}"
    else:
        return
    raise click.BadParameter(
        f"{printable(str(out))} {where}: write the site to a folder beside it, such as `site`", param_hint="--out"
    )


def _content_file(content: Path, path: Path) -> None:
    """Refuse a FILES argument that names no file of the content: its problems could never be shown."""
    # Compared as written, `..` worked out (not through links): `--content ../../content`.
    if path.is_file() and Path(os.path.normpath(path.absolute())).is_relative_to(os.path.normpath(content.absolute())):
        return
    named = [c for c in (content / path.name, content / "authorities" / path.name) if c.is_file()]
    if not content.is_dir():
        hint = missing_content_hint(content)
    elif named:
        hint = f"write it as from this folder: {printable(str(named[0]))}"
    else:
        known = sorted(p.name for p in (content / "authorities").glob("*.yaml"))
        import difflib

        close = difflib.get_close_matches(path.name, known, n=1)
        hint = (
            f"did you mean {printable(str(content / 'authorities' / close[0]))}?"
            if close
            else f"name a file in {printable(str(content))}"
        )
    raise click.BadParameter(f"{printable(str(path))} is not a file of the content: {hint}", param_hint="FILES")


@main.command(short_help="Write JSON Schemas for editors' YAML tooling.")
@click.option("--out", type=click.Path(path_type=Path), default=Path("schema"), show_default=True)
def schema(out: Path) -> None:
    """Write JSON Schemas for the content files (for editors' YAML tooling)."""
    from .schema import write_schemas

    for path in write_schemas(out):
        click.echo(f"wrote {path}")


TEMPLATES = click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="A folder of templates (and assets/) that replace the package's files of the same name.",
)


@main.command()
@CONTENT
@AS_OF
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("site"),
    show_default=True,
    help="Folder to write the site into; replaced only when the build succeeds, and only if a build made it.",
)
@click.option(
    "--base-url",
    help="Absolute URL the site is published at (default: base_url in site.yaml). "
    "Changes only absolute URLs: feed, sitemap, canonical links.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@TEMPLATES
@JOBS
@CACHE
@NO_CACHE
def build(
    content: Path,
    as_of: dt.date,
    out: Path,
    base_url: str | None,
    strict: bool,
    templates: Path | None,
    jobs: int | None,
    cache: Path,
    no_cache: bool,
) -> None:
    """Check the content, then render the site into --out."""
    from .units import ContentChanged
    from .write import OutputError

    _outside_content(content, out)
    folder = None if no_cache else cache
    store = Cache(folder)
    options = fingerprint.Options(content, as_of, out, base_url, strict, templates)
    # The program's own words (run()); none when main() is called another way.
    words = click.get_current_context().obj
    looked = words.looked if isinstance(words, fingerprint.Words) else None
    if looked is None or (looked.options, looked.cache) != (options, store.folder):
        # Checked before the options: the last build, with the same options, accepted them.
        looked = fingerprint.look(options, store)
    inputs, seen, same = looked.inputs, looked.seen, looked.record
    if same is not None:
        click.echo(fingerprint.up_to_date(same, out), err=True)
        if isinstance(words, fingerprint.Words):
            fingerprint.remember_invocation(words, store, options, inputs)
        return

    from . import pipeline
    from .model import URL_PATTERN, site_folder

    if base_url is not None and not re.fullmatch(URL_PATTERN, base_url):  # `$` alone lets a line break end it
        raise click.BadParameter("must be an absolute http(s) URL, like https://example.org/", param_hint="--base-url")
    if base_url is not None and (wrong := site_folder(base_url)) is not None:
        raise click.BadParameter(f"{wrong[0]}: write {wrong[1]}", param_hint="--base-url")

    progress = ProgressLine(sys.stderr)

    def waiting() -> None:
        progress.clear()
        click.echo(f"Waiting for another build into {printable(str(out))} to finish…", err=True)

    try:
        try:
            result, written = pipeline.build(
                content,
                out,
                as_of,
                base_url,
                strict,
                templates,
                waiting,
                jobs=jobs,
                cache=folder,
                seen=seen,
                progress=progress,
            )
        finally:
            progress.clear()  # before anything else is printed, an error included
    except (OutputError, ContentChanged) as exc:
        click.echo(f"error: {printable(str(exc))}", err=True)
        sys.exit(1)
    except OSError as exc:  # the disk full, a name too long for the file system: the site is as it was
        named = f"{exc.filename}: " if exc.filename else ""
        click.echo(f"error: {printable(named + (exc.strerror or str(exc)))}; the site was not changed", err=True)
        sys.exit(1)
    except Exception as exc:
        # A template of the publisher's (--templates) that fails, however: one line at its
        # place. One of the package's own that fails is a fault in it, told in full.
        from .theme import template_failure

        failure = template_failure(exc, templates) if templates is not None else None
        if failure is None:
            raise
        click.echo(f"error: {printable(failure)}", err=True)
        click.echo(
            "    hint: correct that template in the --templates folder (the package's own templates build this site)",
            err=True,
        )
        sys.exit(1)
    shown = text_report(result.problems, strict)
    click.echo(shown, err=True)
    if not written:
        left = "is unchanged" if out.exists() else "was not made"
        click.echo(f"Nothing was written; {printable(str(out))} {left}.", err=True)
        sys.exit(1)
    fingerprint.remember(options, store, looked, shown, result.site)
    if isinstance(words, fingerprint.Words):
        fingerprint.remember_invocation(words, store, options, inputs)
    count = result.authorities
    click.echo(f"Built {count} authorit{'y' if count == 1 else 'ies'} into {out} (as of {as_of}).", err=True)


@main.command(short_help="Preview the site locally, rebuilt as content or templates change.")
@CONTENT
@AS_OF
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder for the preview build (default: a temporary folder, removed on exit; site/ is left alone).",
)
@TEMPLATES
@CACHE
@NO_CACHE
def serve(
    content: Path,
    as_of: dt.date,
    port: int,
    host: str,
    out: Path | None,
    templates: Path | None,
    cache: Path,
    no_cache: bool,
) -> None:
    """Preview the site locally; rebuild when content or templates change."""
    import shutil
    import signal
    import tempfile

    from .serve import ServeError, address, run, start

    if out is not None:
        _outside_content(content, out)
    # Stopped by a signal as by Ctrl+C (SIGHUP: its terminal window closed), so the
    # temporary folder is removed either way.
    for name in ("SIGTERM", "SIGHUP"):
        # Windows has no SIGHUP; under `nohup` it is ignored, and stays so.
        if hasattr(signal, name) and signal.getsignal(getattr(signal, name)) is not signal.SIG_IGN:
            signal.signal(getattr(signal, name), signal.default_int_handler)
    temporary = None if out is not None else Path(tempfile.mkdtemp(prefix="tracker-preview-"))
    target = out if out is not None else Path(str(temporary)) / "site"

    def echo(text: str) -> None:
        click.echo(text, err=True)

    def progress() -> ProgressLine:
        return ProgressLine(sys.stderr)

    try:
        folder = None if no_cache else cache
        server, stop = start(content, target, as_of, host, port, templates, echo, folder, progress)
        echo(f"Serving {target} at {address(host, port)} (Ctrl+C to stop); watching {content} and the templates")
        run(server, stop)
    except ServeError as exc:
        click.echo(f"error: {printable(str(exc))}", err=True)
        sys.exit(1)
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)


# Import -----------------------------------------------------------------------------------
# The importer (tracker/importer/) raises ImportFailure for input it cannot use at all;
# it is turned into a one-line error here. openpyxl, ruamel.yaml and pypdfium2 (the
# `import` extra) are imported only when an import command runs.


def _import_failures(run: Callable[[], _T]) -> _T:
    from .importer.sources import ImportFailure

    try:
        return run()
    except (ImportFailure, UnsafeWrite) as exc:
        raise click.ClickException(str(exc)) from None
    except ImportError as exc:
        raise click.ClickException(
            f"the import needs the `import` extra ({exc.name} is missing): pip install -e '.[import]'"
        ) from None


def _print_result(result: Any, content: Path, dry_run: bool, unit: str) -> None:
    order = {"recovered": -1, "created": 0, "added": 1, "replaced": 1, "skipped": 2, "disagreement": 3, "error": 4}
    for outcome in sorted(
        result.outcomes,
        key=lambda o: (order[o.kind], o.slug or "", o.row.number if o.row else 0, o.where or ""),
    ):
        for line in outcome.lines():
            click.echo(line)
    for problem in result.check_problems:
        click.echo(f"check        {problem}", err=True)
    click.echo(result.summary(unit) + ".")
    if result.check_problems:
        click.echo(
            f"The result would not pass `check` ({len(result.check_problems)} errors); nothing was written.", err=True
        )
    elif dry_run:
        click.echo("Dry run: nothing was written.")
    elif result.written:
        click.echo(
            f"Wrote {sum(f.changed for f in result.files.values())} files into {content / 'authorities'}; "
            "the content passes `check`."
        )
    else:
        click.echo("Nothing to change.")
    if result.failed:
        raise SystemExit(1)


@click.group(name="import")
def import_command() -> None:
    """Import published data into the content (needs the `import` extra)."""


@import_command.command("ilacs-overview")
@click.argument("xlsx", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--lookup",
    "lookup_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="data-to-insight's Provider_data_lookup.csv (names, codes, regions). "
    "Default: that file beside XLSX, if there is one.",
)
@CONTENT
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
def ilacs_overview(xlsx: Path, lookup_path: Path | None, content: Path, dry_run: bool) -> None:
    """Import data-to-insight's ILACS overview: every English authority's latest ILACS.

    Creates authorities/<slug>.yaml for each authority without a file, adds the
    inspection to files that lack it, and never changes what is already written.
    Exits 1 when a row cannot be imported (the other rows still are) or when the
    result would not pass `check` (then nothing is written).
    """
    from .importer.run import run_import

    if lookup_path is None and (xlsx.parent / "Provider_data_lookup.csv").is_file():
        lookup_path = xlsx.parent / "Provider_data_lookup.csv"
    result = _import_failures(lambda: run_import(xlsx, lookup_path, content, dry_run))
    _print_result(result, content, dry_run, "rows")


HISTORY = click.option(
    "--history",
    "history_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="ofsted_csc_ilacs_history.csv: each report's link, and grades and dates to cross-check.",
)
VIA = click.option(
    "--via",
    default="the report's PDF, its details read by this site's import",
    show_default=True,
    help="How the reports were collected (each source's `via`), e.g. the archive they came from.",
)


@import_command.command("report")
@click.argument("pdf", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--authority", metavar="SLUG", help="The authority's file (default: the URN in the PDF's folder name).")
@HISTORY
@VIA
@CONTENT
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
def import_report(
    pdf: Path, authority: str | None, history_path: Path | None, via: str, content: Path, dry_run: bool
) -> None:
    """Read one Ofsted report or letter (PDF) and add its inspection to the authority's file."""
    from .importer.ofsted import run_reports

    result = _import_failures(lambda: run_reports([pdf], content, history_path, via, dry_run, authority))
    _print_result(result, content, dry_run, "reports")


@import_command.command("ofsted-reports")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@HISTORY
@VIA
@CONTENT
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
def import_ofsted_reports(folder: Path, history_path: Path | None, via: str, content: Path, dry_run: bool) -> None:
    """Read every report and letter under FOLDER (laid out <urn>_<name>/<file>.pdf).

    Each one's inspection is added to (or, where a dataset import wrote it, completed
    in) its authority's file; editors' inspections are never changed, only reported.
    A file that cannot be read is one error line; the rest are still imported.
    """
    from .importer.ofsted import run_reports

    unreadable: list[OSError] = []
    found = (Path(at) / name for at, _, names in os.walk(folder, onerror=unreadable.append) for name in names)
    pdfs = sorted(p for p in found if p.suffix.lower() == ".pdf" and p.is_file() and not p.is_symlink())
    if unreadable:
        # Left out, its reports would seem never to have been published.
        first = unreadable[0]
        raise click.ClickException(
            f"cannot read {printable(str(first.filename))} ({first.strerror}); nothing was imported"
        )
    if not pdfs:
        raise click.ClickException(f"{folder} holds no .pdf files")

    def progress(items: Any) -> Any:
        with click.progressbar(items, label=f"Reading {len(pdfs)} reports", file=sys.stderr) as bar:
            yield from bar

    result = _import_failures(lambda: run_reports(pdfs, content, history_path, via, dry_run, progress=progress))
    _print_result(result, content, dry_run, "reports")


main.add_command(import_command)


# New -------------------------------------------------------------------------------------
# tracker/scaffold.py writes the commented-out blocks and raises ScaffoldError (exit 1) or,
# for what the editor typed, ScaffoldInputError (a usage error naming the argument, exit 2).


def _scaffold(content: Path, run: Callable[[], _T]) -> _T:
    from .files import finish_interrupted
    from .scaffold import ScaffoldError, ScaffoldInputError

    try:
        # A write of import's that was interrupted is finished first, as import does: this
        # edit would otherwise be overwritten by its older text when that write is finished.
        if recovered := finish_interrupted(content):
            click.echo(recovered.capitalize() + ".", err=True)
        return run()
    except ScaffoldInputError as exc:
        raise click.BadParameter(exc.message, param_hint=exc.param) from None
    except (ScaffoldError, UnsafeWrite) as exc:
        raise click.ClickException(str(exc)) from None


def _print_added(added: scaffold.Added) -> None:
    click.echo(f"Added to {shown_path(added.path)}, commented out, so the file still passes `check`:")
    for line, what in added.blocks:
        click.echo(f"  line {line}: {what}")
    click.echo("Next:")
    for number, step in enumerate(added.steps, start=1):
        click.echo(f"  {number}. {step}")


@main.group("new", short_help="Add an authority, or a commented-out inspection, plan or action.")
def new_command() -> None:
    """Start a new authority file, or add a commented-out inspection, plan or action to one.

    Nothing is made up: the new lines are commented out, with every value to fill in
    marked TODO, so `check` still passes until you uncomment them. See docs/editing.md.
    """


@new_command.command("authority", short_help="Create authorities/<slug>.yaml for a council.")
@CONTENT
@click.argument("name")
@click.option(
    "--slug",
    help="The file name and web address, if not the one made from NAME (lowercase letters, digits and hyphens).",
)
def new_authority(content: Path, name: str, slug: str | None) -> None:
    """Create authorities/<slug>.yaml for the council NAME, e.g. "Rutland County Council".

    The slug (file name and web address) is the place name: lowercase, `&` as `and`,
    other punctuation and spaces as hyphens, and the council words left out
    ("County Council", "City Council", "Metropolitan Borough Council", "London Borough
    of", "City of" ...). "Rutland County Council" is `rutland`. Use --slug to choose.
    """
    from . import scaffold

    path, slug = _scaffold(content, lambda: scaffold.new_authority(content, name, slug))
    click.echo(f"Created {shown_path(path)}: its page will be authorities/{slug}/.")
    click.echo("Next:")
    place = scaffold.place_name(name)
    # The name is written as given: only the editor knows whether the council words are its place's.
    likely = f'; so "{name}" is likely "{place}"' if place and place != " ".join(name.split()) else ""
    click.echo(
        "  1. Open the file: check the name (pages name councils by place, as Ofsted's data does: "
        f'"Bolton", not "Bolton Council"{likely}), and fill in codes and region if you know them.'
    )
    click.echo(
        f"  2. Add its inspections, one at a time: {scaffold.next_command(content, f'new inspection {slug} TYPE')}"
    )
    click.echo(f"     (TYPE is one of: {scaffold.type_list(content)})")
    click.echo(f"  3. Add its improvement plan if it has one: {scaffold.next_command(content, f'new plan {slug}')}")
    click.echo(
        f"  4. Check your work: {scaffold.next_command(content, 'check')}   "
        f"and preview it: {scaffold.next_command(content, 'serve')}"
    )


@new_command.command("inspection", short_help="Add a commented-out inspection to SLUG's file.")
@CONTENT
@click.argument("slug")
@click.argument("type_key", metavar="TYPE")
def new_inspection(content: Path, slug: str, type_key: str) -> None:
    """Add a commented-out inspection of TYPE (a key of frameworks.yaml) and its report to SLUG's file."""
    from . import scaffold

    _print_added(_scaffold(content, lambda: scaffold.add_inspection(content, slug, type_key)))


@new_command.command("plan")
@CONTENT
@click.argument("slug")
def new_plan(content: Path, slug: str) -> None:
    """Add a commented-out improvement plan to SLUG's file."""
    from . import scaffold

    _print_added(_scaffold(content, lambda: scaffold.add_plan(content, slug)))


@new_command.command("action")
@CONTENT
@click.argument("slug")
@click.option(
    "--plan",
    "plan_id",
    metavar="PLAN_ID",
    help=(
        "The plan's id (default: the current plan: the last one without `closed` that answers the latest "
        "inspection, or a visit since)."
    ),
)
def new_action(content: Path, slug: str, plan_id: str | None) -> None:
    """Add a commented-out action to a plan in SLUG's file."""
    from . import scaffold

    _print_added(_scaffold(content, lambda: scaffold.add_action(content, slug, plan_id)))
