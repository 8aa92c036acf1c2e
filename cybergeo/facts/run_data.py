"""One run as measures see it, and the value of a measure on it.

Kept apart from the registry so that validating a scenario's `facts:` (which consults the
registry) does not import the scenario schema back. Importing it loads no pandas: the
measures get their tables with the run, so validation pays only for names and parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter

from cybergeo.facts.registry import catalogue, parameters

if TYPE_CHECKING:
    import pandas as pd

    from cybergeo.scenario.schema import Scenario


@dataclass(frozen=True)
class RunData:
    """One run as measures see it: its scenario, metrics per step and event log."""

    scenario: Scenario
    metrics: pd.DataFrame
    events: pd.DataFrame

    @cached_property
    def incidents(self) -> pd.DataFrame:
        """One row per operation (see `cybergeo.measures.incident_table`)."""
        from cybergeo.measures import incident_table

        return incident_table(self.events)

    @property
    def days_per_step(self) -> int:
        return self.scenario.step_days


def evaluate(name: str, params: dict[str, Any], run: RunData) -> float:
    """The value of a measure on one run, its parameters read as their annotations say."""
    accepted = parameters(name)
    typed = {p: TypeAdapter(accepted[p].annotation).validate_python(v) for p, v in params.items()}
    return float(catalogue()[name](run, **typed))
