"""docs/editing.md shows the checker's real messages, and its pictures are there and small.

Each error quoted in the guide is made again here by breaking the guide's example file
(tests/docs_example/exampleshire.yaml, the made-up Exampleshire County Council) the same
way; if a message changes, this test says which section of the guide to update.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from tracker import pipeline
from tracker.problems import format_text

REPO = Path(__file__).parent.parent
GUIDE = (REPO / "docs" / "editing.md").read_text(encoding="utf-8")
EXAMPLE = (Path(__file__).parent / "docs_example" / "exampleshire.yaml").read_text(encoding="utf-8")
AS_OF = dt.date(2026, 11, 23)

# name: (text in the example file, what the guide's editor wrote instead)
BREAKS = {
    "forgotten-empty-actions": ("    actions:\n      - id: A1", "    actions: []\n    actions:\n      - id: A1"),
    "status-typo": (
        "        status: on-track\n        owner: Assistant",
        "        status: ontrack\n        owner: Assistant",
    ),
    "unknown-key": ("        responds_to: [ilacs-2025/r2]", "        respond_to: [ilacs-2025/r2]"),
    "indent": ("        owner: Head of Quality Assurance", "       owner: Head of Quality Assurance"),
    "tab": ("        owner: Head of Quality Assurance", "\towner: Head of Quality Assurance"),
    "list-key": ("        updates:\n          - date: 2026-02-20", "          - date: 2026-02-20"),
    "list-key-after-ids": (
        "    sources: [ilacs-2025-report]\n    recommendation_count: 3\n    recommendations:\n",
        "    recommendation_count: 3\n    sources:\n      - ilacs-2025-report\n",
    ),
    "colon": (
        "    title: Children's services improvement plan 2025 to 2027",
        "    title: Children's services: improvement plan 2025 to 2027",
    ),
    "yes": ("        owner: Head of Quality Assurance", "        owner: yes"),
    "bad-date": ("          - date: 2026-10-05", "          - date: 2026-10-35"),
    "future-date": ("          - date: 2026-10-05", "          - date: 2027-10-05"),
    "order": ("          - date: 2026-11-02", "          - date: 2026-01-02"),
    "unknown-source": ("    sources: [mv-2026-02-letter]", "    sources: [mv-2026-02-leter]"),
    "extra-bracket": ("    sources: [mv-2026-02-letter]", "    sources: [mv-2026-02-letter]]"),
    "bad-ref": ("        responds_to: [ilacs-2025/r2]", "        responds_to: [ilacs-2025/r4]"),
    "grade-typo": ("      help-and-protection: inadequate", "      help-and-protection: inadequat"),
    "missing-headline": ("      overall: requires-improvement\n", ""),
    "wrong-judgement": ("      in-care: requires-improvement", "      in-care-and-leavers: requires-improvement"),
    "type-typo": ("    type: monitoring-visit", "    type: monitoring"),
    "placeholder": ("        status: not-started", "        status: todo"),
    "blank": ("        owner: Head of Quality Assurance", '        owner: ""'),
    "published-before": ("    published: 2026-03-20\n    focus", "    published: 2026-01-20\n    focus"),
    "count": ("    recommendation_count: 3", "    recommendation_count: 2"),
    "missing-id": ("      - id: A2\n", "      -\n"),
    "dup-id": ("      - id: A2", "      - id: A1"),
    "key-misspelt": ("    type: monitoring-visit", "    tpye: monitoring-visit"),
    "markdown-first": (
        "            note: The average caseload is now 19 children.",
        "            note: *Average* caseloads are now 19 children.",
    ),
    "merge-conflict": (
        "        owner: Head of Quality Assurance\n",
        "<<<<<<< HEAD\n        owner: Head of Quality Assurance\n=======\n"
        "        owner: Quality Assurance Manager\n>>>>>>> update-owner\n",
    ),
    "key-in-text": (
        '      Inspectors found "early signs of improvement" in how quickly children are seen.\n    sources:',
        '      Inspectors found "early signs of improvement" in how quickly children are seen.\n      sources:',
    ),
    "listed-twice": ("        responds_to: [ilacs-2025/r2]", "        responds_to: [ilacs-2025/r2, ilacs-2025/r2]"),
    "comma-in-braces": (
        "          - date: 2026-11-02\n            status: on-track\n"
        "            note: The average caseload is now 19 children.",
        "          - {date: 2026-11-02, status: on-track, note: Caseloads fell, and agency use with them.}",
    ),
}
# The same, for mistakes that are warnings: what the page would show is not what the editor meant.
WARNING_BREAKS = {
    "hash": (
        "        title: Reduce social work caseloads to 18 children or fewer",
        "        title: Reduce social work caseloads, priority #1 for the service",
    ),
    "html": ("in how quickly children are seen.", "in how quickly the <team name> sees children."),
    "heading": (
        '      Inspectors found "early signs of improvement" in how quickly children are seen.\n',
        '      ## Findings\n\n      Inspectors found "early signs of improvement" in how quickly children are seen.\n',
    ),
    "stale": (
        "          - date: 2026-02-20\n            status: at-risk\n            due: 2026-09-30\n"
        "            note: The recruitment campaign slipped; the improvement board agreed a new date.\n"
        "          - date: 2026-11-02",
        "          - date: 2025-09-01\n            status: at-risk\n            due: 2026-09-30\n"
        "            note: The recruitment campaign slipped; the improvement board agreed a new date.\n"
        "          - date: 2025-10-10",
    ),
}


def check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> pipeline.Checked:
    content = tmp_path / "content"
    (content / "authorities").mkdir(parents=True)
    # The real inspection types; a site.yaml with real-looking settings (the committed one
    # still has the example publisher, which the guide's output would otherwise include).
    shutil.copy(REPO / "content" / "frameworks.yaml", content / "frameworks.yaml")
    site = (REPO / "tests" / "fixtures" / "valid" / "site.yaml").read_text(encoding="utf-8")
    # Its accessibility statement reviewed within the year before the guide's day, as it would be.
    (content / "site.yaml").write_text(site.replace("reviewed: 2024-06", "reviewed: 2026-11"), encoding="utf-8")
    (content / "authorities" / "exampleshire.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # paths are shown relative to where the command runs, as in the guide
    return pipeline.check(Path("content"), AS_OF)


def test_the_example_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = check(tmp_path, monkeypatch, EXAMPLE)
    assert not result.errors
    warnings = format_text([p for p in result.problems if not p.is_error])
    assert warnings in GUIDE  # the one warning it has, a recommendation no action answers


@pytest.mark.parametrize("name", BREAKS)
def test_the_guide_quotes_the_real_message(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = BREAKS[name]
    assert EXAMPLE.count(old) >= 1, name
    result = check(tmp_path, monkeypatch, EXAMPLE.replace(old, new, 1))
    # To the end of its last line: a hint quoted with more after it (a second place to line a key
    # up with, which the check no longer offers) held the real one as its start.
    shown = format_text(result.errors).rstrip("\n") + "\n"
    assert result.errors and shown in GUIDE, f"docs/editing.md section 5 should show:\n{shown}"


def test_pictures_exist_and_are_small() -> None:
    pictures = re.findall(r"!\[([^\]]+)\]\((images/[^)]+)\)", GUIDE)
    assert len(pictures) >= 6
    for alt, path in pictures:
        file = REPO / "docs" / path
        assert file.is_file(), path
        assert file.stat().st_size < 150_000, path
        assert len(alt) > 30, f"{path} needs a description of what it shows"
    assert {p.name for p in (REPO / "docs" / "images").iterdir()} == {Path(p).name for _, p in pictures}


def test_every_command_in_the_guide_exists() -> None:
    from test_workflows import assert_cli_accepts  # the same parser the workflow test uses

    calls = re.findall(r"^(?:\$ )?python build\.py ([^\n#`]+)", GUIDE, flags=re.M)
    calls += re.findall(r"`python build\.py ([^`]+)`", GUIDE)
    assert len(calls) > 10
    for call in calls:
        args = [a.strip('"') for a in re.findall(r'"[^"]*"|\S+', call)]
        args = ["slug" if a in ("<slug>", "SLUG") else "ilacs" if a == "TYPE" else a for a in args]
        if "<" in " ".join(args) or "..." in args:
            continue  # a pattern such as --plan <the plan's id>, or "python build.py ..."
        assert_cli_accepts(args)


@pytest.mark.parametrize("name", WARNING_BREAKS)
def test_the_guide_quotes_the_real_warning(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = WARNING_BREAKS[name]
    assert EXAMPLE.count(old) == 1, name
    before = check(tmp_path / "before", monkeypatch, EXAMPLE).problems
    result = check(tmp_path / "after", monkeypatch, EXAMPLE.replace(old, new, 1))
    added = [p for p in result.problems if p not in before]
    shown = format_text(added).rstrip("\n") + "\n"
    assert not result.errors and added and shown in GUIDE, f"docs/editing.md section 5 should show:\n{shown}"


def test_the_guide_quotes_what_new_authority_prints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from tracker.cli import main

    content = tmp_path / "content"
    (content / "authorities").mkdir(parents=True)
    shutil.copy(REPO / "content" / "frameworks.yaml", content / "frameworks.yaml")
    monkeypatch.chdir(tmp_path)  # the default content folder, as the guide runs it
    result = CliRunner().invoke(main, ["new", "authority", "Exampleshire County Council"])
    assert result.exit_code == 0, result.output
    assert result.output in GUIDE
