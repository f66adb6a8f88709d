"""Write stage: the whole site into a private staging folder, then swapped in at once.

Whatever is interrupted when, the output folder is either the previous complete site or
the new complete one:

- the new site is written into `.<out>.new-XXXX` (created exclusively, beside `out`);
- on Linux the two folders are exchanged in one step (renameat2 with RENAME_EXCHANGE),
  so `out` never stops existing; elsewhere `out` is renamed aside to `.<out>.old` first,
  and a run that finds `out` missing but `.<out>.old` present puts it back;
- one build at a time holds a lock on the folder holding `out`; a second one waits (not
  on Windows, which has no such lock);
- leftovers of interrupted runs (staging folders, an old site) are removed by the next.

A folder is only ever replaced if a build made it: each site carries a marker file, so
`--out docs` or `--out .` is refused instead of deleting what is there. Since content may
hold any file, a marker among it proves nothing: a folder that is, holds or lies inside
the content (the command line refuses it) or holds a git repository is refused whatever
it holds.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, NamedTuple

# shutil, tempfile and ctypes are imported where they are used: a build that changes
# nothing imports this module for MARKER alone, and its imports are most of its time.

MARKER = ".tracker-site"
MARKER_TEXT = b"Written by `python build.py build`. The next build replaces this whole folder.\n"
_RENAME_EXCHANGE = 2  # linux/fs.h


class OutputError(Exception):
    """The output folder cannot be written; the message says why and what to do."""


class Stage(NamedTuple):
    """Where the files of a new site go, for any process of the build to add to.

    folder is the staging folder, out the current site, whose identical files are linked
    instead of written. Workers write an authority's pages here themselves: sent back to
    the parent to write, each page would be pickled, piped and unpickled on the way.
    """

    folder: str
    out: str


def place(stage: Stage, name: str, data: bytes, made: set[str]) -> None:
    """One file of the new site, linked from the current site where its bytes are the same.

    made holds the folders this caller knows to exist, so that each is made once.
    """
    target = _target(stage.folder, name, made)
    current = os.path.join(stage.out, name)
    if _same(current, data):
        try:
            _link(current, target)
            return
        except OSError:
            pass  # another file system, or links not allowed: write it
    with open(target, "xb") as handle:
        handle.write(data)


def _target(folder: str, name: str, made: set[str]) -> str:
    target = os.path.join(folder, name)
    parent = os.path.dirname(target)
    if parent not in made:
        # Never the staging folder itself: a worker still writing after a failed build has
        # removed it must fail, not make it again.
        parts = name.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            with contextlib.suppress(FileExistsError):
                os.mkdir(os.path.join(folder, *parts[:depth]))
        made.add(parent)
    return target


def _same(path: str, data: bytes) -> bool:
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except OSError:
        return False


class Staging:
    """A new site, written file by file into a private folder and swapped in by commit().

        with Staging(out) as staging:
            staging.add("index.html", page)
            ...
            staging.commit()

    Leaving the block without commit() (an error, an interruption) removes the staging
    folder and leaves out as it was. A file whose bytes equal those of the same file in
    the current site is hard-linked from it instead of written again, so an unchanged
    file keeps its identity and time, and an incremental build writes only what changed.
    """

    def __init__(self, out: Path, on_wait: Callable[[], None] | None = None) -> None:
        self.out = out.absolute()
        self.on_wait = on_wait
        self._lock: contextlib.ExitStack | None = None
        self.folder: Path | None = None
        self._made: set[str] = set()
        self._stage: Stage | None = None

    def __enter__(self) -> Staging:
        out = self.out
        if not out.name:
            raise OutputError(f"{out} is the top of the file system; give a folder to write the site into")
        if out.is_symlink():
            raise OutputError(f"{out} is a symbolic link; give the real folder to write the site into")
        if (out / ".git").exists():
            raise OutputError(f"{out} holds a git repository, which a site never does; give --out another folder")
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"the folder {out.parent} cannot be made to hold the site: {exc.strerror}") from None
        self._lock = contextlib.ExitStack()
        self._lock.enter_context(_locked(out, self.on_wait))
        try:
            _recover(out)
            if out.exists() and not _made_by_a_build(out):
                raise OutputError(
                    f"{out} is not empty and was not made by a build, so it was left alone; "
                    "choose a new or empty folder with --out, or delete this one first"
                )
            import tempfile

            self.folder = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
            self._stage = Stage(os.fspath(self.folder), os.fspath(out))
        except BaseException:
            self._lock.close()
            raise
        return self

    @property
    def stage(self) -> Stage:
        assert self._stage is not None, "inside the with block"
        return self._stage

    def add(self, name: str, data: bytes) -> None:
        place(self.stage, name, data, self._made)

    def open(self, name: str) -> BinaryIO:
        """A new file of the site, to write as its parts come."""
        return open(_target(self.stage.folder, name, self._made), "xb")

    def keep(self, names: tuple[str, ...]) -> bool:
        """Take these files from the current site as they are; False (taking none) if one is missing."""
        # Paths as strings: an edit keeps thousands of files, and Path objects cost more than the links.
        out, folder = self.stage.out, self.stage.folder
        sources = [os.path.join(out, name) for name in names]
        if not all(_regular(source) for source in sources):
            return False
        for name, source in zip(names, sources, strict=True):
            target = _target(folder, name, self._made)
            try:
                _link(source, target)
            except OSError:
                with open(source, "rb") as handle:
                    data = handle.read()
                with open(target, "xb") as handle:
                    handle.write(data)
        return True

    def commit(self) -> None:
        """Swap the new site in, and remove the previous one, before the block ends: the
        site is then as it stays until the next build, which the block may record."""
        assert self.folder is not None
        (self.folder / MARKER).write_bytes(MARKER_TEXT)
        self.folder.chmod(0o755)
        _swap(self.folder, self.out)
        # The folder holds the previous site now (or nothing). Removing it unlinks names of
        # files the new site shares, which changes their inodes' change times.
        _remove_tree(self.folder, ignore_errors=True)
        self.folder = None

    def __exit__(self, *exc: object) -> None:
        try:
            if self.folder is not None:  # not committed: the new site is dropped
                _remove_tree(self.folder, ignore_errors=True)
        finally:
            if self._lock is not None:
                self._lock.close()


def _link(source: str, target: str) -> None:
    """A hard link to the file at source itself, never to what a symlink there names."""
    if os.link in os.supports_follow_symlinks:
        os.link(source, target, follow_symlinks=False)
    else:  # Windows, where a link is to the file itself, and callers have checked it is one
        os.link(source, target)


def _regular(path: str) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def recover(out: Path) -> None:
    """Clean up after an interrupted build into out, without writing a new site."""
    out = out.absolute()
    if out.parent.is_dir() and not out.is_symlink():
        with _locked(out, None):
            _recover(out)


def _made_by_a_build(folder: Path) -> bool:
    if not folder.is_dir():
        return False
    # The marker as a build writes it: an empty one (`touch`) is no build's.
    return _same(os.fspath(folder / MARKER), MARKER_TEXT) or not any(folder.iterdir())


@contextlib.contextmanager
def _locked(out: Path, on_wait: Callable[[], None] | None) -> Iterator[None]:
    # The lock is on the folder that holds out: nothing is left behind, and two builds
    # into folders side by side take turns, which costs little.
    try:
        import fcntl
    except ImportError:
        # Windows, which locks no folder: an editor's builds there do not take turns, and a
        # second one started at once may find the first's staging folder and remove it.
        yield
        return
    fd = os.open(out.parent, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def interrupted(out: Path) -> bool:
    """Whether an interrupted build into out left folders beside it, for the next build to tidy."""
    old, staging = _left_beside(out)
    return old is not None or bool(staging)


def _left_beside(out: Path) -> tuple[Path | None, list[Path]]:
    """An interrupted build's site renamed aside, if any, and its staging folders."""
    if not out.name:  # the top of the file system, which no build writes into
        return None, []
    old = out.with_name(f".{out.name}.old")
    # Escaped: `--out 'site*'` must not match another folder's staging folders.
    staging = out.parent.glob(f"{glob.escape('.' + out.name)}.new-*")
    return (
        old if old.is_dir() and not old.is_symlink() else None,
        [folder for folder in staging if folder.is_dir() and not folder.is_symlink()],
    )


def _recover(out: Path) -> None:
    """Undo what an interrupted build left: put a renamed-aside site back, remove staging folders."""
    old, staging = _left_beside(out)
    if old is not None:
        if out.exists():
            _remove_tree(old)
        else:
            old.rename(out)
    for leftover in staging:
        _remove_tree(leftover, ignore_errors=True)


def _swap(staging: Path, out: Path) -> None:
    if not out.exists():
        staging.rename(out)
        return
    if _exchange(staging, out):
        return
    old = out.with_name(f".{out.name}.old")
    out.rename(old)
    staging.rename(out)
    _remove_tree(old)


def _remove_tree(folder: Path, ignore_errors: bool = False) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=ignore_errors)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically, where the system can; False where it cannot."""
    # The C library this process already runs on, without searching for it by name
    # (find_library runs ldconfig, a few ms per build). A Python without ctypes, or
    # linked so that it cannot look up its own symbols, renames instead.
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
    except (ImportError, OSError, TypeError):  # TypeError: Windows, which names no library by None
        return False
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):  # a file system or kernel without it
        return False
    raise OSError(code, os.strerror(code), str(b))
