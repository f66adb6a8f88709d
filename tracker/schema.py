"""JSON Schemas of the three content file kinds, generated from the models so they cannot drift."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .files import replace_atomically
from .model import Authority, Frameworks, Site

SCHEMAS: dict[str, type[BaseModel]] = {"site": Site, "frameworks": Frameworks, "authority": Authority}


def schema_text(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = out / f"{name}.schema.json"
        replace_atomically(path, schema_text(model).encode("utf-8"))
        written.append(path)
    return written
