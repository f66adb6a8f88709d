"""Content files on disk: names and safe writes.

Every tool that writes into content/ (`import`, `new`) writes through here:

- A temporary file is created exclusively (tempfile.mkstemp) in the target's own
  folder and moved over the target with os.replace, so a reader sees the old file or
  the new one, never half of one, and no fixed temporary name can be raced or
  pre-planted.
- Nothing is written through a symlink, and no path may leave the content folder:
  content is untrusted, and a link planted in authorities/ must not make a tool
  overwrite a file elsewhere.
- Several files are written all or none (write_all): see its docstring for the
  journal that lets an interrupted run be finished by the next one.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from .terminal import printable

SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/authority.schema.json"
JOURNAL = ".write-journal.json"  # in the content folder; see write_all
WRITE_TEMP = re.compile(r"\..+\.yaml\.[^./]+\.tmp")  # as _temp_beside names a temporary file for <name>.yaml
MAX_NAME_BYTES = 255 - len(".yaml") - 40  # leaves room for mkstemp's ".<name>.<random>" beside it


class UnsafeWrite(Exception):
    """A write that would follow a symlink, leave the content folder, or cannot be done."""


def shown_path(path: Path) -> str:
    """A path as editors and CI annotations expect it: relative to the working folder, printable."""
    absolute, here = path.absolute(), Path.cwd()
    return printable(str(absolute.relative_to(here)) if absolute.is_relative_to(here) else str(absolute))


def missing_content_hint(content: Path) -> str:
    """What to do when the content folder is not there: most often, the command was run
    from inside the content itself (`content/authorities`), where `content` names nothing."""
    here = Path.cwd()
    for folder in (here, *here.parents[:3]):
        if (folder / "site.yaml").is_file() and (folder / "frameworks.yaml").is_file():
            inside = printable(os.path.relpath(folder))
            above = printable(os.path.relpath(folder.parent))
            if inside == ".":
                return (
                    "this is the content folder: run the command from the folder that holds it (`cd ..`), "
                    "or pass `--content .`"
                )
            return (
                f"this folder is inside the content folder `{inside}`: run the command from the folder that "
                f"holds it (`cd {above}`), or pass `--content {inside}`"
            )
    return (
        f"run the command from the folder that holds `{printable(str(content))}`, or pass the folder holding "
        "site.yaml with --content"
    )


# Names Windows keeps for devices, whatever follows the dot: git for Windows will not check
# out `authorities/con.yaml`, so one such file would break every Windows editor's copy.
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in range(10))}
)


def slugify(text: str) -> str:
    """Lowercase ASCII letters and digits joined by single hyphens; `&` is `and`."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = text.replace("&", " and ").replace(".", "").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def check_target(path: Path, root: Path) -> None:
    """Refuse a path that is a symlink, passes through one, or lies outside root."""
    root_real = root.resolve()
    for part in [path, *path.parents]:
        if part == root or part == root.parent:
            break
        if part.is_symlink():
            raise UnsafeWrite(
                f"{part} is a symbolic link; content tools do not write through links. Replace it with a file."
            )
    parent = path.parent.resolve()
    if parent != root_real and root_real not in parent.parents:
        raise UnsafeWrite(f"{path} is outside the content folder {root}; nothing was written there")
    if len(path.name.encode()) > MAX_NAME_BYTES + len(".yaml"):
        raise UnsafeWrite(f"the file name {path.name[:40]}… is too long for the file system; choose a shorter one")


def _temp_beside(path: Path, data: bytes, durable: bool = True) -> Path:
    import tempfile  # a write is rare: the commands that only read do not pay its import

    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(name, 0o644)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def replace_atomically(path: Path, data: bytes, durable: bool = True) -> None:
    """Replace (or create) path with data in one step: readers see the old file or the new one.

    A link at path is replaced, never written through. durable=False skips the fsync, for
    what a crash may lose at no cost (the build's cache, whose records carry their digest).
    """
    tmp = _temp_beside(path, data, durable)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: bytes, root: Path) -> None:
    """Replace (or create) path with data in one step; root is the content folder."""
    check_target(path, root)
    replace_atomically(path, data)


def create_exclusive(path: Path, data: bytes, root: Path) -> None:
    """Create path with data, complete or not at all; FileExistsError if it exists."""
    check_target(path, root)
    tmp = _temp_beside(path, data)
    try:
        os.link(tmp, path)  # fails, leaving nothing behind, when the name is taken
    finally:
        tmp.unlink(missing_ok=True)


def write_all(files: Mapping[Path, bytes], root: Path) -> None:
    """Write every file or none, even if the process dies part-way.

    1. Each new text goes into its own exclusive temporary file beside its target
       (fsynced). Dying here leaves only hidden temporary files; nothing changed.
    2. A journal (root/.write-journal.json, itself written atomically) lists every
       (temporary file, target) pair. Writing it is the commit point.
    3. Each temporary file is moved over its target; then the journal is removed.

    finish_interrupted() (run at the start of every writing command) completes step 3
    from a journal left behind, so an interrupted run ends with all of its files
    written, and removes temporary files from a run that died before step 2.
    """
    # Normalised as mkstemp gives the temporary files' names (`..` worked out), which the
    # journal names relative to it.
    root = Path(os.path.abspath(root))
    files = {Path(os.path.abspath(path)): data for path, data in files.items()}
    for path in files:
        check_target(path, root)
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in files.items():
            staged.append((_temp_beside(path, data), path))
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    import json  # here and below: the command line imports this module, and a build that changes nothing needs no JSON

    journal = [{"temp": str(tmp.relative_to(root)), "target": str(path.relative_to(root))} for tmp, path in staged]
    write_atomic(root / JOURNAL, json.dumps(journal, indent=1).encode(), root)
    _apply(root, journal)


def _apply(root: Path, journal: list[dict[str, str]]) -> None:
    moves: list[tuple[Path, Path]] = []
    # Every entry is checked before any is moved: a journal refused is refused whole.
    for entry in journal:
        tmp, target = root / entry["temp"], root / entry["target"]
        check_target(target, root)
        # Only a temporary file as _temp_beside names one, beside its target: a journal
        # planted in the content must not move a file in from elsewhere.
        if (
            tmp.parent != target.parent
            or not WRITE_TEMP.fullmatch(tmp.name)
            or not tmp.name[1:].startswith(target.name + ".")
        ):
            raise UnsafeWrite(f"{root / JOURNAL} is not a journal this tool wrote; remove it")
        try:
            mode = tmp.lstat().st_mode
        except FileNotFoundError:
            continue  # moved over its target before the run was interrupted
        if not stat.S_ISREG(mode):
            raise UnsafeWrite(f"{tmp} is not a file this tool wrote; remove it and {root / JOURNAL}")
        moves.append((tmp, target))
    for tmp, target in moves:
        os.replace(tmp, target)
    (root / JOURNAL).unlink(missing_ok=True)


def _journal(path: Path) -> list[dict[str, str]]:
    """A journal's entries, each a temporary file and its target, relative to the content
    folder and within it; ValueError, TypeError or KeyError if it is not one this tool wrote."""
    import json  # here: the command line imports this module, and a build that changes nothing needs no JSON

    return [
        {"temp": str(e["temp"]), "target": str(e["target"])}
        for e in json.loads(path.read_text(encoding="utf-8"))
        if not Path(e["temp"]).is_absolute()
        and ".." not in Path(e["temp"]).parts
        and not Path(e["target"]).is_absolute()
        and ".." not in Path(e["target"]).parts
    ]


def staged_files(root: Path) -> frozenset[str]:
    """The temporary files a journal left in the content names (relative to it): none if there
    is no journal, or it is not one this tool wrote."""
    path = root / JOURNAL
    if path.is_symlink() or not path.is_file():
        return frozenset()
    try:
        return frozenset(e["temp"] for e in _journal(path))
    except (ValueError, TypeError, KeyError, OSError):
        return frozenset()


def finish_interrupted(root: Path) -> str | None:
    """Complete a write that was interrupted after its commit point; say what was done."""
    root = Path(os.path.abspath(root))
    path = root / JOURNAL
    if path.is_symlink():
        raise UnsafeWrite(f"{path} is a symbolic link; remove it")
    if path.is_file():
        try:
            entries = _journal(path)
        except (ValueError, TypeError, KeyError) as exc:
            raise UnsafeWrite(f"{path} is not a journal this tool wrote ({exc}); remove it") from None
        _apply(root, entries)
        files = "1 file" if len(entries) == 1 else f"{len(entries)} files"
        return f"finished an interrupted write of {files} (journal {JOURNAL})"
    folder = root / "authorities"
    names = os.listdir(folder) if folder.is_dir() else []
    stale = [
        folder / n for n in sorted(names) if WRITE_TEMP.fullmatch(n) and stat.S_ISREG((folder / n).lstat().st_mode)
    ]
    for p in stale:
        p.unlink()
    return f"removed {len(stale)} temporary files left by an interrupted write" if stale else None
