"""The fast build is the same build: worker processes, the cache, skipped and partial rebuilds
all give byte for byte the site that a sequential build with no cache gives."""

from __future__ import annotations

import datetime as dt
import gc
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path
from typing import Any, TextIO
from xml.etree import ElementTree

import jinja2
import pytest
from click.testing import CliRunner
from conftest import AS_OF as FIXTURE_AS_OF
from conftest import CONTENT_AS_OF, SEED_CONTENT, VALID, Terminal, calls, derive, on_screen

from tracker import cache as cache_module
from tracker import cli as cli_module
from tracker import derive as derive_module
from tracker import fingerprint, pipeline, units
from tracker import render as render_module
from tracker import write as write_module
from tracker.cache import Cache, value_digest
from tracker.cli import main
from tracker.derive import FeedWindow, reach, summary
from tracker.progress import ProgressLine
from tracker.render import base_url, environment, feed, render_pages
from tracker.theme import search_path

REPO = Path(__file__).resolve().parent.parent
REAL = REPO / "content"
AS_OF = CONTENT_AS_OF
SITE_FIXTURE = Path(__file__).parent / "site_fixture"
SITE_FIXTURE_AS_OF = dt.date(2026, 11, 23)  # as tests/test_site.py builds it


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """Worcestershire (frozen, in tests/seeds: the test edits what it says) and its statistical
    neighbours from the real content, with the reference data."""
    target = tmp_path / "content"
    (target / "authorities").mkdir(parents=True)
    for name in ("site.yaml", "frameworks.yaml"):
        shutil.copy(REAL / name, target / name)
    shutil.copytree(REAL / "reference", target / "reference")
    by_dfe = {}
    for path in (REAL / "authorities").glob("*.yaml"):
        found = re.search(r"dfe: (\d+)", path.read_text(encoding="utf-8"))
        if found:
            by_dfe[int(found[1])] = path
    line = next(
        row for row in (REAL / "reference" / "neighbours.csv").read_text().splitlines() if row.startswith("885,")
    )
    for number in [885, *map(int, line.split(",")[-1].split())]:
        if (
            number in by_dfe
            and "successors" not in by_dfe[number].read_text()
            and "predecessors" not in by_dfe[number].read_text()
        ):
            shutil.copy(by_dfe[number], target / "authorities")
    shutil.copy(SEED_CONTENT / "authorities" / "worcestershire.yaml", target / "authorities")
    return target


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def reference(content: Path, out: Path) -> dict[str, bytes]:
    """The site from the plainest build: one process, no cache."""
    if out.exists():
        shutil.rmtree(out)
    _, written = pipeline.build(content, out, AS_OF, jobs=1, cache=None)
    assert written
    return tree(out)


def fast(content: Path, out: Path, cache: Path) -> dict[str, bytes]:
    _, written = pipeline.build(content, out, AS_OF, jobs=2, cache=cache)
    assert written
    return tree(out)


def test_workers_and_cache_give_the_same_site_after_edits_deletions_and_renames(content: Path, tmp_path: Path) -> None:
    out, cache, plain = tmp_path / "site", tmp_path / "cache", tmp_path / "plain"
    assert fast(content, out, cache) == reference(content, plain)
    assert fast(content, out, cache) == reference(content, plain)  # everything from the cache

    folder = content / "authorities"
    assert len(list(folder.glob("*.yaml"))) >= 6
    # An edit that changes an authority's standing, so its neighbours' pages change too.
    worcestershire = folder / "worcestershire.yaml"
    text = worcestershire.read_text()
    assert text.count("overall: good") == 1
    worcestershire.write_text(text.replace("overall: good", "overall: inadequate"))
    before = tree(out)
    assert fast(content, out, cache) == reference(content, plain)
    changed = {name for name, data in tree(out).items() if before.get(name) != data}
    pages = {name.split("/")[1] for name in changed if name.startswith("authorities/") and name.endswith("/index.html")}
    assert "worcestershire" in pages and len(pages) > 1
    # A deletion, and a rename: a new address for the same content.
    deleted, renamed = sorted(p for p in folder.glob("*.yaml") if p != worcestershire)[:2]
    deleted.unlink()
    assert fast(content, out, cache) == reference(content, plain)
    renamed.rename(renamed.with_name(f"{renamed.stem}-renamed.yaml"))
    assert fast(content, out, cache) == reference(content, plain)
    assert not (out / "authorities" / renamed.stem).exists() and not (out / "authorities" / deleted.stem).exists()


def test_the_pages_about_every_authority_are_made_again_only_when_a_summary_changes(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, cache, plain = tmp_path / "site", tmp_path / "cache", tmp_path / "plain"
    made: list[str] = []
    render_pages = render_module.render_pages

    def counted(*args: Any) -> dict[str, bytes]:
        made.append("pages")
        return render_pages(*args)

    monkeypatch.setattr(render_module, "render_pages", counted)
    fast(content, out, cache)
    assert made == ["pages"]
    # An inspection's summary is only on its authority's page: the overview, the analysis
    # and the site's feed are the earlier build's, and the site is as a plain build makes it.
    worcestershire = content / "authorities" / "worcestershire.yaml"
    text = worcestershire.read_text(encoding="utf-8")
    worcestershire.write_text(text.replace("    summary: |\n", "    summary: |\n      Edited.\n", 1), encoding="utf-8")
    site = fast(content, out, cache)
    assert made == ["pages"]
    assert site == reference(content, plain) and "Edited." in site["authorities/worcestershire/index.html"].decode()
    # A grade is on the overview: they are made again.
    made.clear()
    worcestershire.write_text(worcestershire.read_text().replace("overall: good", "overall: inadequate"))
    assert fast(content, out, cache) == reference(content, plain)
    assert made[0] == "pages"


def test_a_template_in_a_linked_folder_or_saved_during_a_build_leaves_no_stale_page(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, cache = tmp_path / "site", tmp_path / "cache"
    # A publisher's overview includes a part kept in a folder its templates folder links to.
    templates, parts = tmp_path / "templates", tmp_path / "parts"
    templates.mkdir()
    parts.mkdir()
    (templates / "part").symlink_to(parts, target_is_directory=True)
    (templates / "loop").symlink_to(templates, target_is_directory=True)  # a link to above ends
    overview = (REPO / "templates" / "overview.html").read_text(encoding="utf-8")
    (templates / "overview.html").write_text(overview.replace("<h1", '{% include "part/said.html" %}<h1', 1))

    def built() -> str:
        _, written = pipeline.build(content, out, AS_OF, templates=templates, jobs=1, cache=cache)
        assert written
        return (out / "index.html").read_text(encoding="utf-8")

    (parts / "said.html").write_text("<p>First</p>")
    assert "<p>First</p>" in built()
    (parts / "said.html").write_text("<p>Second</p>")
    assert "<p>Second</p>" in built()
    # Saved while the pages were made: what was made is not kept for the template as it was
    # before, which is put back.
    render_pages = render_module.render_pages

    def saved_meanwhile(*args: Any) -> dict[str, bytes]:
        (parts / "said.html").write_text("<p>Third</p>")
        return render_pages(*args)

    monkeypatch.setattr(render_module, "render_pages", saved_meanwhile)
    (content / "authorities" / "worcestershire.yaml").write_text(
        (content / "authorities" / "worcestershire.yaml").read_text().replace("overall: good", "overall: inadequate")
    )
    assert "<p>Third</p>" in built()
    monkeypatch.setattr(render_module, "render_pages", render_pages)
    (parts / "said.html").write_text("<p>Second</p>")
    assert "<p>Second</p>" in built()


def test_an_authoritys_page_made_while_a_template_was_saved_is_not_kept_for_the_one_before(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, cache, templates = tmp_path / "site", tmp_path / "cache", tmp_path / "templates"
    templates.mkdir()
    page = (REPO / "templates" / "authority.html").read_text(encoding="utf-8")
    (templates / "authority.html").write_text(page.replace("<h1", '{% include "said.html" %}<h1', 1))
    said = templates / "said.html"
    page_of = out / "authorities" / "worcestershire" / "index.html"

    def built() -> str:
        _, written = pipeline.build(content, out, AS_OF, templates=templates, jobs=1, cache=cache)
        assert written
        return page_of.read_text(encoding="utf-8")

    said.write_text("<p>First</p>")
    assert "<p>First</p>" in built()
    # Saved as the first page is made: every page shows what was saved...
    render_authority = render_module.render_authority

    def saved_meanwhile(*args: Any) -> dict[str, bytes]:
        said.write_text("<p>Third</p>")
        return render_authority(*args)

    said.write_text("<p>Second</p>")
    monkeypatch.setattr(render_module, "render_authority", saved_meanwhile)
    assert "<p>Third</p>" in built()
    # ...and none is kept for what it was before, which is put back.
    monkeypatch.setattr(render_module, "render_authority", render_authority)
    said.write_text("<p>Second</p>")
    assert "<p>Second</p>" in built()


def test_a_values_digest_is_the_same_in_any_process_and_for_any_copy() -> None:
    # A model's set of the fields given pickles in the order each process's hashes set; a
    # copy read back from a record shares no object with what it was copied from.
    script = (
        "import pickle; from tracker.cache import value_digest; from tracker.model import Codes; "
        "c = Codes(gss='E10000034', dfe=885, ofsted=80584); "
        "print(value_digest([c, c]), value_digest([c, pickle.loads(pickle.dumps(c))]))"
    )
    said = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(said) == 1 and len(set(next(iter(said)).split())) == 1, said
    # A value that holds itself has none (a build then makes the pages it would have found).
    loop: list[object] = []
    loop.append(loop)
    assert value_digest(loop) is None


def test_a_cache_record_that_cannot_be_written_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A full disk makes the cache useless, not the build wrong, nor the folder fuller.
    cache = Cache(tmp_path / "cache")

    def full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    cache.put("check", "ab" * 32, {"a": 1})
    assert [p.name for p in (tmp_path / "cache").rglob("*") if p.is_file()] == []
    monkeypatch.undo()
    cache.put("check", "ab" * 32, {"a": 1})
    assert cache.get("check", "ab" * 32) == {"a": 1}


def test_a_corrupt_or_foreign_cache_is_ignored(content: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "site", tmp_path / "cache"
    expected = fast(content, out, cache)
    records = [p for p in cache.rglob("*") if p.is_file()]
    # Jinja's compiled templates among them: loaded unchecked, damaged code can crash the build.
    assert any(p.relative_to(cache).parts[0] == "templates" for p in records)
    for number, path in enumerate(records):
        data = path.read_bytes()
        # Cut short, a byte changed, or forty bytes in the middle changed.
        middle = len(data) // 2
        path.write_bytes(
            data[:middle]
            if number % 3 == 0
            else data[:-1] + bytes([data[-1] ^ 1])
            if number % 3 == 1
            else data[:middle] + bytes(b ^ 0x5A for b in data[middle : middle + 40]) + data[middle + 40 :]
        )
    shutil.rmtree(out)
    assert fast(content, out, cache) == expected
    # A cache folder others could write to is not used at all.
    shared = tmp_path / "shared-cache"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    shutil.rmtree(out)
    assert fast(content, out, shared) == expected
    assert not any(shared.iterdir())


def test_the_cache_keeps_what_builds_use_and_drops_what_they_stopped_using(content: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "site", tmp_path / "cache"
    expected = fast(content, out, cache)
    # An edit leaves the old version's records unused; age every record past the limit.
    path = content / "authorities" / "worcestershire.yaml"
    path.write_text(path.read_text() + "# an editor's note\n")
    old = dt.datetime(2026, 1, 1).timestamp()
    before = {p for p in cache.rglob("*") if p.is_file()}
    for record in before:
        os.utime(record, (old, old))
    shutil.rmtree(out)
    assert fast(content, out, cache) == expected  # the note changes no page
    after = {p for p in cache.rglob("*") if p.is_file()}
    # Read again, the unchanged authorities' records stay; the edited file's old check is gone.
    assert any(p in after for p in before if p.parent.parent.name == "check")
    assert any(p not in after for p in before if p.parent.parent.name == "check")
    assert all(p.stat().st_mtime > old for p in after)
    # The cache is looked over at most once a day: an unused record outlives a build that
    # follows within the day, and goes with the first build after it.
    unused = cache / "check" / "00" / ("00" * 32)
    unused.parent.mkdir(exist_ok=True)
    unused.write_bytes(b"no build reads this")
    os.utime(unused, (old, old))
    fast(content, out, cache)
    assert unused.exists()
    os.utime(cache / "pruned", (old, old))
    fast(content, out, cache)
    assert not unused.exists()


@pytest.mark.parametrize("fixture", ["worcestershire", "site_fixture"])
def test_pages_about_every_authority_need_only_summaries(fixture: str, content: Path) -> None:
    # The site fixture's five authorities hold a plan current, closed and earlier, among other cases.
    folder, as_of = (content, AS_OF) if fixture == "worcestershire" else (SITE_FIXTURE, SITE_FIXTURE_AS_OF)
    checked = pipeline.check(folder, as_of)
    assert checked.content is not None
    full = derive(checked.content, as_of)
    slims = tuple(summary(a) for a in full.authorities)
    slim = full.__class__(full.site, full.frameworks, full.as_of, slims, full.reference, *reach(slims))
    env, base = environment(search_path()), base_url(full, None)
    rows = {"data/actions.csv": 3}
    assert render_pages(env, slim, base, rows) == render_pages(env, full, base, rows)


def test_the_site_feed_needs_only_the_events_a_feed_window_keeps(
    content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A short feed, so that the window drops events from most authorities' summaries.
    monkeypatch.setattr(derive_module, "FEED_EVENTS", 3)
    monkeypatch.setattr(render_module, "FEED_EVENTS", 3)
    checked = pipeline.check(content, AS_OF)
    assert checked.content is not None
    full = derive(checked.content, AS_OF)
    window = FeedWindow()
    added = [window.add(summary(a)) for a in full.authorities]
    held = tuple(window.trim(a) for a in added)
    assert sum(len(a.timeline) for a in full.authorities) > 3 * len(held)
    assert sum(len(a.timeline) for a in held) == 3  # the feed's entries, and nothing else
    slim = full.__class__(full.site, full.frameworks, full.as_of, held, full.reference)
    base = base_url(full, None)
    assert feed(slim, base) == feed(full, base)
    assert len(ElementTree.fromstring(feed(full, base)).findall("{http://www.w3.org/2005/Atom}entry")) == 3


def test_a_build_starts_its_workers_once_for_both_passes(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pools: list[int] = []
    real = units.multiprocessing.get_context

    class Context:
        def __init__(self, method: str) -> None:
            self.context = real(method)

        def Pool(self, processes: int, **options: Any) -> Any:
            pools.append(processes)
            return self.context.Pool(processes, **options)

        def Process(self, **options: Any) -> Any:  # the one that compiles the templates
            return self.context.Process(**options)

    monkeypatch.setattr(units, "CHUNK", 1)  # the fixture's few authorities are enough to share out
    monkeypatch.setattr(units.multiprocessing, "get_context", Context)
    expected = reference(content, tmp_path / "plain")
    _, written = pipeline.build(content, tmp_path / "site", AS_OF, jobs=3, cache=tmp_path / "cache")
    assert written and tree(tmp_path / "site") == expected
    assert pools == [2]  # this process is the third


def test_a_build_with_workers_compiles_each_template_once(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build compiles the templates while its workers check; those that render find them in the cache."""
    log = tmp_path / "compiled.txt"
    real = jinja2.Environment.compile

    def compile(self: jinja2.Environment, source: str, name: str | None = None, *args: Any, **kw: Any) -> Any:
        with log.open("a") as handle:  # appended to by every process: the workers are forked with this patch
            handle.write(f"{os.getpid()} {name}\n")
        return real(self, source, name, *args, **kw)

    monkeypatch.setattr(units, "CHUNK", 1)  # the fixture's few authorities are enough to share out
    monkeypatch.setattr(jinja2.Environment, "compile", compile)
    expected = reference(content, tmp_path / "plain")
    log.unlink(missing_ok=True)
    monkeypatch.setattr(units, "_ENVIRONMENTS", {})  # as in a new process: no template compiled yet
    _, written = pipeline.build(content, tmp_path / "site", AS_OF, jobs=2, cache=tmp_path / "cache")
    assert written and tree(tmp_path / "site") == expected
    compiled = [line.split() for line in log.read_text().splitlines()]
    assert [name for _, name in compiled].count("authority.html") == 1
    assert len({pid for pid, _ in compiled}) == 1  # a process of their own, which has ended
    # Without a cache the worker could not find them: it compiles its own, and this process,
    # which renders pages too, compiles them once for its pages and the pages about every
    # authority.
    log.unlink()
    monkeypatch.setattr(units, "_ENVIRONMENTS", {})
    _, written = pipeline.build(content, tmp_path / "uncached", AS_OF, jobs=2, cache=None)
    assert written and tree(tmp_path / "uncached") == expected
    compiled = [line.split() for line in log.read_text().splitlines()]
    by = [pid for pid, name in compiled if name == "authority.html"]
    assert len(by) == len(set(by)) == 2 and str(os.getpid()) in by


def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The authority files the units read from now on, in this process, in order."""
    return calls(monkeypatch, units, "read_file")


def test_a_file_changed_after_the_fingerprint_read_it_is_read_again(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, cache = tmp_path / "site", tmp_path / "cache"
    fast(content, out, cache)
    _, seen = fingerprint.inputs(content, search_path(), [], Cache(cache))
    path = content / "authorities" / "worcestershire.yaml"
    assert seen[os.path.abspath(path)].identity[1] == path.stat().st_ino
    # The same size, so only the file's time tells the change.
    path.write_text(path.read_text().replace("region: West Midlands", "region: East Midlands", 1))
    _, written = pipeline.build(content, out, AS_OF, jobs=1, cache=cache, seen=seen)
    assert written
    assert tree(out) == reference(content, tmp_path / "plain")
    # Unchanged, the file's digest is taken from what the fingerprint read.
    _, seen = fingerprint.inputs(content, search_path(), [], Cache(cache))
    read = reads(monkeypatch)
    _, written = pipeline.build(content, out, AS_OF, jobs=1, cache=cache, seen=seen)
    assert written and read == []
    assert tree(out) == reference(content, tmp_path / "plain")


def test_the_fingerprint_reads_again_only_files_that_changed_since_it_last_read(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = Cache(tmp_path / "cache")
    hashed: list[bytes] = calls(monkeypatch, fingerprint, "content_digest")
    first, seen = fingerprint.inputs(content, search_path(), [], cache)
    assert first is not None and len(hashed) == len(seen) > 10
    # Each content file was written a moment ago, within two seconds of the reading: any
    # may be written again within the same tick of the clock, so each is read again (the
    # package's templates are older).
    hashed.clear()
    assert fingerprint.inputs(content, search_path(), [], cache) == (first, seen)
    written = [where for where in seen if where.startswith(os.path.join(os.path.abspath(content), ""))]
    assert len(hashed) == len(written) > 10
    monkeypatch.setattr(fingerprint, "_RACY_NS", 0)  # as once those two seconds have passed
    hashed.clear()
    assert fingerprint.inputs(content, search_path(), [], cache) == (first, seen)
    assert hashed == []
    # The same size and modification time as before: only the change time tells the edit.
    path = content / "authorities" / "worcestershire.yaml"
    before = path.stat()
    time.sleep(0.02)  # past the file system clock's tick
    path.write_text(path.read_text().replace("region: West Midlands", "region: East Midlands", 1))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    hashed.clear()
    changed, _ = fingerprint.inputs(content, search_path(), [], cache)
    assert changed not in (None, first)
    assert hashed == [path.read_bytes()]
    # A lost or corrupt record of the last reading only means reading everything again.
    shutil.rmtree(tmp_path / "cache" / "reading")
    hashed.clear()
    assert fingerprint.inputs(content, search_path(), [], cache)[0] == changed
    assert len(hashed) == len(seen)


def test_a_check_without_a_cache_reads_each_file_once(content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read = reads(monkeypatch)
    checked = pipeline.check(content, AS_OF, jobs=1, models=False)
    files = sorted((content / "authorities").glob("*.yaml"))
    assert checked.authorities == len(files) > 1
    assert sorted(read) == files


def _sigterm_handlers(_: None, items: list[int], keep: bool) -> list[Any]:
    time.sleep(0.01)  # long enough for this process to take chunks of its own
    return [(os.getpid(), signal.getsignal(signal.SIGTERM)) for _ in items]


def shared_out(monkeypatch: pytest.MonkeyPatch, work: Any, count: int, jobs: int, chunk: int) -> list[Any]:
    """work's results for items 0 to count - 1, shared among `jobs` processes in chunks of `chunk`."""
    monkeypatch.setattr(units, "CHUNK", chunk)
    with units.Workers(jobs) as workers:
        return list(workers.run(work, None, list(range(count)), False))


def test_workers_end_on_sigterm_whatever_handler_their_parent_set(monkeypatch: pytest.MonkeyPatch) -> None:
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)  # as `serve` sets it
    try:
        found = shared_out(monkeypatch, _sigterm_handlers, 16, jobs=3, chunk=1)
    finally:
        signal.signal(signal.SIGTERM, previous)
    theirs = {handler for pid, handler in found if pid != os.getpid()}
    assert theirs == {signal.SIG_DFL}


def test_chunks_shrink_towards_the_end_and_keep_every_item_in_order() -> None:
    chunks = units._chunks(list(range(153)), 2)
    assert [item for chunk in chunks for item in chunk] == list(range(153))
    sizes = [len(chunk) for chunk in chunks]
    assert max(sizes) == units.CHUNK and sizes == sorted(sizes, reverse=True) and sizes[-4:] == [1, 1, 1, 1]


def _slow_ids(_: None, items: list[int], keep: bool) -> list[tuple[int, int]]:
    time.sleep(0.01 * len(items))
    return [(item, os.getpid()) for item in items]


def test_this_process_works_beside_its_workers_and_results_keep_their_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    found = shared_out(monkeypatch, _slow_ids, 60, jobs=2, chunk=2)
    assert [item for item, _ in found] == list(range(60))
    pids = {pid for _, pid in found}
    assert os.getpid() in pids and len(pids) == 2  # one worker, and this process


def _fails() -> None:
    raise OSError("the cache's disk is full")


def test_work_done_aside_that_fails_prints_nothing(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    # The templates compiled while the workers check: if that fails, those that render
    # compile their own, and no traceback reaches the editor.
    monkeypatch.setattr(units, "CHUNK", 2)
    with units.Workers(2) as workers:
        found = list(workers.run(_slow_ids, None, list(range(20)), False, meanwhile=_fails))
    assert [item for item, _ in found] == list(range(20))
    assert capfd.readouterr().err == ""


def _frozen(_: None, items: list[int], keep: bool) -> list[int]:
    return [gc.get_freeze_count() for _ in items]


def test_the_parents_objects_stay_frozen_while_workers_share_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Frozen objects are left out of the cycle collector's passes: in a worker, those
    # passes would otherwise write to every object it was forked with, copying its pages.
    monkeypatch.setattr(units, "CHUNK", 1)
    with units.Workers(2) as workers:
        found = list(workers.run(_frozen, None, list(range(4)), False))
        during = gc.get_freeze_count()
    assert len(found) == 4 and min(found) > 0 and during > 0
    assert gc.get_freeze_count() == 0  # a preview lives on after its build's workers


def test_a_rebuild_rewrites_only_what_changed(content: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "site", tmp_path / "cache"
    fast(content, out, cache)
    before = {name: os.stat(out / name).st_ino for name in tree(out)}
    # A change the authority's neighbours do not show: its region (the overview does show it).
    path = content / "authorities" / "worcestershire.yaml"
    path.write_text(path.read_text().replace("region: West Midlands", "region: East Midlands", 1))
    fast(content, out, cache)
    after = {name: os.stat(out / name).st_ino for name in tree(out)}
    changed = {name for name in after if before.get(name) != after[name]}
    assert f"authorities/{path.stem}/index.html" in changed
    assert "index.html" in changed  # the overview lists the name
    untouched = [name for name in after if name.startswith("authorities/") and path.stem not in name]
    assert untouched and not changed & set(untouched)


def test_a_build_that_waited_for_another_keeps_none_of_its_pages_as_its_own(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two builds into one folder: the second finds the folder locked, and the first ends
    # while it waits, leaving another day's pages. What the second keeps unchanged is
    # judged by that site, not by the one it found before it waited.
    out, cache, plain = tmp_path / "site", tmp_path / "cache", tmp_path / "plain"
    fast(content, out, cache)
    path = content / "authorities" / "worcestershire.yaml"
    path.write_text(path.read_text() + "# an editor's note\n")
    locked, others = write_module._locked, []

    def another_build_first(folder: Path, on_wait: Any) -> Any:
        if not others:  # this build's turn comes after another's, into the same folder
            others.append(False)
            others[0] = pipeline.build(content, out, AS_OF + dt.timedelta(days=9), jobs=1, cache=cache)[1]
        return locked(folder, on_wait)

    monkeypatch.setattr(write_module, "_locked", another_build_first)
    assert fast(content, out, cache) == reference(content, plain)
    assert others == [True]  # the other build wrote its site first


@pytest.mark.parametrize("undone_while_it_runs", [False, True], ids=["undone-after", "undone-during"])
def test_an_edit_made_while_a_build_reads_and_then_undone_is_built_again(
    undone_while_it_runs: bool, content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, cache, plain = tmp_path / "site", tmp_path / "cache", tmp_path / "plain"
    args = ["build", "--content", str(content), "--out", str(out), "--cache", str(cache), "--as-of", AS_OF.isoformat()]
    runner = CliRunner()
    path = content / "authorities" / "worcestershire.yaml"
    was = path.read_text()
    real = pipeline.build

    def edited_as_it_runs(*given: Any, **options: Any) -> Any:
        path.write_text(was.replace("name: Worcestershire", "name: Worcestershire EDITED", 1))
        built = real(*given, **options)
        if undone_while_it_runs:  # the same bytes as before the build, but written since
            path.write_text(was)
        return built

    monkeypatch.setattr(pipeline, "build", edited_as_it_runs)
    assert runner.invoke(main, args).exit_code == 0
    assert "EDITED" in (out / "authorities" / "worcestershire" / "index.html").read_text()
    monkeypatch.setattr(pipeline, "build", real)
    path.write_text(was)  # undone: the content is as the first build read it
    again = runner.invoke(main, args)
    assert again.exit_code == 0 and "Nothing changed" not in again.stderr
    assert tree(out) == reference(content, plain)


def test_a_template_added_before_the_one_in_use_replaces_it_in_the_same_process(tmp_path: Path) -> None:
    # A preview renders with one environment for as long as it runs: a publisher's template
    # added to a folder searched first is used from then on, as a new build would use it.
    own, package = tmp_path / "own", tmp_path / "package"
    own.mkdir()
    package.mkdir()
    (package / "page.html").write_text("package's")
    env = environment([own, package], Cache(tmp_path / "cache"))
    assert env.get_template("page.html").render() == "package's"
    (own / "page.html").write_text("publisher's")
    assert env.get_template("page.html").render() == "publisher's"
    (own / "page.html").unlink()
    assert env.get_template("page.html").render() == "package's"


def test_compiled_templates_are_found_only_by_the_code_and_libraries_that_compiled_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # How a template compiles depends on the environment's settings (autoescape among them),
    # which are in the package's code, and on Jinja's version: Jinja's own key holds neither.
    folder, cache = tmp_path / "templates", Cache(tmp_path / "cache")
    folder.mkdir()
    (folder / "page.html").write_text("{{ text }}")
    assert environment([folder], cache).get_template("page.html").render(text="<b>") == "&lt;b&gt;"
    stored = sorted(p.name for p in (tmp_path / "cache" / "templates").rglob("*") if p.is_file())
    monkeypatch.setattr(cache_module, "_CODE", ["another version of the code"])
    environment([folder], cache).get_template("page.html")
    assert len(sorted(p.name for p in (tmp_path / "cache" / "templates").rglob("*") if p.is_file())) == 2 * len(stored)


def test_the_libraries_a_page_depends_on_are_in_every_cache_key(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another version of Markdown or nh3 may write other HTML from the same text: a page
    # cached by one is not found by the other, nor is a build that would change nothing skipped.
    found = cache_module.libraries()
    for name in ("jinja2", "markdown", "nh3", "pyyaml", "pydantic", "markupsafe"):
        assert f" {name}=" in found, name
    assert f"markdown={version('markdown')}" in found and found.startswith(sys.version)
    cache = Cache(tmp_path / "cache")
    code, inputs = cache_module.code_digest(), fingerprint.inputs(content, search_path(), [], cache)[0]
    monkeypatch.setattr(cache_module, "_LIBS", [found.replace(f"markdown={version('markdown')}", "markdown=9.9")])
    monkeypatch.setattr(cache_module, "_CODE", [])
    assert cache_module.code_digest() != code
    assert fingerprint.inputs(content, search_path(), [], cache)[0] != inputs
    # A system's package manager records an egg's: the first on the import path is the one imported.
    (tmp_path / "eggs" / "Markdown-9.9-py3.11.egg-info").mkdir(parents=True)
    monkeypatch.setattr(sys, "path", [str(tmp_path / "eggs"), *sys.path])
    monkeypatch.setattr(cache_module, "_LIBS", [])
    assert " markdown=9.9-py3.11 " in cache_module.libraries()


@pytest.mark.parametrize("detached", [False, True], ids=["on-a-branch", "detached"])
def test_a_shallow_clones_history_deepened_is_a_new_input(detached: bool, content: Path, tmp_path: Path) -> None:
    # The pages' "last changed" dates come from the history, which a fetch may deepen
    # without changing the commit checked out (a pull request's checkout is detached).
    origin = tmp_path / "origin"
    shutil.copytree(content, origin / "content")
    git = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=origin, check=True)
    for note in ("first", "second"):
        (origin / "content" / "site.yaml").write_text((content / "site.yaml").read_text() + f"# {note}\n")
        subprocess.run([*git, "add", "-A"], cwd=origin, check=True)
        subprocess.run([*git, "commit", "-q", "-m", note], cwd=origin, check=True)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(clone)], check=True)
    if detached:
        subprocess.run(["git", "checkout", "-q", "--detach"], cwd=clone, check=True)
    shallow = fingerprint._commit(clone / "content")
    subprocess.run(["git", "fetch", "-q", "--unshallow"], cwd=clone, check=True)
    deepened = fingerprint._commit(clone / "content")
    assert shallow != deepened and shallow.split()[0] == deepened


def test_the_same_folder_named_another_way_is_still_the_last_site(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    args = ["build", "--content", str(content), "--cache", str(cache), "--as-of", AS_OF.isoformat(), "--out"]
    runner = CliRunner()
    assert runner.invoke(main, [*args, str(tmp_path / "site")]).exit_code == 0
    monkeypatch.chdir(tmp_path)
    again = runner.invoke(main, [*args, "./site"])
    assert again.exit_code == 0 and "Nothing changed since the last build" in again.stderr
    # So is the record of which render made each authority's files, which lets an edit
    # keep the pages it does not touch instead of rendering them again.
    authorities = list((content / "authorities").glob("*.yaml"))
    assert len(fingerprint.last_site(Cache(cache), Path("site"))) == len(authorities)


def test_a_build_that_would_change_nothing_is_skipped(content: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "site", tmp_path / "cache"
    args = ["build", "--content", str(content), "--out", str(out), "--cache", str(cache), "--as-of", AS_OF.isoformat()]
    runner = CliRunner()
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    site = tree(out)
    second = runner.invoke(main, args)
    assert second.exit_code == 0 and "Nothing changed since the last build" in second.stderr
    # The same warnings and count, reported again; only the last line differs.
    assert first.stderr.splitlines()[:-1] == second.stderr.splitlines()[:-1]
    assert "warning" in first.stderr
    # A page changed by hand is put right: the folder is not what the build left.
    (out / "index.html").write_text("tampered")
    third = runner.invoke(main, args)
    assert "Nothing changed" not in third.stderr and tree(out) == site
    # So is a new input, and another day.
    (content / "authorities" / "worcestershire.yaml").write_text(
        (content / "authorities" / "worcestershire.yaml").read_text() + "# an editor's note\n"
    )
    assert "Nothing changed" not in runner.invoke(main, args).stderr
    later = runner.invoke(main, [*args[:-1], (AS_OF + dt.timedelta(days=1)).isoformat()])
    assert later.exit_code == 0 and "Nothing changed" not in later.stderr


DAY = AS_OF + dt.timedelta(days=7)  # the day a program was started on, for words without --as-of (not the clock's)


def given(words: list[str], day: dt.date = DAY) -> fingerprint.Words:
    return fingerprint.Words(words, day)


def replayed(words: fingerprint.Words) -> str | None:
    """What the program prints for words it answers without the command line; None for the rest."""
    return fingerprint.replay(words)[0]


def test_a_build_that_would_change_nothing_is_known_by_its_words(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The program looks up a build's words before importing the command line, and takes
    # the options an earlier build with the same words was parsed into; anything else,
    # and any doubt, goes to the command line.
    monkeypatch.chdir(tmp_path)
    words = ["build", "--content", str(content), "--out", "site", "--cache=cache", "--as-of", AS_OF.isoformat()]
    assert replayed(given(words)) is None
    assert not (tmp_path / "cache").exists()  # the words may be a mistake: nothing is made for them
    assert cli_module.run(given(words)) == 0
    assert "Built" in capsys.readouterr().err
    shown = replayed(given(words))
    assert shown is not None and shown.endswith("Nothing changed since the last build: site is up to date.")
    assert cli_module.run(given(words)) == 0
    assert capsys.readouterr().err == f"{shown}\n"
    # Other words, another folder, another command, no cache: parsed, not looked up.
    assert replayed(given([*words, "--jobs", "1"])) is None
    assert replayed(given(["check", *words[1:]])) is None
    assert replayed(given([*words, "--no-cache"])) is None
    assert replayed(given([*words, "--out", "\udcff"])) is None  # no file can be named so
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert replayed(given(words)) is None
    monkeypatch.chdir(tmp_path)
    # Words whose cache click reads otherwise than the words seem to say are never kept.
    hidden = ["build", "--content", str(content), "--out", "--cache=cache", "--as-of", AS_OF.isoformat()]
    assert cli_module.run(given(hidden)) == 0
    assert replayed(given(hidden)) is None
    # A build that fails (here, on its warnings) is not kept either.
    assert cli_module.run(given([*words, "--strict"])) == 1
    assert replayed(given([*words, "--strict"])) is None
    capsys.readouterr()
    # Words that leave the day to the clock are the same build only on the same day; the
    # day is the one the program started on, however long the build then takes.
    dated = [{"site": "dated"}.get(word, word) for word in words if word not in ("--as-of", AS_OF.isoformat())]
    assert cli_module.run(given(dated)) == 0
    assert f"(as of {DAY.isoformat()})" in capsys.readouterr().err
    assert replayed(given(dated)) is not None
    assert replayed(given(dated, DAY + dt.timedelta(days=1))) is None
    # Other code may parse the same words otherwise: they go to the command line again.
    (tmp_path / "other.py").write_text("")
    with monkeypatch.context() as patched:
        patched.setattr(fingerprint, "code_files", lambda: (tmp_path, [tmp_path / "other.py"]))
        assert replayed(given(words)) is None
    assert replayed(given(words)) == shown
    # The program itself, as an editor runs it, on that day: the same report, without click.
    epoch = str(int(dt.datetime(DAY.year, DAY.month, DAY.day, 12, tzinfo=dt.UTC).timestamp()))
    program = subprocess.run(
        [sys.executable, "-X", "importtime", str(REPO / "build.py"), *words],
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": epoch},
    )
    imports = [line for line in program.stderr.splitlines() if line.startswith("import time:")]
    assert imports and not any(line.split("|")[-1].strip() == "click" for line in imports)
    printed = [line for line in program.stderr.splitlines() if not line.startswith("import time:")]
    assert (program.returncode, program.stdout, printed) == (0, "", shown.splitlines())
    # An edit is built, from the inputs as looking the words up found them: read once before
    # the build, and once after it, to find them unchanged while it ran.
    edited = content / "authorities" / "worcestershire.yaml"
    edited.write_text(edited.read_text() + "# an editor's note\n")
    reads = []
    read = fingerprint.inputs
    monkeypatch.setattr(fingerprint, "inputs", lambda *args: reads.append(args) or read(*args))
    shown, looked = fingerprint.replay(given(words))
    assert shown is None and looked is not None and looked.inputs is not None
    assert cli_module.run(given(words)._replace(looked=looked)) == 0
    assert "Built" in capsys.readouterr().err and len(reads) == 2
    # What another build's words found is not taken for this one's.
    edited.write_text(edited.read_text() + "# another note\n")
    assert cli_module.run(given(dated)._replace(looked=looked)) == 0
    assert len(reads) == 4


def test_a_build_that_would_change_nothing_imports_only_what_it_needs(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Most of a skipped build's time is Python's start-up and imports, so its speed is
    # which modules it loads. Asked in a new interpreter: this one has loaded them all.
    monkeypatch.chdir(tmp_path)
    words = ["build", "--content", str(content), "--out", "site", "--cache", "cache", "--as-of", AS_OF.isoformat()]
    # The content was written a moment ago, so the skipped build reads every file again,
    # in case one changed within the file system's clock tick, and finds each the same:
    # a few such files are not worth a new record of the reading, which needs tempfile.
    assert cli_module.run(given(words)) == 0
    script = (
        "import sys, datetime\nfrom tracker.fingerprint import Words, replay\n"
        f"assert replay(Words({words!r}, datetime.date(2026, 11, 30))) is not None\n"
        "print(' '.join(sorted(sys.modules)))"
    )
    found = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    loaded = set(found.stdout.split())
    heavy = {"pydantic", "jinja2", "markdown", "yaml", "tracker.model", "tracker.render"}
    heavy |= {"tempfile", "shutil", "ctypes", "difflib"}
    # Nor a process for git, OpenSSL's hashes, JSON (2, 2 and 1 ms), the command line's
    # library (15 ms) or dataclasses (5 ms).
    heavy |= {"subprocess", "_hashlib", "json", "click", "dataclasses"}
    assert loaded & heavy == set()


def test_compiled_templates_go_to_the_cache_of_the_build_that_compiles_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The cache's default folder is relative to where a build runs; a second build in the
    # same process (a preview, the tests) from another folder once wrote into a folder of
    # the first's name under its own, which did not exist.
    templates = tuple(search_path())
    found = []
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        monkeypatch.chdir(tmp_path / name)
        env = units.environment_for(templates, Cache(Path(".cache")))
        assert isinstance(env.bytecode_cache, render_module.CompiledTemplates)
        found.append(env.bytecode_cache.cache.folder)
    assert found == [tmp_path / "one" / ".cache", tmp_path / "two" / ".cache"]


def test_a_long_run_says_how_far_it_has_got_on_a_terminal_and_nowhere_else() -> None:
    now = [0.0]
    screen = Terminal()
    line = ProgressLine(screen, clock=lambda: now[0])
    line("Checking", 1, 3)
    assert screen.getvalue() == ""  # not in the first second: a small site shows nothing
    now[0] = 1.0
    line("Checking", 2, 3)
    assert on_screen(screen.getvalue()) == "Checking authorities: 2 of 3"
    now[0] = 1.05
    line("Checking", 3, 3)  # the last of a stage, however soon
    assert on_screen(screen.getvalue()) == "Checking authorities: 3 of 3"
    line("Rendering", 1, 3)  # otherwise at most ten times a second
    assert on_screen(screen.getvalue()) == "Checking authorities: 3 of 3"
    now[0] = 1.2
    line("Rendering", 2, 3)
    assert on_screen(screen.getvalue()) == "Rendering authorities: 2 of 3"
    line.clear()
    assert on_screen(screen.getvalue()) == "" and screen.getvalue().endswith("\r")
    # A log or a pipe gets nothing.
    log = io.StringIO()
    quiet = ProgressLine(log, clock=lambda: now[0])
    now[0] = 5.0
    quiet("Checking", 1, 3)
    quiet.clear()
    assert log.getvalue() == ""


def test_check_and_build_tell_the_command_line_of_each_authority_and_leave_the_line_clear(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[tuple[str, int, int]] = []
    screens: list[Terminal] = []

    class Shown(ProgressLine):
        AFTER = EVERY = 0.0  # every step shown: the fixture's few authorities take no time

        def __init__(self, stream: TextIO) -> None:
            screens.append(Terminal())
            super().__init__(screens[-1])

        def __call__(self, doing: str, done: int, total: int) -> None:
            told.append((doing, done, total))
            super().__call__(doing, done, total)

    monkeypatch.setattr(cli_module, "ProgressLine", Shown)
    count = len(list((content / "authorities").glob("*.yaml")))
    args = ["--content", str(content), "--as-of", AS_OF.isoformat(), "--cache", str(tmp_path / "cache")]
    built = CliRunner().invoke(main, ["build", *args, "--out", str(tmp_path / "site")])
    assert built.exit_code == 0, built.output
    steps = [(doing, n, count) for doing in ("Checking", "Rendering") for n in range(1, count + 1)]
    assert told == steps and count > 1
    assert f"Rendering authorities: {count} of {count}" in screens[0].getvalue()
    assert on_screen(screens[0].getvalue()) == ""  # wiped before the report
    told.clear()
    checked = CliRunner().invoke(main, ["check", *args])
    assert checked.exit_code == 0, checked.output
    assert told == steps[:count]
    assert on_screen(screens[1].getvalue()) == ""


# The last: 9999-12-31, a day whose pages would count to the end of a year after the calendar's.
@pytest.mark.parametrize("epoch", ["abc", "-5", " 1700000000", "1_700_000_000", "99999999999999999999", "253402214400"])
def test_a_source_date_epoch_naming_no_day_is_refused_unless_as_of_names_one(epoch: str, tmp_path: Path) -> None:
    """The reproducible-builds variable, mistyped, fails in one line rather than building for today."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch}
    checks = [sys.executable, str(REPO / "build.py"), "check", "--content", str(VALID), "--cache", str(tmp_path)]
    refused = subprocess.run(checks, capture_output=True, text=True, env=env)
    assert (refused.returncode, refused.stdout) == (1, "")
    named = (
        "9999-12-31, after the last day a site can describe, 9998-12-31"
        if epoch == "253402214400"
        else "which names no day"
    )
    assert refused.stderr == (
        f"Error: SOURCE_DATE_EPOCH is {epoch!r}, {named}: set it to a whole number of seconds "
        "since 1970-01-01 UTC (the last commit's is `git log -1 --format=%ct`), or unset it\n"
    )
    dated = subprocess.run([*checks, "--as-of", FIXTURE_AS_OF], capture_output=True, text=True, env=env)
    assert (dated.returncode, dated.stdout.splitlines()[-1]) == (0, "0 errors, 0 warnings")


@pytest.mark.parametrize("words", [["--help"], ["new", "--help"]])
def test_each_commands_line_in_the_help_is_whole(words: list[str]) -> None:
    # click cuts a command's first sentence at about 45 characters, with "...", unless the
    # command gives a short help of its own.
    listed = CliRunner().invoke(cli_module.main, words).output.split("Commands:\n")[1]
    assert "..." not in listed and all(line.startswith("  ") for line in listed.splitlines()), listed


def test_the_version_is_the_installed_packages() -> None:
    result = CliRunner().invoke(cli_module.main, ["--version"])
    assert result.exit_code == 0 and result.output.split()[-1] == version("cs-improvement-tracker")


# What Windows lacks: each call only POSIX systems have is taken away before the package is
# imported, as Windows would lack it, and the build is the same byte for byte.
_WITHOUT_POSIX = """
import ctypes, multiprocessing, os, sys

for name in ("O_NOFOLLOW", "O_NONBLOCK", "O_DIRECTORY", "getuid", "sched_getaffinity"):
    if hasattr(os, name):
        delattr(os, name)
sys.modules["fcntl"] = None  # import fcntl: ImportError
multiprocessing.get_all_start_methods = lambda: ["spawn"]
_context = multiprocessing.get_context


def get_context(method=None):
    if method == "fork":
        raise ValueError("cannot find context for 'fork'")
    return _context(method)


multiprocessing.get_context = get_context
_link = os.link


def link(source, target, **given):
    if "follow_symlinks" in given:
        raise NotImplementedError("link: follow_symlinks unavailable on this platform")
    return _link(source, target)


os.link = link


def no_library(*_, **__):
    raise TypeError("expected str, bytes or os.PathLike object, not NoneType")


ctypes.CDLL = no_library
from tracker.cli import main

main(sys.argv[1:])
"""


def test_check_and_build_run_without_what_only_posix_systems_have(tmp_path: Path) -> None:
    as_of = ["--as-of", AS_OF.isoformat()]
    done = subprocess.run(
        # `--jobs 2`, as an editor may ask for it there too.
        [sys.executable, "-c", _WITHOUT_POSIX, "check", *as_of, "--jobs", "2", "--cache", str(tmp_path / "cache")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    # The second build, of another day, replaces the first: the site is renamed aside, and
    # the files that are the same are linked from it.
    for day in (AS_OF - dt.timedelta(days=1), AS_OF):
        built = subprocess.run(
            [sys.executable, "-c", _WITHOUT_POSIX, "build", "--as-of", day.isoformat()]
            + ["--cache", str(tmp_path / "cache"), "--out", str(tmp_path / "site")],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert built.returncode == 0, built.stderr
    # In one process, as there is no fork, and the same site as a POSIX system's in one.
    assert tree(tmp_path / "site") == reference(REPO / "content", tmp_path / "posix")


def test_a_file_saved_between_the_check_and_its_page_stops_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without a cache, each page's model is made again from its file: a save made since the
    # check (an editor saving while the preview builds) is not rendered unchecked.
    content, out = tmp_path / "content", tmp_path / "site"
    shutil.copytree(SITE_FIXTURE, content)
    path = content / "authorities" / "alpha.yaml"
    real = units.check_units

    def then_saved(*args: Any, **kwargs: Any) -> list[units.Checked]:
        checked = real(*args, **kwargs)
        path.write_text(path.read_text(encoding="utf-8") + "# saved\n", encoding="utf-8")
        return checked

    monkeypatch.setattr(units, "check_units", then_saved)
    args = ["build", "--content", str(content), "--out", str(out), "--as-of", "2026-11-23", "--no-cache", "--jobs", "1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"error: {path} changed while the site was being built; build it again"]
    assert not out.exists()
