"""The committed JSON Schemas (schema/) are current and agree with the checker; the fixture uses every field."""

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import VALID
from pydantic import BaseModel

from tracker.cli import main
from tracker.explain import unwrap
from tracker.load import load_file
from tracker.model import Authority, Frameworks, Site

SCHEMA = Path(__file__).parent.parent / "schema"
FILES = {
    "site.yaml": "site",
    "frameworks.yaml": "frameworks",
    "authorities/example.yaml": "authority",
    "authorities/old-example.yaml": "authority",
}


def schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA / f"{name}.schema.json").read_text(encoding="utf-8"))


def data(path: Path) -> Any:
    # The checker's own loader: dates stay text, as YAML editors' tooling sees them.
    doc, problems = load_file(path, str(path))
    assert doc is not None and problems == [], problems
    return doc.data


def test_committed_schemas_are_what_build_py_schema_writes(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in tmp_path.iterdir())
    assert (
        written
        == sorted(p.name for p in SCHEMA.glob("*.json"))
        == ["authority.schema.json", "frameworks.schema.json", "site.schema.json"]
    )
    for name in written:
        assert (tmp_path / name).read_bytes() == (SCHEMA / name).read_bytes(), (
            f"schema/{name} is out of date: run `python build.py schema`"
        )


@pytest.mark.parametrize("name", ["site", "frameworks", "authority"])
def test_schemas_are_valid_draft_2020_12(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schema(name))


@pytest.mark.parametrize(("file", "kind"), FILES.items())
def test_the_valid_fixture_validates_against_the_schema(file: str, kind: str) -> None:
    errors = list(jsonschema.Draft202012Validator(schema(kind)).iter_errors(data(VALID / file)))
    assert errors == [], [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("status: done", "status: ontrack"),
        ("      - id: r1\n", "      - id: r1\n        wordng: quoted\n"),
        ("url: https://reports.ofsted.gov.uk/example/mv", "url: javascript:alert(1)"),
        ("gss: E10000034", "gss: E1000003"),
        ("owner: Assistant Director, Safeguarding", "owner: yes"),
        ("published: 2017-01-24\n    judgements", "published: 2017-1-24\n    judgements"),
    ],
)
def test_the_schema_refuses_shape_errors_as_the_checker_does(tmp_path: Path, old: str, new: str) -> None:
    text = (VALID / "authorities/example.yaml").read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / "example.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    assert not jsonschema.Draft202012Validator(schema("authority")).is_valid(data(path))


def _walk(annotation: Any, value: Any, seen: set[tuple[str, str]]) -> None:
    """Record each (model, key) that value uses, following the model's annotations."""
    for kind in unwrap(annotation):
        origin = typing.get_origin(kind)
        if isinstance(kind, type) and issubclass(kind, BaseModel) and isinstance(value, dict):
            fields = {info.alias or name: info for name, info in kind.model_fields.items()}
            if set(value) <= set(fields):
                for key, item in value.items():
                    seen.add((kind.__name__, key))
                    _walk(fields[key].annotation, item, seen)
        elif origin is list and isinstance(value, list):
            for item in value:
                _walk(typing.get_args(kind)[0], item, seen)
        elif origin is dict and isinstance(value, dict):
            for item in value.values():
                _walk(typing.get_args(kind)[1], item, seen)


def _fields(model: type[BaseModel], out: set[tuple[str, str]]) -> set[tuple[str, str]]:
    for name, info in model.model_fields.items():
        if (model.__name__, info.alias or name) not in out:
            out.add((model.__name__, info.alias or name))
            for kind in unwrap(info.annotation):
                for inner in [kind, *typing.get_args(kind)]:
                    for leaf in unwrap(inner):
                        if isinstance(leaf, type) and issubclass(leaf, BaseModel):
                            _fields(leaf, out)
    return out


def test_the_valid_fixture_uses_every_field_of_every_model() -> None:
    models = {"site": Site, "frameworks": Frameworks, "authority": Authority}
    seen: set[tuple[str, str]] = set()
    for file, kind in FILES.items():
        _walk(models[kind], data(VALID / file), seen)
    every = set().union(*(_fields(model, set()) for model in models.values()))
    assert every - seen == set(), "add these to tests/fixtures/valid so every field is checked"
