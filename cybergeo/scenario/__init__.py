"""Scenarios: YAML files validated into pydantic models, with extends and overrides."""

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
