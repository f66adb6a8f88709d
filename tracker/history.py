"""When each authority's content last changed, from git history.

Read from the commit dates, not file times, so a build of the same commit gives the
same dates on any machine. Outside a git checkout there is no date to show.
"""

from __future__ import annotations

import datetime as dt
import subprocess
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
