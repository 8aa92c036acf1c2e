"""docs/scenarios.md stays true to the schema: every key documented, defaults right,
examples valid."""

import io
import re
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined, to_jsonable_python
from ruamel.yaml import YAML

from cybergeo import load_scenario
from cybergeo.scenario.experiment import ExperimentSpec
from cybergeo.scenario.schema import Scenario

DOC = Path(__file__).resolve().parents[1] / "docs" / "scenarios.md"
MAPPING_KEY = "<path>"
"""How the doc writes the free key of a mapping of sections (`experiment.parameters.<path>`)."""
REQUIRED = "required"
YAML_BLOCK = re.compile(r"^```yaml\n(.*?)^```", re.DOTALL | re.MULTILINE)
KEY_TABLE_HEADER = "| key | type / range | default | meaning |"
TABLE_ROW = re.compile(r"^\| `([^`]+)` \|[^|]*\| ([^|]*) \|")
LITERAL = re.compile(r"^`([^`]*)`$")


def _models_in(annotation: Any) -> Iterator[tuple[type[BaseModel], str]]:
    """Each model inside an annotation, with the suffix its items take in a path."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation, ""
        return
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin is list:
        suffix = "[]"
    elif origin is dict:
        suffix, arguments = f".{MAPPING_KEY}", arguments[1:]
    else:
        suffix = ""
    for argument in arguments:
        for model, inner in _models_in(argument):
            yield model, suffix + inner


def schema_fields(model: type[BaseModel], prefix: str = "") -> Iterator[tuple[str, FieldInfo]]:
    """Every field reachable from `model`, as (dotted path, field), parents first."""
    for name, field in model.model_fields.items():
        path = f"{prefix}{name}"
        yield path, field
        for inner, suffix in _models_in(field.annotation):
            yield from schema_fields(inner, f"{path}{suffix}.")


def models_reached(model: type[BaseModel]) -> set[type[BaseModel]]:
    """`model` and every model nested in it."""
    found = {model}
    for field in model.model_fields.values():
        for inner, _ in _models_in(field.annotation):
            found |= models_reached(inner)
    return found


def doc_text() -> str:
    return DOC.read_text(encoding="utf-8")


def documented_defaults() -> dict[str, str]:
    """The default column of every row of the key tables, by the row's key."""
    defaults: dict[str, str] = {}
    in_table = False
    for line in doc_text().splitlines():
        if line.strip() == KEY_TABLE_HEADER:
            in_table = True
        elif not line.startswith("|"):
            in_table = False
        elif in_table and (row := TABLE_ROW.match(line)):
            defaults[row.group(1)] = row.group(2).strip()
    return defaults


def yaml_blocks() -> list[str]:
    return YAML_BLOCK.findall(doc_text())


SCHEMA = dict(schema_fields(Scenario))
"""Every field of a scenario, by dotted path."""
EXAMPLES = yaml_blocks()


def test_the_walk_reaches_every_section() -> None:
    """The walk goes through lists, optionals and mappings down to the experiment."""
    assert ExperimentSpec in models_reached(Scenario)
    assert "countries[].doctrine.attribution_threshold" in SCHEMA
    assert "world.hardware.cables[].ends" in SCHEMA
    assert f"experiment.parameters.{MAPPING_KEY}.range" in SCHEMA


@pytest.mark.parametrize("path", sorted(SCHEMA))
def test_every_schema_field_is_documented(path: str) -> None:
    """Each field of the schema appears in the doc as a backticked dotted path."""
    assert f"`{path}`" in doc_text(), f"docs/scenarios.md does not mention `{path}`"


def test_every_table_key_is_a_schema_field() -> None:
    """No table documents a key the schema does not have."""
    stale = set(documented_defaults()) - set(SCHEMA)
    assert not stale, f"documented keys not in the schema: {sorted(stale)}"


@pytest.mark.parametrize("path", sorted(SCHEMA))
def test_documented_default_is_the_code_default(path: str) -> None:
    """A field's table row gives its exact default, `required`, or (for sections) a pointer."""
    cell = documented_defaults().get(path)
    assert cell is not None, f"no table row for `{path}`"
    default = SCHEMA[path].default
    if default is PydanticUndefined:
        assert cell == REQUIRED, f"`{path}` is required, the doc says {cell!r}"
        return
    if isinstance(default, BaseModel) or (
        isinstance(default, list) and any(isinstance(item, BaseModel) for item in default)
    ):
        return
    literal = LITERAL.match(cell)
    assert literal, f"`{path}`: default {cell!r} is not a backticked YAML literal"
    written = YAML(typ="safe", pure=True).load(io.StringIO(literal.group(1)))
    assert written == to_jsonable_python(default), f"`{path}`: doc {cell}, code {default!r}"


def test_doc_has_yaml_examples() -> None:
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"block{i}" for i in range(len(EXAMPLES))])
def test_every_yaml_example_loads(example: str) -> None:
    """Every ```yaml block is a valid scenario (extends of bundled scenarios included)."""
    data = YAML(typ="safe", pure=True).load(example)
    assert isinstance(data, dict)
    load_scenario(data)
