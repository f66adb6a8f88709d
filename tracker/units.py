"""The work of a build, one authority at a time: checked, then derived and rendered.

Each authority file is a unit. A unit's work depends only on its own file and a few
settings shared by the whole build (the frameworks, the as-of day, the templates...),
and, for its page, on the standing of its statistical neighbours and the names of the
councils it took over from or was replaced by. So units run in any
order, in worker processes, and their results are cached under the hash of everything
they depend on (cache.py): an unchanged unit costs a cache read.

Two passes: `check_units` (load, validate, and note what the rules between files need;
for a build, or a record a later build may read, also derive a summary: what the pages
about every authority need) and `render_units` (the authority's own files, its rows of
the data tables). The validated model passes from the first to the
second through the cache; without one, the second pass reads the file again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .cache import Cache, Seen, content_digest, digest, identity, value_digest
from .crossfile import Links, links_of
from .load import load_bytes, read_file
from .model import Authority, Codes, Frameworks, PartialDate, Site
from .problems import Problem, bounded
from .validate import Context, validate_authority

if TYPE_CHECKING:
    import jinja2  # imported by render, which a check never loads

    # Derived views, imported where they are made: a check without a cache derives nothing.
    from .derive import AuthorityView, Neighbour
    from .write import Stage

CHUNK = 8  # units per task: enough to spread the pickling cost, few enough to share the work evenly
AHEAD = 2  # chunks waiting for each worker


@dataclass(frozen=True)
class Setting:
    """What every unit of one build shares; `key` is a digest of all of it."""

    frameworks: Frameworks
    as_of: dt.date
    key: str  # frameworks.yaml's bytes, the as-of day and the code
    cache: Path | None
    # Derive each authority's summary: a build needs them, and so does every record stored
    # for a later build. A check that stores nothing skips the work.
    summaries: bool = True


@dataclass(frozen=True)
class Source:
    """One authority file: on disk, or given in memory (a tool checking what it will write)."""

    slug: str
    path: Path
    shown: str
    data: bytes | None = None
    seen: Seen | None = None  # the file as the build's fingerprint read it


@dataclass(frozen=True)
class Checked:
    slug: str
    key: str  # of the file's bytes and the setting: the unit's identity in the cache
    problems: list[Problem]
    links: Links
    codes: Codes | None  # when the file passed its own rules (None too if it gives no codes)
    passed: bool  # the file passed its own rules
    summary: AuthorityView | None  # when it passed, and summaries were asked for
    authority: Authority | None = None  # only when asked for (check() keeps every model)
    # The summary's value_digest, taken as it is made, where records are kept: what the pages
    # about every authority are found by in the cache (pipeline._site_pages).
    summary_digest: str = ""


@dataclass(frozen=True)
class RenderSetting:
    """What every page of one build shares besides the units' own setting."""

    unit: Setting
    site: Site
    base: str
    templates: tuple[Path, ...]
    newest_report: PartialDate | None  # of every authority: how far the record reaches, which each page says
    newest_visit: PartialDate | None  # and how far its visits reach
    key: str  # all the above but unit: with unit.key, all a page depends on besides its authority
    stage: Stage  # where the pages go: not what they say, so not in the key


@dataclass(frozen=True)
class Task:
    slug: str
    key: str  # the unit's check key
    source: Source
    last_changed: dt.date | None
    neighbours: tuple[Neighbour, ...]
    related: tuple[tuple[str, str], ...]  # the names of its predecessors and successors


@dataclass(frozen=True)
class Data:
    """An authority's part of the files about every authority: its rows of each CSV table."""

    tables: dict[str, tuple[int, bytes]]  # each table's rows: how many, and encoded


@dataclass(frozen=True)
class Rendered:
    slug: str
    key: str  # render_key
    files: tuple[str, ...]  # paths in the site, written into the stage
    data: Data
    made: bool  # rendered now, not found in the cache


# First pass -------------------------------------------------------------------------------


def _check_key(setting: Setting, source: Source, bytes_digest: str) -> str:
    return digest("check", setting.key, source.shown, bytes_digest)


def _read(setting: Setting, source: Source) -> tuple[bytes, str] | Checked:
    """The file's bytes and its check key, or, when it cannot be read, the check's answer."""
    raw, problems = (source.data, []) if source.data is not None else read_file(source.path, source.shown)
    if raw is None:
        return Checked(source.slug, "", problems, Links(source.shown, None), None, False, None)
    return raw, _check_key(setting, source, content_digest(raw))


def _seen_key(setting: Setting, source: Source) -> str | None:
    """The check key from the fingerprint's reading of the file, if the file is as it was then."""
    if source.seen is None or source.data is not None:
        return None
    try:
        info = os.lstat(source.path)
    except OSError:
        return None
    return _check_key(setting, source, source.seen.digest) if identity(info) == source.seen.identity else None


def _cached(setting: Setting, source: Source, cache: Cache) -> Checked | None:
    key = _seen_key(setting, source)
    if key is None:
        read = _read(setting, source)
        if isinstance(read, Checked):
            return read
        key = read[1]
    found = cache.get("check", key)
    return found if isinstance(found, Checked) else None


def check_one(setting: Setting, source: Source, keep: bool = False) -> Checked:
    read = _read(setting, source)
    if isinstance(read, Checked):
        return read
    raw, key = read
    cache = Cache(setting.cache)
    found = None if keep else cache.get("check", key)
    if isinstance(found, Checked):
        return found
    doc, problems = load_bytes(raw, source.shown)
    authority = None
    if doc is not None:
        authority, more = validate_authority(doc, Context(setting.frameworks, setting.as_of, source.slug))
        problems = problems + more
        links = links_of(doc, authority)
    else:
        links = Links(source.shown, None)
    problems = bounded(problems)
    brief = None
    if authority is not None and setting.summaries:
        from .derive import derive_authority, summary

        brief = summary(derive_authority(source.slug, authority, setting.frameworks, setting.as_of))
    codes = authority.codes if authority else None
    told = (value_digest(brief) or "") if brief is not None and cache.folder is not None else ""
    result = Checked(source.slug, key, problems, links, codes, authority is not None, brief, summary_digest=told)
    cache.put("check", key, result)
    if authority is not None:
        cache.put("model", key, authority)
    return dataclasses.replace(result, authority=authority) if keep else result


def _check_chunk(setting: Setting, sources: list[Source], keep: bool) -> list[Checked]:
    return [check_one(setting, source, keep) for source in sources]


def check_units(
    setting: Setting,
    sources: list[Source],
    workers: Workers,
    keep: bool = False,
    each: Callable[[Checked], Checked] | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> list[Checked]:
    """Each source checked, in the order given; `each` applied to every result as it arrives.

    What the cache holds is read here: only the units left to check go to workers, and
    only as many workers as they need (an edit to one file starts none). `each` lets the
    caller drop what it will not need before the next result comes, so what is held
    grows with what is kept, not with what was checked. `meanwhile` is work for a
    process of its own while workers check, done once if any do.
    """
    mine = each or (lambda c: c)
    cache = Cache(setting.cache)  # once: opening it checks the folder is safe to use
    # Without a cache nothing can be found, and looking would read every file here once
    # before the workers read it again.
    found = (
        {}
        if keep or cache.folder is None
        else {s.slug: mine(c) for s in sources if (c := _cached(setting, s, cache)) is not None}
    )
    todo = [s for s in sources if s.slug not in found]
    checked = iter(workers.run(_check_chunk, setting, todo, keep, meanwhile))
    return [found[s.slug] if s.slug in found else mine(next(checked)) for s in sources]


# Second pass ------------------------------------------------------------------------------


class ContentChanged(Exception):
    """An authority's file changed between the check and its page: nothing is written."""


def render_key(setting: RenderSetting, task: Task) -> str:
    return digest(
        "render",
        setting.unit.key,
        setting.key,
        task.key,
        task.last_changed.isoformat() if task.last_changed else "",
        repr(task.neighbours),
        repr(task.related),
    )


def render_one(setting: RenderSetting, task: Task) -> Rendered:
    """An authority's files, written into the stage; its rows of the data tables returned."""
    key = render_key(setting, task)
    cache = Cache(setting.unit.cache)
    files, data = cache.get("pages", key), cache.get("data", key)
    if isinstance(files, dict) and isinstance(data, Data):
        made = False
    else:
        files, data, made = *_render(setting, task, key, cache), True
    from .write import place

    placed: set[str] = set()
    for name, page in files.items():
        place(setting.stage, name, page, placed)
    return Rendered(task.slug, key, tuple(files), data, made)


def _render(setting: RenderSetting, task: Task, key: str, cache: Cache) -> tuple[dict[str, bytes], Data]:
    from .derive import SiteView, derive_authority
    from .render import render_authority, table_rows_encoded

    authority = cache.get("model", task.key)
    if not isinstance(authority, Authority):
        # Without its model in the cache, the file is read again: the page must be of the bytes
        # that passed the check, with the others, not of a save made since.
        checked = check_one(setting.unit, task.source, keep=True)
        if checked.key != task.key or checked.authority is None:
            raise ContentChanged(f"{task.source.shown} changed while the site was being built; build it again")
        authority = checked.authority
    view = derive_authority(task.slug, authority, setting.unit.frameworks, setting.unit.as_of, task.last_changed)
    view = dataclasses.replace(view, neighbours=task.neighbours, related=task.related)
    site = SiteView(
        setting.site,
        setting.unit.frameworks,
        setting.unit.as_of,
        (),
        newest_report=setting.newest_report,
        newest_visit=setting.newest_visit,
    )
    env = environment_for(setting.templates, cache)
    files = render_authority(env, site, setting.base, view)
    data = Data(table_rows_encoded(view, site))
    cache.put("pages", key, files)
    cache.put("data", key, data)
    return files, data


_ENVIRONMENTS: dict[tuple[tuple[Path, ...], Path | None], jinja2.Environment] = {}


def environment_for(templates: tuple[Path, ...], cache: Cache) -> jinja2.Environment:
    """One Jinja environment per process, template folders and cache: templates compile once."""
    # Absolute: a cache given relative to the working folder is another cache once a later
    # build in the same process (a preview, a test) runs from another folder.
    key = (templates, cache.folder.absolute() if cache.folder else None)
    if key not in _ENVIRONMENTS:
        from .render import environment

        _ENVIRONMENTS[key] = environment(templates, Cache(cache.folder.absolute()) if cache.folder else None)
    return _ENVIRONMENTS[key]


def _render_chunk(setting: RenderSetting, tasks: list[Task], keep: bool) -> list[Rendered]:
    return [render_one(setting, task) for task in tasks]


def render_units(setting: RenderSetting, tasks: list[Task], workers: Workers) -> Iterator[Rendered]:
    """Each task rendered, in the order given."""
    return workers.run(_render_chunk, setting, tasks, False)


# Running ----------------------------------------------------------------------------------

S = TypeVar("S")
I = TypeVar("I")  # noqa: E741 - an item
R = TypeVar("R")


def jobs_for(units: int, wanted: int | None) -> int:
    """Worker processes: one per core, but none for a few units, where starting them costs more."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1  # Windows: the workers are forked (see Workers), so the work is done in one process
    if wanted is not None:
        return max(1, wanted)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return 1 if units < 48 else cores


class Workers:
    """The worker processes of one build, started when a pass first needs them and shared by both.

    Forked once, as early as possible: a worker started after the first pass would begin
    as a copy of everything the parent then held (every authority's summary), and a
    second pool would pay the start-up again. Use as a context manager: leaving it stops
    the workers.
    """

    def __init__(self, wanted: int | None) -> None:
        self.wanted = wanted
        self._pool: Pool | None = None
        self._size = 0

    def run(
        self,
        work: Callable[[S, list[I], bool], list[R]],
        setting: S,
        items: list[I],
        keep: bool,
        meanwhile: Callable[[], object] | None = None,
    ) -> Iterator[R]:
        """work done on every item, in chunks, in order.

        This process works too: it takes the next chunk itself whenever the result it
        waits for is not ready, so a machine of two cores runs one worker and this one
        rather than two workers beside a parent that mostly waits (and each process
        holds its own copy of what it works on). meanwhile, if workers start, runs in a
        process of its own beside them, for what it leaves on disk: whatever memory it
        takes is given back when it ends.
        """
        jobs = jobs_for(len(items), self.wanted)
        if len(items) <= CHUNK or (self._pool is None and jobs <= 1):
            for start in range(0, len(items), CHUNK):
                yield from work(setting, items[start : start + CHUNK], keep)
            return
        aside = None
        if self._pool is None:
            # fork: the workers start with everything already imported. The build forks
            # only from a single thread (the preview's later rebuilds run with jobs=1).
            context = multiprocessing.get_context("fork")
            # What this process holds now (modules, templates, settings) is shared with
            # the workers until either side writes to it. Frozen, it is left out of the
            # cycle collector's passes, whose marks on each object would otherwise copy
            # every page of it into every worker.
            gc.freeze()
            if meanwhile is not None:
                aside = context.Process(target=_quietly, args=(meanwhile,), daemon=True)
                aside.start()  # before the pool's threads: fork from one thread only
            self._pool = context.Pool(jobs - 1, initializer=_worker_signals)
            self._size = jobs - 1
        pool = self._pool
        call = _Call(work, setting, keep)
        chunks = _chunks(items, jobs)
        sent: dict[int, AsyncResult[list[R]]] = {}
        done: dict[int, list[R]] = {}
        given = 0

        def feed() -> None:
            # Each worker has its next chunk waiting, so it never waits for this process.
            nonlocal given
            for index in [i for i, result in sent.items() if result.ready()]:
                done[index] = sent.pop(index).get()
            while given < len(chunks) and len(sent) < AHEAD * self._size:
                sent[given] = pool.apply_async(call, (chunks[given],))
                given += 1

        try:
            for index in range(len(chunks)):
                while index not in done:
                    feed()
                    if index in done:
                        break
                    if given < len(chunks):
                        done[given] = work(setting, chunks[given], keep)
                        given += 1
                    else:
                        done[index] = sent.pop(index).get()
                yield from done.pop(index)
        finally:
            if aside is not None:
                aside.join()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if self._pool is None:
            return
        # Their work done, the workers are told to stop and leave by themselves; only a
        # build cut short stops them by signal, with work perhaps still queued.
        if kind is None:
            self._pool.close()
        else:
            self._pool.terminate()
        self._pool.join()
        self._pool = None
        gc.unfreeze()  # a preview lives on: what it no longer needs must be collectable


def _quietly(work: Callable[[], object]) -> None:
    """work, done for what it leaves on disk: if it fails, or is interrupted, those that
    need it do it themselves, and nothing is printed."""
    with contextlib.suppress(Exception, KeyboardInterrupt):
        work()


def _chunks(items: list[I], jobs: int) -> list[list[I]]:
    """items in chunks of CHUNK, smaller towards the end, so that no process is left with a
    long last chunk while the others wait for it."""
    chunks, start = [], 0
    while start < len(items):
        size = max(1, min(CHUNK, (len(items) - start) // (2 * jobs)))
        chunks.append(items[start : start + size])
        start += size
    return chunks


def _worker_signals() -> None:
    """A worker ends on SIGTERM, whatever handler its parent set.

    The preview turns SIGTERM into KeyboardInterrupt, and a Python handler runs only
    between two steps of Python: a signal that comes as a worker starts to wait for work
    would wait with it, and stopping the pool would never end.
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


@dataclass(frozen=True)
class _Call:
    """A picklable partial: the setting travels once per chunk of units."""

    work: Callable[..., Any]
    setting: Any
    keep: bool

    def __call__(self, chunk: Iterable[Any]) -> Any:
        return self.work(self.setting, list(chunk), self.keep)
