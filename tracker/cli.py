"""The command line: thin verbs over the pipeline. Content errors exit 1, usage errors 2."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from . import pipeline
from .importer import import_command
from .problems import Problem, format_github, format_json, format_text, summary
from .scaffold import new_command

CONTENT = click.option(
    "--content",
    type=click.Path(path_type=Path),
    default=Path("content"),
    show_default=True,
    help="Folder holding site.yaml, frameworks.yaml and authorities/.",
)


def _as_of(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return pipeline.default_as_of()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date written YYYY-MM-DD") from None


AS_OF = click.option(
    "--as-of",
    callback=_as_of,
    metavar="YYYY-MM-DD",
    help="The day the site describes: overdue actions and future dates are judged "
    "against it. Default: SOURCE_DATE_EPOCH, else today.",
)


def report(problems: list[Problem], fmt: str, strict: bool) -> bool:
    """Print problems; True when they should fail the run."""
    failing = any(p.is_error or strict for p in problems)
    if fmt == "json":
        click.echo(format_json(problems))
    elif fmt == "github":
        if problems:
            click.echo(format_github(problems))
        click.echo(summary(problems), err=True)
    else:
        if problems:
            click.echo(format_text(problems), err=True)
        click.echo(summary(problems) + (" (warnings fail with --strict)" if strict and problems else ""), err=True)
    return failing


@click.group()
def main() -> None:
    """Children's services improvement tracker: check content and build the site."""


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
def check(content: Path, as_of: dt.date, fmt: str, strict: bool) -> None:
    """Check the content and report every problem at once."""
    result = pipeline.check(content, as_of)
    if report(result.problems, fmt, strict):
        sys.exit(1)


@main.command()
@click.option("--out", type=click.Path(path_type=Path), default=Path("schema"), show_default=True)
def schema(out: Path) -> None:
    """Write JSON Schemas for the content files (for editors' YAML tooling)."""
    from .schema import write_schemas

    for path in write_schemas(out):
        click.echo(f"wrote {path}")


@main.command()
@CONTENT
@AS_OF
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("site"),
    show_default=True,
    help="Folder to write the site into; replaced only when the build succeeds.",
)
@click.option(
    "--base-url",
    help="Absolute URL the site is published at (default: base_url in site.yaml). "
    "Changes only absolute URLs: feed, sitemap, canonical links.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def build(content: Path, as_of: dt.date, out: Path, base_url: str | None, strict: bool) -> None:
    """Check the content, then render the site into --out."""
    if base_url is not None and not base_url.startswith(("https://", "http://")):
        raise click.BadParameter("must be an absolute http(s) URL", param_hint="--base-url")
    result, written = pipeline.build(content, out, as_of, base_url, strict)
    report(result.problems, "text", strict)
    if not written:
        click.echo(f"Nothing was written; {out} is unchanged.", err=True)
        sys.exit(1)
    assert result.content is not None
    count = len(result.content.authorities)
    click.echo(f"Built {count} authorit{'y' if count == 1 else 'ies'} into {out} (as of {as_of}).", err=True)


@main.command()
@CONTENT
@AS_OF
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder for the preview build (default: a temporary folder; site/ is left alone).",
)
def serve(content: Path, as_of: dt.date, port: int, host: str, out: Path | None) -> None:
    """Preview the site locally; rebuild when content or templates change."""
    import tempfile

    from .render import TEMPLATES
    from .serve import serve as run

    run(
        content,
        out or Path(tempfile.mkdtemp(prefix="tracker-preview-")) / "site",
        as_of,
        host,
        port,
        TEMPLATES,
        echo=lambda text: click.echo(text, err=True),
    )


# Verbs with modules of their own.
main.add_command(import_command)
main.add_command(new_command)
