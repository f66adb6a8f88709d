"""What git history says of the authority files: when each last changed, and which were renamed.

Read from the commits, not file times, so a build of the same commit gives the same
dates on any machine. Outside a git checkout there is nothing to say.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Collection
from pathlib import Path


def last_changed(files: dict[str, Path]) -> dict[str, dt.date]:
    if not files:
        return {}
    folder = next(iter(files.values())).parent
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True, text=True, check=True
        ).stdout.strip()
        log = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--", "."],
            cwd=folder,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    by_path = {path.resolve(): slug for slug, path in files.items()}
    found: dict[str, dt.date] = {}
    date = None
    for line in log.splitlines():
        if line.startswith("\0"):
            date = dt.date.fromisoformat(line[1:])
        elif line and date is not None:
            slug = by_path.get((Path(top) / line).resolve())
            if slug is not None and slug not in found:  # newest commit comes first
                found[slug] = date
    return found


def moved_away(folder: Path, current: Collection[str]) -> dict[str, str | None]:
    """Authority files (by slug) that git shows were renamed, with the file each is now; or deleted (None).

    Renames come from the checkout's history and from what is staged or changed since its
    last commit, followed to the present name (a file renamed twice). Deletions come only
    from what is not yet committed: one in the history may have been meant (a file added by
    mistake), and a warning about it could never be put right. Present files are left out.
    """
    try:
        # -M: a file moved with its content changed a little is still a rename.
        logged = _git(folder, "log", "--format=", "--name-status", "-M", "--diff-filter=RD", "--relative", "--", ".")
        pending = _git(folder, "diff", "HEAD", "--name-status", "-M", "--diff-filter=RD", "--relative", "--", ".")
    except (OSError, subprocess.CalledProcessError):
        return {}
    renames: dict[str, str] = {}
    deleted: set[str] = set()
    for line in [*reversed(logged.splitlines()), *pending.splitlines()]:  # oldest first
        status, *paths = line.split("\t")
        slugs = [p.removesuffix(".yaml") if p.endswith(".yaml") and "/" not in p else "" for p in paths]
        if status.startswith("R") and len(slugs) == 2 and all(slugs):
            renames[slugs[0]] = slugs[1]
    for line in pending.splitlines():
        status, *paths = line.split("\t")
        if status == "D" and paths[0].endswith(".yaml") and "/" not in paths[0]:
            deleted.add(paths[0].removesuffix(".yaml"))
    found: dict[str, str | None] = {old: None for old in deleted if old not in current}
    for old in renames:
        now, seen = old, set()
        while now not in current and now in renames and now not in seen:
            seen.add(now)
            now = renames[now]
        if old not in current and now in current:
            found[old] = now
    return found


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True).stdout
