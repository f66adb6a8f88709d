"""The GitHub Actions workflows and the pre-commit hooks: valid, minimal, and calling real commands.

Every `python build.py <verb> ...` (or `tracker <verb> ...`) that a workflow or hook runs is
parsed by the real click command, options and all, so renaming a verb or an option
breaks this test rather than the next pull request.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from tracker.cli import main

REPO = Path(__file__).parent.parent
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@(?:v\d+(?:\.\d+){0,2}|[0-9a-f]{40})$")
EXPRESSION = re.compile(r"\$\{\{[^}]*\}\}")


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def commands(script: str) -> list[list[str]]:
    """The simple commands of a shell script, split into words; ${{ }} expressions become a URL."""
    script = EXPRESSION.sub("https://example.github.io/tracker", script).replace("\\\n", " ")
    found = []
    for line in script.splitlines():
        for part in re.split(r"&&|\|\||;|\|", line):
            words = shlex.split(part, comments=True)
            if words:
                found.append(words)
    return found


def tracker_calls(words: list[str]) -> list[str] | None:
    """The CLI arguments, if the command runs the tracker's CLI."""
    if words[:2] in (["python", "build.py"], ["python3", "build.py"]):
        return words[2:]
    if words[:1] == ["tracker"]:
        return words[1:]
    return None


def assert_cli_accepts(args: list[str]) -> None:
    """Parse args with the real commands (types, choices and all) without running them."""
    group: click.Group = main
    ctx = click.Context(main, info_name="build.py")
    while True:
        assert args, "a group with no command"
        name, args = args[0], args[1:]
        command = group.get_command(ctx, name)
        assert command is not None, f"no command `{name}`"
        if isinstance(command, click.Group):
            group, ctx = command, click.Context(command, info_name=name, parent=ctx)
            continue
        command.make_context(name, list(args), parent=ctx)  # raises a UsageError on a bad option or value
        return


def all_runs() -> list[tuple[str, str]]:
    runs = [(path.name, step["run"]) for path in WORKFLOWS for step in steps(load(path)) if "run" in step]
    hooks = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    runs += [
        (".pre-commit-config.yaml", hook["entry"])
        for repo in hooks["repos"]
        if repo["repo"] == "local"
        for hook in repo["hooks"]
    ]
    return runs


def test_there_are_the_two_workflows() -> None:
    assert {"pages.yml", "pull-request.yml"} <= {p.name for p in WORKFLOWS}
    for path in WORKFLOWS:
        workflow = load(path)
        assert {"name", "on", "jobs", "permissions"} <= workflow.keys(), path.name
    assert "pull_request" in load(REPO / ".github/workflows/pull-request.yml")["on"]
    assert "pull_request_target" not in load(REPO / ".github/workflows/pull-request.yml")["on"]
    assert load(REPO / ".github/workflows/pages.yml")["on"]["push"] == {"branches": ["main"]}


@pytest.mark.parametrize(("where", "script"), all_runs(), ids=lambda v: v if len(v) < 40 else v[:40])
def test_every_cli_call_exists_with_its_options(where: str, script: str) -> None:
    for words in commands(script):
        args = tracker_calls(words)
        if args is not None:
            assert_cli_accepts(args)
        if words[:1] == ["bash"]:
            assert (REPO / words[1]).is_file(), f"{where}: {words[1]} is missing"


def test_the_cli_calls_cover_check_build_and_tests() -> None:
    pr = [
        words
        for step in steps(load(REPO / ".github/workflows/pull-request.yml"))
        if "run" in step
        for words in commands(step["run"])
    ]
    assert ["python", "build.py", "check", "--format", "github"] in pr
    assert any(tracker_calls(w) and tracker_calls(w)[0] == "build" for w in pr)
    assert ["bash", ".ci/run"] in pr
    # .ci/run runs the README's test command, so CI and a developer run the same tests.
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").replace("-q ", "")
    assert "pip install -e '.[test]' && python -m pytest" in ci
    pages = [
        words
        for step in steps(load(REPO / ".github/workflows/pages.yml"))
        if "run" in step
        for words in commands(step["run"])
    ]
    build = next(tracker_calls(w) for w in pages if tracker_calls(w) and tracker_calls(w)[0] == "build")
    assert build[build.index("--base-url") + 1] == "https://example.github.io/tracker/"  # from configure-pages


def test_a_bad_call_would_be_caught() -> None:
    with pytest.raises(click.UsageError):
        assert_cli_accepts(["check", "--format", "gitlab"])
    with pytest.raises(click.UsageError):
        assert_cli_accepts(["build", "--base"])
    with pytest.raises(AssertionError):
        assert_cli_accepts(["publish"])
    assert_cli_accepts(["new", "inspection", "slug", "ilacs"])


def test_actions_are_pinned_to_a_version() -> None:
    used = [step["uses"] for path in WORKFLOWS for step in steps(load(path)) if "uses" in step]
    assert used and all(PINNED.match(u) for u in used), [u for u in used if not PINNED.match(u)]
    names = {u.split("@")[0] for u in used}
    assert {
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    } <= names


def test_permissions_are_minimal() -> None:
    for path in WORKFLOWS:
        workflow = load(path)
        assert workflow["permissions"] == {"contents": "read"}, path.name
        for name, job in workflow["jobs"].items():
            permissions = job.get("permissions", workflow["permissions"])
            assert isinstance(permissions, dict), f"{path.name}:{name} uses a permissions shorthand"
            writes = {scope for scope, level in permissions.items() if level == "write"}
            if path.name == "pages.yml" and name == "deploy":
                assert permissions == {"pages": "write", "id-token": "write"}
            else:
                assert not writes, f"{path.name}:{name} can write {writes}"
                assert set(permissions) <= {"contents", "pages"}


def test_pip_is_cached() -> None:
    for path in WORKFLOWS:
        for step in steps(load(path)):
            if step.get("uses", "").startswith("actions/setup-python@"):
                assert step["with"]["cache"] == "pip" and step["with"]["cache-dependency-path"] == "pyproject.toml"


def test_pages_deploys_what_it_built() -> None:
    workflow = load(REPO / ".github/workflows/pages.yml")
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    uses = [s.get("uses", "").split("@")[0] for s in build["steps"]]
    assert uses.index("actions/configure-pages") < uses.index("actions/upload-pages-artifact")
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    run = next(s["run"] for s in build["steps"] if "build.py build" in s.get("run", ""))
    out = shlex.split(EXPRESSION.sub("X", run))
    assert upload["with"]["path"].rstrip("/") == out[out.index("--out") + 1].rstrip("/")
    assert "steps.pages.outputs.base_url" in run


def test_pre_commit_config() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    local = next(r for r in config["repos"] if r["repo"] == "local")
    hook = next(h for h in local["hooks"] if h["id"] == "content-check")
    assert hook["entry"] == "python build.py check"
    # The staged files are passed: `check` checks everything and reports their problems.
    assert hook["pass_filenames"] is True and hook["language"] == "system"
    for name in ("content/authorities/shropshire.yaml", "content/site.yaml", "content/frameworks.yaml"):
        assert re.match(hook["files"], name)
    assert not re.match(hook["files"], "content/README.md")
    # The code checks are the ones the tests run (tests/test_code_quality.py), with pyproject's settings.
    entries = {h["id"]: h["entry"] for h in local["hooks"]}
    assert entries["ruff-check"] == "python -m ruff check"
    assert entries["ruff-format"] == "python -m ruff format --check"
    assert entries["mypy"] == "python -m mypy"
    lint = next(r for r in config["repos"] if r["repo"].endswith("/yamllint"))
    assert re.fullmatch(r"v\d+\.\d+\.\d+", lint["rev"])
    assert [h["id"] for h in lint["hooks"]] == ["yamllint"]
