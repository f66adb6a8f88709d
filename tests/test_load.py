"""The loader reads unquoted values as PyYAML's safe loader does (but for dates), and positions."""

from __future__ import annotations

import pytest
import yaml

from tracker.load import compose, resolve_plain

# Written unquoted in a file, each value means what yaml.safe_load says it means.
TABLE = [
    "1e5",  # text: YAML 1.1 floats need a dot
    "1.0e+5",
    "017",  # octal
    "0o17",  # text in YAML 1.1
    "0x1F",
    "0b11",
    "1:30",  # sexagesimal
    "190:20:30",
    "+1",
    "-0",
    "1_000",
    "08",  # not octal: text
    "09.5",
    "1.",
    ".5",
    ".inf",
    "-.inf",
    "yes",
    "No",
    "ON",
    "off",
    "y",  # text in PyYAML
    "~",
    "null",
    "Null",
    "2017-05",
    "Worcestershire",
    "true story",
]


@pytest.mark.parametrize("raw", TABLE)
def test_plain_scalars_mean_what_pyyaml_says(raw: str) -> None:
    assert resolve_plain(raw) == yaml.safe_load(f"key: {raw}")["key"]
    assert type(resolve_plain(raw)) is type(yaml.safe_load(f"key: {raw}")["key"])


def test_nan_and_the_exceptions() -> None:
    nan = resolve_plain(".nan")
    assert isinstance(nan, float) and nan != nan
    # Dates stay text (the validator reads them, month-only ones too); = and << have no meaning here.
    assert resolve_plain("2017-05-01") == "2017-05-01"
    assert resolve_plain("=") == "=" and resolve_plain("<<") == "<<"
    assert resolve_plain("") is None


def test_every_key_and_value_has_its_position() -> None:
    data, index, problems = compose("name: Example\nlist:\n  - a\n  - {b: 1}\n", "x.yaml")
    assert problems == [] and data == {"name": "Example", "list": ["a", {"b": 1}]}
    assert (index[("name",)].line, index[("name",)].col) == (1, 7)
    assert (index[("list", 1, "b")].line, index[("list", 1, "b")].col, index[("list", 1, "b")].key_col) == (4, 9, 6)
