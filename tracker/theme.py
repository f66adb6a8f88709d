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


def template_failure(exc: Exception, templates: Path) -> str | None:
    """An error in one of the templates in the templates folder, in one line at its file and
    line; None when the error is not in one of them."""
    import traceback

    from jinja2 import TemplateError, TemplateSyntaxError

    def theirs(file: str | None) -> bool:
        return file is not None and Path(file).resolve().is_relative_to(templates.resolve())

    said = exc.message if isinstance(exc, TemplateError) and exc.message else f"{type(exc).__name__}: {exc}"
    if isinstance(exc, TemplateSyntaxError):
        return f"{exc.filename}:{exc.lineno}: {said}" if theirs(exc.filename) else None
    # Jinja gives a template's frames its file and line: the last of them is where it failed.
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if theirs(f.filename)]
    return f"{frames[-1].filename}:{frames[-1].lineno}: {said}" if frames else None
