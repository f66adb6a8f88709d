"""Shared helpers: a fresh copy of the valid fixture content that a test may break.

The copy lives in tmp_path/content and the test runs from tmp_path, so files are
named in messages as editors see them: `content/authorities/example.yaml`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import io
import json
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import settings

from tracker import pipeline
from tracker.cli import main
from tracker.derive import SiteView, derive_authority, neighbours_of, reach, related
from tracker.model import Content

# Property tests: on CI a fixed seed and a fixed number of examples, so a run is repeatable
# and its time bounded; on a laptop new examples each run, found failures remembered.
settings.register_profile("ci", derandomize=True, database=None, max_examples=150, deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=300, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

VALID = Path(__file__).parent / "fixtures" / "valid"
REPO = Path(__file__).resolve().parent.parent
SEEDS = ("shropshire", "warwickshire", "worcestershire")  # the hand-written authorities
SEED_CONTENT = Path(__file__).parent / "seeds"  # frozen: an editor's change to content/ leaves it


def _content_as_of() -> dt.date:
    """The day tests check the real content at.

    23 November 2026, the day their figures about it were worked out for, unless an
    editor has since recorded a later day: a visit of last week is not one in the future,
    and must not fail the tests of a pull request that passes `check`. Days after today
    (a plan's due dates) do not count.
    """
    today, newest = dt.date.today(), dt.date(2026, 11, 23)
    for path in [REPO / "content" / "site.yaml", *(REPO / "content" / "authorities").glob("*.yaml")]:
        for year, month, day in re.findall(rb"\b(20\d\d)-(\d\d)(?:-(\d\d))?\b", path.read_bytes()):
            with contextlib.suppress(ValueError):
                when = dt.date(int(year), int(month), int(day or 1))  # a month is in the past from its first day
                newest = when if newest < when <= today else newest
    return newest


CONTENT_AS_OF = _content_as_of()
# An editor may add an authority (a council reorganised): tests of the real content count its files.
REAL_AUTHORITIES = sum(1 for _ in (REPO / "content" / "authorities").glob("*.yaml"))
# The one style a page carries of its own: its title (an authority's name), the site's and
# its licence in the printed sheet's margins, as CSS strings whose every character that
# could end one is a hex escape.
_CSS_STRING = r'"((?:[^"\\\n<]|\\[0-9a-f]{6} )*)"'
PAGE_STYLE = re.compile(
    rf"@page \{{ @top-left \{{ content: {_CSS_STRING}; \}} @top-right \{{ content: {_CSS_STRING}; \}} "
    rf"@bottom-left \{{ content: {_CSS_STRING}; \}} \}}"
)


def calls(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[Any]:
    """The first argument of each call to owner.name from now on, in this process, in order.

    The function still does its work: a test sees what was read or asked, not a stand-in's answer.
    """
    real = getattr(owner, name)
    seen: list[Any] = []

    def recorded(first: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(first)
        return real(first, *args, **kwargs)

    monkeypatch.setattr(owner, name, recorded)
    return seen


class Terminal(io.StringIO):
    """Text written as to a terminal: what a progress line is shown on."""

    def isatty(self) -> bool:
        return True


def on_screen(written: str) -> str:
    """The line a terminal shows after written: a carriage return goes back to the line's start."""
    line: list[str] = []
    at = 0
    for char in written:
        if char == "\r":
            at = 0
            continue
        line[at : at + 1] = [char]
        at += 1
    return "".join(line).rstrip()


def copy_seed_content(target: Path) -> Path:
    """The hand-written authorities and site.yaml as tests/seeds froze them, and the real
    frameworks.yaml, copied into target (tests/seeds/README.md says why frozen)."""
    (target / "authorities").mkdir(parents=True)
    shutil.copy(SEED_CONTENT / "site.yaml", target / "site.yaml")
    shutil.copy(REPO / "content" / "frameworks.yaml", target / "frameworks.yaml")
    for slug in SEEDS:
        shutil.copy(SEED_CONTENT / "authorities" / f"{slug}.yaml", target / "authorities")
    return target


AS_OF = "2024-06-30"  # every date in the fixture is before it; C1's last update is within a year


@dataclass
class ContentCopy:
    """A copy of tests/fixtures/valid; `name` arguments are relative to it, e.g. "authorities/example.yaml"."""

    root: Path

    def path(self, name: str) -> Path:
        return self.root / name

    def shown(self, name: str) -> str:
        """The file name as the checker prints it (the test runs from the copy's parent)."""
        return f"content/{name}"

    def read(self, name: str) -> str:
        return self.path(name).read_text(encoding="utf-8")

    def write(self, name: str, text: str | bytes) -> Path:
        path = self.path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def patch(self, name: str, old: str, new: str) -> Path:
        """Replace the one occurrence of old in a file; fails loudly if old is not there exactly once."""
        text = self.read(name)
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {name}"
        return self.write(name, text.replace(old, new))

    def remove(self, name: str) -> None:
        path = self.path(name)
        shutil.rmtree(path) if path.is_dir() else path.unlink()

    def check(self, as_of: str = AS_OF) -> pipeline.Checked:
        return pipeline.check(Path("content"), dt.date.fromisoformat(as_of))

    def cli(self, *args: str, as_of: str = AS_OF) -> Result:
        return CliRunner().invoke(main, ["check", "--content", "content", "--as-of", as_of, *args])

    def cli_json(self, *args: str, as_of: str = AS_OF) -> tuple[int, dict[str, Any]]:
        result = self.cli("--format", "json", *args, as_of=as_of)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        return result.exit_code, json.loads(result.stdout)


@pytest.fixture(scope="session", autouse=True)
def own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A build's default cache is the user's (cache.default_cache): the tests keep theirs apart
    from it (the builds a test starts as processes inherit the variable)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        yield


@pytest.fixture
def content_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ContentCopy:
    shutil.copytree(VALID, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    return ContentCopy(tmp_path / "content")


def derive(content: Content, as_of: dt.date) -> SiteView:
    """Every authority's whole view at once, as no build holds them (it streams summaries):
    what tests hold the build's slimmer views and its pages to."""
    views = sorted(
        (derive_authority(slug, a, content.frameworks, as_of) for slug, a in content.authorities.items()),
        key=lambda v: v.slug,
    )
    by_dfe = {v.authority.codes.dfe: v.standing for v in views if v.authority.codes and v.authority.codes.dfe}
    names = {v.slug: v.name for v in views}
    views = [
        dataclasses.replace(
            v,
            neighbours=neighbours_of(v.authority.codes, content.reference.neighbours, by_dfe),
            related=related(v.authority, names),
        )
        for v in views
    ]
    return SiteView(content.site, content.frameworks, as_of, tuple(views), content.reference, *reach(views))
