"""Whether a build would change nothing: a digest of everything a build reads.

A build's output depends only on its inputs: the content files, the templates, the
package's code, the options, and (for each page's "last changed" date) the commit the
content is at. If their digest is the one recorded after the last build into the same
folder, and that folder is still the site the build left there, the build is skipped.

This module imports nothing heavy, so a build that changes nothing costs little more than
reading the content once.
"""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .cache import Cache, code_digest, digest
from .problems import Problem


@dataclass(frozen=True)
class Record:
    """What the last build into a folder read and reported, and how it left the folder."""

    inputs: str
    problems: list[Problem]
    authorities: int
    marker: tuple[int, int, int]  # the site's marker file: device, inode, modification time


def inputs(content: Path, templates: Iterable[Path], options: Iterable[str]) -> str | None:
    """The digest of a build's inputs; None when anything is unusual enough to need a real build."""
    parts: list[bytes | str] = [*options, code_digest(), _commit(content)]
    for root in (content, *templates):
        for path in _files(root):
            if path is None:
                return None  # a link, a hidden or odd file: the build itself reports it
            try:
                parts += [str(path.relative_to(root)), path.read_bytes()]
            except OSError:
                return None
        parts.append("\0")
    return digest("inputs", *parts)


def _files(root: Path) -> Iterable[Path | None]:
    if not root.is_dir():
        yield None
        return
    for folder, names, files in os.walk(root):
        names.sort()
        for name in sorted(files):
            path = Path(folder) / name
            info = os.lstat(path)
            yield path if stat.S_ISREG(info.st_mode) else None
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


def marker(out: Path) -> tuple[int, int, int] | None:
    from .write import MARKER

    try:
        info = os.lstat(out / MARKER)
    except OSError:
        return None
    return (info.st_dev, info.st_ino, info.st_mtime_ns)


def unchanged(cache: Cache, out: Path, digest_now: str | None) -> Record | None:
    """The record of the last build into out, if this build would produce the same site."""
    if digest_now is None:
        return None
    record = cache.get("build", _key(out))
    if isinstance(record, Record) and record.inputs == digest_now and record.marker == marker(out):
        return record
    return None


def remember(cache: Cache, out: Path, digest_now: str | None, problems: list[Problem], authorities: int) -> None:
    found = marker(out)
    if digest_now is not None and found is not None:
        cache.put("build", _key(out), Record(digest_now, problems, authorities, found))


def _key(out: Path) -> str:
    return digest("build", str(out.absolute()))
