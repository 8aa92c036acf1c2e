"""cybergeo: an agent-based simulator of cyberspace geopolitics.

States, firms, hacktivists, whistleblowers and citizens interact on a layered network
(hardware, software and semantic strata), with anonymous attacks and attribution under
uncertainty, driven by YAML scenarios.

Examples
--------
>>> import cybergeo
>>> scenario = cybergeo.load_scenario({"name": "demo", "steps": 4})
>>> result = cybergeo.simulate(scenario, seed=7)
>>> result.metrics.shape[0]
4
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cybergeo.experiments.load import load_batch
    from cybergeo.facts.check import check_facts
    from cybergeo.model import CyberspaceModel
    from cybergeo.run import RunResult, simulate
    from cybergeo.scenario import Scenario, ScenarioError, load_scenario

_HOMES = {
    "CyberspaceModel": "cybergeo.model",
    "RunResult": "cybergeo.run",
    "simulate": "cybergeo.run",
    "Scenario": "cybergeo.scenario",
    "ScenarioError": "cybergeo.scenario",
    "load_scenario": "cybergeo.scenario",
    "load_batch": "cybergeo.experiments.load",
    "check_facts": "cybergeo.facts.check",
}

__all__ = [
    "CyberspaceModel",
    "RunResult",
    "Scenario",
    "ScenarioError",
    "check_facts",
    "load_batch",
    "load_scenario",
    "simulate",
]


def __getattr__(name: str) -> Any:
    """The public names are imported on first use, so that `cybergeo --help` and
    `cybergeo validate` do not pay for Mesa, pandas or matplotlib."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)
