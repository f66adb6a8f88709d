"""Where the templates come from: the package's own, then a publisher's overrides.

A wheel carries the templates inside the package (tracker/templates/, mapped from the
repository's top-level templates/ by pyproject.toml); a source checkout or an editable
install reads the top-level folder itself. A publisher who wants a different page gives
`--templates DIR`: a file there (a template, or one under assets/) replaces the
package's file of the same name, and every other file comes from the package.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

_PACKAGED = Path(__file__).resolve().parent / "templates"
_CHECKOUT = Path(__file__).resolve().parent.parent / "templates"


def default_templates() -> Path:
    return _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT


def search_path(override: Path | None = None) -> list[Path]:
    """The template folders, first match wins."""
    return ([override] if override is not None else []) + [default_templates()]


def assets(search: Sequence[Path]) -> dict[str, bytes]:
    """Every file under assets/ of the search path, each from the first folder that has it."""
    found: dict[str, Path] = {}
    for folder in search:
        root = folder / "assets"
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                name = path.relative_to(root).as_posix()
                if path.is_file() and not path.is_symlink() and name not in found:
                    found[name] = path
    return {f"assets/{name}": found[name].read_bytes() for name in sorted(found)}
