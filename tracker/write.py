"""Write stage: the whole site into a temporary folder, then swapped in.

A build that fails at any point leaves the previous site exactly as it was; readers
of a served folder never see half of a new site.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


def write_site(files: dict[str, bytes], out: Path) -> None:
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        for name in sorted(files):
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[name])
        staging.chmod(0o755)
        old = out.with_name(f".{out.name}.old")
        if old.exists():
            shutil.rmtree(old)
        if out.exists():
            out.rename(old)
        staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if old.exists():
        shutil.rmtree(old)
