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

from typing import TYPE_CHECKING, Any

from cybergeo.model import CyberspaceModel
from cybergeo.run import RunResult, simulate
from cybergeo.scenario import Scenario, ScenarioError, load_scenario

if TYPE_CHECKING:
    from cybergeo.experiments.load import load_batch
    from cybergeo.facts.check import check_facts

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
    """`load_batch` and `check_facts` are imported on first use (see `cybergeo.experiments`)."""
    if name == "load_batch":
        from cybergeo.experiments.load import load_batch

        return load_batch
    if name == "check_facts":
        from cybergeo.facts.check import check_facts

        return check_facts
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
