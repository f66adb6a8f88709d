"""Decap CMS for editors who prefer web forms: `admin/config.yml` and `admin/index.html`.

The build writes both into the site (site/admin/) when site.yaml has `cms` settings. The collections and fields are
generated from the content models (tracker/model.py: Site, Frameworks, Authority), so
the forms cannot drift from what `check` accepts. The repository the CMS commits to
comes from site.yaml's `cms` settings, which `check` validates like any other content.
Where the models allow keys chosen by the data (judgements, grade scales, inspection
types), the keys come from content/frameworks.yaml: Decap has no widget for free keys.

With `publish_mode: editorial_workflow` a save in the CMS opens a pull request, so a
web-form edit goes through the same checks, build and review as any other.

Decap cannot express two things the YAML allows, and these are the forms' limits:

- A value that may be either a date or a `{from, to}` range (`visited`) is always a
  range in the form; a one-day visit gives the same date twice.
- A framework judgement that is plain text or `{label, short, from, to}` keeps the shape it
  has in frameworks.yaml; changing the shape, or adding a new inspection type, grade
  or judgement, is a YAML edit (after which the generated config picks it up).
- An optional group of fields (site.yaml's `accessibility`) has every field optional in
  the form: Decap would require them even when the group is left out. `check`, in the
  pull request, says which of them a group that is given needs.

Decap rewrites a file without its comments, key order or quoting; nothing depends on
those (the schema binding is also in .vscode/settings.json), and `check` reads the
result the same way.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .model import (
    PATTERN_MEANING,
    REGIONS,
    AreaGrade,
    Authority,
    Cms,
    DatedJudgement,
    Frameworks,
    Inspection,
    InspectionType,
    PartialDate,
    Site,
    Term,
)

DECAP_VERSION = "3.16.3"  # npm package decap-cms
DECAP_URL = f"https://unpkg.com/decap-cms@{DECAP_VERSION}/dist/decap-cms.js"
# sha384 of dist/decap-cms.js in the npm tarball decap-cms-3.16.3.tgz (unpkg serves the package's files as
# published); recompute when DECAP_VERSION changes: openssl dgst -sha384 -binary decap-cms.js | base64
DECAP_SRI = "sha384-A/Gdn928CNLufmnGWGs9RM4Q9o8bSNLeJERqBFrBjwzL7FRpoLT3MPF8Tl0+Wd2p"
DATE_PATTERN = [r"^\d{4}-\d{2}(-\d{2})?$", "a date written YYYY-MM-DD, or YYYY-MM when the day is not known"]

LABELS = {
    "id": "Id",
    "url": "Web address",
    "base_url": "Base URL (absolute)",
    "gss": "ONS code (GSS)",
    "dfe": "DfE LA number",
    "ofsted": "Ofsted URN",
    "from": "From",
    "to": "To",
    "by": "Delivered by",
    "responds_to": "Responds to (recommendations)",
    "in_response_to": "In response to (inspections)",
    "recommendation_count": "Number of recommendations the report sets",
    "former_slugs": "Former addresses",
    "area_grades": "Area grades",
    "in_use": "In use",
    "recommendations_label": "What the reports call recommendations",
    "whole_service": "Judges the whole service",
    "priority_label": "What the reports call their most serious points",
    "priority": "An area for priority action",
    "short": "Short name (for the report card)",
}

HINTS: dict[tuple[str, str], str] = {
    ("Authority", "name"): "The council's name, e.g. Worcestershire County Council.",
    ("Authority", "region"): "One of the nine English regions, e.g. West Midlands.",
    ("Authority", "predecessors"): "Addresses (file names) of the authorities this one replaced.",
    ("Authority", "successors"): "Addresses (file names) of the authorities that replaced this one.",
    ("Authority", "former_slugs"): "Addresses (file names, without .yaml) this page had before its file was "
    "renamed: each keeps a page that sends readers on.",
    ("Source", "id"): "A short id used to cite this source, e.g. sif-2016-report.",
    ("Source", "via"): "How the source was collected, e.g. a named dataset.",
    ("Source", "note"): "A caveat about the source itself.",
    ("Inspection", "id"): "Unique in this file, e.g. ilacs-2025.",
    ("Inspection", "visited"): "First and last day on site. For a one-day visit, or when only the month is known, "
    "give the same date in both.",
    ("Inspection", "visited_in_parts"): "Only for a visit in parts (an inspection paused and resumed): each part's "
    "first and last day, as the report gives them. The first begins on Visited's From, the last ends on its To.",
    ("Inspection", "judgements"): "Only the judgements this inspection type has (see frameworks.yaml); the "
    "headline ones are required for graded types.",
    ("Inspection", "sources"): "Ids of the sources (above) this rests on; at least one.",
    ("Inspection", "summary"): "Markdown. Quote the report where you can.",
    ("Recommendation", "id"): "Unique within the inspection, e.g. r1.",
    ("Recommendation", "wording"): "quoted: the report's own words (default); described: a source's summary.",
    ("Recommendation", "due"): "Or a timescale: not both.",
    ("Recommendation", "priority"): 'On for a point a focused-visit letter lists under "Areas for priority action".',
    ("Action", "status"): "not-started, on-track, at-risk, off-track or done, as the plan first gave it: do not "
    "change it later; add an update with its new status instead.",
    ("Action", "due"): "The date the plan first set: do not change it later; add an update with the new date instead.",
    ("Action", "workstream"): "Required when the plan has workstreams: one of their ids.",
    ("Action", "responds_to"): "Each as inspection-id/recommendation-id, e.g. sif-2016/r6.",
    ("Update", "due"): "Moves the action's due date; say why in the note.",
    ("Plan", "closed"): "Leave empty while the plan is current.",
    ("Plan", "actions"): "Leave empty when the plan's actions are not known.",
    ("Delivery", "from"): "The day or month this body began delivering the services, as a source gives it. Leave "
    "empty only where no source says, and only for a body listed alone.",
    ("Note", "kind"): "caveat (default); disagreement: then cite at least two sources; or correction: then give "
    "its date.",
    ("Note", "date"): "A correction's only: today's date, the day you correct it.",
    ("Note", "not_recorded"): "A caveat's only: a few words naming what is known to have happened but is not "
    "recorded here, e.g. two monitoring visits in 2018. The page lists them under Not recorded.",
    ("InspectionType", "graded"): "Off for visits and other types that give no grades.",
    ("Site", "accessibility"): "What the accessibility statement says. Leave it empty until the site has been "
    "tested against WCAG 2.2 AA; then give at least the status and the day the statement was prepared.",
    ("Accessibility", "issues"): "Each thing that is not accessible: the success criterion it fails, when it will "
    "be fixed, and what a reader can do instead.",
}

SUMMARIES = {
    "Source": "{{fields.id}}: {{fields.title}}",
    "Inspection": "{{fields.id}} ({{fields.type}})",
    "Recommendation": "{{fields.id}}: {{fields.text}}",
    "Plan": "{{fields.id}}: {{fields.title}}",
    "Action": "{{fields.id}}: {{fields.title}} ({{fields.status}})",
    "Update": "{{fields.date}} {{fields.status}}",
    "Workstream": "{{fields.id}}: {{fields.title}}",
    "Delivery": "{{fields.by}} {{fields.from}}",
    "Note": "{{fields.kind}}: {{fields.text}}",
    "AreaGrade": "{{fields.area}}: {{fields.grade}}",
}


# Model walk ------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Data:
    """What the forms take from frameworks.yaml: the keys Decap cannot leave free."""

    frameworks: Frameworks

    @property
    def grades(self) -> list[str]:
        return list(dict.fromkeys(g for scale in self.frameworks.scales.values() for g in scale))

    @property
    def judgements(self) -> list[str]:
        return self.frameworks.judgement_keys()

    def grades_of(self, judgement: str) -> list[str]:
        """The grades a judgement can be given: those of the scales of the types that have it
        (not every scale's, which would repeat them all under every judgement)."""
        fw = self.frameworks
        kinds = [kind for kind in fw.types.values() if judgement in kind.judgements]
        return list(dict.fromkeys(g for kind in kinds for g in fw.scales.get(kind.scale or "", {})))


def _label(name: str) -> str:
    return LABELS.get(name, name.replace("_", " ").capitalize())


def _strip(annotation: Any) -> tuple[Any, list[Any]]:
    """The type and its metadata, through Annotated and Optional."""
    metadata: list[Any] = []
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation, *extra = typing.get_args(annotation)
            metadata.extend(extra)
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return typing.Union[tuple(args)], metadata  # noqa: UP007 - a real choice of types, built at run time
            annotation = args[0]
        else:
            return annotation, metadata


def _constraints(metadata: list[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in metadata:
        for name in ("pattern", "ge", "le", "description", "min_length"):
            value = getattr(item, name, None)
            if value is None and isinstance(item, FieldInfo):
                value = next(
                    (getattr(m, name, None) for m in item.metadata if getattr(m, name, None) is not None), None
                )
            if value is not None:
                found.setdefault(name, value)
    return found


def _is_model(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)


def model_fields(model: type[BaseModel], data: Data, context: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    return [
        _field(model, name, info, data, context or {})
        for name, info in model.model_fields.items()
        # The CMS's own settings are not offered in its forms: a wrong value there would
        # lock editors out of the form they would need to put it right.
        if (model, name) != (Site, "cms")
        # Decap cannot show an object without fields, nor add a free key to one.
        and ((model, name) != (Frameworks, "terms") or data.frameworks.terms)
    ]


def _field(owner: type[BaseModel], name: str, info: FieldInfo, data: Data, context: dict[str, Any]) -> dict[str, Any]:
    key = info.alias or name
    field: dict[str, Any] = {"label": _label(key), "name": key}
    if not info.is_required():
        field["required"] = False
    kind, metadata = _strip(info.annotation)
    widget = _special(owner, key, data, context)
    if widget is None:
        widget = _widget(kind, metadata + list(info.metadata), data, context, owner.__name__, key)
    field.update(widget)
    if not info.is_required() and field.get("widget") == "object":
        # Decap requires an optional group's required fields even when the group is left
        # empty (decap-cms#7748), which would stop every save of a file without it.
        field["fields"] = [{**inner, "required": False} for inner in field["fields"]]
    if isinstance(info.default, bool):
        field["default"] = info.default
    hint = HINTS.get((owner.__name__, key))
    if hint:
        field["hint"] = hint
    return field


def _widget(
    kind: Any, metadata: list[Any], data: Data, context: dict[str, Any], owner: str = "", key: str = ""
) -> dict[str, Any]:
    kind, more = _strip(kind)
    metadata = metadata + more
    rules = _constraints(metadata)
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        # Decap has no "one of two shapes" widget: offer the structured one (see the module's notes).
        models = [a for a in typing.get_args(kind) if _is_model(_strip(a)[0])]
        if len(models) != 1:
            raise TypeError(f"{owner}.{key}: no Decap widget for {kind}")
        return _widget(models[0], [], data, context)
    if origin is typing.Literal:
        return {"widget": "select", "options": list(typing.get_args(kind))}
    if origin is list:
        (item,) = typing.get_args(kind)
        inner, inner_meta = _strip(item)
        if _is_model(inner):
            out = {"widget": "list", "collapsed": True, "fields": model_fields(inner, data, context)}
            if inner.__name__ in SUMMARIES:
                out["summary"] = SUMMARIES[inner.__name__]
            out["label_singular"] = _label(inner.__name__.lower()) if inner.__name__ != "AreaGrade" else "Area grade"
            return out
        return {
            "widget": "list",
            "field": {"label": "Item", "name": "item", **_widget(inner, inner_meta, data, context)},
        }
    if origin is dict:
        raise TypeError(f"{owner}.{key}: a mapping with free keys needs a form from the data (see _special)")
    if kind is PartialDate:
        return {"widget": "string", "pattern": DATE_PATTERN}
    if _is_model(kind):
        return {"widget": "object", "collapsed": False, "fields": model_fields(kind, data, context)}
    if kind is bool:
        return {"widget": "boolean"}
    if kind is int:
        out = {"widget": "number", "value_type": "int"}
        if "ge" in rules:
            out["min"] = rules["ge"]
        if "le" in rules:
            out["max"] = rules["le"]
        return out
    if kind is str:
        if rules.get("description") == "Markdown":
            return {"widget": "text"}
        pattern = rules.get("pattern")
        if pattern and pattern != r"\S":
            return {"widget": "string", "pattern": [pattern, "write " + PATTERN_MEANING.get(pattern, "a valid value")]}
        return {"widget": "string"}
    raise TypeError(f"{owner}.{key}: no Decap widget for {kind!r}")


def _select(options: list[str]) -> dict[str, Any]:
    return {"widget": "select", "options": options}


def _special(owner: type[BaseModel], key: str, data: Data, context: dict[str, Any]) -> dict[str, Any] | None:
    """Fields whose form comes from frameworks.yaml (data-chosen keys and values), or from a fixed list."""
    fw = data.frameworks
    if owner is Authority and key == "region":
        return _select(list(REGIONS))
    if owner is Inspection and key == "type":
        return _select(list(fw.types))
    if owner is Inspection and key == "judgements":
        return {
            "widget": "object",
            "collapsed": False,
            "fields": [
                {
                    "label": _judgement_label(fw, j),
                    "name": j,
                    "required": False,
                    **_select(data.grades_of(j) or data.grades),
                }
                for j in data.judgements
            ],
        }
    if owner is AreaGrade and key == "grade":
        return _select(data.grades)
    if owner is AreaGrade and key == "under":
        return _select(data.judgements)
    if owner is InspectionType and key == "scale":
        return _select(list(fw.scales))
    if owner is InspectionType and key == "headline":
        return {"widget": "list", "field": {"label": "Judgement", "name": "judgement", **_select(data.judgements)}}
    if owner is InspectionType and key == "judgements":
        kind = fw.types[context["type"]]
        fields = []
        for j, value in kind.judgements.items():
            shape = (
                {"widget": "object", "collapsed": False, "fields": model_fields(DatedJudgement, data, context)}
                if isinstance(value, DatedJudgement)
                else {"widget": "string"}
            )
            fields.append({"label": j, "name": j, **shape})
        return {"widget": "object", "collapsed": True, "fields": fields}
    if owner is Frameworks and key == "scales":
        return {
            "widget": "object",
            "collapsed": True,
            "fields": [
                {
                    "label": scale,
                    "name": scale,
                    "widget": "object",
                    "collapsed": True,
                    "fields": [
                        {"label": grade, "name": grade, "widget": "string", "hint": "What readers see for this grade."}
                        for grade in grades
                    ],
                }
                for scale, grades in fw.scales.items()
            ],
        }
    if owner is Frameworks and key == "types":
        fields = []
        for type_key, kind in fw.types.items():
            sub = [
                f
                for f in model_fields(InspectionType, data, {"type": type_key})
                if f["name"] != "judgements" or kind.judgements
            ]  # Decap needs an object to have fields
            fields.append(
                {
                    "label": f"{type_key}: {kind.name}",
                    "name": type_key,
                    "widget": "object",
                    "collapsed": True,
                    "fields": sub,
                }
            )
        return {"widget": "object", "collapsed": False, "fields": fields}
    if owner is Frameworks and key == "terms":
        return {
            "widget": "object",
            "collapsed": True,
            "fields": [
                {
                    "label": f"{term_key}: {term.term}",
                    "name": term_key,
                    "widget": "object",
                    "collapsed": True,
                    "fields": model_fields(Term, data),
                }
                for term_key, term in fw.terms.items()
            ],
        }
    return None


def _judgement_label(fw: Frameworks, key: str) -> str:
    used = [t for t, kind in fw.types.items() if key in kind.judgements]
    label = next(fw.types[t].judgement_label(key) for t in used)
    return f"{key}: {label} ({', '.join(used)})"


# The files -------------------------------------------------------------------------------


def config(frameworks: Frameworks, settings: Cms) -> dict[str, Any]:
    """Decap's configuration; the settings are site.yaml's `cms`, validated there."""
    data = Data(frameworks)
    backend_config: dict[str, Any] = {"name": "github", "repo": settings.repo, "branch": settings.branch}
    if settings.auth_url:
        backend_config["base_url"] = settings.auth_url
    return {
        "backend": backend_config,
        "publish_mode": "editorial_workflow",
        # Required by Decap; no field uploads files, so nothing is ever written here.
        "media_folder": "admin/media",
        "public_folder": "/admin/media",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            {
                "name": "authorities",
                "label": "Authorities",
                "label_singular": "Authority",
                "description": "One file per local authority: its inspections, sources and improvement plans. "
                "The file name, made from the name when the authority is created, is its web "
                "address. See docs/editing.md.",
                "folder": "content/authorities",
                "extension": "yaml",
                "format": "yaml",
                "create": True,
                "delete": False,
                "identifier_field": "name",
                "slug": "{{slug}}",
                "summary": "{{name}}",
                "sortable_fields": ["name", "region"],
                "editor": {"preview": False},
                "fields": model_fields(Authority, data),
            },
            {
                "name": "settings",
                "label": "Site settings and inspection types",
                "format": "yaml",
                "editor": {"preview": False},
                "files": [
                    {"name": "site", "label": "Site", "file": "content/site.yaml", "fields": model_fields(Site, data)},
                    {
                        "name": "frameworks",
                        "label": "Inspection types and grade scales",
                        "file": "content/frameworks.yaml",
                        "fields": model_fields(Frameworks, data),
                    },
                ],
            },
        ],
    }


class _Dumper(yaml.SafeDumper):
    """Block YAML with list items indented under their key, as the content files are written."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)

    def ignore_aliases(self, data: Any) -> bool:
        return True  # no anchors: Decap's parser would take them, but people reading the file should not need to


HEADER = """\
# Decap CMS configuration, generated by the build from the content model, frameworks.yaml
# and the `cms` settings in site.yaml (set the repository there).
"""


def config_text(frameworks: Frameworks, settings: Cms) -> str:
    body = yaml.dump(
        config(frameworks, settings),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=1000,
        default_flow_style=False,
    )
    return HEADER + body


def index_html() -> str:
    return f"""<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>Content manager: children's services improvement tracker</title>
  <link href="config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body>
  <!-- Decap CMS, npm package decap-cms {DECAP_VERSION}, pinned by version and by hash (integrity).
       This is the site's only external script, and it is on this admin page only: the public
       pages load no JavaScript from anywhere else. Written by the build from site.yaml's `cms`. -->
  <script src="{DECAP_URL}" integrity="{DECAP_SRI}" crossorigin="anonymous"></script>
  <noscript>The content manager needs JavaScript. You can also edit the YAML files in content/ directly: see
    docs/editing.md.</noscript>
</body>
</html>
"""


def admin_files(site: Site, frameworks: Frameworks) -> dict[str, bytes]:
    """admin/config.yml and admin/index.html for the built site, when site.yaml sets `cms`.

    Without the settings there is no repository to save to, so no admin page is published.
    The forms are made from the frameworks being built, so they always match the content.
    """
    if site.cms is None:
        return {}
    return {
        "admin/config.yml": config_text(frameworks, site.cms).encode("utf-8"),
        "admin/index.html": index_html().encode("utf-8"),
    }
