"""Whether a build would change nothing: a digest of everything a build reads.

A build's output depends only on its inputs: the content files, the templates, the
package's code, the options, and (for each page's "last changed" date) the commit the
content is at. If their digest is the one recorded after the last build into the same
folder, and that folder is still the site the build left there, the build is skipped.

This module imports nothing heavy, so a build that changes nothing costs little more than
a look at each content file's times. It does not import the command line's library
either (click and what it imports, 15 ms, a third of such a build): `replay` recognises
a build whose words, folder and day are those of an earlier build, and takes that
build's options as the command line parsed them then.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from .cache import (
    MAX_FILE_BYTES,
    Cache,
    Seen,
    code_files,
    content_digest,
    default_cache,
    digest,
    identity,
    libraries,
)
from .terminal import printable
from .theme import search_path


class Options(NamedTuple):
    """What a build writes depends on, of its options, as the command line parsed them."""

    content: Path
    as_of: dt.date
    out: Path
    base_url: str | None
    strict: bool
    templates: Path | None


class Invocation(NamedTuple):
    """A build's options as the command line parsed its words, and the digest of its inputs then."""

    options: Options
    inputs: str


class Looked(NamedTuple):
    """A build's inputs as one look at them found them (look()), in one cache."""

    options: Options
    cache: Path | None
    inputs: str | None  # their digest; None when something needs a real build
    seen: dict[str, Seen]  # each file as read, by absolute path
    record: Record | None  # the last build's, if this one would change nothing


class Words(NamedTuple):
    """The program's own words, and the day that words without --as-of describe.

    The day is fixed once, before the words are looked up or parsed, so that a build
    running past midnight is filed under the day its words were parsed on. `looked` is
    what looking them up found of the inputs, so that the build does not read them again.
    """

    words: list[str]
    day: dt.date
    looked: Looked | None = None


class Record(NamedTuple):
    """What the last build into a folder read and reported, and how it left the folder."""

    inputs: str
    report: str  # what the build printed about the content, printed again as it was
    site: str  # every file and folder of the site as the build left it: names, sizes, inodes, times


class Reading(NamedTuple):
    """The input files as the last fingerprint found them, and when it began to read them."""

    began: int  # ns since the epoch, taken before the first file was looked at
    files: dict[str, Seen]  # by absolute path


# A file last changed this close to the reading may have been written again within the
# same tick of the file system's clock, after it was read, leaving the same times: it is
# read again. Two seconds covers the coarsest clock in use (FAT's).
_RACY_NS = 2_000_000_000
_REREAD_BYTES = 1 << 20


def inputs(
    content: Path, templates: Iterable[Path], options: Iterable[str], cache: Cache
) -> tuple[str | None, dict[str, Seen]]:
    """The digest of a build's inputs, and each file as it was read (by absolute path).

    The digest is None when anything is unusual enough to need a real build. The build
    itself takes each file's digest from what was read here, while the file is unchanged,
    instead of reading it again.

    A file is read only when it is not as the last fingerprint found it, as git's index
    does: same device, inode, size, modification and change times, and last changed well
    before that reading began. The change time cannot be set back (copying a file with
    its old modification time, or restoring it, sets it to now), so an edited file is
    always read.
    """
    began = time.time_ns()
    roots = (content, *templates)
    key = digest("reading", *(os.path.abspath(root) for root in roots))
    last = cache.get("reading", key)
    known, settled = (last.files, last.began - _RACY_NS) if isinstance(last, Reading) else ({}, 0)
    parts: list[bytes | str] = [*options, _commit(content), libraries()]
    seen: dict[str, Seen] = {}
    changed, reread = False, 0
    # The package's code is read as the content is, so that an unchanged module costs a
    # look at its times, not a read (5 ms a build).
    package, code = code_files()
    listed: list[Iterable[tuple[str, str, os.stat_result] | None]] = [tree_files(root) for root in roots]
    listed.append([(path.relative_to(package).as_posix(), os.fspath(path), os.lstat(path)) for path in code])
    for files in listed:
        for found in files:
            if found is None:
                return None, {}  # a link, a hidden or odd file: the build itself reports it
            name, path, info = found
            where, now = os.path.abspath(path), identity(info)
            before = known.get(where)
            if before is not None and before.identity == now and max(info.st_mtime_ns, info.st_ctime_ns) < settled:
                bytes_digest = before.digest
            elif info.st_size > MAX_FILE_BYTES:
                # Larger than any content file the build reads (it refuses such a file, and reads
                # no other file of the content folder whole): known by where it is and its times.
                bytes_digest = digest("unread", *map(str, now))
                changed = changed or before is None or before.digest != bytes_digest
            else:
                try:
                    with open(path, "rb") as handle:
                        data = handle.read()
                except OSError:
                    return None, {}
                bytes_digest = content_digest(data)
                if before == Seen(now, bytes_digest):
                    reread += len(data)
                else:
                    changed = True
            seen[where] = Seen(now, bytes_digest)
            parts += [name, bytes_digest]
        parts.append("\0")
    # Files read again only because they changed close to the last reading, and found the
    # same, are read again next time too, unless there are many: a few cost less to read
    # again (a 40 KB file, 0.1 ms) than a new record costs to write (4 ms, with tempfile's
    # import), and a build that changes nothing writes no other record.
    if changed or reread > _REREAD_BYTES or seen.keys() != known.keys():
        cache.put("reading", key, Reading(began, seen))
    return digest("inputs", *parts), seen


def look(options: Options, cache: Cache) -> Looked:
    """A build's inputs' digest, each file as read, and the last build's record if this one would change nothing."""
    found, seen = _inputs(options, cache) if cache.folder else (None, {})
    return Looked(options, cache.folder, found, seen, unchanged(cache, options.out, found))


def _inputs(options: Options, cache: Cache) -> tuple[str | None, dict[str, Seen]]:
    # The content folder as given too: messages name files by it.
    named = [
        str(options.content),
        str(options.content.absolute()),
        options.as_of.isoformat(),
        options.base_url or "",
        str(options.strict),
    ]
    return inputs(options.content, search_path(options.templates), named, cache)


def up_to_date(record: Record, out: Path) -> str:
    """What a skipped build prints: the last build's report, as it was, and why nothing was built."""
    return f"{record.report}\nNothing changed since the last build: {printable(str(out))} is up to date."


def replay(words: Words) -> tuple[str | None, Looked | None]:
    """What a build given these words prints, if it would change nothing and an earlier build had the same words.

    The command line's parse of the same words, in the same folder, on the same day, by
    the same code, is the same: the words are looked up, not parsed. The cache folder is
    read from the words, as the command line would read it; a record is kept there only
    when that reading agreed with the parse (remember_invocation). None means "parse
    them": whatever else the words say, and any doubt, is the command line's to judge;
    with it comes what was found of the inputs, if they were looked at, for the build.
    """
    folder = _cache_named(words.words)
    try:
        if folder is None or not folder.is_dir():  # not made here: the words may be a mistake
            return None, None
        cache = Cache(folder)
        known = cache.get("invocation", _invocation_key(words))
        if not isinstance(known, Invocation):
            return None, None
        looked = look(known.options, cache)
    except (ValueError, OSError):  # words no file name can hold, a folder gone: the command line says what
        return None, None
    if looked.record is None or looked.inputs != known.inputs:  # the code changed, and its parse may have
        return None, looked
    return up_to_date(looked.record, known.options.out), None


def remember_invocation(words: Words, cache: Cache, options: Options, found: str | None) -> None:
    """Keep a successful build's parse of its words, for replay, in the cache the words name."""
    if found is None or cache.folder is None or _cache_named(words.words) != cache.folder:
        return
    key, known = _invocation_key(words), Invocation(options, found)
    if cache.get("invocation", key) != known:
        cache.put("invocation", key, known)


def _cache_named(words: Sequence[str]) -> Path | None:
    """The cache folder a build given these words uses, as far as the words alone say; None for another command."""
    if not words or words[0] != "build" or "--no-cache" in words:
        return None
    folder = default_cache()
    for word, after in zip(words, [*words[1:], None], strict=True):
        if word == "--cache" and after is not None:
            folder = Path(after)
        elif word.startswith("--cache="):
            folder = Path(word.removeprefix("--cache="))
    return folder


def _invocation_key(words: Words) -> str:
    # The day matters only to words without --as-of, and costs a record a day.
    return digest("invocation", os.getcwd(), words.day.isoformat(), *words.words)


def tree_files(root: Path) -> Iterator[tuple[str, str, os.stat_result] | None]:
    """Each file under root (its name within root, its path, its lstat); None for a link or a device."""
    if not root.is_dir():
        yield None
        return
    try:
        for name, path, info in _tree(os.fspath(root)):
            if not stat.S_ISDIR(info.st_mode):
                yield (name, path, info) if stat.S_ISREG(info.st_mode) else None
    except OSError:  # a folder gone while listed, a path too long to open: the build itself says
        yield None


def _tree(folder: str) -> Iterator[tuple[str, str, os.stat_result]]:
    """Every entry under folder, depth first in name order: its name within folder, its path, its lstat.

    A link to a folder is an entry, not followed. Walked with a list of the folders open,
    not by recursion: a content folder may nest folders thousands deep.
    """
    waiting = [_listed(folder, "")]
    while waiting:
        entry = next(waiting[-1], None)
        if entry is None:
            waiting.pop()
            continue
        yield entry
        name, path, info = entry
        if stat.S_ISDIR(info.st_mode):
            waiting.append(_listed(path, f"{name}/"))


def _listed(folder: str, inside: str) -> Iterator[tuple[str, str, os.stat_result]]:
    with os.scandir(folder) as found:
        entries = sorted(found, key=lambda entry: entry.name)
    return iter([(f"{inside}{entry.name}", entry.path, entry.stat(follow_symlinks=False)) for entry in entries])


def _commit(content: Path) -> str:
    """The commit HEAD names in the git repository holding content, and which commits a shallow
    clone's history stops at, if it does; "" outside a repository.

    Read from git's own files where they are laid out as `git init` and `git clone` lay
    them out: asking git costs a process, 5 ms of a build that changes nothing. Anything
    else (a worktree's or submodule's `.git` file, a ref that is not a commit's name, an
    unborn branch, a variable that points git elsewhere) is asked of git itself.
    """
    found = None if _REDIRECTS.intersection(os.environ) else _head(Path(os.path.realpath(content)))
    return _ask_git(content) if found is None else found


# The variables that change which repository git finds, or which HEAD it reads.
_REDIRECTS = frozenset({"GIT_DIR", "GIT_COMMON_DIR", "GIT_WORK_TREE", "GIT_CEILING_DIRECTORIES", "GIT_NAMESPACE"})


def _head(folder: Path) -> str | None:
    for parent in (folder, *folder.parents):
        dot = parent / ".git"
        if os.path.isdir(dot):
            break
        if os.path.lexists(dot):
            return None
    else:
        return ""  # as git finds no repository: no folder up to the root has a .git
    try:
        # A shallow clone's history may be deepened without HEAD changing: the pages' "last
        # changed" dates come from that history.
        shallow = (dot / "shallow").read_bytes() if (dot / "shallow").is_file() else b""
        named = head = (dot / "HEAD").read_text(encoding="ascii").strip()
        if head.startswith("ref: "):
            ref = head.removeprefix("ref: ")
            if not ref.startswith("refs/") or ".." in ref:
                return None
            try:
                named = (dot / ref).read_text(encoding="ascii").strip()
            except FileNotFoundError:  # packed away, as `git gc` and clones leave most refs
                packed = (dot / "packed-refs").read_text(encoding="ascii").splitlines()
                named = next((line.split(" ")[0] for line in packed if line.endswith(f" {ref}")), "")
    except (OSError, UnicodeDecodeError):
        return None
    return _with_shallow(named, shallow) if _is_name(named) else None


def _with_shallow(head: str, shallow: bytes) -> str:
    return head + (f" shallow {digest(shallow)}" if shallow else "")


def _is_name(text: str) -> bool:
    """A commit's full name: 40 hex digits (SHA-1), or 64 (SHA-256)."""
    return len(text) in (40, 64) and all(c in "0123456789abcdef" for c in text)


def _ask_git(content: Path) -> str:
    import subprocess  # only where git's files are not as usual

    try:
        found = subprocess.run(
            ["git", "rev-parse", "HEAD", "--git-path", "shallow"],
            cwd=content,
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
        if found.returncode != 0:
            return ""
        head, shallow_path = (found.stdout.splitlines() + ["", ""])[:2]
        shallow = (content / shallow_path).read_bytes() if (content / shallow_path).is_file() else b""
    except (OSError, subprocess.SubprocessError):
        return ""
    return _with_shallow(head.strip(), shallow)


def site(out: Path) -> str | None:
    """A digest of the site folder's every entry as it stands: a changed, added or removed file shows."""
    from .write import MARKER

    if not (out / MARKER).is_file():
        return None
    # Names within the site: `--out site` and `--out ./site` are the same folder. Not the
    # change time: a build links the site's files into its new one, which changes theirs, and
    # one that then fails would leave the next to render every page again.
    parts = [
        f"{name}\0{info.st_mode}\0{info.st_size}\0{info.st_ino}\0{info.st_mtime_ns}"
        for name, _, info in _tree(os.fspath(out))
    ]
    return digest("site", *parts)


def unchanged(cache: Cache, out: Path, digest_now: str | None) -> Record | None:
    """The record of the last build into out, if this build would produce the same site."""
    if digest_now is None:
        return None
    from .write import interrupted

    record = cache.get("build", _key(out))
    # An interrupted build's folders beside the site are for a build to tidy: none is skipped then.
    if isinstance(record, Record) and record.inputs == digest_now and record.site == site(out):
        return None if interrupted(out) else record
    return None


def remember(options: Options, cache: Cache, looked: Looked, report: str, listing: str | None) -> None:
    """Record a build that wrote its folder, as it left it (listing: Checked.site), from the
    inputs as `looked` found them before it began.

    Nothing is recorded if an input is not as it was then, by its bytes or its times (a
    change time cannot be set back): the build may have read a file edited while it ran,
    and a record would let a build of the file as it was before the edit (an edit undone)
    skip, and keep pages of the edit. Nor would a record whose listing is not the
    folder's (another build's since) ever let a build skip.
    """
    if looked.inputs is None or listing is None:
        return
    found, seen = _inputs(options, cache)
    if found != looked.inputs or {k: v.identity for k, v in seen.items()} != {
        k: v.identity for k, v in looked.seen.items()
    }:
        return
    cache.put("build", _key(options.out), Record(looked.inputs, report, listing))


class SiteRecord(NamedTuple):
    """Which render of each authority made the files of the site in a folder."""

    site: str
    units: dict[str, tuple[str, tuple[str, ...]]]  # slug: (render key, its files)


def last_site(cache: Cache, out: Path) -> dict[str, tuple[str, tuple[str, ...]]]:
    """The authorities of the last build into out, if the folder is still as that build left it."""
    record = cache.get("site", _key(out))
    if isinstance(record, SiteRecord) and record.site == site(out):
        return record.units
    return {}


def remember_site(cache: Cache, out: Path, units: dict[str, tuple[str, tuple[str, ...]]]) -> str | None:
    """Record which render of each authority made the site in out; returns the folder's listing."""
    found = site(out)
    if found is not None:
        cache.put("site", _key(out), SiteRecord(found, units))
    return found


def _key(out: Path) -> str:
    return digest("build", str(out.absolute()))
