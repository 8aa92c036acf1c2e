"""docs/ODD.md stays true to the code: every code name, constant, scenario key, file, metric and
event kind it cites exists."""

import ast
import importlib
import re
import typing
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

import cybergeo
from cybergeo.scenario.schema import Scenario

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "ODD.md"
PACKAGE = ROOT / "cybergeo"

BACKTICKED = re.compile(r"`([^`\n]+)`")
DOTTED_NAME = re.compile(r"cybergeo(?:\.[A-Za-z_]\w*)+")
CONSTANT = re.compile(r"[A-Z][A-Z0-9_]{2,}")
"""A backticked ALL_CAPS name of three characters or more is a module-level constant."""
NUMBER = r"-?\d+(?:\.\d+)?(?:e-?\d+)?"
CONSTANT_VALUE = re.compile(rf"`([A-Z][A-Z0-9_]{{2,}})` = ({NUMBER})")
"""`NAME` = value: the value must be the constant's."""
CONSTANT_HOME = re.compile(rf"`([A-Z][A-Z0-9_]{{2,}})`(?: = {NUMBER})? in `(cybergeo/[\w/]+\.py)`")
"""`NAME` in `cybergeo/x.py` (or `NAME` = value in ...): the constant is defined in that file."""
REPO_PATH = re.compile(r"(?:cybergeo|tests|docs|scenarios)/[\w/.\-]+")
SECTIONS = (
    "world.",
    "information.",
    "society.",
    "diplomacy.",
    "attribution.",
    "influence.",
    "uprisings.",
    "countries[].",
    "firms[].",
    "groups[].",
    "insiders[].",
    "events[].",
    "experiment.",
)
"""Backticked text starting with one of these is a scenario parameter path."""
PLAIN_PATH = re.compile(r"[a-z_]+(?:\[\])?(?:\.[a-z_]+(?:\[\])?)*")
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
EMITTED_KIND = re.compile(r'emit\(\s*"([a-z_]+)"')
SUBMODEL = re.compile(r"^### (7\.\d+) (.+)$", re.MULTILINE)
CODE_LINE = re.compile(r"^Code: ((?:.|\n(?!\n))+)", re.MULTILINE)
"""A submodel's `Code:` paragraph: from `Code:` to the next blank line."""
STAND_ALONE = "7.33"
"""The one section of 7 that lists stand-alone functions instead of a rule of the model."""


@cache
def doc_text() -> str:
    return DOC.read_text(encoding="utf-8")


def backticked() -> list[str]:
    """Every piece of inline code in the doc, in order, without duplicates."""
    return list(dict.fromkeys(BACKTICKED.findall(doc_text())))


def dotted_names() -> list[str]:
    return [token for token in backticked() if DOTTED_NAME.fullmatch(token)]


def constants() -> list[str]:
    return [token for token in backticked() if CONSTANT.fullmatch(token)]


def scenario_paths() -> list[str]:
    return [
        token
        for token in backticked()
        if token.startswith(SECTIONS) and not token.endswith((".py", ".md", ".yaml"))
    ]


def repo_paths() -> list[str]:
    return [token for token in backticked() if REPO_PATH.fullmatch(token)]


def resolve(dotted: str) -> Any:
    """Import the longest module prefix of `dotted`, then get the remaining attributes."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        module_name = ".".join(parts[:cut])
        try:
            found: Any = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if not error.name or not f"{module_name}.".startswith(f"{error.name}."):
                raise
            continue
        for attribute in parts[cut:]:
            found = getattr(found, attribute)
        return found
    raise ModuleNotFoundError(dotted)


def module_name(path: Path) -> str:
    """`cybergeo/actors/citizens.py` -> `cybergeo.actors.citizens` (packages for __init__)."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def module_level_names() -> dict[str, frozenset[str]]:
    """Every name assigned at module level under cybergeo/, with the files assigning it."""
    homes: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, ast.AnnAssign):
                targets = [node.target]
            else:
                continue
            for target in targets:
                if isinstance(target, ast.Name):
                    relative = path.relative_to(ROOT).as_posix()
                    homes.setdefault(target.id, set()).add(relative)
    return {name: frozenset(files) for name, files in homes.items()}


def inner_model(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The scenario model inside a field's annotation, and whether the field is a list.

    Mappings are not entered: their keys are free (`experiment.parameters`).
    """
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    origin = typing.get_origin(annotation)
    if origin is dict:
        return None, False
    model: type[BaseModel] | None = None
    is_list = origin is list
    for argument in typing.get_args(annotation):
        inner, inner_list = inner_model(argument)
        model = model or inner
        is_list = is_list or inner_list
    return model, is_list


def check_scenario_path(path: str) -> None:
    """Walk `path` through the schema; `name[]` steps into the items of a list field, and a
    list field must be written `name[]` to step into its items."""
    model: type[BaseModel] | None = Scenario
    walked, in_list = "", False
    for segment in path.split("."):
        name = segment.removesuffix("[]")
        assert model is not None, f"`{path}`: `{walked}` has no keys"
        assert not in_list, f"`{path}`: write `{walked}[]` to name a key of its items"
        field = model.model_fields.get(name)
        assert field is not None, f"`{path}`: {model.__name__} has no key `{name}`"
        model, is_list = inner_model(field.annotation)
        assert is_list or not segment.endswith("[]"), f"`{path}`: `{name}` is not a list"
        in_list = is_list and not segment.endswith("[]")
        walked = f"{walked}.{segment}" if walked else segment


def test_the_doc_cites_code_constants_and_keys() -> None:
    """The collectors find something, so the tests below are not vacuous."""
    assert len(dotted_names()) > 50
    assert len(constants()) > 20
    assert len(scenario_paths()) > 50
    assert CONSTANT_VALUE.findall(doc_text())
    assert CONSTANT_HOME.findall(doc_text())


@pytest.mark.parametrize("name", dotted_names())
def test_dotted_name_resolves(name: str) -> None:
    """`cybergeo.x.y` written in the doc imports and resolves: renames break this test."""
    try:
        resolve(name)
    except (ImportError, AttributeError) as error:
        pytest.fail(f"docs/ODD.md names `{name}`, which does not resolve: {error}")


@pytest.mark.parametrize("name", constants())
def test_constant_is_defined_in_the_package(name: str) -> None:
    """A backticked ALL_CAPS name is assigned at module level somewhere under cybergeo/."""
    assert name in module_level_names(), f"`{name}` is not a module-level name in cybergeo/"


@pytest.mark.parametrize(("name", "path"), sorted(set(CONSTANT_HOME.findall(doc_text()))))
def test_constant_lives_where_the_doc_says(name: str, path: str) -> None:
    """`NAME` in `cybergeo/x.py`: the constant is assigned in that file."""
    homes = module_level_names().get(name, frozenset())
    assert path in homes, f"`{name}` is not defined in {path} (defined in: {sorted(homes)})"


@pytest.mark.parametrize(("name", "written"), sorted(set(CONSTANT_VALUE.findall(doc_text()))))
def test_constant_has_the_value_the_doc_gives(name: str, written: str) -> None:
    """`NAME` = value: the constant (in the first module defining it) has that value."""
    homes = module_level_names().get(name)
    assert homes, f"`{name}` is not a module-level name in cybergeo/"
    module = importlib.import_module(module_name(ROOT / sorted(homes)[0]))
    value = getattr(module, name)
    assert float(value) == pytest.approx(float(written)), f"`{name}` is {value!r}, doc {written}"


@pytest.mark.parametrize("path", scenario_paths())
def test_scenario_path_is_in_the_schema(path: str) -> None:
    """A backticked parameter path names a field of the scenario schema."""
    assert PLAIN_PATH.fullmatch(path), f"`{path}` starts like a scenario path but is not one"
    check_scenario_path(path)


@pytest.mark.parametrize("path", repo_paths())
def test_file_named_in_the_doc_exists(path: str) -> None:
    assert (ROOT / path).exists(), f"docs/ODD.md names {path}, which does not exist"


def test_relative_links_point_at_files() -> None:
    targets = [t for t in LINK.findall(doc_text()) if "://" not in t]
    missing = [t for t in targets if not (DOC.parent / t).exists()]
    assert not missing, f"links to missing files: {missing}"


def test_every_metric_column_is_described() -> None:
    """Each metric column, or its family before the first dot, appears backticked."""
    scenario = cybergeo.load_scenario("default.yaml")
    columns = cybergeo.simulate(scenario, seed=1, steps=2).metrics.columns
    missing = sorted({c.split(".")[0] for c in columns if f"`{c.split('.')[0]}" not in doc_text()})
    assert not missing, f"metric columns not described in docs/ODD.md: {missing}"


def rules() -> list[tuple[str, str]]:
    """(section, code name) for every name on the `Code:` line of each submodel of section 7."""
    text = doc_text()
    heads = list(SUBMODEL.finditer(text))
    found = []
    for head, following in zip(heads, [*heads[1:], None], strict=True):
        body = text[head.end() : following.start() if following else len(text)]
        if head.group(1) == STAND_ALONE:
            continue
        code = CODE_LINE.search(body)
        names = BACKTICKED.findall(code.group(1)) if code else []
        found += [(head.group(1), name) for name in names] or [(head.group(1), "")]
    return found


def test_every_rule_names_its_code() -> None:
    """Every submodel of section 7 has a `Code:` line; the collector finds them all."""
    sections = {section for section, _ in rules()}
    assert len(sections) >= 30
    missing = sorted(section for section, name in rules() if not name)
    assert not missing, f"submodels without a `Code:` line naming their code: {missing}"


@pytest.mark.parametrize(("section", "name"), [r for r in rules() if r[1]])
def test_rule_code_is_a_public_function_of_its_module(section: str, name: str) -> None:
    """Each name on a `Code:` line is a dotted path whose module imports and whose last part
    is a public function, method, class or property there (no private `_name`)."""
    assert DOTTED_NAME.fullmatch(name), f"{section}: `{name}` is not a `cybergeo.` import path"
    private = [part for part in name.split(".") if part.startswith("_")]
    assert not private, f"{section}: `{name}` names private code {private}"
    try:
        found = resolve(name)
    except (ImportError, AttributeError) as error:
        pytest.fail(f"{section}: `{name}` does not resolve: {error}")
    assert callable(found) or isinstance(found, property), f"{section}: `{name}` is not code"


def test_every_event_kind_is_described() -> None:
    """Each kind of event the model emits appears backticked."""
    sources = [
        PACKAGE / "model.py",
        *sorted((PACKAGE / "dynamics").glob("*.py")),
        *sorted((PACKAGE / "phases").glob("*.py")),
    ]
    kinds = {k for path in sources for k in EMITTED_KIND.findall(path.read_text("utf-8"))}
    assert len(kinds) > 10
    missing = sorted(k for k in kinds if f"`{k}`" not in doc_text())
    assert not missing, f"event kinds not described in docs/ODD.md: {missing}"
