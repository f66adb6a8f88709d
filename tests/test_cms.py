"""The Decap CMS config: generated from the models, complete and current.

tests/browser/test_cms_decap.py loads it in Decap itself.
"""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from pydantic import BaseModel

from tracker import cms
from tracker.cli import main
from tracker.files import load_frameworks
from tracker.model import Authority, Frameworks, InspectionType, Site

REPO = Path(__file__).parent.parent
ADMIN = REPO / "admin"


@pytest.fixture(scope="module")
def frameworks() -> Frameworks:
    return load_frameworks(REPO / "content")


@pytest.fixture(scope="module")
def committed() -> dict[str, Any]:
    return yaml.safe_load((ADMIN / "config.yml").read_text(encoding="utf-8"))


def collection(config: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in config["collections"] if c["name"] == name)


# Coverage: every field of every model, and nothing else ------------------------------------


def _strip(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            models = [a for a in args if isinstance(_strip(a), type) and issubclass(_strip(a), BaseModel)]
            annotation = models[0] if len(args) > 1 and models else args[0]  # a date-or-range is a range in the form
        else:
            return annotation


def is_model(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)


def assert_covers(model: type[BaseModel], fields: list[dict[str, Any]], where: str, frameworks: Frameworks) -> int:
    """Every field of model (and of the models inside it) has a form field, with nothing extra."""
    by_name = {f["name"]: f for f in fields}
    expected = {info.alias or name: info for name, info in model.model_fields.items()}
    # Decap cannot show an object with no fields: an ungraded type's (empty) judgements are left out.
    missing = set(expected) - set(by_name) - ({"judgements"} if model is InspectionType else set())
    assert not missing, f"{where}: no form field for {sorted(missing)}"
    assert not set(by_name) - set(expected), f"{where}: form fields the model refuses: {set(by_name) - set(expected)}"
    count = 0
    for key, field in by_name.items():
        info = expected[key]
        here = f"{where}.{key}"
        count += 1
        assert field.get("required", True) == info.is_required(), here
        kind = _strip(info.annotation)
        origin = typing.get_origin(kind)
        if origin is list:
            item = _strip(typing.get_args(kind)[0])
            assert field["widget"] == "list", here
            if is_model(item):
                count += assert_covers(item, field["fields"], here + "[]", frameworks)
            else:
                assert "field" in field, here
        elif origin is dict:
            value = _strip(typing.get_args(kind)[1])
            assert field["widget"] == "object" and field["fields"], here
            if is_model(value):  # each data key's form covers the model (a text-or-model value may be text)
                for sub in field["fields"]:
                    if sub["widget"] == "object":
                        count += assert_covers(value, sub["fields"], f"{here}.{sub['name']}", frameworks)
                    else:
                        assert sub["widget"] == "string", here
        elif is_model(kind):
            assert field["widget"] == "object", here
            count += assert_covers(kind, field["fields"], here, frameworks)
        elif origin is typing.Literal:
            assert field["widget"] == "select" and field["options"] == list(typing.get_args(kind)), here
        elif kind is bool:
            assert field["widget"] == "boolean" and field.get("default") == info.default, here
        elif kind is int:
            assert field["widget"] == "number" and field["value_type"] == "int", here
        else:
            assert field["widget"] in ("string", "text", "select"), here
    return count


def test_every_field_of_every_model_has_a_form_field(committed: dict[str, Any], frameworks: Frameworks) -> None:
    authorities = collection(committed, "authorities")
    settings = {f["name"]: f for f in collection(committed, "settings")["files"]}
    counted = (
        assert_covers(Authority, authorities["fields"], "Authority", frameworks)
        + assert_covers(Site, settings["site"]["fields"], "Site", frameworks)
        + assert_covers(Frameworks, settings["frameworks"]["fields"], "Frameworks", frameworks)
    )
    assert counted > 100
    # The one model reached only through data: a dated judgement (ILACS splits one in 2023).
    types = {f["name"]: f for f in next(f for f in settings["frameworks"]["fields"] if f["name"] == "types")["fields"]}
    ilacs = next(f for f in types["ilacs"]["fields"] if f["name"] == "judgements")
    judgements = {f["name"]: f for f in ilacs["fields"]}
    assert [f["name"] for f in judgements["in-care"]["fields"]] == ["label", "from", "to"]


def test_choices_come_from_the_models_and_frameworks(committed: dict[str, Any], frameworks: Frameworks) -> None:
    fields = {f["name"]: f for f in collection(committed, "authorities")["fields"]}
    inspection = {f["name"]: f for f in fields["inspections"]["fields"]}
    assert inspection["type"]["options"] == list(frameworks.types)
    judgements = {f["name"]: f["options"] for f in inspection["judgements"]["fields"]}
    assert set(judgements) == {j for kind in frameworks.types.values() for j in kind.judgements}
    grades = {g for scale in frameworks.scales.values() for g in scale}
    assert all(set(options) == grades for options in judgements.values())
    action = {f["name"]: f for f in {f["name"]: f for f in fields["plans"]["fields"]}["actions"]["fields"]}
    assert action["status"]["options"] == ["not-started", "on-track", "at-risk", "off-track", "done"]
    recommendation = {f["name"]: f for f in inspection["recommendations"]["fields"]}
    assert recommendation["timescale"]["widget"] == "select"
    assert recommendation["wording"]["options"] == ["quoted", "described"]


def test_collections_and_workflow(committed: dict[str, Any]) -> None:
    assert committed["publish_mode"] == "editorial_workflow"
    assert committed["backend"]["name"] == "github" and "/" in committed["backend"]["repo"]
    authorities = collection(committed, "authorities")
    assert (authorities["folder"], authorities["extension"], authorities["format"]) == (
        "content/authorities",
        "yaml",
        "yaml",
    )
    assert authorities["identifier_field"] == "name" and authorities["slug"] == "{{slug}}"
    assert committed["slug"] == {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}
    files = {f["name"]: f["file"] for f in collection(committed, "settings")["files"]}
    assert files == {"site": "content/site.yaml", "frameworks": "content/frameworks.yaml"}
    assert "&" not in (ADMIN / "config.yml").read_text(encoding="utf-8").replace("& ", "")  # no YAML anchors


# Current ------------------------------------------------------------------------------------


def test_committed_files_are_current(frameworks: Frameworks) -> None:
    backend = cms.read_backend(ADMIN / "config.yml")
    assert (ADMIN / "config.yml").read_text(encoding="utf-8") == cms.config_text(frameworks, backend), (
        "admin/config.yml is not current: run `python build.py cms` and commit it"
    )
    assert (ADMIN / "index.html").read_text(encoding="utf-8") == cms.index_html(), (
        "admin/index.html is not current: run `python build.py cms` and commit it"
    )
    result = CliRunner().invoke(main, ["cms", "--check"])
    assert result.exit_code == 0, result.output


def test_cms_command_keeps_the_repository_setting(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "admin"
    assert runner.invoke(main, ["cms", "--out", str(out), "--repo", "example-org/tracker"]).exit_code == 0
    assert runner.invoke(main, ["cms", "--out", str(out)]).exit_code == 0
    assert yaml.safe_load((out / "config.yml").read_text())["backend"]["repo"] == "example-org/tracker"
    assert runner.invoke(main, ["cms", "--out", str(out), "--check"]).exit_code == 0
    (out / "config.yml").write_text("backend: {repo: example-org/tracker}\n")
    stale = runner.invoke(main, ["cms", "--out", str(out), "--check"])
    assert stale.exit_code == 1 and "not current" in stale.output
    assert runner.invoke(main, ["cms", "--out", str(out), "--repo", "not a repo"]).exit_code == 2


def test_admin_page_loads_only_the_pinned_decap() -> None:
    html = (ADMIN / "index.html").read_text(encoding="utf-8")
    assert html.count("<script") == 1
    assert f'src="https://unpkg.com/decap-cms@{cms.DECAP_VERSION}/dist/decap-cms.js"' in html
    assert f'integrity="{cms.DECAP_SRI}"' in html and 'crossorigin="anonymous"' in html
    assert "only external script" in html and 'name="robots" content="noindex"' in html
    assert cms.DECAP_VERSION.count(".") == 2 and "^" not in cms.DECAP_VERSION


def test_admin_files_for_the_build(frameworks: Frameworks) -> None:
    files = cms.admin_files(frameworks)
    assert files["admin/config.yml"] == (ADMIN / "config.yml").read_bytes()
    assert files["admin/index.html"] == (ADMIN / "index.html").read_bytes()
