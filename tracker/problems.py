"""Problems found in content: values, never exceptions, so every one can be reported at once."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    col: int
    message: str
    hint: str = ""
    severity: Severity = "error"
    source_line: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest choice, or listing the choices when none is close."""
    options = sorted(set(choices))
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return f"did you mean `{close[0]}`?"
    if not options:
        return ""
    if len(options) <= 12:
        return "expected one of: " + ", ".join(f"`{o}`" for o in options)
    return "expected one of: " + ", ".join(f"`{o}`" for o in options[:12]) + ", …"


def format_text(problems: list[Problem]) -> str:
    out: list[str] = []
    for p in problems:
        out.append(f"{p.file}:{p.line}:{p.col}: {p.severity}: {p.message}")
        if p.source_line:
            out.append(f"    {p.source_line}")
            out.append("    " + " " * (p.col - 1) + "^")
        if p.hint:
            out.append(f"    hint: {p.hint}")
    return "\n".join(out)


def _escape_github(value: str, *, prop: bool = False) -> str:
    # GitHub's workflow-command escaping: % CR LF always, and , : in properties.
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(problems: list[Problem]) -> str:
    lines = []
    for p in problems:
        message = p.message + (f" (hint: {p.hint})" if p.hint else "")
        props = f"file={_escape_github(p.file, prop=True)},line={p.line},col={p.col}"
        lines.append(f"::{p.severity} {props}::{_escape_github(message)}")
    return "\n".join(lines)


def format_json(problems: list[Problem]) -> str:
    records = [asdict(p) for p in problems]
    return json.dumps(
        {
            "errors": sum(p.is_error for p in problems),
            "warnings": sum(not p.is_error for p in problems),
            "problems": records,
        },
        indent=2,
        ensure_ascii=False,
    )


def summary(problems: list[Problem]) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
