"""Editors' tools agree with the checker: yamllint, the VS Code schema binding, comment-free files.

The `# yaml-language-server` modeline is a convenience only. Tools such as Decap CMS
rewrite a file without its comments, so .vscode/settings.json binds the same schemas
by path, and nothing in the checker or the build may depend on a comment.
"""

from __future__ import annotations

import fnmatch
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import CONTENT_AS_OF
from yamllint import linter
from yamllint.config import YamlLintConfig

from tracker import pipeline
from tracker.load import load_file

REPO = Path(__file__).parent.parent
AS_OF = CONTENT_AS_OF
CONFIG = YamlLintConfig(file=str(REPO / ".yamllint.yaml"))


def lint(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [
        f"{path.relative_to(REPO)}:{p.line}:{p.column}: {p.level}: {p.desc} ({p.rule})"
        for p in linter.run(text, CONFIG, str(path))
    ]


def yaml_files(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (REPO / folder).rglob("*") if p.suffix in (".yaml", ".yml"))


def test_yamllint_passes_on_content() -> None:
    files = yaml_files("content")
    assert len(files) >= 5
    assert [problem for path in files for problem in lint(path)] == []


def test_yamllint_passes_on_the_projects_own_yaml() -> None:
    files = [
        *yaml_files(".github", "admin", "tests/site_fixture"),
        REPO / ".pre-commit-config.yaml",
        REPO / ".yamllint.yaml",
    ]
    assert [problem for path in files for problem in lint(path)] == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("owner: yes\n", "truthy"),
        ("a: 1\na: 2\n", "key-duplicates"),
        ("list:\n\t- a\n", "syntax"),
        ("code: 0123\n", "octal-values"),
    ],
)
def test_yamllint_flags_what_the_checker_refuses(text: str, rule: str) -> None:
    problems = list(linter.run(text, CONFIG))
    assert any((p.rule or "syntax") == rule and p.level == "error" for p in problems), problems


def test_yamllint_accepts_what_the_content_does() -> None:
    text = (
        "# yaml-language-server: $schema=../../schema/authority.schema.json\n"
        "name: A Council\n"
        "summary: " + "long prose " * 40 + "ends here\n"
        "graded: false\n"
        "sources:\n  - {id: a, title: A, url: https://example.org/}  # a note\n"
        # A list at its key's column: valid YAML, and the checker passes it, so a pull
        # request's lint must too.
        "notes:\n- {text: A note.}\n"
    )
    assert list(linter.run(text, CONFIG)) == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("\n", " \n"),  # trailing spaces
        ("\n", "\r\n"),  # saved with Windows line endings
        ("published: ", "published:  "),
        ("visited: {from: ", "visited: { from: "),
        ("sources: [", "sources: [ "),
    ],
)
def test_layout_the_checker_accepts_passes_yamllint(tmp_path: Path, old: str, new: str) -> None:
    # The checker is the authority: a pull request's lint must not fail where it passes.
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    path = content / "authorities" / "warwickshire.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_bytes(text.replace(old, new).encode("utf-8"))
    for changed in (path, content / "site.yaml"):
        assert list(linter.run(changed.read_bytes().decode("utf-8"), CONFIG, str(changed))) == []
    (content / "site.yaml").write_text((REPO / "content" / "site.yaml").read_text().rstrip() + "\n\n\n")
    assert list(linter.run((content / "site.yaml").read_text(), CONFIG)) == []
    assert not pipeline.check(content, AS_OF).errors


def test_a_file_indented_by_four_passes_yamllint_as_it_passes_the_checker(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    path = content / "authorities" / "four.yaml"
    path.write_text(
        "name: Four Council\n"
        "region: South West\n"
        "sources:\n"
        "    -   id: s\n"
        "        title: Report\n"
        "        url: https://example.org/r\n"
        "inspections:\n"
        "    -   id: mv\n"
        "        type: monitoring-visit\n"
        "        visited: 2020-01\n"
        "        sources: [s]\n",
        encoding="utf-8",
    )
    assert list(linter.run(path.read_text(encoding="utf-8"), CONFIG, str(path))) == []
    assert [p for p in pipeline.check(content, AS_OF).problems if p.file.endswith("four.yaml")] == []


def test_vscode_binds_each_schema_by_path_as_the_modelines_do() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    schemas: dict[str, str] = settings["yaml.schemas"]
    assert settings["yaml.yamlVersion"] == "1.1"  # as the checker reads YAML: `yes` is a boolean
    for schema in schemas:
        assert (REPO / schema).is_file(), schema
    files = [*yaml_files("content")]
    for path in files:
        relative = path.relative_to(REPO).as_posix()
        bound = [schema for schema, pattern in schemas.items() if fnmatch.fnmatch(relative, pattern)]
        assert len(bound) == 1, relative
        modeline = path.read_text(encoding="utf-8").splitlines()[0]
        target = modeline.split("$schema=")[1]
        assert (path.parent / target).resolve() == (REPO / bound[0]).resolve(), relative
    extensions = json.loads((REPO / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def rewrite_without_comments(path: Path) -> None:
    """What a form-based editor does: parse, then write the data back, with no comment and its own style."""
    doc, problems = load_file(path, str(path))
    assert doc is not None and not problems
    path.write_text(yaml.safe_dump(doc.data, sort_keys=False, allow_unicode=True, width=72), encoding="utf-8")


def strip_comments(path: Path) -> None:
    """Remove every comment and keep everything else as written: a `#` starts a comment when it
    follows a space or a line break and is not inside a value (the scanner says where values are)."""
    text = path.read_text(encoding="utf-8")
    covered = bytearray(len(text))
    for token in yaml.scan(text, Loader=yaml.SafeLoader):
        if isinstance(token, yaml.ScalarToken):
            start, end = token.start_mark.index, token.end_mark.index
            covered[start:end] = b"\1" * (end - start)
    out, skipping = [], False
    for index, char in enumerate(text):
        if char == "\n":
            skipping = False
        elif skipping or (char == "#" and not covered[index] and (index == 0 or text[index - 1] in " \t\n")):
            skipping = True
            continue
        out.append(char)
    path.write_text("\n".join(line.rstrip() for line in "".join(out).split("\n")), encoding="utf-8")


@pytest.mark.parametrize("transform", [rewrite_without_comments, strip_comments])
def test_check_and_build_do_not_depend_on_comments(tmp_path: Path, transform: Any) -> None:
    original = REPO / "content"
    content = tmp_path / "content"
    shutil.copytree(original, content)
    for path in content.rglob("*.yaml"):
        transform(path)
        assert not [line for line in path.read_text(encoding="utf-8").splitlines() if line.lstrip().startswith("#")]
    before, after = pipeline.check(original, AS_OF), pipeline.check(content, AS_OF)
    assert not after.errors, [f"{p.file}:{p.line}: {p.message}" for p in after.errors]
    assert sorted(p.message for p in after.problems) == sorted(p.message for p in before.problems)
    assert before.content is not None and after.content is not None
    assert after.content.authorities == before.content.authorities
    assert after.content.frameworks == before.content.frameworks and after.content.site == before.content.site
