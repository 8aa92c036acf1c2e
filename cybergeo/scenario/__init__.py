"""Scenarios: YAML files validated into pydantic models, with extends and overrides."""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cybergeo.scenario.errors import Problem, ScenarioError
    from cybergeo.scenario.loader import (
        ScenarioSource,
        bundled_scenarios,
        dump_scenario,
        load_scenario,
        scenario_hash,
        scenario_mapping,
    )
    from cybergeo.scenario.paths import apply_overrides, parse_override
    from cybergeo.scenario.schema import Scenario
    from cybergeo.scenario.spec import UNKNOWN_ACTOR

_HOMES = {
    "Problem": "errors",
    "ScenarioError": "errors",
    "ScenarioSource": "loader",
    "bundled_scenarios": "loader",
    "dump_scenario": "loader",
    "load_scenario": "loader",
    "scenario_hash": "loader",
    "scenario_mapping": "loader",
    "apply_overrides": "paths",
    "parse_override": "paths",
    "Scenario": "schema",
    "UNKNOWN_ACTOR": "spec",
}

__all__ = [
    "UNKNOWN_ACTOR",
    "Problem",
    "Scenario",
    "ScenarioError",
    "ScenarioSource",
    "apply_overrides",
    "bundled_scenarios",
    "dump_scenario",
    "load_scenario",
    "parse_override",
    "scenario_hash",
    "scenario_mapping",
]


def __getattr__(name: str) -> Any:
    """Names are imported on first use, so that a module needing only a constant of
    `cybergeo.scenario.spec` (the command line's option bounds) does not load the loader."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
