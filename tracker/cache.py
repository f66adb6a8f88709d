"""A content-hash cache of the build's units, in a folder that is always safe to delete.

Each record is stored under the hash of everything its value depends on (the file's
bytes, the frameworks, the as-of date, the code, ...), so a record is either exactly
right or never looked up: nothing is ever invalidated, a stale record is simply not
found, and after each build the records no build has used for a while are removed
(prune). A record carries a digest of its own bytes; one that fails it (a partial
write, a bit flipped on disk, an edit by hand) is treated as missing and overwritten.

Records are pickles, which can run code when loaded, so the folder is trusted only as
the user's own: it is created private (0700) and not used at all if it is a symbolic
link, belongs to someone else, or can be written by others.
"""

from __future__ import annotations

import contextlib
import copyreg
import io
import os
import pickle
import stat
import sys
import time
from pathlib import Path
from typing import Any, NamedTuple

try:
    # hashlib's own BLAKE2, without the rest of hashlib, which first loads OpenSSL's
    # library (2 ms, of a build that changes nothing's 50).
    from _blake2 import blake2b
except ImportError:  # a Python built without it, where hashlib finds another
    from hashlib import blake2b


def default_cache() -> Path:
    """The cache a build uses unless told otherwise: in the user's own cache folder, never in
    the working folder. A checkout's files come from pull requests, and a record is a pickle,
    which runs code as it loads: a record committed there would run on the next build."""
    named = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(named) if os.path.isabs(named) else Path.home() / ".cache") / "cs-improvement-tracker"


# Raised when records change shape: older code would take a newer record for its own.
_MAGIC = b"tracker-cache-2\n"
KEEP_DAYS = 14
_DIGEST = 32
_PRUNED = "pruned"  # a stamp: when prune() last looked


def digest(*parts: bytes | str) -> str:
    """A hex digest of the parts, each length-prefixed so that no two lists of parts collide."""
    h = blake2b(digest_size=_DIGEST)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def value_digest(*values: object) -> str | None:
    """A digest of values by what they hold, the same from one process to the next; None for
    a value that holds itself, which has none.

    Each is pickled on its own, each pydantic model's fields-set in sorted order: a set of
    strings pickles in an order that changes with each process's hashes. A value whose
    objects are shared differently, or holding another set, may still give another digest,
    which costs a cache miss, never a wrong hit: every digest is of all a value holds.
    """
    reducers = _reducers()
    parts = []
    for value in values:
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = reducers
        # Without its memo: an object met twice is written twice, so that two equal values
        # pickle alike whichever of their parts are one object (a field's name is, in a model
        # just made, and is not, in one read back from a record). No view holds itself; one
        # that did would stop the pickler (ValueError), or nest past Python's limit.
        pickler.fast = True
        try:
            pickler.dump(value)
        except (ValueError, RecursionError):
            return None
        parts.append(buffer.getvalue())
    return digest("values", *parts)


def _reducers() -> dict[type, Any]:
    # Each model class, as the pickler looks a reducer up by an object's exact type: a
    # lookup that finds none costs nothing more. Pydantic is not imported for this:
    # where it is not loaded, no value holds a model.
    table: dict[type, Any] = dict(copyreg.dispatch_table)
    pydantic = sys.modules.get("pydantic")
    kinds = [pydantic.BaseModel] if pydantic is not None else []
    while kinds:
        kind = kinds.pop()
        kinds += kind.__subclasses__()
        table[kind] = _model_state
    return table


def _model_state(model: Any) -> tuple[type, tuple[()], dict[str, Any]]:
    # Never loaded back: only the digest of it is kept.
    state = model.__getstate__()
    return type(model), (), {**state, "__pydantic_fields_set__": sorted(state.get("__pydantic_fields_set__", ()))}


def content_digest(data: bytes) -> str:
    """A digest of a file's bytes: what a check key and the build's fingerprint take of it."""
    return blake2b(data, digest_size=_DIGEST).hexdigest()


class Seen(NamedTuple):
    """A file as one reading found it: its identity on disk and its bytes' digest.

    A later step of the same build whose lstat() of the file gives the same identity
    takes the digest instead of reading the file again: writing a file changes its
    modification and change times, and only the first can be set back by a tool. (The
    exception is the one git calls racy: the same file written twice at the same size
    within one tick of the file system's clock, a few milliseconds, with the first
    reading between the two writes. That build uses the first version; the next build's
    fingerprint reads the second, and builds again: see fingerprint.inputs.)
    """

    identity: tuple[int, int, int, int, int]  # device, inode, size, modification and change times in ns
    digest: str


# The largest content file read, here and by the build (the largest written by hand is
# about 50 KB): a larger one is refused, and never read whole.
MAX_FILE_BYTES = 2 * 1024 * 1024


def identity(info: os.stat_result) -> tuple[int, int, int, int, int]:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def code_files() -> tuple[Path, list[Path]]:
    """The package's folder and its modules, in a fixed order: the code a build runs."""
    package = Path(__file__).resolve().parent
    return package, sorted(package.rglob("*.py"))


# The libraries whose versions can change what a build writes (Markdown's and nh3's HTML,
# Jinja's and MarkupSafe's escaping, PyYAML's reading, pydantic's checks), by their
# distributions' names as pip writes them in the folders it records them in.
_LIBRARIES = frozenset({"jinja2", "markupsafe", "markdown", "nh3", "pyyaml", "pydantic", "pydantic_core"})


def libraries() -> str:
    """Python's version and the version of each library a build's output depends on.

    Read from the names of the folders pip records each in (`markdown-3.7.dist-info`), or a
    system's package manager (`Markdown-3.4.1.egg-info`), on the import path, the first of
    each name as an import finds it: importing the libraries
    to ask would cost a build that changes nothing more than the rest of it. Taken once a
    process, as the process imports each library once.
    """
    if not _LIBS:
        found: dict[str, str] = {}
        for folder in sys.path:
            try:
                names = os.listdir(folder or ".")
            except OSError:
                continue
            for name in names:
                if name.endswith((".dist-info", ".egg-info")):
                    # `name-version`, and after it in an egg's, `-pyX.Y`: part of what is installed.
                    project, _, version = name.rsplit(".", 1)[0].partition("-")
                    found.setdefault(project.lower().replace("-", "_").replace(".", "_"), version)
        _LIBS.append(" ".join([sys.version, *(f"{k}={v}" for k, v in sorted(found.items()) if k in _LIBRARIES)]))
    return _LIBS[0]


_LIBS: list[str] = []


def code_digest() -> str:
    """A digest of the package's code and the libraries it uses: a cached result is found
    only by the code that made it."""
    if not _CODE:
        package, files = code_files()
        parts: list[bytes | str] = [libraries()]
        for path in files:
            parts += [path.relative_to(package).as_posix(), path.read_bytes()]
        _CODE.append(digest(*parts))
    return _CODE[0]


_CODE: list[str] = []


class Cache:
    """Records by key, under folder; a Cache(None) stores nothing and finds nothing."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder if folder is not None and _usable(folder) else None

    def get(self, kind: str, key: str) -> Any | None:
        if self.folder is None:
            return None
        path = self._path(kind, key)
        try:
            with open(path, "rb") as handle:
                raw = handle.read()
            os.utime(path)  # in use: kept by prune()
        except OSError:
            return None
        head, body = raw[: len(_MAGIC) + _DIGEST], raw[len(_MAGIC) + _DIGEST :]
        if head[: len(_MAGIC)] != _MAGIC or blake2b(body, digest_size=_DIGEST).digest() != head[len(_MAGIC) :]:
            return None
        try:
            return pickle.loads(body)
        except Exception:  # a record from another version of the code is a miss
            return None

    def put(self, kind: str, key: str, value: Any) -> None:
        if self.folder is None:
            return
        body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        raw = _MAGIC + blake2b(body, digest_size=_DIGEST).digest() + body
        path = self._path(kind, key)
        # A build that changes nothing writes no record and skips the import.
        from .files import replace_atomically

        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            replace_atomically(path, raw, durable=False)
        except OSError:
            return  # a full disk or a read-only folder makes the cache useless, not the build wrong

    def forget(self, kind: str, key: str) -> None:
        """The record under key removed, if there is one: it may not be what the key says."""
        if self.folder is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._path(kind, key))

    def prune(self) -> None:
        """Remove what no build has read or written for KEEP_DAYS days; look at most once a day.

        A record is never out of date, only unused (an old version of a file or of the
        code, another as-of day, a preview's folder); without this the cache would grow
        with every edit. A record removed too soon costs one unit's work, never a wrong page.
        Looking costs a listing of the whole cache, which an edit's build would otherwise
        pay every time for nothing: a stamp file records when the cache was last pruned.
        """
        if self.folder is None:
            return
        now = time.time()
        stamp = self.folder / _PRUNED
        with contextlib.suppress(OSError):
            if 0 <= now - os.lstat(stamp).st_mtime < 86400:
                return
        cutoff = now - KEEP_DAYS * 86400
        for folder, _, files in os.walk(self.folder):
            for name in files:
                path = os.path.join(folder, name)
                with contextlib.suppress(OSError):
                    if os.lstat(path).st_mtime < cutoff:
                        os.unlink(path)
        with contextlib.suppress(OSError):
            stamp.touch()

    def _path(self, kind: str, key: str) -> Path:
        assert self.folder is not None
        return self.folder / kind / key[:2] / key


def _usable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = os.lstat(folder)
    except OSError:
        return False
    if not hasattr(os, "getuid"):
        # Windows gives a folder no owner or mode bits to read here: the folder is in the
        # editor's own profile, which others cannot write to.
        return stat.S_ISDIR(info.st_mode)
    return (
        stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )
