"""Read scenario files: safe YAML, `extends:` chains, `--set` overrides, precise errors.

A scenario is built from layers, the most basic first: each file of its `extends:` chain,
then the command line's overrides. Layers are merged (mappings key by key, lists of items
with an `id` item by item), validated once, and every problem is traced back to the layer,
file and line it came from. A file may extend only files in its own folder tree or the
bundled scenarios, unless the caller allows more (`allow_outside`).
"""

import difflib
import hashlib
import json
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedBase

from cybergeo.scenario.errors import Problem, ScenarioError
from cybergeo.scenario.paths import OVERRIDES, apply_overrides, plain
from cybergeo.scenario.reading import check_shape, first_tag, load_yaml, read_text
from cybergeo.scenario.references import check_references
from cybergeo.scenario.schema import ONE_TEXT, PER_LANGUAGE, Scenario

DEFAULT_SCENARIO = "default.yaml"
MAPPING = "<mapping>"

ScenarioSource = Scenario | Mapping[str, Any] | str | Path
"""Whatever names a scenario: a validated `Scenario`, plain data, or a YAML file."""


@dataclass(frozen=True)
class Layer:
    """One source of scenario keys: a file (with line numbers), a mapping or overrides."""

    source: str
    data: Any


def bundled_scenarios() -> Path:
    """The folder of scenarios shipped with cybergeo (the repository's `scenarios/`)."""
    installed = resources.files("cybergeo") / "_scenarios"
    if installed.is_dir():
        return Path(str(installed))
    return Path(__file__).resolve().parents[2] / "scenarios"


def load_scenario(
    source: ScenarioSource,
    overrides: Mapping[str, Any] | None = None,
    *,
    allow_outside: bool = False,
) -> Scenario:
    """Load, merge and validate a scenario from a YAML file, a mapping or a `Scenario`.

    Raises `ScenarioError` listing every problem found, each with file, line and field.
    `allow_outside` lets `extends:` reach files outside the scenario's folder tree.

    Examples
    --------
    >>> scenario = load_scenario({"name": "demo", "steps": 10})
    >>> scenario.steps, [c.id for c in scenario.countries]
    (10, ['Northland', 'Eastmark', 'Southport'])
    """
    if isinstance(source, Scenario):
        if not overrides:
            return source
        source = scenario_mapping(source)
    try:
        return _load(source, overrides or {}, allow_outside)
    except RecursionError:
        name = MAPPING if isinstance(source, Mapping) else str(source)
        raise ScenarioError([Problem(name, None, "", "nested too deeply")]) from None


def _load(
    source: Mapping[str, Any] | str | Path, overrides: Mapping[str, Any], allow_outside: bool
) -> Scenario:
    layers = _layers(source, allow_outside)
    merged: dict[str, Any] = {}
    for layer in layers:
        data = plain(layer.data)
        merged = merge(merged, data)
        if "description" in data:  # a file's own text, never pieced from two files' languages
            merged["description"] = data["description"]
    merged.pop("extends", None)
    if overrides:
        merged = apply_overrides(_with_defaults(merged, overrides), overrides)
    located = _Locator(layers, merged, list(overrides))
    problems = [*_schema_problems(merged, located), *_reference_problems(merged, located)]
    if problems:
        raise ScenarioError(problems)
    return Scenario.model_validate(merged)


def scenario_mapping(scenario: Scenario) -> dict[str, Any]:
    """The resolved scenario as plain data, re-loadable as is."""
    return scenario.model_dump(mode="json", exclude={"extends"})


def scenario_hash(scenario: Scenario) -> str:
    """A stable fingerprint of the resolved scenario (SHA-256 of canonical JSON)."""
    canonical = json.dumps(scenario_mapping(scenario), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def dump_scenario(scenario: Scenario, path: Path) -> None:
    """Write the resolved scenario as YAML."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(scenario_mapping(scenario), stream)


def merge(base: Any, override: Any) -> Any:
    """Deep-merge `override` onto `base`: mappings by key, lists of id'd items by id (an
    empty list clears the base's)."""
    if isinstance(base, dict) and isinstance(override, dict):
        merged = dict(base)
        for key, value in override.items():
            merged[key] = merge(base[key], value) if key in base else value
        return merged
    if _is_id_list(base) and _is_id_list(override) and override:
        items = {item["id"]: item for item in base}
        for item in override:
            items[item["id"]] = merge(items.get(item["id"], {}), item)
        return list(items.values())
    return override


def _layers(source: Mapping[str, Any] | str | Path, allow_outside: bool) -> list[Layer]:
    if isinstance(source, Mapping):
        check_shape(source, MAPPING)
        data = dict(source)
        base = data.get("extends")
        root = Path.cwd().resolve()
        parents = []
        if base:
            parent = _resolve(str(base), root)
            _check_inside(parent, root, allow_outside, MAPPING, None)
            parents = _file_layers(parent, (), root, allow_outside)
        return [*parents, Layer(MAPPING, data)]
    path = Path(source)
    if not path.exists() and not path.is_absolute():
        bundled = bundled_scenarios() / path
        path = bundled if bundled.exists() else path
    return _file_layers(path, (), path.resolve().parent, allow_outside)


def _file_layers(
    path: Path, chain: tuple[Path, ...], root: Path, allow_outside: bool
) -> list[Layer]:
    resolved = path.resolve()
    if resolved in chain:
        cycle = " -> ".join(str(p) for p in (*chain, resolved))
        raise ScenarioError([Problem(str(path), None, "extends", f"cycle of extends: {cycle}")])
    data = _read_yaml(path)
    base = data.get("extends")
    if base is None:
        return [Layer(str(path), data)]
    line = data.lc.key("extends")[0] + 1
    if not isinstance(base, str):
        raise ScenarioError([Problem(str(path), line, "extends", "expected a file name")])
    parent = _resolve(base, path.parent)
    if not parent.is_file():
        raise ScenarioError([Problem(str(path), line, "extends", f"no such file: {base}")])
    _check_inside(parent, root, allow_outside, str(path), line)
    return [*_file_layers(parent, (*chain, resolved), root, allow_outside), Layer(str(path), data)]


def _check_inside(
    parent: Path, root: Path, allow_outside: bool, source: str, line: int | None
) -> None:
    """`extends` stays in the scenario's folder tree or the bundled scenarios; the outside
    file is neither read nor quoted."""
    resolved = parent.resolve()
    allowed = (root, bundled_scenarios().resolve())
    if allow_outside or any(resolved.is_relative_to(folder) for folder in allowed):
        return
    message = (
        f"extends a file outside {root} and the bundled scenarios (allow it with --allow-outside)"
    )
    raise ScenarioError([Problem(source, line, "extends", message)])


def _resolve(name: str, folder: Path) -> Path:
    local = folder / name
    return local if local.exists() else bundled_scenarios() / name


def _read_yaml(path: Path) -> Any:
    data = load_yaml(read_text(path), str(path))
    if data is None:
        data = YAML(typ="rt").load("{}")
    if not isinstance(data, dict):
        raise ScenarioError([Problem(str(path), 1, "", "a scenario must be a mapping of keys")])
    tagged = first_tag(data)
    if tagged is not None:
        raise ScenarioError([Problem(str(path), tagged, "", "YAML tags are not allowed")])
    return data


def _node_line(node: Any) -> int | None:
    return node.lc.line + 1 if isinstance(node, CommentedBase) else None


def _is_id_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(i, dict) and "id" in i for i in value)


def _with_defaults(merged: dict[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    """Spell out the default of each top-level section an override reaches into."""
    filled = dict(merged)
    for dotted in overrides:
        key = dotted.split(".")[0]
        field = Scenario.model_fields.get(key)
        if "." in dotted and key not in filled and field is not None and field.default:
            filled[key] = plain(Scenario().model_dump(mode="json")[key])
    return filled


@dataclass(frozen=True)
class _Locator:
    """Finds where a value at a location in the merged scenario was written."""

    layers: list[Layer]
    merged: dict[str, Any]
    overrides: list[str]

    def __call__(self, loc: tuple[Any, ...]) -> tuple[str, int | None, str]:
        dotted = _dotted(loc, self.merged)
        for path in self.overrides:
            if dotted == path or dotted.startswith(path + "."):
                return OVERRIDES, None, dotted
        source, line = _locate(loc, self.merged, self.layers)
        return source, line, dotted


def _schema_problems(merged: dict[str, Any], locate: _Locator) -> list[Problem]:
    try:
        Scenario.model_validate(merged)
    except ValidationError as error:
        return [_problem(e, locate) for e in error.errors()]
    return []


def _reference_problems(merged: dict[str, Any], locate: _Locator) -> list[Problem]:
    return [Problem(*locate(loc), message) for loc, message in check_references(merged)]


def _problem(error: Any, locate: _Locator) -> Problem:
    loc = tuple(segment for segment in error["loc"] if segment not in (ONE_TEXT, PER_LANGUAGE))
    source, line, dotted = locate(loc)
    if error["type"] == "extra_forbidden":
        message = f"unknown key '{loc[-1]}'"
        close = difflib.get_close_matches(str(loc[-1]), _valid_keys(loc[:-1]), n=1, cutoff=0.6)
        message += f"; did you mean '{close[0]}'?" if close else ""
    elif error["type"] == "missing":
        message = "required field is missing"
    else:
        message = str(error["msg"]).removeprefix("Value error, ")
        if not isinstance(error["input"], dict | list):
            message += f" (got {_short(error['input'])})"
    return Problem(source, line, dotted, message)


def _short(value: Any, width: int = 60) -> str:
    """A value as it may be quoted in a one-line message."""
    text = repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


def _valid_keys(loc: tuple[Any, ...]) -> list[str]:
    model: type[BaseModel] | None = Scenario
    for segment in loc:
        if isinstance(segment, int) or model is None:
            continue
        field = model.model_fields.get(str(segment))
        model = _model_in(field.annotation) if field else None
    return list(model.model_fields) if model else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is not None:
        for argument in typing.get_args(annotation):
            found = _model_in(argument)
            if found:
                return found
    return None


def _dotted(loc: tuple[Any, ...], merged: Any) -> str:
    """`countries.Eastmark.legitimacy`: list items by id when they have one, as `--set` does."""
    parts, node = [], merged
    for segment in loc:
        if isinstance(segment, int) and isinstance(node, list) and segment < len(node):
            item = node[segment]
            parts.append(
                str(item["id"]) if isinstance(item, dict) and "id" in item else str(segment)
            )
            node = item
        else:
            parts.append(str(segment))
            node = node.get(segment) if isinstance(node, dict) else None
    return ".".join(parts)


def _locate(loc: tuple[Any, ...], merged: Any, layers: list[Layer]) -> tuple[str, int | None]:
    """The layer that set the value at `loc` (the last one to set it) and its line."""
    best: tuple[str, int | None, int] = (layers[-1].source, None, -1)
    for layer in reversed(layers):
        depth, line = _walk(loc, merged, layer.data)
        if depth == len(loc):
            return layer.source, line
        if depth > best[2]:
            best = (layer.source, line, depth)
    return best[0], best[1]


def _walk(loc: tuple[Any, ...], merged: Any, data: Any) -> tuple[int, int | None]:
    """How deep `loc` goes into a layer's data, and the line reached there."""
    line = _node_line(data)
    for depth, segment in enumerate(loc):
        if isinstance(segment, int) and isinstance(data, list):
            index = _matching_index(merged, data, segment)
            if index is None:
                return depth, line
            if isinstance(data, CommentedBase):
                line = data.lc.item(index)[0] + 1
            merged, data = merged[segment], data[index]
        elif isinstance(data, dict) and segment in data:
            if isinstance(data, CommentedBase):
                line = data.lc.key(segment)[0] + 1
            merged = merged.get(segment) if isinstance(merged, dict) else None
            data = data[segment]
        else:
            return depth, line
    return len(loc), line


def _matching_index(merged: Any, data: list[Any], index: int) -> int | None:
    if not isinstance(merged, list) or index >= len(merged):
        return None
    item = merged[index]
    if isinstance(item, dict) and "id" in item:
        same_place = index < len(data) and isinstance(data[index], dict)
        if same_place and data[index].get("id") == item["id"]:
            return index
        return next(
            (i for i, d in enumerate(data) if isinstance(d, dict) and d.get("id") == item["id"]),
            None,
        )
    return index if index < len(data) else None
