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

from cybergeo.experiments.load import load_batch
from cybergeo.model import CyberspaceModel
from cybergeo.run import RunResult, simulate
from cybergeo.scenario import Scenario, ScenarioError, load_scenario

__all__ = [
    "CyberspaceModel",
    "RunResult",
    "Scenario",
    "ScenarioError",
    "load_batch",
    "load_scenario",
    "simulate",
]
