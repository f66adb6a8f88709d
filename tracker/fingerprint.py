"""Whether a build would change nothing: a digest of everything a build reads.

A build's output depends only on its inputs: the content files, the templates, the
package's code, the options, and (for each page's "last changed" date) the commit the
content is at. If their digest is the one recorded after the last build into the same
folder, and that folder is still the site the build left there, the build is skipped.

This module imports nothing heavy, so a build that changes nothing costs little more than
a look at each content file's times.
"""

from __future__ import annotations

import os
import stat
import subprocess
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .cache import Cache, Seen, code_digest, content_digest, digest, identity


@dataclass(frozen=True)
class Record:
    """What the last build into a folder read and reported, and how it left the folder."""

    inputs: str
    report: str  # what the build printed about the content, printed again as it was
    site: str  # every file and folder of the site as the build left it: names, sizes, inodes, times


@dataclass(frozen=True)
class Reading:
    """The input files as the last fingerprint found them, and when it began to read them."""

    began: int  # ns since the epoch, taken before the first file was looked at
    files: dict[str, Seen]  # by absolute path


# A file last changed this close to the reading may have been written again within the
# same tick of the file system's clock, after it was read, leaving the same times: it is
# read again. Two seconds covers the coarsest clock in use (FAT's).
_RACY_NS = 2_000_000_000


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
    parts: list[bytes | str] = [*options, code_digest(), _commit(content)]
    seen: dict[str, Seen] = {}
    read = False
    for root in roots:
        for found in _files(root):
            if found is None:
                return None, {}  # a link, a hidden or odd file: the build itself reports it
            path, info = found
            where, now = os.path.abspath(path), identity(info)
            before = known.get(where)
            if before is not None and before.identity == now and max(info.st_mtime_ns, info.st_ctime_ns) < settled:
                bytes_digest = before.digest
            else:
                try:
                    bytes_digest = content_digest(path.read_bytes())
                except OSError:
                    return None, {}
                read = True
            seen[where] = Seen(now, bytes_digest)
            parts += [str(path.relative_to(root)), bytes_digest]
        parts.append("\0")
    if read or seen.keys() != known.keys():
        cache.put("reading", key, Reading(began, seen))
    return digest("inputs", *parts), seen


def _files(root: Path) -> Iterable[tuple[Path, os.stat_result] | None]:
    if not root.is_dir():
        yield None
        return
    for folder, names, files in os.walk(root):
        names.sort()
        for name in sorted(files):
            path = Path(folder) / name
            info = os.lstat(path)
            yield (path, info) if stat.S_ISREG(info.st_mode) else None
        for name in names:
            if os.path.islink(Path(folder) / name):
                yield None


def _commit(content: Path) -> str:
    try:
        found = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=content, capture_output=True, text=True, check=False, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return found.stdout.strip() if found.returncode == 0 else ""


def site(out: Path) -> str | None:
    """A digest of the site folder's every entry as it stands: a changed, added or removed file shows."""
    from .write import MARKER

    if not (out / MARKER).is_file():
        return None
    parts: list[str] = []
    root = os.fspath(out)
    for folder, names, files in os.walk(root):
        names.sort()
        # Names within the site: `--out site` and `--out ./site` are the same folder.
        inside = folder[len(root) :]
        for name in sorted(files) + names:
            info = os.lstat(os.path.join(folder, name))
            parts.append(f"{inside}/{name}\0{info.st_mode}\0{info.st_size}\0{info.st_ino}\0{info.st_mtime_ns}")
    return digest("site", *parts)


def unchanged(cache: Cache, out: Path, digest_now: str | None) -> Record | None:
    """The record of the last build into out, if this build would produce the same site."""
    if digest_now is None:
        return None
    record = cache.get("build", _key(out))
    if isinstance(record, Record) and record.inputs == digest_now and record.site == site(out):
        return record
    return None


def remember(cache: Cache, out: Path, digest_now: str | None, report: str) -> None:
    """Record a build that wrote out; call after remember_site(), whose listing of the folder it reuses."""
    # A site record that could not be stored leaves an older one, whose listing no longer
    # matches the folder: the next build then builds instead of skipping, which is safe.
    written = cache.get("site", _key(out))
    found = written.site if isinstance(written, SiteRecord) else site(out)
    if digest_now is not None and found is not None:
        cache.put("build", _key(out), Record(digest_now, report, found))


@dataclass(frozen=True)
class SiteRecord:
    """Which render of each authority made the files of the site in a folder."""

    site: str
    units: dict[str, tuple[str, tuple[str, ...]]]  # slug: (render key, its files)


def last_site(cache: Cache, out: Path) -> dict[str, tuple[str, tuple[str, ...]]]:
    """The authorities of the last build into out, if the folder is still as that build left it."""
    record = cache.get("site", _key(out))
    if isinstance(record, SiteRecord) and record.site == site(out):
        return record.units
    return {}


def remember_site(cache: Cache, out: Path, units: dict[str, tuple[str, tuple[str, ...]]]) -> None:
    found = site(out)
    if found is not None:
        cache.put("site", _key(out), SiteRecord(found, units))


def _key(out: Path) -> str:
    return digest("build", str(out.absolute()))
