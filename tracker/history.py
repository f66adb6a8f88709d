"""What git history says of the authority files: when each last changed, and which were renamed.

Read from the commits, not file times, so a build of the same commit gives the same
dates on any machine. Outside a git checkout there is nothing to say.
"""

from __future__ import annotations

import datetime as dt
import os
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
            try:
                date = dt.date.fromisoformat(line[1:])
            except ValueError:  # a commit dated past the year 9999, as git allows: it dates nothing
                date = None
        elif line and date is not None:
            slug = by_path.get((Path(top) / line).resolve())
            if slug is not None and slug not in found:  # newest commit comes first
                found[slug] = date
    return found


def changes(folder: Path, current: Collection[str]) -> tuple[dict[str, str | None], dict[str, bytes]]:
    """What this change does to the authority files: those renamed, with the file each is
    now, or deleted (None), by slug; and those it edits, as they were before it.

    This change: what the branch has done since it left the branch it will join (the pull
    request's base in GitHub Actions, else the branch's upstream, else `main`), and what is not yet
    committed; with neither, only what is not yet committed. Older history is left alone:
    a rename or deletion there was reviewed when it was made (an address that was never
    published, a file added by mistake), and a warning about it could never be put right.
    """
    try:
        base = _base(folder)
        # -M: a file moved with its content changed a little is still a rename.
        listed = _git(folder, "diff", base, "--name-status", "-M", "--diff-filter=RDM", "--relative", "--", ".")
    except (OSError, subprocess.CalledProcessError):
        return {}, {}
    moved: dict[str, str | None] = {}
    edited: list[str] = []
    for line in listed.splitlines():
        status, *paths = line.split("\t")
        slugs = [p.removesuffix(".yaml") if p.endswith(".yaml") and "/" not in p else "" for p in paths]
        if not slugs or not slugs[0]:
            continue
        if status == "M":
            edited.append(slugs[0])
        elif slugs[0] not in current:
            new = slugs[1] if status.startswith("R") and len(slugs) == 2 else ""
            moved[slugs[0]] = new if new in current else None
    return moved, _before(folder, base, edited)


def _before(folder: Path, base: str, slugs: list[str]) -> dict[str, bytes]:
    """Each file (by slug) as the commit base has it: one `git cat-file` for them all."""
    if not slugs:
        return {}
    try:
        prefix = _git(folder, "rev-parse", "--show-prefix").strip()
        asked = "".join(f"{base}:{prefix}{slug}.yaml\n" for slug in slugs).encode()
        out = subprocess.run(
            ["git", "cat-file", "--batch"], cwd=folder, input=asked, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    found: dict[str, bytes] = {}
    at = 0
    for slug in slugs:
        end = out.find(b"\n", at)
        parts = out[at:end].split()
        if end < 0:
            break
        if len(parts) != 3 or parts[1] != b"blob":  # `<name> missing`, on a line of its own
            at = end + 1
            continue
        size = int(parts[2])
        start = end + 1
        found[slug] = out[start : start + size]
        at = start + size + 1  # the blob's bytes, then a line break
    return found


def settings_before(content: Path) -> bytes | None:
    """site.yaml as it was before this change (see changes()), empty if it had none; None
    outside a git checkout with commits, where nothing says what the change is."""
    try:
        base = _base(content)
        # Empty where the commit holds no site.yaml; an error (no commit, no git) is no answer.
        if not _git(content, "ls-tree", "--name-only", base, "--", "site.yaml").strip():
            return b""
        prefix = _git(content, "rev-parse", "--show-prefix").strip()
        return subprocess.run(
            ["git", "cat-file", "blob", f"{base}:{prefix}site.yaml"], cwd=content, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None


def added(folder: Path, current: Collection[str]) -> frozenset[str]:
    """Authority files (by slug) that this change adds: those the commit it started from lacks.

    Empty outside a git checkout, where nothing says which file is new.
    """
    try:
        base = _base(folder)
        before = _git(folder, "ls-tree", "--name-only", base, "--", ".")
    except (OSError, subprocess.CalledProcessError):
        return frozenset()
    had = {name.removesuffix(".yaml") for name in before.splitlines()}
    return frozenset(slug for slug in current if slug not in had)


def _base(folder: Path) -> str:
    """The commit this change started from: where the branch left the one it will join, else HEAD."""
    joins = os.environ.get("GITHUB_BASE_REF")  # set for pull requests in GitHub Actions
    # A branch made locally and not yet pushed (`git switch -c`, as docs/editing.md does)
    # has no upstream: it joins the remote's default branch, else `main`. Nor does one
    # pushed with `git push -u origin HEAD`, as docs/editing.md does next: its upstream is
    # itself, on the remote, and compared with that it would have changed nothing.
    upstream = [] if _upstream_is_itself(folder) else ["@{upstream}"]
    for branch in ([f"origin/{joins}"] if joins else []) + upstream + ["origin/HEAD", "main"]:
        try:
            return _git(folder, "merge-base", "HEAD", branch).strip()
        except subprocess.CalledProcessError:
            continue
    return "HEAD"


def _upstream_is_itself(folder: Path) -> bool:
    """Whether the branch checked out (other than `main`) tracks its own namesake on a remote."""
    try:
        branch, upstream = _git(folder, "rev-parse", "--abbrev-ref", "HEAD", "@{upstream}").split()
    except (subprocess.CalledProcessError, ValueError):
        return False
    return branch != "main" and upstream.partition("/")[2] == branch


def untracked(folder: Path, files: Collection[str]) -> set[str]:
    """Those of files (as named from the working folder) that git does not track: a draft
    not yet added, which a commit leaves out. None of them outside a checkout, or without git."""
    if not files:
        return set()
    try:
        listed = _git(folder, "ls-files", "--others", "--exclude-standard", "-z", "--", *map(os.path.abspath, files))
    except (OSError, subprocess.CalledProcessError):
        return set()
    drafts = {os.path.normpath(os.path.join(os.path.abspath(folder), name)) for name in listed.split("\0") if name}
    return {f for f in files if os.path.normpath(os.path.abspath(f)) in drafts}


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True).stdout
