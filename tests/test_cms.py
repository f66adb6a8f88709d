"""The Decap CMS config: generated from the models and site.yaml, complete and validated.

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
from conftest import AS_OF, ContentCopy
from pydantic import BaseModel

from tracker import cms, pipeline
from tracker.cli import main
from tracker.model import Authority, Cms, Frameworks, InspectionType, Site

REPO = Path(__file__).parent.parent
SETTINGS = Cms(repo="example-org/improvement-tracker", branch="main")


@pytest.fixture(scope="module")
def frameworks() -> Frameworks:
    return pipeline.settings(REPO / "content")[1]


@pytest.fixture(scope="module")
def committed(frameworks: Frameworks) -> dict[str, Any]:
    """The configuration the build publishes for the real content."""
    parsed: dict[str, Any] = yaml.safe_load(cms.config_text(frameworks, SETTINGS))
    return parsed


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


def assert_covers(
    model: type[BaseModel], fields: list[dict[str, Any]], where: str, frameworks: Frameworks, optional: bool = False
) -> int:
    """Every field of model (and of the models inside it) has a form field, with nothing extra.

    optional: model is an optional group's, whose fields the form leaves all optional
    (Decap would require them even when the group is left out; `check` holds them).
    """
    by_name = {f["name"]: f for f in fields}
    expected = {info.alias or name: info for name, info in model.model_fields.items()}
    # Decap cannot show an object with no fields: an ungraded type's (empty) judgements are left out.
    missing = set(expected) - set(by_name) - ({"judgements"} if model is InspectionType else set())
    missing -= {"cms"} if model is Site else set()  # set in site.yaml only (cms.model_fields says why)
    assert not missing, f"{where}: no form field for {sorted(missing)}"
    assert not set(by_name) - set(expected), f"{where}: form fields the model refuses: {set(by_name) - set(expected)}"
    count = 0
    for key, field in by_name.items():
        info = expected[key]
        here = f"{where}.{key}"
        count += 1
        assert field.get("required", True) == (info.is_required() and not optional), here
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
            count += assert_covers(kind, field["fields"], here, frameworks, not info.is_required())
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
    assert [f["name"] for f in judgements["in-care"]["fields"]] == ["label", "short", "from", "to"]


def test_terms_have_a_form_each_and_none_without_terms(committed: dict[str, Any], frameworks: Frameworks) -> None:
    forms = {f["name"]: f for f in collection(committed, "settings")["files"]}["frameworks"]["fields"]
    terms = next(f for f in forms if f["name"] == "terms")
    assert [f["name"] for f in terms["fields"]] == list(frameworks.terms) == ["national-framework"]
    assert [f["name"] for f in terms["fields"][0]["fields"]] == ["term", "forms", "meaning", "source"]
    # Decap shows no object without fields and cannot add a key: without terms, no form for them.
    bare: dict[str, Any] = yaml.safe_load(cms.config_text(frameworks.model_copy(update={"terms": {}}), SETTINGS))
    forms = {f["name"]: f for f in collection(bare, "settings")["files"]}["frameworks"]["fields"]
    assert "terms" not in [f["name"] for f in forms]


def test_choices_come_from_the_models_and_frameworks(committed: dict[str, Any], frameworks: Frameworks) -> None:
    fields = {f["name"]: f for f in collection(committed, "authorities")["fields"]}
    inspection = {f["name"]: f for f in fields["inspections"]["fields"]}
    assert inspection["type"]["options"] == list(frameworks.types)
    judgements = {f["name"]: f["options"] for f in inspection["judgements"]["fields"]}
    assert set(judgements) == {j for kind in frameworks.types.values() for j in kind.judgements}
    # Each judgement offers the grades of the scales of the types that have it, and no others.
    for judgement, options in judgements.items():
        scales = {kind.scale for kind in frameworks.types.values() if judgement in kind.judgements}
        assert set(options) == {g for scale in scales if scale for g in frameworks.scales[scale]}, judgement
    assert any(
        len(options) < len({g for s in frameworks.scales.values() for g in s}) for options in judgements.values()
    )
    action = {f["name"]: f for f in {f["name"]: f for f in fields["plans"]["fields"]}["actions"]["fields"]}
    assert action["status"]["options"] == ["not-started", "on-track", "at-risk", "off-track", "done", "dropped"]
    recommendation = {f["name"]: f for f in inspection["recommendations"]["fields"]}
    assert recommendation["timescale"]["widget"] == "select"
    assert recommendation["wording"]["options"] == ["quoted", "described"]


def test_collections_and_workflow(committed: dict[str, Any], frameworks: Frameworks) -> None:
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
    assert not any(getattr(e, "anchor", None) for e in yaml.parse(cms.config_text(frameworks, SETTINGS)))


# Settings and publication --------------------------------------------------------------------


def test_the_build_publishes_the_admin_page_only_with_cms_settings(content_copy: ContentCopy) -> None:
    site = content_copy.root.parent / "site"
    runner = CliRunner()
    build = ["build", "--content", "content", "--out", str(site), "--as-of", AS_OF]
    assert runner.invoke(main, build).exit_code == 0
    config = yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"] == {
        "name": "github",
        "repo": "example-org/improvement-tracker",
        "branch": "main",
        "base_url": "https://auth.example.org/",
    }
    assert (site / "admin" / "index.html").read_text(encoding="utf-8") == cms.index_html()

    content_copy.patch(
        "site.yaml",
        "cms: {repo: example-org/improvement-tracker, branch: main, auth_url: https://auth.example.org/}\n",
        "",
    )
    assert runner.invoke(main, build).exit_code == 0
    assert not (site / "admin").exists()


@pytest.mark.parametrize(
    ("value", "col", "message", "hint"),
    [
        (
            "{repo: a/b, auth_url: 'javascript:alert(1)'}",
            28,
            "`javascript:alert(1)` is not a valid `auth_url`",
            "write a web address starting with `https://`",
        ),
        (
            "{repo: a/b, auth_url: 'http://auth.example.org/'}",
            28,
            "`http://auth.example.org/` is not a valid `auth_url`",
            "write a web address starting with `https://`",
        ),
        (
            "{repo: 'a/b\" onload=\"x'}",
            13,
            '`a/b" onload="x` is not a valid `repo`',
            "write a GitHub repository as OWNER/NAME, like `example-org/improvement-tracker`",
        ),
    ],
)
def test_cms_settings_are_checked_like_any_content(
    content_copy: ContentCopy, value: str, col: int, message: str, hint: str
) -> None:
    text = content_copy.read("site.yaml")
    line = text[: text.index("cms:")].count("\n") + 1
    content_copy.patch(
        "site.yaml",
        "cms: {repo: example-org/improvement-tracker, branch: main, auth_url: https://auth.example.org/}",
        f"cms: {value}",
    )
    [problem] = content_copy.check().problems
    assert (problem.file, problem.line, problem.col, problem.message, problem.hint) == (
        "content/site.yaml",
        line,
        col,
        message,
        hint,
    )


def test_admin_page_loads_only_the_pinned_decap() -> None:
    html = cms.index_html()
    assert html.count("<script") == 1
    assert f'src="https://unpkg.com/decap-cms@{cms.DECAP_VERSION}/dist/decap-cms.js"' in html
    assert f'integrity="{cms.DECAP_SRI}"' in html and 'crossorigin="anonymous"' in html
    assert "only external script" in html and 'name="robots" content="noindex"' in html
    assert cms.DECAP_VERSION.count(".") == 2 and "^" not in cms.DECAP_VERSION
